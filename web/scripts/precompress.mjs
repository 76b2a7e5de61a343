#!/usr/bin/env node
// Writes a .gz beside every compressible file of dist/ (gzip level 9). `motcua serve` sends such
// a sibling as is to browsers that accept gzip, instead of compressing at the lower, faster level
// it can afford per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt)$/

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (COMPRESSIBLE.test(name)) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }))
  }
}

walk(dist)

#!/usr/bin/env node
// Measures what a first visit to the citizen portal downloads: the JavaScript and CSS that
// dist/index.html loads before the first screen (entry script, module preloads, stylesheets),
// gzip-compressed at level 9 as `scripts/precompress.mjs` stores them for `motcua serve`.
// Budget (issue 4): 150 KB, a measured figure rather than a gate: prints a table, a warning when
// over budget, and a JSON line for docs/performance.md.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const BUDGET_BYTES = 150 * 1024
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const html = readFileSync(join(dist, 'index.html'), 'utf8')

const assets = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)].map((m) => m[1])
const rows = assets.map((path) => {
  const bytes = readFileSync(join(dist, path))
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
})
const total = rows.reduce((sum, row) => sum + row.gzip, 0)

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
for (const row of rows) console.log(`${row.path.padEnd(36)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)} gzip`)
console.log(`first load (JS + CSS): ${kb(total)} gzip of ${kb(BUDGET_BYTES)} budget`)
if (total > BUDGET_BYTES) console.log('WARNING: the citizen portal\'s first load is over its budget')
console.log(JSON.stringify({ first_load_gzip_bytes: total, budget_bytes: BUDGET_BYTES, files: rows }))

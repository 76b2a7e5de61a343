#!/usr/bin/env node
// Lighthouse (mobile preset: Moto G Power screen, simulated slow 4G and 4x CPU slowdown) against
// the real server with the demo province, in Debian's chromium. A benchmark, not a test gate: it
// prints the performance and accessibility scores of the citizen portal's pages and writes the
// full reports to out/lighthouse/. Copy the figures into docs/performance.md.
//
//   node bench/lighthouse/run.mjs        (scripts/run-lighthouse installs what it needs first)
//
// MOTCUA_BIN (default build/motcua), MOTCUA_STATIC_DIR (default web/dist), CHROME_PATH (default
// /usr/bin/chromium); LIGHTHOUSE_RUNS (default 3) runs per page, the median score is reported.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { buildDemo, startServer, tempPaths, vietnamTimeNow } from '../../tests/e2e/lib/server.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const binary = resolve(root, process.env.MOTCUA_BIN || 'build/motcua')
const staticDir = resolve(root, process.env.MOTCUA_STATIC_DIR || 'web/dist')
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium'
const runs = Number(process.env.LIGHTHOUSE_RUNS || 3)
const outDir = join(root, 'out/lighthouse')

// The citizen's pages: the first screen (search), a procedure page and public tracking.
const pages = [
  { name: 'home', path: '/' },
  { name: 'search', path: '/?q=khai%20sinh' },
  { name: 'procedure', path: '/procedure?code=1.001193' },
  { name: 'track', path: '/track' },
]

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const work = await mkdtemp(join(tmpdir(), 'motcua-lighthouse-'))
const { db, logFile } = tempPaths(work)
buildDemo({ binary, root, db })
const server = await startServer({ binary, root, db, staticDir, fakeNow: vietnamTimeNow(), logFile })
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
})
await mkdir(outDir, { recursive: true })

const results = []
try {
  for (const page of pages) {
    const scores = { performance: [], accessibility: [], fcp: [], lcp: [], tbt: [], cls: [] }
    for (let i = 0; i < runs; i += 1) {
      const result = await lighthouse(`${server.url}${page.path}`, {
        port: chrome.port,
        output: 'html',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      })
      const { categories, audits } = result.lhr
      scores.performance.push(Math.round(categories.performance.score * 100))
      scores.accessibility.push(Math.round(categories.accessibility.score * 100))
      scores.fcp.push(audits['first-contentful-paint'].numericValue)
      scores.lcp.push(audits['largest-contentful-paint'].numericValue)
      scores.tbt.push(audits['total-blocking-time'].numericValue)
      scores.cls.push(audits['cumulative-layout-shift'].numericValue)
      if (i === 0) await writeFile(join(outDir, `${page.name}.html`), result.report)
      const failed = Object.values(audits).filter(
        (audit) => audit.score !== null && audit.score < 1 && result.lhr.categories.accessibility.auditRefs.some((ref) => ref.id === audit.id),
      )
      if (i === 0 && failed.length > 0) {
        console.log(`  ${page.name}: accessibility audits not passed: ${failed.map((a) => a.id).join(', ')}`)
      }
    }
    const row = {
      page: page.name,
      path: page.path,
      performance: median(scores.performance),
      accessibility: median(scores.accessibility),
      fcp_ms: Math.round(median(scores.fcp)),
      lcp_ms: Math.round(median(scores.lcp)),
      tbt_ms: Math.round(median(scores.tbt)),
      cls: Number(median(scores.cls).toFixed(3)),
    }
    results.push(row)
    console.log(JSON.stringify(row))
  }
} finally {
  await chrome.kill()
  await server.stop()
  await rm(work, { recursive: true, force: true })
}

await writeFile(join(outDir, 'scores.json'), `${JSON.stringify({ runs, chromium: chromePath, results }, null, 2)}\n`)
console.log(`lighthouse: median of ${runs} runs per page; reports in ${outDir}`)

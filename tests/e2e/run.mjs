#!/usr/bin/env node
// Runs the browser tests against the real server: builds a fresh demo province in a temporary
// folder, starts `motcua serve` on a free loopback port, runs every *.test.mjs file here with
// node's test runner (one file at a time: the machine may have two cores), prints the spec report
// and closes with "N passed, N failed" on its own line.
//
//   node tests/e2e/run.mjs [--update-docs]
//
// MOTCUA_BIN (default build/motcua) names the server binary, MOTCUA_STATIC_DIR (default web/dist)
// the built web application, MOTCUA_E2E_ONLY (comma-separated parts of file names) a subset of the
// test files; screenshots go to out/screenshots/ (MOTCUA_SCREENSHOTS), and with --update-docs they
// are also copied to docs/screenshots/.
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { run } from 'node:test'
import { spec } from 'node:test/reporters'
import { fileURLToPath } from 'node:url'
import { buildDemo, startEmulator, startServer, tempPaths, vietnamTimeNow } from './lib/server.mjs'
import { agencyCode, makeSigningDir } from './lib/signing.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const binary = resolve(root, process.env.MOTCUA_BIN || 'build/motcua')
const staticDir = resolve(root, process.env.MOTCUA_STATIC_DIR || 'web/dist')
const screenshots = resolve(root, process.env.MOTCUA_SCREENSHOTS || 'out/screenshots')
const updateDocs = process.argv.includes('--update-docs')

function requireFile(path, hint) {
  if (!existsSync(path)) {
    console.error(`e2e: ${path} is missing (${hint})`)
    console.log('0 passed, 1 failed')
    process.exit(1)
  }
}

requireFile(binary, 'build the server first: make build')
requireFile(join(staticDir, 'index.html'), 'build the web application first: scripts/build-web')

const work = await mkdtemp(join(tmpdir(), 'motcua-e2e-'))
const { db, logFile } = tempPaths(work)
const started = Date.now()
const demo = buildDemo({ binary, root, db })
const fakeNow = vietnamTimeNow()
console.log(`e2e: demo province with ${demo.dossiers_created} dossiers built in ${Date.now() - started} ms; clock frozen at ${fakeNow}`)
// The VNPAY gateway emulator, wired as the integration tests wire it (tests/integration/
// payment_test.cpp): the server gets --payment-*, the emulator learns the terminal, its secret
// (made up for this run) and the server's IPN address.
const vnpay = await startEmulator({ root, name: 'vnpay' })
const vnpaySecret = `E2E${Date.now()}SECRET`
const vnpayTerminal = 'MOTCUAE2'
await writeFile(join(work, 'vnpay-secret'), `${vnpaySecret}\n`, { mode: 0o600 })
// Phường Hoa Lư (the journeys' agency) signs its results and notices with a test key.
const signingDir = makeSigningDir(join(work, 'signing'), agencyCode(db, 'commune-14329'), 'UBND Phường Hoa Lư')
const server = await startServer({
  binary,
  root,
  db,
  staticDir,
  fakeNow,
  logFile,
  signingDir,
  extraArgs: [
    // admin-outbox delivers the portal's rows with `motcua deliver --once`: this server, which
    // has no portal link, must keep them (the default drops them).
    '--outbox-unconfigured', 'keep',
    '--payment-url', `${vnpay.url}/paymentv2/vpcpay.html`,
    '--payment-terminal', vnpayTerminal,
    '--payment-secret-file', join(work, 'vnpay-secret'),
  ],
})
console.log(`e2e: motcua serve at ${server.url} (log: ${logFile}); VNPAY emulator at ${vnpay.url}`)
await fetch(`${vnpay.url}/_configure`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ ipn_url: `${server.url}/api/v1/payments/vnpay/ipn`, secret: vnpaySecret, terminal: vnpayTerminal }),
})

await rm(screenshots, { recursive: true, force: true })
process.env.MOTCUA_E2E_URL = server.url
process.env.MOTCUA_E2E_DB = db // tests that run a CLI command on the same database (admin-outbox)
process.env.MOTCUA_E2E_SCREENSHOTS = screenshots
process.env.MOTCUA_E2E_VNPAY = vnpay.url // tests that choose the gateway's scenario (payment)

const only = (process.env.MOTCUA_E2E_ONLY || '').split(',').filter(Boolean)
const files = (await readdir(here))
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort()
  .map((name) => join(here, name))

let passed = 0
let failed = 0
const stream = run({ files, concurrency: 1, timeout: 120_000 })
// Suites report too; only tests are counted, as node's own summary does.
stream.on('test:pass', (event) => {
  if (event.details?.type !== 'suite') passed += 1
})
stream.on('test:fail', (event) => {
  if (event.details?.type !== 'suite') failed += 1
})
await new Promise((done) => {
  stream.compose(spec).on('end', done).pipe(process.stdout, { end: false })
})

await server.stop()
await vnpay.stop()
if (failed === 0) {
  await rm(work, { recursive: true, force: true })
} else {
  console.log(`e2e: server log and database kept in ${work}`)
}

if (updateDocs && failed === 0) {
  const docs = join(root, 'docs/screenshots')
  await mkdir(docs, { recursive: true })
  for (const name of await readdir(screenshots)) await copyFile(join(screenshots, name), join(docs, name))
  console.log(`e2e: screenshots copied to ${docs}`)
}

console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 && passed > 0 ? 0 : 1

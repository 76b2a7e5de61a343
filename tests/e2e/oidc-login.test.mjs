// Citizen login through the identity provider in the browser (issue 15 point 4): a second server
// on the demo database is connected to a REAL OpenID Connect provider on loopback
// (tools/emulators/oidc_provider.mjs, npm oidc-provider); the citizen clicks "Đăng nhập bằng
// VNeID / định danh điện tử" on the login page, passes through the provider (which approves at
// once) and lands in the citizen area, logged in as the provider's citizen.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { PHONE, openBrowser, screenshot } from './lib/browser.mjs'
import { startServer, vietnamTimeNow } from './lib/server.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
let work
let provider
let server
let browser

function startProvider(secretFile) {
  const child = spawn('node', [join(root, 'tools/emulators/oidc_provider.mjs'), '--port', '0',
    '--client-id', 'motcua-e2e', '--client-secret-file', secretFile], { stdio: ['ignore', 'pipe', 'ignore'] })
  return new Promise((resolveUrl, reject) => {
    child.once('exit', (code) => reject(new Error(`oidc_provider.mjs exited with ${code}`)))
    createInterface({ input: child.stdout }).once('line', (line) => {
      resolveUrl({ url: JSON.parse(line).url, stop: () => child.kill('SIGTERM') })
    })
  })
}

before(async () => {
  const deps = spawnSync(join(root, 'scripts/oidc-test-deps'), { stdio: 'inherit' })
  assert.equal(deps.status, 0, 'npm ci of tests/oidc failed')
  work = await mkdtemp(join(tmpdir(), 'motcua-e2e-oidc-'))
  const secretFile = join(work, 'secret')
  await writeFile(secretFile, 'bi-mat-cua-may-khach-thu-nghiem\n')
  provider = await startProvider(secretFile)
  server = await startServer({
    binary: resolve(root, process.env.MOTCUA_BIN || 'build/motcua'),
    root,
    db: process.env.MOTCUA_E2E_DB,
    staticDir: resolve(root, process.env.MOTCUA_STATIC_DIR || 'web/dist'),
    fakeNow: vietnamTimeNow(),
    logFile: join(work, 'server.log'),
    extraArgs: ['--oidc-issuer', provider.url, '--oidc-client-id', 'motcua-e2e', '--oidc-client-secret-file', secretFile],
  })
  browser = await openBrowser(PHONE)
})

after(async () => {
  await browser?.close()
  await server?.stop()
  provider?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

test('the citizen logs in with the electronic identity and lands in the citizen area', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${server.url}/login`)
  const button = page.getByRole('link', { name: 'Đăng nhập bằng VNeID / định danh điện tử' })
  await button.waitFor()
  await screenshot(page, 'oidc-01-login-page')
  await button.click()
  await page.waitForURL(`${server.url}/my`)
  await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor()
  await screenshot(page, 'oidc-02-citizen-area')
  const me = await page.evaluate(async () => (await fetch('/api/v1/session')).json())
  assert.equal(me.user.applicant, true)
  assert.equal(me.user.display_name, 'Nguyễn Văn An')
  assert.deepEqual(pageErrors, [])
})

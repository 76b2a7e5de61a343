// The administrator frees a message the partner refused (issue 14, point 1): `motcua deliver
// --once` sends the demo's portal sync to the recorder emulator, which refuses the first message
// (HTTP 400): it is dead, shown with its last error on /admin/outbox; Retry puts it back, and the
// next run delivers it.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { after, before, test } from 'node:test'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const binary = resolve(root, process.env.MOTCUA_BIN || 'build/motcua')
let browser
let recorder

function startRecorder() {
  const child = spawn('python3', [resolve(root, 'tools/emulators/recorder.py'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout }).once('line', (line) => done({ child, url: JSON.parse(line).url }))
    child.once('error', fail)
  })
}

function deliverOnce(portalUrl) {
  const run = spawnSync(binary, ['deliver', '--once', '--db', process.env.MOTCUA_E2E_DB, '--portal-url', portalUrl], { cwd: root, encoding: 'utf8' })
  assert.equal(run.status, 0, run.stderr)
  return JSON.parse(run.stdout).topics['national_portal.sync']
}

before(async () => {
  browser = await openBrowser(DESK)
  recorder = await startRecorder()
})

after(async () => {
  await browser?.close()
  recorder?.child.kill('SIGKILL')
})

test('a message the portal refused is dead on the outbox page until retried', async () => {
  const { page, pageErrors } = browser
  const control = await fetch(`${recorder.url}/_control`, { method: 'POST', body: JSON.stringify({ mode: 'reject400', count: 1 }) })
  assert.equal(control.status, 200)
  const first = deliverOnce(recorder.url)
  assert.equal(first.dead, 1)
  assert.ok(first.delivered > 0)

  await logIn(page, 'quantri', '/admin')
  await page.getByRole('link', { name: /Hàng đợi gửi tin/ }).click()
  await page.waitForURL('**/admin/outbox')
  const topic = page.locator('tr[data-topic="national_portal.sync"]')
  await topic.waitFor()
  assert.equal(await topic.locator('[data-count="dead"]').textContent(), '1')
  const dead = page.locator('li[data-message]')
  await dead.first().waitFor()
  assert.equal(await dead.count(), 1)
  assert.match(await dead.locator('.last-error').textContent(), /400/)
  await screenshot(page, 'admin-outbox-dead')

  await dead.getByRole('button', { name: 'Gửi lại' }).click()
  await page.getByRole('status').filter({ hasText: 'gửi lại' }).waitFor()
  await page.getByText('Không có tin thất bại.').waitFor()

  const second = deliverOnce(recorder.url)
  assert.ok(second.delivered >= 1)
  assert.equal(second.dead_now, 0)
  assert.equal(second.pending_now, 0)
  await page.reload()
  await topic.waitFor()
  assert.equal(await topic.locator('[data-count="dead"]').textContent(), '0')
  assert.equal(await topic.locator('[data-count="pending"]').textContent(), '0')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

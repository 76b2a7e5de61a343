// A citizen signs up by e-mail in the browser (issue 15 point 5): the form sends a code, `motcua
// deliver --once` hands the mail to a real SMTP server started here (Debian's python3-aiosmtpd,
// Maildir handler; Debian's /usr/bin/python3, which has it), the test reads the code from the mail that arrived, types it, and lands on
// "Hồ sơ của tôi" logged in as the new account.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const binary = resolve(root, process.env.MOTCUA_BIN || 'build/motcua')
const address = `cong.dan.${process.pid}@example.vn`
let browser
let smtp
let maildir

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => done(port))
    })
  })
}

async function startSmtp() {
  const port = await freePort()
  maildir = mkdtempSync(join(tmpdir(), 'motcua-e2e-mail-'))
  const child = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', join(maildir, 'box')], { stdio: 'ignore' })
  for (let i = 0; i < 100; i += 1) {
    const up = await new Promise((done) => {
      const socket = createServer()
      socket.once('error', () => done(true)) // taken: the SMTP server listens
      socket.listen(port, '127.0.0.1', () => socket.close(() => done(false)))
    })
    if (up) break
    await new Promise((done) => setTimeout(done, 50))
  }
  return { child, url: `smtp://127.0.0.1:${port}` }
}

// The readable text of a mail: its RFC 2047 words and base64 parts decoded.
function readable(mail) {
  let out = mail
  for (const [, word] of mail.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)) out += `\n${Buffer.from(word, 'base64').toString('utf8')}`
  for (const [, part] of mail.matchAll(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g)) out += `\n${Buffer.from(part.replace(/\s/g, ''), 'base64').toString('utf8')}`
  return out
}

function codeInMailbox() {
  const dir = join(maildir, 'box', 'new')
  if (!existsSync(dir)) return null
  for (const name of readdirSync(dir)) {
    const text = readable(readFileSync(join(dir, name), 'utf8'))
    if (!text.includes(`To: ${address}`)) continue
    const found = text.match(/Mã xác minh tài khoản[^0-9]*([0-9]{6})/)
    if (found) return found[1]
  }
  return null
}

before(async () => {
  browser = await openBrowser(DESK)
  smtp = await startSmtp()
})

after(async () => {
  await browser?.close()
  smtp?.child.kill('SIGTERM')
  if (maildir) rmSync(maildir, { recursive: true, force: true })
})

test('a citizen signs up with an e-mail address and the code that arrived by mail', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/login`)
  await page.getByRole('link', { name: 'Chưa có tài khoản? Đăng ký' }).click()
  await page.waitForURL('**/signup')
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Mới')
  await page.getByLabel('Thư điện tử hoặc số điện thoại').fill(address)
  await page.getByLabel('Mật khẩu (10-128 ký tự)', { exact: true }).fill('mật khẩu công dân mới')
  await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill('mật khẩu công dân mới')
  await page.getByRole('button', { name: 'Gửi mã xác minh' }).click()
  await page.getByRole('status').filter({ hasText: `Đã gửi mã tới thư điện tử ${address}` }).waitFor()
  await screenshot(page, 'signup-code')

  // The account does not exist yet: the mail goes out and the code is read from what arrived.
  // Each run sends a batch of the oldest due mails (the demo's notices wait before this one).
  let code = null
  for (let i = 0; i < 20 && !code; i += 1) {
    const run = spawnSync(binary, ['deliver', '--once', '--db', process.env.MOTCUA_E2E_DB, '--smtp', smtp.url, '--mail-from', 'motcua@e2e.example.vn'], { cwd: root, encoding: 'utf8' })
    assert.equal(run.status, 0, run.stderr)
    assert.equal(JSON.parse(run.stdout).topics.mail.retried, 0, run.stdout)
    code = codeInMailbox()
  }
  assert.ok(code, 'the verification mail arrived at the SMTP server')

  await page.getByLabel('Mã xác minh (6 chữ số)').fill(code)
  await page.getByRole('button', { name: 'Xác minh và đăng nhập' }).click()
  await page.waitForURL('**/my')
  await page.getByText('Đang đăng nhập: Nguyễn Thị Mới').waitFor()
  assert.deepEqual(pageErrors, [])
})

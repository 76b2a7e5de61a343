// Passwords in the browser: an administrator resets an official's password on the officials page
// (the temporary password is shown once), the official logs in with it, lands on the forced
// "Đổi mật khẩu" screen (nothing else opens until the change), changes it, and reaches the queue.
// Uses an official created here, so no other browser test is affected.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

let browser

before(async () => {
  const admin = await apiSession('quantri')
  const created = await admin.post('/admin/users', {
    username: 'doimatkhau.thu',
    display_name: 'Cán Bộ Đổi Mật Khẩu',
    temporary_password: 'mat khau ban dau 2026',
    grants: [{ role: 'reception', agency_id: 'commune-14329' }],
    reason: 'kiểm thử đổi mật khẩu',
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  browser = await openBrowser(DESK)
  await logIn(browser.page, 'quantri', '/queue')
})

after(async () => {
  await browser?.close()
})

test('a reset password must be changed at the next login, then the queue opens', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/admin/users`)
  await page.getByLabel('Tìm cán bộ').fill('doimatkhau')
  const row = page.locator('tr[data-username="doimatkhau.thu"]')
  await row.waitFor()
  await page.getByLabel('Lý do thay đổi (bắt buộc)').fill('cán bộ quên mật khẩu')
  await row.getByRole('button', { name: 'Đặt lại mật khẩu của Cán Bộ Đổi Mật Khẩu' }).click()
  const notice = page.getByRole('status').filter({ hasText: 'Mật khẩu tạm thời của Cán Bộ Đổi Mật Khẩu' })
  await notice.waitFor()
  const temporary = /: (\S+) \(/.exec(await notice.innerText())?.[1]
  assert.ok(temporary && temporary.length >= 10, await notice.innerText())
  await logOut(page)

  await page.goto(`${baseUrl()}/login`)
  await page.getByLabel('Tên đăng nhập').fill('doimatkhau.thu')
  await page.getByLabel('Mật khẩu', { exact: true }).fill(temporary)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL('**/password**')
  await page.getByRole('alert').filter({ hasText: 'Quản trị viên đã đặt lại mật khẩu' }).waitFor()
  await screenshot(page, 'password-01-forced-change')
  // Nothing else opens before the change.
  await page.goto(`${baseUrl()}/queue`)
  await page.waitForURL('**/password**')

  await page.getByLabel('Mật khẩu hiện tại').fill(temporary)
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat khau cua rieng toi')
  await page.getByLabel('Nhập lại mật khẩu mới').fill('mat khau cua rieng toi')
  await page.getByRole('button', { name: 'Đổi mật khẩu', exact: true }).click()
  await page.waitForURL('**/queue')
  await page.getByRole('link', { name: 'Đổi mật khẩu' }).waitFor()
  assert.deepEqual(pageErrors, [])
})

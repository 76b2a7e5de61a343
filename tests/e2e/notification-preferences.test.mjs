// The applicant's notification choices on "Hồ sơ của tôi": channels and optional notices as
// checkboxes, saved and still there after a reload, with the note that the law's notices always go.
// Uses congdan.cuong, whom no other browser test logs in as.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl } from './lib/api.mjs'
import { PHONE, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'

let browser

before(async () => {
  browser = await openBrowser(PHONE)
  await logIn(browser.page, 'congdan.cuong', '/my')
})

after(async () => {
  await browser?.close()
})

test('an applicant switches optional notices and SMS off, and the choice is kept', async () => {
  const { page, pageErrors } = browser
  const section = page.getByRole('region', { name: 'Nhận thông báo' })
  await section.waitFor()
  await section.getByText('Thông báo pháp luật yêu cầu').waitFor()
  const optional = section.getByLabel('Nhận cả thông báo không bắt buộc', { exact: false })
  const sms = section.getByLabel('Tin nhắn SMS', { exact: false })
  assert.equal(await optional.isChecked(), true)
  await optional.uncheck()
  await sms.uncheck()
  await section.getByLabel('Ngôn ngữ thông báo').selectOption('en')
  await section.getByRole('button', { name: 'Lưu lựa chọn' }).click()
  await section.getByRole('status').filter({ hasText: 'Đã lưu lựa chọn nhận thông báo.' }).waitFor()
  await screenshot(page, 'notification-preferences-01-saved')

  await page.reload()
  await section.waitFor()
  await section.getByRole('button', { name: 'Lưu lựa chọn' }).waitFor()
  assert.equal(await optional.isChecked(), false)
  assert.equal(await sms.isChecked(), false)
  assert.equal(await section.getByLabel('Thư điện tử', { exact: false }).isChecked(), true)

  const cuong = await apiSession('congdan.cuong')
  const stored = await cuong.get('/me/notification-preferences')
  assert.equal(stored.status, 200)
  assert.equal(stored.body.optional_notices, false)
  assert.equal(stored.body.sms, false)
  assert.equal(stored.body.language, 'en')
  assert.deepEqual(pageErrors, [])
})

// An administrator (quantri) opens a new place of receipt for a commune and then renames it. Only
// the new unit is changed, so no other browser test sees a difference.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'

let browser

before(async () => {
  browser = await openBrowser(DESK)
  await logIn(browser.page, 'quantri', '/queue')
})

after(async () => {
  await browser?.close()
})

test('quantri creates a one-stop unit for a commune and renames it', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/admin`)
  await page.getByRole('link', { name: 'Cơ quan và bộ phận một cửa' }).click()
  await page.getByRole('heading', { name: 'Cơ quan và bộ phận một cửa', level: 1 }).waitFor()

  await page.getByLabel('Tìm cơ quan (tên, mã)').fill('000.14.29')
  // The search runs as one types: only the commune with that code stays listed.
  await page.waitForFunction(() => document.querySelectorAll('tr[data-agency]').length === 1)
  const row = page.locator('tr[data-agency="commune-14329"]')
  await row.getByRole('button').click()
  await page.getByLabel('Mã cơ quan', { exact: true }).waitFor()
  assert.equal(await page.getByLabel('Mã cơ quan', { exact: true }).inputValue(), '000.14.29.H42')

  await page.getByLabel('Lý do thay đổi (bắt buộc)').fill('Quyết định 20/QĐ-UBND mở điểm tiếp nhận')
  await page.getByLabel('Mã bộ phận (chữ thường không dấu, số, gạch ngang)').fill('mc-14329-diem-2')
  const create = page.getByRole('form', { name: 'Thêm bộ phận một cửa' })
  await create.getByLabel('Tên', { exact: true }).fill('Điểm tiếp nhận số 2')
  await create.getByLabel('Tên tiếng Anh').fill('Intake point 2')
  await create.getByLabel('Địa chỉ').fill('Đường Tràng An')
  await create.getByRole('button', { name: 'Thêm bộ phận một cửa' }).click()
  await page.getByRole('status').filter({ hasText: 'Đã thêm Điểm tiếp nhận số 2.' }).waitFor()
  const unit = page.locator('li[data-unit="mc-14329-diem-2"]')
  await unit.waitFor()

  await unit.getByRole('button', { name: 'Sửa Điểm tiếp nhận số 2' }).click()
  await page.locator('#unit-name').fill('Điểm tiếp nhận Tràng An')
  await page.getByRole('button', { name: 'Lưu bộ phận một cửa' }).click()
  await unit.filter({ hasText: 'Điểm tiếp nhận Tràng An' }).waitFor()

  const units = await page.evaluate(() => fetch('/api/v1/one-stop-units').then((r) => r.json()))
  const stored = units.find((u) => u.id === 'mc-14329-diem-2')
  assert.equal(stored?.agency_id, 'commune-14329')
  assert.equal(stored?.name, 'Điểm tiếp nhận Tràng An')
  assert.equal(stored?.address, 'Đường Tràng An')
  await screenshot(page, 'admin-agencies')
  assert.deepEqual(pageErrors, [])
})

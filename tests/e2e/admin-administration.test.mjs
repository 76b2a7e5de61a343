// An administrator (quantri) keeps the system current: edits an internal process (a validation
// problem appears next to its step as they type, is fixed, and the process is saved as a new
// version), imports an announced calendar year (it stops being provisional), sets an agency's local
// time limit for a procedure, and creates an official with a role, who can then log in.
// Everything here touches only objects no other browser test uses (year 2030, a department that
// receives no demo dossiers, a new username).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

let browser

before(async () => {
  browser = await openBrowser(DESK)
  await logIn(browser.page, 'quantri', '/queue')
})

after(async () => {
  await browser?.close()
})

test('the administration hub links every admin screen', async () => {
  const { page } = browser
  await page.getByRole('link', { name: 'Quản trị', exact: true }).click()
  await page.getByRole('heading', { name: 'Quản trị hệ thống' }).waitFor()
  for (const name of ['Danh mục thủ tục và chi tiết địa phương', 'Quy trình nội bộ', 'Lịch làm việc', 'Cán bộ và phân quyền']) {
    assert.equal(await page.getByRole('link', { name }).count(), 1, name)
  }
  await screenshot(page, 'admin-01-home')
})

test('a process edit shows a problem beside its step as it is typed, then saves as a new version', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/admin/processes`)
  const picker = page.getByLabel('Chọn quy trình')
  await picker.locator('option').first().waitFor({ state: 'attached' })
  const options = await picker.locator('option').allTextContents()
  await picker.selectOption({ index: options.length - 1 })
  const name = page.locator('#step-name-1')
  await name.waitFor()
  const before = await page.locator('.process-editor > p.muted').innerText()
  const version = Number(/(\d+)\s*$/.exec(before)?.[1] ?? '0')

  await name.fill('')
  const stepProblem = page.locator('.process-step').nth(1).locator('[data-problem-code="empty_step_name"]')
  await stepProblem.waitFor()
  await page.locator('[data-state="invalid"]').waitFor()
  await stepProblem.scrollIntoViewIfNeeded()
  await screenshot(page, 'admin-02-process-problem')

  await name.fill('Thẩm định và xác minh hồ sơ')
  await page.locator('[data-state="valid"]').waitFor()
  assert.equal(await stepProblem.count(), 0)
  await page.getByLabel('Lý do thay đổi (bắt buộc)').fill('Quyết định 15/QĐ-UBND sửa quy trình')
  await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click()
  await page.getByRole('status').filter({ hasText: `Đã lưu phiên bản ${version + 1}.` }).waitFor()
  assert.deepEqual(pageErrors, [])
})

test('importing an announced year removes its provisional badge', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/admin/calendar`)
  const row = page.locator('tr[data-year="2026"]')
  await row.waitFor()
  // The file an administrator would write: the provisional 2030 with the announced swap added.
  const provisional = await page.evaluate(async () => {
    const r = await fetch('/api/v1/calendar/years?from=2030&to=2030').then((x) => x.json())
    return r.years[0]
  })
  assert.equal(provisional.provisional, true)
  const days = provisional.days.map(({ date, kind, name, name_en }) => ({ date, kind, name, name_en }))
  days.push({ date: '2030-09-04', kind: 'swap_off', name: 'Nghỉ hoán đổi', name_en: 'Swapped day off' })
  days.push({ date: '2030-09-14', kind: 'makeup_workday', name: 'Làm bù', name_en: 'Make-up working day' })
  await page.getByLabel('Tệp lịch năm (JSON, định dạng data/calendars/vn/<năm>.json)').setInputFiles({
    name: '2030.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ year: 2030, country: 'VN', days })),
  })
  await page.getByLabel('Lý do thay đổi (bắt buộc)').fill('Thông báo 2030/TB-BNV')
  await page.getByRole('button', { name: 'Xem trước thay đổi' }).click()
  const preview = page.getByTestId('calendar-preview')
  await preview.waitFor()
  assert.match(await preview.innerText(), /2030-09-14/)
  await screenshot(page, 'admin-03-calendar-preview')
  await page.getByRole('button', { name: 'Nhập lịch năm 2030' }).click()
  await page.getByRole('status').filter({ hasText: 'Đã nhập lịch năm 2030' }).waitFor()
  const imported = await page.evaluate(async () => {
    const r = await fetch('/api/v1/calendar/years?from=2030&to=2030').then((x) => x.json())
    return r.years[0]
  })
  assert.equal(imported.provisional, false)
  assert.equal(imported.source, 'database')
  await screenshot(page, 'admin-04-calendar-imported')
  assert.deepEqual(pageErrors, [])
})

test('an agency’s local time limit is saved and the procedure then shows it for that agency', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/admin/catalog`)
  await page.getByLabel('Tìm thủ tục').fill('đăng ký khai sinh')
  await page.getByRole('button', { name: 'Tìm', exact: true }).click()
  await page.locator('.catalog-pick[data-code="1.001193"]').click()
  const agency = page.getByLabel('Cơ quan áp dụng')
  await agency.locator('option[value="so-xay-dung-37"]').waitFor({ state: 'attached' })
  await agency.selectOption('so-xay-dung-37')
  const limit = page.getByLabel('Thời hạn giải quyết — trực tiếp')
  await limit.waitFor()
  await limit.fill('bảy ngày')
  await page.getByLabel('Lý do thay đổi (bắt buộc)').fill('Quyết định 99/QĐ-SXD')
  await page.getByRole('button', { name: 'Lưu chi tiết địa phương' }).click()
  await page.locator('.local-terms .alert--problem').first().waitFor()
  await limit.fill('7 working-days')
  await page.getByLabel('Ghi chú phí, lệ phí').fill('Miễn lệ phí')
  await page.getByRole('button', { name: 'Lưu chi tiết địa phương' }).click()
  await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor()
  await screenshot(page, 'admin-05-local-terms')
  const shown = await page.evaluate(async () => {
    const at = await fetch('/api/v1/procedures/1.001193?agency_id=so-xay-dung-37').then((r) => r.json())
    const elsewhere = await fetch('/api/v1/procedures/1.001193').then((r) => r.json())
    return { at: at.document.limits.counter, fees: at.document.local_terms?.fees_note, elsewhere: elsewhere.document.limits.counter }
  })
  assert.equal(shown.at, '7 working-days')
  assert.equal(shown.fees, 'Miễn lệ phí')
  assert.notEqual(shown.elsewhere, '7 working-days')
  assert.deepEqual(pageErrors, [])
})

test('an official created with a role can log in', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/admin/users`)
  await page.locator('tr[data-username="quantri"]').waitFor()
  await page.getByLabel('Lý do thay đổi (bắt buộc)').fill('Tuyển dụng theo Quyết định 7/QĐ')
  await page.locator('#new-username').fill('e2e.canbo')
  await page.locator('#new-name').fill('Trần Văn Mới')
  await page.locator('#new-password').fill('tam-thoi-e2e-2026')
  await page.locator('#new-role').selectOption('processing')
  await page.locator('#new-agency').selectOption('so-xay-dung-37')
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click()
  const row = page.locator('tr[data-username="e2e.canbo"]')
  await row.waitFor()
  assert.match(await row.innerText(), /Chuyên viên xử lý/)
  // A second role at another agency.
  await page.locator('#grant-user').selectOption({ label: 'e2e.canbo — Trần Văn Mới' })
  await page.locator('#grant-role').selectOption('leader')
  await page.locator('#grant-agency').selectOption('so-xay-dung-37')
  await page.getByRole('button', { name: 'Cấp quyền', exact: true }).click()
  await row.filter({ hasText: 'Lãnh đạo' }).waitFor()
  await screenshot(page, 'admin-06-users')

  await logOut(page)
  await page.goto(`${baseUrl()}/login`)
  await page.getByLabel('Tên đăng nhập').fill('e2e.canbo')
  await page.getByLabel('Mật khẩu').fill('tam-thoi-e2e-2026')
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor()
  const me = await page.evaluate(() => fetch('/api/v1/session').then((r) => r.json()))
  assert.equal(me.user.display_name, 'Trần Văn Mới')
  assert.deepEqual(pageErrors, [])
})

// The administrator's screens of issue 13 (points 7 and 8) in the browser: the administrator adds a
// service and a counter to Phường Tam Điệp's hall on the counter-queue screen, a person takes a
// ticket for that service at the kiosk and Tam Điệp's reception officer calls it at that counter;
// the administrator renames the service and switches it and the counter off, and the kiosk and
// the desk no longer offer them; then the administrator changes the warning threshold and the new value (and who changed it, and
// why) is still there after a reload. Tam Điệp's hall is used so that counter-queue.test.mjs keeps
// Hoa Lư's to itself.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl } from './lib/api.mjs'
import { assertNoViolations } from './lib/axe.mjs'
import { DESK, PHONE, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

const UNIT = 'mc-14362'
const SERVICE = 'Chứng thực bản sao'
const COUNTER = 4

let admin
let kiosk
let desk
let originalHours

before(async () => {
  admin = await openBrowser(DESK)
  kiosk = await openBrowser(PHONE)
  desk = await openBrowser(DESK)
  originalHours = (await (await apiSession('quantri')).get('/admin/warning-hours')).body.hours
})

after(async () => {
  // Later files (warnings.test.mjs) expect the threshold as it was.
  await (await apiSession('quantri')).put('/admin/warning-hours', { hours: originalHours, reason: 'Trả lại sau kiểm thử' })
  await admin?.close()
  await kiosk?.close()
  await desk?.close()
})

test('the administrator adds a service and a counter; a kiosk ticket for it is called at that counter', async () => {
  const { page, pageErrors } = admin
  await logIn(page, 'quantri', '/admin')
  await page.getByRole('link', { name: 'Xếp hàng tại quầy: dịch vụ và quầy' }).click()
  await page.getByLabel('Bộ phận một cửa').selectOption(UNIT)
  await page.locator('[data-queue-services]').getByText('Bộ phận này chưa có dịch vụ nào.').waitFor()

  await page.getByLabel(/Tên dịch vụ/).fill(SERVICE)
  await page.getByRole('button', { name: 'Thêm dịch vụ' }).click()
  await page.getByRole('status').getByText(`Đã thêm dịch vụ ${SERVICE}.`).waitFor()
  await page.locator('[data-queue-services] li').getByText(SERVICE).waitFor()

  // A counter's number is fixed once created (tickets and the calling board show it): the form says so.
  await page.locator('[data-counter-number-hint]').getByText(/Số quầy không đổi được sau khi tạo/).waitFor()
  await page.getByLabel(/Số quầy/).fill(String(COUNTER))
  await page.locator('[data-queue-counters]').getByLabel(SERVICE).check()
  await page.getByRole('button', { name: 'Thêm quầy' }).click()
  await page.getByRole('status').getByText(`Đã thêm quầy số ${COUNTER}.`).waitFor()
  const row = page.locator(`[data-queue-counters] tr[data-counter-number="${COUNTER}"]`)
  await row.waitFor()
  assert.match(await row.innerText(), new RegExp(SERVICE))
  await screenshot(page, 'admin-queue')

  // Refused with the field named: the same counter number twice.
  await page.getByLabel(/Số quầy/).fill(String(COUNTER))
  await page.locator('[data-queue-counters]').getByLabel(SERVICE).check()
  await page.getByRole('button', { name: 'Thêm quầy' }).click()
  await page.locator('[role="alert"][data-problem-code]').waitFor()
  assert.equal(await page.locator(`[data-queue-counters] tr[data-counter-number="${COUNTER}"]`).count(), 1)

  await kiosk.page.goto(`${baseUrl()}/hall/${UNIT}/kiosk`)
  await kiosk.page.getByRole('button', { name: SERVICE }).click()
  const slip = (await kiosk.page.locator('.kiosk-ticket__slip').innerText()).trim()
  const match = slip.match(new RegExp(`^Số (\\d{4}) — Quầy ${COUNTER}$`))
  assert.ok(match, slip)

  await logIn(desk.page, 'tiepnhan.tamdiep', '/hall/desk')
  await desk.page.getByText('Đang chờ: 1').waitFor()
  await desk.page.getByRole('button', { name: 'Gọi số tiếp theo' }).click()
  await desk.page.locator('[data-current]').getByText(`Mời số ${match[1]} đến quầy số ${COUNTER}`).waitFor()
  await desk.page.getByRole('button', { name: 'Đã phục vụ' }).click()
  await desk.page.getByRole('button', { name: 'Gọi số tiếp theo' }).waitFor()
  for (const b of [admin, kiosk, desk]) assert.deepEqual(b.pageErrors, [])
  assert.deepEqual(pageErrors, [])
})

test('the administrator renames the service, then switches it and the counter off', async () => {
  const { page, pageErrors } = admin
  const renamed = `${SERVICE} (giấy tờ, chữ ký)`
  await page.getByRole('button', { name: `Sửa dịch vụ: ${SERVICE}` }).click()
  const serviceForm = page.locator('[data-edit-service]')
  await serviceForm.getByLabel(/Tên dịch vụ/).fill(renamed)
  // Without a reason the browser asks for one; the server would refuse naming "reason" too.
  await serviceForm.getByLabel(/Lý do thay đổi/).fill('Đổi tên cho rõ')
  await serviceForm.getByRole('button', { name: 'Lưu thay đổi' }).click()
  await page.getByRole('status').getByText('Đã lưu thay đổi.').waitFor()
  await page.locator('[data-queue-services] li[data-active="true"]').getByText(renamed).waitFor()

  await page.getByRole('button', { name: `Sửa dịch vụ: ${renamed}` }).click()
  await page.locator('[data-edit-service]').getByLabel(/Lý do thay đổi/).fill('Chuyển sang quầy tỉnh')
  await page.getByRole('button', { name: 'Ngừng cấp số cho dịch vụ này' }).click()
  await page.locator('[data-queue-services] li[data-active="false"]').getByText(renamed).waitFor()

  await page.getByRole('button', { name: `Sửa quầy số ${COUNTER}` }).click()
  await page.locator('[data-edit-counter] [data-counter-number-fixed]').getByText(/ngừng quầy này và tạo quầy mới/).waitFor()
  await page.locator('[data-edit-counter]').getByLabel(/Lý do thay đổi/).fill('Quầy đóng để sửa chữa')
  await page.getByRole('button', { name: 'Ngừng hoạt động quầy này' }).click()
  await page.locator(`[data-queue-counters] tr[data-counter-number="${COUNTER}"][data-active="false"]`).waitFor()
  await screenshot(page, 'admin-queue-switched-off')

  // The kiosk no longer offers the service, and the counter left the officer's desk.
  await kiosk.page.reload()
  // Tam Điệp's only service is off: the kiosk, once loaded, says it has none.
  await kiosk.page.getByText('Bộ phận một cửa này chưa cấu hình dịch vụ nào.').waitFor()
  assert.equal(await kiosk.page.getByRole('button', { name: renamed }).count(), 0)
  await desk.page.reload()
  await desk.page.getByText('Không có quầy nào ở bộ phận một cửa của bạn.').waitFor()
  for (const b of [admin, kiosk, desk]) assert.deepEqual(b.pageErrors, [])
  assert.deepEqual(pageErrors, [])
})

test('the administrator changes the warning threshold and it sticks after a reload', async () => {
  const { page, pageErrors } = admin
  const hours = originalHours === 16 ? 24 : 16
  // Who changed it last comes with the threshold itself: the screen reads no audit log.
  const auditReads = []
  const watch = (request) => {
    if (request.url().includes('/api/v1/admin/audit')) auditReads.push(request.url())
  }
  page.on('request', watch)
  await page.goto(`${baseUrl()}/admin`)
  await page.getByRole('link', { name: 'Ngưỡng cảnh báo sắp đến hạn' }).click()
  await page.locator('[data-warning-hours-current]').getByText(`Hiện tại: ${originalHours} giờ làm việc`).waitFor()
  await page.getByLabel(/Số giờ làm việc báo trước/).fill(String(hours))
  await page.getByLabel(/Lý do thay đổi/).fill('Công văn 12/UBND về nhắc việc sớm')
  await page.getByRole('button', { name: 'Lưu ngưỡng cảnh báo' }).click()
  await page.getByRole('status').getByText(`Đã lưu: cảnh báo trước ${hours} giờ làm việc.`).waitFor()

  await page.reload()
  await page.locator('[data-warning-hours-current]').getByText(`Hiện tại: ${hours} giờ làm việc`).waitFor()
  const last = await page.locator('[data-warning-hours-last]').innerText()
  assert.match(last, /Đinh Văn Quản/)
  assert.match(last, new RegExp(`từ ${originalHours} thành ${hours} giờ`))
  assert.match(last, /Công văn 12\/UBND về nhắc việc sớm/)
  page.off('request', watch)
  assert.deepEqual(auditReads, [])
  assert.equal(await page.getByLabel(/Số giờ làm việc báo trước/).inputValue(), String(hours))
  await screenshot(page, 'admin-warning-hours')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('both screens pass the accessibility checks and fit a 360 px phone', async () => {
  const phone = await openBrowser({ width: 360, height: 740 })
  try {
    const { page, pageErrors } = phone
    await logIn(page, 'quantri', '/admin/queue')
    await page.getByLabel('Bộ phận một cửa').selectOption(UNIT)
    await page.locator(`[data-queue-counters] tr[data-counter-number="${COUNTER}"]`).waitFor()
    await page.getByRole('button', { name: `Sửa quầy số ${COUNTER}` }).click()
    await page.locator('[data-edit-counter]').waitFor()
    await assertNoViolations(page, 'counter queue administration')
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    )
    assert.ok(await fits(), `the queue screen scrolls sideways at 360 px: ${wide.join('; ')}`)
    await page.goto(`${baseUrl()}/admin/warnings`)
    await page.locator('[data-warning-hours-current]').waitFor()
    await assertNoViolations(page, 'warning threshold')
    assert.ok(await fits(), 'the warning screen scrolls sideways at 360 px')
    assert.deepEqual(pageErrors, [])
  } finally {
    await phone.close()
  }
})

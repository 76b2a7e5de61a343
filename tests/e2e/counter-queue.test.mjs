// The counter queue of the one-stop hall, as people use it: the administrator configures a service
// and counter 1 of Phường Hoa Lư's one-stop unit; a person takes a number at the kiosk (no login);
// the reception officer calls it from the counter desk; the hall display shows it with the counter
// and the voice text; the officer marks it served; the statistics count one served ticket.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl } from './lib/api.mjs'
import { DESK, PHONE, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'

const UNIT = 'mc-14329'
let kiosk
let desk
let hall

before(async () => {
  kiosk = await openBrowser(PHONE)
  desk = await openBrowser(DESK)
  hall = await openBrowser(DESK)
  const admin = await apiSession('quantri')
  const service = await admin.post('/admin/queue/services', { unit_id: UNIT, name: 'Hộ tịch' })
  assert.equal(service.status, 201, JSON.stringify(service.body))
  const counter = await admin.post('/admin/queue/counters', { unit_id: UNIT, number: 1, service_ids: [service.body.id] })
  assert.equal(counter.status, 201, JSON.stringify(counter.body))
})

after(async () => {
  await kiosk?.close()
  await desk?.close()
  await hall?.close()
})

test('kiosk → call at the counter → display → served → statistics', async () => {
  await kiosk.page.goto(`${baseUrl()}/hall/${UNIT}/kiosk`)
  await kiosk.page.getByRole('button', { name: 'Hộ tịch' }).click()
  const slip = (await kiosk.page.locator('.kiosk-ticket__slip').innerText()).trim()
  const match = slip.match(/^Số (\d{4}) — Quầy 1$/)
  assert.ok(match, slip)
  const label = match[1]
  await screenshot(kiosk.page, 'counter-queue-kiosk')

  await logIn(desk.page, 'tiepnhan.hoalu', '/hall/desk')
  await desk.page.getByText('Đang chờ: 1').waitFor()
  await desk.page.getByRole('button', { name: 'Gọi số tiếp theo' }).click()
  await desk.page.locator('[data-current]').getByText(`Mời số ${label} đến quầy số 1`).waitFor()

  await hall.page.goto(`${baseUrl()}/hall/${UNIT}/display`)
  await hall.page.locator('[data-now-number]').getByText(label).waitFor()
  assert.equal((await hall.page.locator('[data-now-counter]').innerText()).trim(), '1')
  assert.equal((await hall.page.locator('[data-call-text]').innerText()).trim(), `Mời số ${label} đến quầy số 1`)
  await screenshot(hall.page, 'counter-queue-display')

  await desk.page.getByRole('button', { name: 'Đã phục vụ' }).click()
  await desk.page.getByRole('button', { name: 'Gọi số tiếp theo' }).waitFor()

  await desk.page.goto(`${baseUrl()}/statistics`)
  const row = desk.page.locator('[data-queue-times] [data-queue-row]')
  await row.first().waitFor()
  assert.equal(await row.count(), 1)
  assert.equal((await row.locator('[data-served]').innerText()).trim(), '1')
  for (const b of [kiosk, desk, hall]) assert.deepEqual(b.pageErrors, [])
})

// Issue 13 points 6 and 7 in the browser: public tracking of a dossier paused for a supplement says
// "Tạm dừng từ ..., chờ: ..." with the papers missing; the official holding a dossier near its due
// time sees it in the workspace's "Sắp đến hạn" list. The frozen clock of the suite is "now", so the
// threshold is raised for this file (to 200 working hours, which every fresh dossier is within)
// and put back afterwards.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, submitBirthRegistration } from './lib/api.mjs'
import { DESK, openBrowser } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

let browser
let admin
let paused
let dueSoon

async function receivedAndAssigned(name) {
  const dossier = await submitBirthRegistration(name)
  const reception = await apiSession('tiepnhan.hoalu')
  const accepted = await reception.post(`/dossiers/${dossier.id}/accept`, {})
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body))
  const official = await apiSession('chuyenvien.hoalu')
  const taken = await official.post(`/dossiers/${dossier.id}/assign`, { official_id: official.user.id })
  assert.equal(taken.status, 200, JSON.stringify(taken.body))
  return { ...accepted.body, official }
}

before(async () => {
  paused = await receivedAndAssigned('Lý Thị Tạm Dừng')
  const asked = await paused.official.post(`/dossiers/${paused.id}/request-supplement`, {
    missing_items: ['Giấy chứng sinh (bản chính)', 'Văn bản ủy quyền'],
    reason: 'Bản chụp giấy chứng sinh không đọc được',
  })
  assert.equal(asked.status, 200, JSON.stringify(asked.body))
  dueSoon = await receivedAndAssigned('Mạc Văn Sắp Hạn')
  admin = await apiSession('quantri')
  const set = await admin.put('/admin/warning-hours', { hours: 200, reason: 'Kiểm thử cảnh báo' })
  assert.equal(set.status, 200, JSON.stringify(set.body))
  browser = await openBrowser(DESK)
})

after(async () => {
  await admin?.put('/admin/warning-hours', { hours: 8, reason: 'Trả lại mặc định sau kiểm thử' })
  await browser?.close()
})

test('tracking a paused dossier says since when, what it waits for and the papers missing', async () => {
  const { page, pageErrors } = browser
  const secret = (await paused.official.get(`/dossiers/${paused.id}/tracking-secret`)).body.tracking_secret
  await page.goto(`${baseUrl()}/track?code=${encodeURIComponent(paused.code)}&secret=${secret}`)
  const notice = page.locator('.tracking .pause')
  await notice.waitFor()
  const text = await notice.innerText()
  assert.match(text, /Tạm dừng từ .+, chờ: người nộp bổ sung giấy tờ/)
  assert.match(text, /Bản chụp giấy chứng sinh không đọc được/)
  assert.match(text, /Giấy chứng sinh \(bản chính\)/)
  assert.match(text, /Văn bản ủy quyền/)
  assert.deepEqual(pageErrors, [])
})

test('the official holding a dossier near its due time sees it under "Sắp đến hạn"', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'chuyenvien.hoalu', '/queue')
  const list = page.locator('[data-warnings="due-soon"]')
  await list.waitFor()
  assert.match(await list.locator('h2').innerText(), /Sắp đến hạn \(trong 200 giờ làm việc\)/)
  // Listed once for the dossier's due time, and once more for its step's when the step is near its
  // budget too.
  await list.getByRole('link', { name: dueSoon.code }).first().waitFor()
  // The paused dossier's clock stands still: it is not warned of.
  assert.equal(await list.getByRole('link', { name: paused.code }).count(), 0)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

// The leader's screens: the dashboard of a commune's leader shows its own unit and officials only,
// overdue dossiers link to the dossier page; the approval queue holds the dossier handed to the
// leader until it is approved.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, submitBirthRegistration } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { act, logIn, logOut } from './lib/ui.mjs'

let browser
let waiting

before(async () => {
  // A dossier of Phường Hoa Lư taken through review and handed to its leader.
  const dossier = await submitBirthRegistration('Lý Thị Chờ Duyệt')
  const reception = await apiSession('tiepnhan.hoalu')
  assert.equal((await reception.post(`/dossiers/${dossier.id}/accept`, {})).status, 200)
  const processing = await apiSession('chuyenvien.hoalu')
  const assigned = await processing.post(`/dossiers/${dossier.id}/assign`, {
    official_id: 'u-chuyenvien.hoalu',
    step: 'tham-dinh',
  })
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body))
  const forwarded = await processing.post(`/dossiers/${dossier.id}/forward`, {
    official_id: 'u-lanhdao.hoalu',
    step: 'phe-duyet',
  })
  assert.equal(forwarded.status, 200, JSON.stringify(forwarded.body))
  waiting = dossier
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

test("a commune's leader sees their own unit and officials, with overdue dossiers and their causes", async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'lanhdao.hoalu', '/queue')
  await page.getByRole('link', { name: 'Điều hành' }).click()
  await page.waitForURL('**/leader')
  const officials = page.locator('table[data-table="officials"]')
  await officials.waitFor()
  assert.deepEqual(await officials.locator('tbody[data-unit]').evaluateAll((els) => els.map((e) => e.dataset.unit)), [
    'commune-14329',
  ])
  assert.equal(await officials.locator('tr[data-official="u-chuyenvien.hoalu"]').count(), 1)
  assert.equal(await officials.locator('tr[data-official="u-chuyenvien.tamdiep"]').count(), 0)

  const leader = await apiSession('lanhdao.hoalu')
  const overdue = (await leader.get('/statistics/overdue')).body.dossiers
  assert.ok(overdue.length > 0, 'the demo has late dossiers in Hoa Lư')
  const rows = page.locator('table[data-table="overdue"] tbody tr')
  assert.equal(await rows.count(), overdue.length)
  assert.ok(overdue.every((d) => d.agency_id === 'commune-14329'))
  assert.ok((await page.locator('table[data-table="time-used"] tbody tr').count()) >= 2)
  await page.locator('table[data-table="unit-rates"]').waitFor()
  await page.locator('#officials-title').evaluate((heading) => heading.scrollIntoView())
  await screenshot(page, 'leader-dashboard')

  // Each overdue dossier opens the officials' dossier page.
  const first = overdue[0]
  await rows.first().getByRole('link').click()
  await page.waitForURL(`**/dossiers/${first.id}`)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('the evaluation by the nine indices shows the unit and its officials as the API scores them', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'lanhdao.hoalu', '/queue')
  await page.goto(`${baseUrl()}/leader`)
  const table = page.locator('table[data-table="evaluation"]')
  await table.waitFor()
  const leader = await apiSession('lanhdao.hoalu')
  const answer = await leader.get('/statistics/evaluation')
  assert.equal(answer.status, 200, JSON.stringify(answer.body))
  const unit = answer.body.units.find((u) => u.agency_id === 'commune-14329')
  assert.ok(unit && unit.dossiers > 0, 'the demo has finished dossiers in Hoa Lư')
  assert.deepEqual(await table.locator('tbody[data-evaluation-unit]').evaluateAll((els) => els.map((e) => e.dataset.evaluationUnit)), [
    'commune-14329',
  ])
  const row = table.locator('tbody[data-evaluation-unit="commune-14329"] tr.unit-row')
  // Index 1 (total time) with one decimal and a Vietnamese comma, and the band in words.
  const first = unit.indices.find((i) => i.index === 1).score
  assert.equal(await row.locator('td[data-index="1"]').textContent(), first === null ? 'chưa chấm' : first.toFixed(1).replace('.', ','))
  const bands = { excellent: 'Xuất sắc', good: 'Tốt', fair: 'Khá', average: 'Trung bình', weak: 'Yếu', incomplete: 'Chưa đủ dữ liệu để xếp loại' }
  assert.equal(await row.locator('td[data-band]').textContent(), bands[unit.band])
  assert.equal(await table.locator('tr[data-evaluation-official]').count(), unit.officials.length)
  await page.locator('#evaluation-title').evaluate((heading) => heading.scrollIntoView())
  await screenshot(page, 'leader-evaluation')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test("another commune's leader does not see Hoa Lư's officials", async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'lanhdao.tamdiep', '/queue')
  await page.goto(`${baseUrl()}/leader`)
  const officials = page.locator('table[data-table="officials"]')
  await officials.waitFor()
  assert.equal(await officials.locator('tbody[data-unit="commune-14329"]').count(), 0)
  assert.equal(await officials.locator('tr[data-official="u-chuyenvien.hoalu"]').count(), 0)
  assert.equal(await page.locator(`table[data-table="overdue"] a[href="/dossiers/${waiting.id}"]`).count(), 0)
  // Nor through the API, whatever it asks for.
  const tamdiep = await apiSession('lanhdao.tamdiep')
  assert.equal((await tamdiep.get('/statistics/officials?agency_id=commune-14329')).status, 404)
  // Tam Điệp's own queue may hold its own dossiers (the demo is simulated up to the moment it is
  // built), never Hoa Lư's.
  await page.goto(`${baseUrl()}/approvals`)
  await page.getByRole('status').filter({ hasText: /chờ phê duyệt/ }).waitFor()
  assert.equal(await page.locator(`tr[data-dossier-id="${waiting.id}"]`).count(), 0)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('the approval queue holds the dossier handed to the leader until it is approved', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'lanhdao.hoalu', '/queue')
  await page.getByRole('link', { name: 'Chờ phê duyệt' }).click()
  await page.waitForURL('**/approvals')
  const row = page.locator(`tr[data-dossier-id="${waiting.id}"]`)
  await row.waitFor()
  await screenshot(page, 'leader-approvals')
  await row.getByRole('link').click()
  await page.waitForURL(`**/dossiers/${waiting.id}`)
  await page.locator(`.dossier[data-dossier-id="${waiting.id}"]`).waitFor()
  await act(page, 'Phê duyệt kết quả', 'result_ready', () => page.getByLabel('Ghi chú (không bắt buộc)').fill('Đồng ý'))
  await page.goto(`${baseUrl()}/approvals`)
  await page.getByRole('status').filter({ hasText: /chờ phê duyệt/ }).waitFor()
  assert.equal(await page.locator(`tr[data-dossier-id="${waiting.id}"]`).count(), 0)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

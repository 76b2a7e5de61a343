// The public statistics page without logging in: reached from the header, its tables carry the
// same numbers as the API, the month range can be changed, and it works on a phone.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, PHONE, openBrowser, screenshot } from './lib/browser.mjs'

let browser

before(async () => {
  browser = await openBrowser(PHONE)
})

after(async () => {
  await browser?.close()
})

async function publicFigures(query) {
  const response = await fetch(`${baseUrl()}/api/v1/statistics/on-time?${query}`)
  assert.equal(response.status, 200)
  return response.json()
}

/** "(on time/received)" as the table writes each cell, from the API's counts. */
function ratio(m) {
  return `(${m.finished_early + m.finished_on_time + m.open_within_time}/${m.received})`
}

test('anyone reads the on-time statistics; the table matches the API', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/`)
  await page.getByRole('link', { name: 'Thống kê' }).click()
  await page.waitForURL('**/statistics')
  await page.getByRole('heading', { level: 1, name: 'Thống kê giải quyết hồ sơ đúng hạn' }).waitFor()
  const agencyTable = page.locator('table[data-table="by-agency"]')
  await agencyTable.waitFor()

  const api = await publicFigures('group=agency')
  const group = api.groups.find((g) => g.months.some((m) => m.received > 0))
  assert.ok(group, 'the demo province has dossiers')
  const month = [...group.months].reverse().find((m) => m.received > 0)
  const cell = agencyTable.locator(`tr[data-group="${group.id}"] td[data-month="${month.month}"]`)
  assert.match(await cell.innerText(), new RegExp(ratio(month).replace(/[()/]/g, '\\$&')))
  const name = await agencyTable.locator(`tr[data-group="${group.id}"] th`).innerText()
  assert.equal(name, group.name)

  // The month-by-month details show every count of that month, for all agencies.
  await page.getByText('Xem chi tiết từng loại hồ sơ').click()
  const totals = api.totals.months.find((m) => m.month === month.month)
  const row = page.locator(`table[data-table="totals"] tr[data-month="${month.month}"] td`)
  const cells = await row.allInnerTexts()
  assert.deepEqual(cells.slice(0, 7).map((c) => Number(c.replace(/\D/g, ''))), [
    totals.received,
    totals.finished_early,
    totals.finished_on_time,
    totals.finished_late,
    totals.open_within_time,
    totals.open_overdue,
    totals.open_paused,
  ])
  // The chart is drawn, and the procedure grouping is there too.
  assert.equal(await page.locator('.rate-chart canvas').count(), 2)
  assert.ok((await page.locator('table[data-table="by-procedure"] tbody tr').count()) >= 1)
  assert.deepEqual(pageErrors, [])
})

test('the month range narrows the figures and stays in the address', async () => {
  const { page, pageErrors } = browser
  const api = await publicFigures('group=agency')
  const last = api.to
  await page.getByLabel('Từ tháng').fill(last)
  await page.getByLabel('Đến tháng').fill(last)
  await page.getByRole('button', { name: 'Xem thống kê' }).click()
  await page.waitForURL(`**/statistics?from=${last}&to=${last}`)
  await page.getByRole('status').filter({ hasText: 'Đã tải số liệu' }).waitFor()
  // One month column plus the name and the whole period.
  assert.equal(await page.locator('table[data-table="by-agency"] thead th').count(), 3)
  await page.setViewportSize(DESK)
  await page.goto(`${baseUrl()}/statistics`)
  await page.locator('table[data-table="by-agency"]').waitFor()
  await screenshot(page, 'stats-public')
  assert.deepEqual(pageErrors, [])
})

test('the Decision 766 groups and their points are a table with the API numbers', async () => {
  const { page, pageErrors } = browser
  const response = await fetch(`${baseUrl()}/api/v1/statistics/index-766`)
  assert.equal(response.status, 200)
  const api = await response.json()
  await page.goto(`${baseUrl()}/statistics`)
  const table = page.locator('table[data-table="index-766-groups"]')
  await table.waitFor()
  const points = (n) => n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  for (const [key, max] of [['publicity', 18], ['progress', 20], ['online', 22], ['digitisation', 22], ['satisfaction', 18]]) {
    const cells = await table.locator(`tr[data-group="${key}"] td`).allInnerTexts()
    assert.equal(cells[0], points(api.groups[key].points), key)
    assert.equal(Number(cells[1]), max, key)
  }
  assert.match(await page.locator('[data-index-766-total]').innerText(), new RegExp(`${points(api.total)} / 100`))
  // A group opens on its indices, each with what it counts.
  await page.locator('[data-group-details="progress"] summary').click()
  const row = await page.locator('[data-group-details="progress"] tr[data-index="on_time"] td').allInnerTexts()
  const onTime = api.groups.progress.indices[0]
  assert.deepEqual(row[0].split('/').map((c) => Number(c.replace(/\D/g, ''))), [onTime.numerator, onTime.denominator])
  assert.deepEqual(pageErrors, [])
})

// The public scoreboard without logging in, on a 360 px phone: reached from the header, the
// ranking is the API's, the table behind the bar chart has the API's numbers, the month history
// follows the chosen agency, each agency links to its published feedback, and axe finds no WCAG
// 2.1 AA violation.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { assertNoViolations } from './lib/axe.mjs'
import { openBrowser, screenshot } from './lib/browser.mjs'

const SMALL_PHONE = { width: 360, height: 740 }
let browser

before(async () => {
  browser = await openBrowser(SMALL_PHONE)
})

after(async () => {
  await browser?.close()
})

async function api(path) {
  const response = await fetch(`${baseUrl()}/api/v1/statistics/${path}`)
  assert.equal(response.status, 200)
  return response.json()
}

const percent = (rate) =>
  rate === null ? '–' : new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(rate)
const count = (n) => new Intl.NumberFormat('vi-VN').format(n)

test('anyone reads the ranking; the chart’s table has the API numbers', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/`)
  await page.getByRole('link', { name: 'Xếp hạng' }).click()
  await page.waitForURL('**/scoreboard')
  await page.getByRole('heading', { level: 1, name: 'Bảng xếp hạng chất lượng giải quyết thủ tục hành chính' }).waitFor()
  const ranking = page.locator('table[data-table="scoreboard"]')
  await ranking.waitFor()

  const board = await api('scoreboard')
  assert.ok(board.agencies.length > 0, 'the demo province has agencies')
  const ranked = board.agencies.filter((a) => a.rank !== null)
  assert.ok(ranked.length > 0, 'the demo province has dossiers')
  // The ranking is the API's, in its order, with its ranks; the agencies without dossiers are
  // listed apart.
  const rows = await ranking.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.agency))
  assert.deepEqual(rows, ranked.map((a) => a.id))
  assert.equal(await page.locator('[data-unranked] li').count(), board.agencies.length - ranked.length)
  const first = ranking.locator(`tr[data-agency="${ranked[0].id}"]`)
  assert.match(await first.locator('[data-rank]').innerText(), new RegExp(`^${ranked[0].rank}\\b`))
  assert.equal(await first.locator('th').innerText(), ranked[0].name)

  // The bar chart is a picture naming its table; the table holds the same numbers as the API.
  const chart = page.locator('svg[data-bar-chart]')
  assert.equal(await chart.getAttribute('role'), 'img')
  assert.match(await chart.getAttribute('aria-label'), /Số liệu của biểu đồ tỷ lệ đúng hạn/)
  assert.equal(await chart.locator('[data-bar]').count(), ranked.length)
  const behind = page.locator('table[data-table="scoreboard-chart"]')
  assert.match(await behind.locator('caption').innerText(), /Số liệu của biểu đồ tỷ lệ đúng hạn/)
  for (const a of ranked) {
    const cell = await behind.locator(`tr[data-agency="${a.id}"] [data-on-time]`).innerText()
    assert.equal(cell, `${percent(a.on_time_rate)} (${count(a.counted_on_time)}/${count(a.received)})`, a.id)
  }
  // The 766 groups per agency.
  const points = (n) => n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const groups = page.locator(`table[data-table="scoreboard-groups"] tr[data-agency="${ranked[0].id}"]`)
  assert.match(await groups.locator('[data-group="progress"]').innerText(), new RegExp(`^${points(ranked[0].groups.progress.points)}`))
  assert.equal(await groups.locator('[data-total]').innerText(), points(ranked[0].index_766_total))

  await page.waitForLoadState('networkidle')
  await assertNoViolations(page, 'scoreboard')
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }))
  assert.ok(widths.content <= widths.viewport, `the page is ${widths.content} px wide on a ${widths.viewport} px screen`)
  await screenshot(page, 'scoreboard-phone')
  await chart.scrollIntoViewIfNeeded()
  await screenshot(page, 'scoreboard-chart-phone')
  assert.deepEqual(pageErrors, [])
})

test('the month history follows the chosen agency', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/scoreboard`)
  const board = await api('scoreboard')
  const agency = board.agencies[board.agencies.length > 1 ? 1 : 0]
  await page.getByLabel('Cơ quan', { exact: true }).selectOption(agency.id)
  const table = page.locator('table[data-table="scoreboard-history"]')
  await table.locator('caption').filter({ hasText: agency.name }).waitFor()
  const history = await api(`scoreboard/history?agency_id=${encodeURIComponent(agency.id)}&months=12`)
  assert.equal(await table.locator('tbody tr').count(), 12)
  const last = history.months[11]
  const cells = await table.locator(`tr[data-month="${last.month}"] td`).allInnerTexts()
  assert.equal(cells[0], count(last.received))
  assert.equal(cells[1], percent(last.on_time_rate))
  assert.equal(cells[2], percent(last.satisfied_share))
  assert.ok(await page.locator('.rate-chart[role="img"]').getAttribute('aria-label'))
  assert.deepEqual(pageErrors, [])
})

test('each agency links to its published feedback', async () => {
  const { page } = browser
  await page.goto(`${baseUrl()}/statistics`)
  await page.locator('[data-scoreboard-link]').click()
  await page.waitForURL('**/scoreboard')
  const board = await api('scoreboard')
  const agency = board.agencies[0]
  await page.locator(`table[data-table="scoreboard"] tr[data-agency="${agency.id}"] [data-feedback-link]`).click()
  await page.waitForURL((url) => url.pathname === '/feedback/published' && url.searchParams.get('agency_id') === agency.id)
})

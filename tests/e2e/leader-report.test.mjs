// The leader's periodic report (báo cáo định kỳ): a commune's leader opens it on the dashboard,
// picks the year, reads the form's table and downloads it as CSV, Excel and PDF; the files are read back
// (the CSV's Vietnamese header, the workbook's merged Vietnamese headers inside its zip).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { after, before, test } from 'node:test'
import { apiSession } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

let browser

before(async () => {
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

async function download(page, which) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-section="periodic-report"] a[data-download="${which}"]`).click(),
  ])
  const path = await file.path()
  assert.ok(path, `the ${which} file was saved`)
  return { name: file.suggestedFilename(), path }
}

test('a leader reads the periodic report and downloads it as CSV, XLSX and PDF', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'lanhdao.hoalu', '/queue')
  await page.getByRole('link', { name: 'Điều hành' }).click()
  await page.waitForURL('**/leader')
  // Each overdue dossier names the party that held it past its time, as the API judged it.
  const overdue = (await (await apiSession('lanhdao.hoalu')).get('/statistics/overdue')).body.dossiers
  const blamed = overdue.filter((d) => d.causes.cause === 'official').length
  assert.ok(blamed > 0, 'the demo has dossiers held late by an official')
  await page.locator('table[data-table="overdue"]').waitFor()
  assert.equal(await page.locator('table[data-table="overdue"] li', { hasText: 'Nguyên nhân chính: công chức xử lý' }).count(), blamed)

  const section = page.locator('[data-section="periodic-report"]')
  await section.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor()
  await section.getByRole('combobox', { name: 'Kỳ báo cáo' }).selectOption('year')
  await section.getByRole('button', { name: 'Xem báo cáo' }).click()
  const table = section.locator('table[data-table="periodic-report"]')
  await table.waitFor()
  await section.getByRole('status').filter({ hasText: /-01-01 đến .*-12-31/ }).waitFor()
  // The form's header: groups over two rows, as on paper.
  assert.equal(await table.locator('thead th[colspan="5"]').innerText(), 'Số hồ sơ nhận giải quyết')
  assert.ok((await table.locator('thead').innerText()).includes('Kỳ trước chuyển qua'))
  // Only the leader's own commune, and the books balance: received = resolved + in progress.
  assert.deepEqual(await table.locator('tbody tr[data-agency]').evaluateAll((rows) => rows.map((r) => r.dataset.agency)), [
    'commune-14329',
  ])
  const total = (await table.locator('tfoot tr[data-total] td').allInnerTexts()).slice(1).map(Number)
  assert.equal(total[0], total[5] + total[9])
  assert.ok(total[0] > 0, 'the demo has dossiers in Hoa Lư this year')
  await section.scrollIntoViewIfNeeded()
  await screenshot(page, 'leader-report')

  const csv = await download(page, 'csv')
  assert.match(csv.name, /\.csv$/)
  const text = readFileSync(csv.path, 'utf8')
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark so Excel reads Vietnamese')
  const [header, ...lines] = text.slice(1).trim().split('\r\n')
  const columns = header.split(',')
  assert.equal(columns.length, 18)
  assert.deepEqual(columns.slice(0, 4), [
    'STT',
    'Đơn vị / Lĩnh vực',
    'Số hồ sơ nhận giải quyết - Tổng số',
    'Số hồ sơ nhận giải quyết - Kỳ trước chuyển qua',
  ])
  assert.ok(lines.at(-1).startsWith(',Tổng cộng,'))
  assert.equal(Number(lines.at(-1).split(',')[2]), total[0])

  const xlsx = await download(page, 'xlsx')
  assert.match(xlsx.name, /\.xlsx$/)
  assert.equal(readFileSync(xlsx.path).subarray(0, 2).toString(), 'PK', 'an xlsx is a zip')
  const unzip = (member) => spawnSync('unzip', ['-p', xlsx.path, member], { encoding: 'utf8' }).stdout
  const strings = unzip('xl/sharedStrings.xml')
  assert.ok(strings.includes('Số hồ sơ nhận giải quyết'), strings.slice(0, 500))
  assert.ok(strings.includes('Nguyên nhân quá hạn'))
  assert.ok(unzip('xl/worksheets/sheet1.xml').includes('<mergeCell ref="C4:G4"/>'))

  const pdf = await download(page, 'pdf')
  assert.match(pdf.name, /\.pdf$/)
  assert.equal(readFileSync(pdf.path).subarray(0, 5).toString(), '%PDF-')

  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

// The administrator records an input of the Decision 766 index that MotCua cannot know (issue 16,
// point 1): the public index lists it as missing until then; a value without its source is refused
// with the field named; once saved, the input shows who recorded it and the index stops listing it.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'

let browser

before(async () => {
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

async function publicityMissing() {
  const response = await fetch(`${baseUrl()}/api/v1/statistics/index-766`)
  assert.equal(response.status, 200)
  return (await response.json()).groups.publicity.missing_inputs
}

test('an input recorded with its source leaves the missing list of the index', async () => {
  const { page, pageErrors } = browser
  const missing = await publicityMissing()
  const entry = missing.find((m) => m.startsWith('publication_on_time:') && m.endsWith(':decision_published_on'))
  assert.ok(entry, 'the demo procedures have no announcement date yet')
  const code = entry.split(':')[1]

  await logIn(page, 'quantri', '/admin')
  await page.getByRole('link', { name: /Dữ liệu chỉ số 766/ }).click()
  await page.waitForURL('**/admin/index-766-inputs')
  await page.getByLabel('Mã thủ tục').fill(code)
  await page.getByLabel('Dữ liệu', { exact: true }).selectOption('decision_published_on')
  await page.getByLabel('Giá trị').fill('2026-01-05')
  await page.getByLabel('Lý do thay đổi').fill('Nhập theo quyết định công bố của tỉnh')
  await page.getByRole('button', { name: 'Lưu dữ liệu' }).click()
  // No source: refused, and the message names the field.
  await page.getByRole('alert').filter({ hasText: 'source' }).waitFor()

  await page.getByLabel('Nguồn (văn bản, số hiệu, đường dẫn)').fill('Quyết định 12/QĐ-UBND ngày 05/01/2026')
  await page.getByRole('button', { name: 'Lưu dữ liệu' }).click()
  await page.getByRole('status').filter({ hasText: code }).waitFor()
  const row = page.locator(`tr[data-input="${code}:decision_published_on"]`)
  await row.waitFor()
  assert.match(await row.innerText(), /2026-01-05/)
  assert.match(await row.innerText(), /Quyết định 12\/QĐ-UBND/)

  assert.ok(!(await publicityMissing()).includes(entry))
  await screenshot(page, 'admin-index-766-inputs')
  assert.deepEqual(pageErrors, [])
})

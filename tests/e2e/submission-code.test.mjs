// A code from the moment a dossier is sent online (issue 12, point 3): the wizard's final submit
// lands on a confirmation page showing the code, "Hồ sơ của tôi" lists it, tracking finds it at
// once in lower case with spaces ("Đã nộp, chờ tiếp nhận"), and the tracking page lists one's own
// dossiers by ID number and phone. On a 360 px phone.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'
import { chooseFirstCaseIfAsked, uploadEveryMandatoryPaper } from './lib/wizard.mjs'
import { samplePdf } from './lib/papers.mjs'

const SMALL_PHONE = { width: 360, height: 740 }
const PDF = samplePdf(' '.repeat(400))
const ID_NUMBER = '037190005555'
const PHONE = '0911222333'

let phone
let dossierId
let code
let secret

before(async () => {
  phone = await openBrowser(SMALL_PHONE)
})

after(async () => {
  await phone?.close()
})

test('sending online through the wizard lands on a confirmation page with the code', async () => {
  const { page, pageErrors } = phone
  await logIn(page, 'congdan.an', '/my')
  await page.goto(`${baseUrl()}/submit?code=1.001193`)
  await page.getByLabel(/Nơi nộp hồ sơ/).selectOption('mc-14329')
  await page.getByLabel(/Họ và tên/).fill('Phạm Thị Mã Hồ Sơ')
  await page.getByLabel(/Số định danh cá nhân/).fill(ID_NUMBER)
  await page.getByLabel(/Số điện thoại/).fill(PHONE)
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  await page.waitForURL(/\/submit\?id=d_/)
  dossierId = new URL(page.url()).searchParams.get('id')
  await chooseFirstCaseIfAsked(page)
  await uploadEveryMandatoryPaper(page, PDF)
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  await page.getByLabel('Trực tuyến (bản điện tử)').check()
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  await page.locator('[data-step="review"]').waitFor()
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()

  await page.waitForURL(`**/my/submitted?id=${dossierId}`)
  const shown = page.locator('[data-testid="sent-code"]')
  await shown.waitFor()
  code = (await shown.innerText()).trim()
  secret = (await page.locator('[data-testid="sent-secret"]').innerText()).trim()
  assert.match(secret, /^[0-9A-HJKMNP-TV-Z]{8}$/, 'the tracking secret is shown with the code')
  assert.match(code, /^[0-9A-Z.]+-\d{6}-\d{4,}$/, `a Circular 01/2018 code, not "${code}"`)
  const text = await page.locator('main').innerText()
  assert.match(text, /Tiếp theo/)
  assert.ok(await page.getByRole('link', { name: 'Hồ sơ của tôi' }).last().isVisible())
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 360, `no sideways scrolling at 360 px (page is ${width} px wide)`)
  await screenshot(page, 'citizen-submitted-confirmation')

  // "Hồ sơ của tôi" shows the code on the dossier's card.
  await page.goto(`${baseUrl()}/my`)
  await page.locator(`li[data-dossier-id="${dossierId}"]`).getByText(code).waitFor()
  assert.deepEqual(pageErrors, [])
})

test('tracking finds the code at once, typed in lower case with spaces', async () => {
  const { page, pageErrors } = phone
  await page.goto(`${baseUrl()}/track`)
  await page.getByLabel('Mã hồ sơ', { exact: true }).fill(`  ${code.toLowerCase()}  `)
  await page.getByLabel('Mã bí mật tra cứu', { exact: true }).fill(` ${secret.toLowerCase()} `)
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click()
  const status = page.locator('.tracking .status[data-status="submitted"]')
  await status.waitFor()
  assert.equal((await status.innerText()).trim(), 'Đã nộp, chờ tiếp nhận')
  assert.match(await page.locator('#tracking-title').innerText(), new RegExp(code.replaceAll('.', '\\.')))
  assert.deepEqual(pageErrors, [])
})

test('the tracking page lists my dossiers by ID number and phone', async () => {
  const { page, pageErrors } = phone
  await page.goto(`${baseUrl()}/track`)
  const form = page.locator('.lookup')
  await form.getByLabel(/Số định danh cá nhân/).fill(ID_NUMBER)
  await form.getByLabel('Số điện thoại').fill(PHONE)
  await form.getByRole('button', { name: 'Tìm hồ sơ của tôi' }).click()
  await form.getByRole('link', { name: code }).waitFor()
  assert.match(await form.innerText(), /Đã nộp, chờ tiếp nhận/)
  await screenshot(page, 'track-lookup-own-dossiers')

  // Another phone finds nothing.
  await form.getByLabel('Số điện thoại').fill('0900000009')
  await form.getByRole('button', { name: 'Tìm hồ sơ của tôi' }).click()
  await form.getByText('Không tìm thấy hồ sơ nào có cùng số định danh và số điện thoại.').waitFor()
  assert.deepEqual(pageErrors, [])
})

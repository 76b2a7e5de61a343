// A fee request in the browser: the processing official asks for a fee with its amount and reason;
// both the official's page and the applicant's page show the amount ("150.000 đ"), the reason and
// where to pay (the counter of the receiving unit); the official who asked is not offered the
// confirmation of the payment.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, birthRegistrationInProcessing } from './lib/api.mjs'
import { DESK, openBrowser } from './lib/browser.mjs'
import { act, logIn, logOut } from './lib/ui.mjs'

let browser
let dossier

before(async () => {
  dossier = await birthRegistrationInProcessing('Đinh Thị Lệ Phí')
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

test('the official requests a fee and sees its amount, reason and where to pay, but cannot confirm it', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'chuyenvien.hoalu', '/queue')
  await page.goto(`${baseUrl()}/dossiers/${dossier.id}`)
  await page.locator(`.dossier[data-dossier-id="${dossier.id}"]`).waitFor()
  await act(page, 'Yêu cầu nộp phí, lệ phí', 'awaiting_payment', async () => {
    await page.getByLabel('Số tiền (đồng)').fill('150000')
    await page.getByLabel('Nội dung khoản phí').fill('Lệ phí đăng ký khai sinh quá hạn')
  })
  const card = page.locator('.fee-request')
  await card.waitFor()
  const text = await card.innerText()
  assert.match(text, /150\.000 đ/)
  assert.match(text, /Lệ phí đăng ký khai sinh quá hạn/)
  assert.match(text, /Nộp trực tiếp tại quầy của /)
  // run.mjs gives the server a payment gateway (the VNPAY emulator): the card says so.
  assert.match(text, /Hoặc thanh toán trực tuyến qua cổng thanh toán/)
  assert.doesNotMatch(text, /u-chuyenvien/, 'the requester by name')
  assert.equal(await page.getByRole('button', { name: 'Xác nhận đã nộp phí' }).count(), 0, 'the requester may not confirm')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('the applicant sees the same fee request on their dossier page', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'congdan.an', '/my')
  await page.goto(`${baseUrl()}/my/dossier?id=${dossier.id}`)
  const card = page.locator('.fee-request')
  await card.waitFor()
  const text = await card.innerText()
  assert.match(text, /150\.000 đ/)
  assert.match(text, /Lệ phí đăng ký khai sinh quá hạn/)
  assert.match(text, /Nộp trực tiếp tại quầy của /)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

// Online fee payment in the browser (issue 15 point 1): the processing official asks for a fee; the
// applicant presses "Thanh toán trực tuyến" on their dossier page, pays on the VNPAY emulator's
// page (tools/emulators/vnpay.py, started by run.mjs), comes back to /payments/return, which shows
// what the gateway's IPN recorded, and the dossier resumes: status back to processing, its clock
// running again. A second case: the browser returns before the IPN, and the page shows "đang chờ
// xác nhận" until the IPN arrives. A third: reception takes the fee at the counter (cash or card)
// and issues a numbered e-receipt. A fourth: a refund of a counter payment, handed back by
// reception.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, birthRegistrationInProcessing } from './lib/api.mjs'
import { DESK, PHONE, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

let browser

function vnpay() {
  const url = process.env.MOTCUA_E2E_VNPAY
  if (!url) throw new Error('MOTCUA_E2E_VNPAY is not set: run the tests through tests/e2e/run.mjs')
  return url
}

async function scenario(name) {
  const res = await fetch(`${vnpay()}/_scenario`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario: name }),
  })
  assert.equal(res.status, 200)
}

/** A dossier in processing whose official asked for a 150 000 đ fee. */
async function dossierAwaitingFee(applicantName) {
  const dossier = await birthRegistrationInProcessing(applicantName)
  const official = await apiSession('chuyenvien.hoalu')
  const asked = await official.post(`/dossiers/${dossier.id}/request-payment`, {
    amount: 150000,
    description: 'Lệ phí đăng ký khai sinh quá hạn',
  })
  assert.equal(asked.status, 200, JSON.stringify(asked.body))
  return dossier
}

/** Opens the dossier as the applicant and presses the pay button: the browser is on the gateway. */
async function goToGateway(page, dossier) {
  await page.goto(`${baseUrl()}/my/dossier?id=${dossier.id}`)
  const card = page.locator('.fee-request')
  await card.waitFor()
  assert.match(await card.innerText(), /Hoặc thanh toán trực tuyến qua cổng thanh toán/)
  await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click()
  await page.waitForURL((url) => url.href.startsWith(vnpay()))
  assert.equal(await page.locator('#amount').innerText(), '150.000 VND')
}

before(async () => {
  browser = await openBrowser(PHONE)
})

after(async () => {
  await browser?.close()
})

test('the applicant pays a requested fee through the gateway and the dossier resumes', async () => {
  const { page, pageErrors } = browser
  const dossier = await dossierAwaitingFee('Phạm Văn Thanh Toán')
  const an = await apiSession('congdan.an')
  const before = (await an.get(`/dossiers/${dossier.id}`)).body
  assert.equal(before.status, 'awaiting_payment')
  assert.ok(before.clock?.paused, 'the clock stands while the fee is awaited')

  await scenario('ok')
  await logIn(page, 'congdan.an', '/my')
  await goToGateway(page, dossier)
  await page.locator('#pay').click()
  await page.waitForURL((url) => url.pathname === '/payments/return')
  const result = page.locator('.payment-result[data-payment-state="paid"]')
  await result.waitFor()
  assert.match(await result.innerText(), /Đã thanh toán 150\.000 đ/)
  await screenshot(page, 'payment-return-paid')

  await page.getByRole('link', { name: 'Về trang hồ sơ' }).click()
  await page.locator(`.dossier[data-dossier-id="${dossier.id}"]`).waitFor()
  await page.locator('.dossier .status[data-status="in_progress"]').waitFor()
  const card = page.locator('.fee-request[data-fee-status="paid"]')
  await card.waitFor()
  assert.equal(await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).count(), 0, 'nothing left to pay')

  const afterPay = (await an.get(`/dossiers/${dossier.id}`)).body
  assert.equal(afterPay.status, 'in_progress')
  assert.equal(afterPay.clock?.paused ?? null, null, 'the clock runs again')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('a browser back before the IPN sees "waiting for confirmation", then the payment', async () => {
  const { page, pageErrors } = browser
  const dossier = await dossierAwaitingFee('Lê Thị Chờ Xác Nhận')
  await scenario('return_first') // the IPN follows 1.5 s after the browser's return
  await logIn(page, 'congdan.an', '/my')
  await goToGateway(page, dossier)
  await page.locator('#pay').click()
  await page.waitForURL((url) => url.pathname === '/payments/return')
  const pending = page.locator('.payment-result[data-payment-state="pending"]')
  await pending.waitFor()
  assert.match(await pending.innerText(), /Đang chờ xác nhận/)
  // The page asks again by itself; nothing the browser carried marked it paid.
  await page.locator('.payment-result[data-payment-state="paid"]').waitFor()
  await scenario('ok')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('reception takes the fee at the counter, gets a numbered e-receipt and the dossier resumes', async () => {
  const { page, pageErrors } = browser
  await page.setViewportSize(DESK)
  const dossier = await dossierAwaitingFee('Trần Văn Nộp Quầy')
  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await page.goto(`${baseUrl()}/dossiers/${dossier.id}`)
  await page.locator(`.dossier[data-dossier-id="${dossier.id}"]`).waitFor()
  const panel = page.locator('.counter-payment')
  await panel.getByRole('button', { name: 'Thu phí tại quầy' }).click()
  assert.equal(await page.getByLabel('Số tiền thu (đồng)').inputValue(), '150000', 'prefilled with what is owed')

  // Less than owed: refused, the field named, nothing recorded.
  await page.getByLabel('Số tiền thu (đồng)').fill('100000')
  await panel.getByRole('button', { name: 'Thu tiền và cấp biên lai' }).click()
  await panel.getByText(/Số tiền \(amount_vnd\) phải đúng bằng số phải nộp: 150000 đồng/).waitFor()

  await page.getByLabel('Số tiền thu (đồng)').fill('150000')
  await page.getByLabel('Thẻ ngân hàng').check()
  await panel.getByRole('button', { name: 'Thu tiền và cấp biên lai' }).click()
  const issued = panel.locator('.counter-payment__issued')
  await issued.waitFor()
  const number = (await issued.innerText()).match(/\d{4}\/\d{6}/)?.[0]
  assert.ok(number, await issued.innerText())
  await page.locator('.dossier .status[data-status="in_progress"]').waitFor()
  await panel.locator(`[data-receipt="${number}"]`).waitFor()
  await screenshot(page, 'counter-payment-receipt')

  const href = await panel.locator(`[data-receipt="${number}"] a`).getAttribute('href')
  const pdf = await page.request.get(`${baseUrl()}${href}`)
  assert.equal(pdf.status(), 200)
  assert.equal(pdf.headers()['content-type'], 'application/pdf')
  await logOut(page)
  await page.setViewportSize(PHONE)
  assert.deepEqual(pageErrors, [])
})

test('a stopped dossier paid at the counter shows its refund, which reception hands back', async () => {
  const { page, pageErrors } = browser
  await page.setViewportSize(DESK)
  const dossier = await dossierAwaitingFee('Hoàng Văn Hoàn Tiền')
  const reception = await apiSession('tiepnhan.hoalu')
  const paid = await reception.post(`/dossiers/${dossier.id}/counter-payments`, { method: 'cash', amount_vnd: 150000 })
  assert.equal(paid.status, 201, JSON.stringify(paid.body))
  const stopped = await reception.post(`/dossiers/${dossier.id}/stop`, { reason: 'Người nộp rút hồ sơ' })
  assert.equal(stopped.status, 200, JSON.stringify(stopped.body))

  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await page.goto(`${baseUrl()}/dossiers/${dossier.id}`)
  const refunds = page.locator('.refunds')
  await refunds.locator('[data-refund-state="pending"]').waitFor()
  assert.match(await refunds.innerText(), /150\.000 đ — Trả lại tiền mặt tại quầy — Đang chờ hoàn trả/)
  await refunds.getByLabel('Ghi chú khi trả lại tiền (không bắt buộc)').fill('Đã trả đủ tiền mặt')
  await refunds.getByRole('button', { name: 'Đã trả lại tiền cho người nộp' }).click()
  await refunds.locator('[data-refund-state="refunded"]').waitFor()
  assert.match(await refunds.innerText(), /Đã hoàn trả/)
  await logOut(page)

  // The applicant sees the same refund on their page.
  await page.setViewportSize(PHONE)
  await logIn(page, 'congdan.an', '/my')
  await page.goto(`${baseUrl()}/my/dossier?id=${dossier.id}`)
  await page.locator('.refunds [data-refund-state="refunded"]').waitFor()
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

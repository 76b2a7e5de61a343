// The officers' workspace and its printed forms: a counter intake done with the keyboard alone
// that ends on the printed receipt (form 01) with its QR code; an official who tries an action
// their role does not allow (no button, and the server's refusal when forced); a supplement
// request by ticking papers (form 02), a refusal with reasons (form 03) and an apology with a new
// date (form 04); the control sheet (form 06) and the tracking book (form 07).
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, submitBirthRegistration } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { act, logIn, logOut } from './lib/ui.mjs'

let browser
let toSupplement
let toRefuse
let inReview

before(async () => {
  toSupplement = await submitBirthRegistration('Lý Thị Bổ Túc')
  toRefuse = await submitBirthRegistration('Mạc Văn Từ Khước')
  const online = await submitBirthRegistration('Kiều Thị Xin Lỗi')
  const reception = await apiSession('tiepnhan.hoalu')
  const accepted = await reception.post(`/dossiers/${online.id}/accept`, {})
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body))
  const processing = await apiSession('chuyenvien.hoalu')
  const taken = await processing.post(`/dossiers/${online.id}/assign`, { official_id: processing.user.id })
  assert.equal(taken.status, 200, JSON.stringify(taken.body))
  inReview = taken.body
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

/** Presses Tab until the element with this id has the focus (at most `limit` times). */
async function tabTo(page, id, limit = 12) {
  for (let i = 0; i < limit; i += 1) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return
    await page.keyboard.press('Tab')
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), id, `Tab reaches #${id}`)
}

async function openDossier(page, id) {
  await page.goto(`${baseUrl()}/dossiers/${id}`)
  await page.locator(`.dossier[data-dossier-id="${id}"]`).waitFor()
}

test('a counter intake by keyboard alone ends on the printed receipt with its QR code', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await page.locator('tbody tr').first().waitFor()
  await screenshot(page, 'officer-01-queue')

  await page.getByRole('link', { name: 'Tiếp nhận tại quầy' }).click()
  await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ tại quầy' }).waitFor()
  // The procedure box has the focus: type the code, pick the suggestion with Enter.
  await page.waitForFunction(() => document.activeElement?.id === 'counter-procedure')
  await page.keyboard.type('1.001193')
  await page.getByRole('option').first().waitFor()
  await page.keyboard.press('Enter')
  await page.getByText(/Đã chọn: 1\.001193/).waitFor()
  await page.locator('.counter-papers tbody tr').first().waitFor()

  await tabTo(page, 'counter-name')
  await page.keyboard.type('Phan Văn Quầy')
  await page.keyboard.press('Tab')
  await page.keyboard.type('037090009999')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Phường Hoa Lư, tỉnh Ninh Bình')
  await page.keyboard.press('Tab')
  await page.keyboard.type('0912000111')
  // Tick the first paper with the keyboard (Space), then give one copy of it as well.
  await tabTo(page, 'paper-0')
  const ticked = await page.locator('#paper-0').isChecked()
  if (!ticked) await page.keyboard.press('Space')
  assert.equal(await page.locator('#paper-0').isChecked(), true)
  const paperName = (await page.locator('.counter-papers tbody tr').first().locator('label').innerText()).trim()
  await screenshot(page, 'officer-02-counter-intake')
  // Enter in a text field submits the form.
  await page.locator('#counter-email').focus()
  await page.keyboard.press('Enter')

  await page.waitForURL(/\/dossiers\/[^/]+\/print\/01$/)
  const sheet = page.locator('.a4[data-form="01"]')
  await sheet.waitFor()
  const code = (await sheet.locator('.receipt-code').innerText()).trim()
  assert.match(code, /^[0-9A-Z.]+-\d{6}-\d{4}$/)
  assert.equal((await sheet.locator('.receipt-applicant').innerText()).trim(), 'Phan Văn Quầy')
  assert.equal((await sheet.locator('.receipt-id').innerText()).trim(), '037090009999')
  assert.match(await sheet.locator('.receipt-procedure').innerText(), /khai sinh/i)
  assert.match(await sheet.locator('.receipt-received').innerText(), /giờ .* phút, ngày \d+ tháng \d+ năm \d{4}/)
  assert.match(await sheet.locator('.receipt-due').innerText(), /giờ .* phút, ngày \d+ tháng \d+ năm \d{4}/)
  assert.ok((await sheet.locator('.receipt-official').innerText()).trim().length > 3, 'the receiving official is named')
  const paperRows = await sheet.locator('.receipt-papers tbody tr').allInnerTexts()
  assert.ok(paperRows.some((row) => row.includes(paperName)), 'the paper received is listed')

  // The QR code is the server's SVG of the public tracking address, and it loaded.
  const qr = sheet.locator('img.receipt-qr')
  // The receipt prints the tracking secret beside the code, and the QR code carries both.
  const secret = (await sheet.locator('.receipt-secret').innerText()).trim()
  assert.match(secret, /^[0-9A-HJKMNP-TV-Z]{8}$/)
  assert.equal(await qr.getAttribute('src'), `/api/v1/track/${encodeURIComponent(code)}/qr.svg?secret=${secret}`)
  await page.waitForFunction(() => (document.querySelector('img.receipt-qr')?.naturalWidth ?? 0) > 0)
  const svg = await page.evaluate(async (src) => {
    const response = await fetch(src)
    return { type: response.headers.get('content-type'), cache: response.headers.get('cache-control'), body: await response.text() }
  }, await qr.getAttribute('src'))
  assert.equal(svg.type, 'image/svg+xml')
  assert.match(svg.cache, /immutable/)
  assert.ok(svg.body.includes(code))
  await screenshot(page, 'officer-03-receipt')

  // Beside the print button, the server's PDF of the same slip (issue 15), with the session's cookie.
  const pdfLink = page.getByRole('link', { name: 'Tải PDF' })
  const pdfHref = await pdfLink.getAttribute('href')
  assert.match(pdfHref, /^\/api\/v1\/dossiers\/[^/]+\/documents\/receipt\.pdf$/)
  const pdf = await page.evaluate(async (src) => {
    const response = await fetch(src)
    const bytes = new Uint8Array(await response.arrayBuffer())
    return { status: response.status, type: response.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) }
  }, pdfHref)
  assert.deepEqual(pdf, { status: 200, type: 'application/pdf', head: '%PDF-' })

  // Printed: no site header, no toolbar; an A4 PDF of the slip.
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('.site-header').isVisible(), false)
  assert.equal(await page.locator('.print-toolbar').isVisible(), false)
  await screenshot(page, 'officer-04-receipt-print')
  const dir = process.env.MOTCUA_E2E_SCREENSHOTS
  if (dir) {
    await mkdir(dir, { recursive: true })
    const pdf = await page.pdf({ path: join(dir, 'officer-receipt.pdf'), preferCSSPageSize: true })
    assert.ok(pdf.length > 5000)
  }
  await page.emulateMedia({ media: 'screen' })
  assert.deepEqual(pageErrors, [])
})

test('an action the role does not allow has no button, and forcing it shows the server refusal', async () => {
  const { page, pageErrors } = browser
  await logOut(page)
  await logIn(page, 'chuyenvien.hoalu', '/queue')
  await openDossier(page, inReview.id)
  await page.locator('.action-panel [data-action]').first().waitFor()
  const offered = await page.locator('.action-panel [data-action]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')))
  assert.ok(offered.includes('forward'), 'a processing official may forward')
  assert.ok(!offered.includes('approve'), 'approving is the leader’s')
  assert.equal(await page.getByRole('button', { name: 'Phê duyệt kết quả' }).count(), 0)
  assert.equal(await page.getByRole('button', { name: 'Trả kết quả' }).count(), 0)

  // Forced past the UI: the server refuses with its own message.
  const processing = await apiSession('chuyenvien.hoalu')
  const forced = await processing.post(`/dossiers/${inReview.id}/approve`, { note: 'tự phê duyệt' })
  assert.equal(forced.status, 403)
  assert.equal(forced.body.code, 'role_not_allowed')
  assert.ok(forced.body.message_vi.length > 10)

  // A button that became stale (reception stopped the dossier meanwhile): the page shows the
  // server's message when it is pressed.
  const reception = await apiSession('tiepnhan.hoalu')
  const stopped = await reception.post(`/dossiers/${inReview.id}/stop`, { reason: 'Người nộp rút hồ sơ tại quầy' })
  assert.equal(stopped.status, 200, JSON.stringify(stopped.body))
  await page.getByRole('button', { name: 'Chuyển bước tiếp theo', exact: true }).click()
  await page.getByLabel('Cán bộ nhận hồ sơ').locator('option[value="u-lanhdao.hoalu"]').waitFor({ state: 'attached' })
  await page.getByLabel('Cán bộ nhận hồ sơ').selectOption('u-lanhdao.hoalu')
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  const alert = page.getByRole('alert').filter({ hasText: /kết thúc|đã đóng|không thể|dừng/i })
  await alert.first().waitFor()
  assert.ok(pageErrors.every((e) => /40[39]/.test(e)) || pageErrors.length === 0, pageErrors.join('\n'))
})

test('reception requests supplements by ticking papers, refuses with reasons, and prints both', async () => {
  const { page } = browser
  await logOut(page)
  await logIn(page, 'tiepnhan.hoalu', '/queue')

  await openDossier(page, toSupplement.id)
  await act(page, 'Yêu cầu bổ sung', 'awaiting_supplement', async () => {
    const boxes = page.locator('.checklist input[type="checkbox"]')
    await boxes.nth(1).waitFor()
    await boxes.nth(0).check()
    await boxes.nth(1).check()
    await page.getByLabel('Lý do và hướng dẫn cho người nộp').fill('Thiếu hai giấy tờ bắt buộc.')
  })
  await page.getByRole('link', { name: /Mẫu 02/ }).first().click()
  const supplement = page.locator('.a4[data-form="02"]')
  await supplement.waitFor()
  assert.equal(await supplement.locator('.supplement-items li').count(), 2)
  assert.match(await supplement.innerText(), /Lý Thị Bổ Túc/)
  assert.match(await supplement.innerText(), /Thiếu hai giấy tờ bắt buộc/)

  await openDossier(page, toRefuse.id)
  await act(page, 'Từ chối tiếp nhận', 'refused_at_receipt', () =>
    page.getByLabel('Lý do (mỗi dòng một lý do)').fill('Không thuộc thẩm quyền của Phường\nGiấy tờ không hợp lệ'),
  )
  await page.getByRole('link', { name: /Mẫu 03/ }).first().click()
  const refusal = page.locator('.a4[data-form="03"]')
  await refusal.waitFor()
  assert.deepEqual(await refusal.locator('.refusal-reasons li').allInnerTexts(), ['Không thuộc thẩm quyền của Phường', 'Giấy tờ không hợp lệ'])
})

test('an apology with a new date prints as form 04; the control sheet and tracking book print', async () => {
  const { page, pageErrors } = browser
  // A fresh dossier in review for the apology (the one above was stopped).
  const online = await submitBirthRegistration('Kiều Văn Hẹn Lại')
  const reception = await apiSession('tiepnhan.hoalu')
  const accepted = await reception.post(`/dossiers/${online.id}/accept`, {})
  const processing = await apiSession('chuyenvien.hoalu')
  await processing.post(`/dossiers/${online.id}/assign`, { official_id: processing.user.id })
  const due = Date.parse(accepted.body.due)
  // A day later, as a Hanoi wall-clock time for <input type="datetime-local">: within the bound of
  // docs/rules.md 3.9 (the procedure's one working day counted again from the current due date).
  const newDue = new Date(due + 1 * 86400_000 + 7 * 3600_000).toISOString().slice(0, 16)

  await logOut(page)
  await logIn(page, 'chuyenvien.hoalu', '/queue')
  await openDossier(page, online.id)
  await screenshot(page, 'officer-05-dossier-detail')
  await act(page, 'Phiếu xin lỗi và hẹn lại ngày trả', 'in_progress', async () => {
    await page.getByLabel('Lý do').fill('Chờ kết quả xác minh của cơ quan khác')
    await page.getByLabel('Ngày hẹn trả mới').fill(newDue)
  })
  await page.getByRole('status').filter({ hasText: 'Đã thực hiện' }).waitFor()
  assert.equal(await page.getByRole('button', { name: 'Phiếu xin lỗi và hẹn lại ngày trả' }).count(), 0, 'only once')
  await page.getByRole('link', { name: /Mẫu 04/ }).first().click()
  const apology = page.locator('.a4[data-form="04"]')
  await apology.waitFor()
  assert.match(await apology.locator('.apology-reason').innerText(), /Chờ kết quả xác minh/)
  const [year, month, day] = newDue.slice(0, 10).split('-').map(Number)
  assert.match(await apology.locator('.apology-new-due').innerText(), new RegExp(`ngày 0?${day} tháng 0?${month} năm ${year}`))
  await screenshot(page, 'officer-06-apology-print')

  await page.goto(`${baseUrl()}/dossiers/${online.id}/print/06`)
  const sheet = page.locator('.a4[data-form="06"]')
  await sheet.waitFor()
  assert.ok((await sheet.locator('.control-handovers tbody tr').count()) >= 2, 'reception and the take-over are rows')
  await screenshot(page, 'officer-07-control-sheet')

  await logOut(page)
  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await page.getByRole('link', { name: 'Sổ theo dõi' }).click()
  const book = page.locator('.a4[data-form="07"]')
  await book.waitFor()
  await page.getByLabel('Từ ngày').fill('2020-01-01')
  await page.getByRole('button', { name: 'Xem sổ' }).click()
  await page.waitForURL(/from=2020-01-01/)
  // 2020 to today is more than a year: the server refuses and says why.
  await page.getByRole('alert').first().waitFor()
  assert.ok(pageErrors.every((e) => /422|40[39]/.test(e)) || pageErrors.length === 0, pageErrors.join('\n'))
})

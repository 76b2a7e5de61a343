// The whole journey through the screens: an applicant submits online with the step-by-step form
// (keeping a draft), reception accepts, processing takes it and forwards it, the leader approves,
// reception returns the result and the applicant rates it. Then a supplement asked for during
// review and sent by upload. On a 360 px phone for the citizen, a desk screen for officials.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, submitBirthRegistration } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { act, logIn, logOut } from './lib/ui.mjs'
import { uploadEveryMandatoryPaper } from './lib/wizard.mjs'
import { samplePdf } from './lib/papers.mjs'

const SMALL_PHONE = { width: 360, height: 740 }
const PDF = samplePdf(' '.repeat(400))

let phone
let desk
let dossierId

before(async () => {
  phone = await openBrowser(SMALL_PHONE)
  desk = await openBrowser(DESK)
})

after(async () => {
  await phone?.close()
  await desk?.close()
})

async function openOfficialDossier(page, id) {
  await page.goto(`${baseUrl()}/dossiers/${id}`)
  await page.locator(`.dossier[data-dossier-id="${id}"]`).waitFor()
}

test('the applicant submits online through the wizard, keeping a draft from the first step', async () => {
  const { page, pageErrors } = phone
  await logIn(page, 'congdan.binh', '/my')
  await page.goto(`${baseUrl()}/procedure?code=1.001193`)
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click()
  await page.waitForURL('**/submit?code=1.001193')

  // Step 1: applicant and place of submission.
  await page.getByLabel(/Nơi nộp hồ sơ/).selectOption('mc-14329')
  await page.getByLabel(/Họ và tên/).fill('Lê Thị Trực Tuyến')
  await page.getByLabel(/Số định danh cá nhân/).fill('037190004321')
  await page.getByLabel(/Số điện thoại/).fill('0987654321')
  await screenshot(page, 'citizen-wizard-1-applicant')
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  await page.waitForURL(/\/submit\?id=d_/)
  dossierId = new URL(page.url()).searchParams.get('id')
  // The case step, unless the procedure has a single case (then the wizard skips it).
  await page.locator('[data-step="variant"], [data-step="papers"]').waitFor()
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H2', 'focus moves to the new step')
  const hasCases = (await page.locator('[data-step="variant"]').count()) > 0
  if (hasCases) assert.equal(await page.locator('[aria-current="step"]').innerText().then((s) => s.includes('Trường hợp')), true)

  // The draft is on the server and listed under "my dossiers" (resumable).
  const binh = await apiSession('congdan.binh')
  const draft = await binh.get(`/dossiers/${dossierId}`)
  assert.equal(draft.body.status, 'draft')
  assert.equal(draft.body.applicant.id_number, '037190004321')

  // Step 2: the case; step 3: papers, uploaded at once.
  if (hasCases) {
    await page.locator('[data-step="variant"] input[type="radio"]').first().check()
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  }
  await page.locator('[data-step="papers"]').waitFor()
  const firstPaper = page.locator('.paper-uploads input[type="file"]').first()
  await firstPaper.setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF })
  await page.locator('.paper__attached').first().waitFor()
  // Every mandatory paper of the case is uploaded too: submission waits for them.
  await uploadEveryMandatoryPaper(page, PDF)
  const uploadedCount = await page.locator('.paper__attached').count()
  await screenshot(page, 'citizen-wizard-3-papers')

  // Leaving and coming back resumes the draft where the papers are.
  await page.goto(`${baseUrl()}/my`)
  const draftCard = page.locator(`li[data-dossier-id="${dossierId}"]`)
  await draftCard.getByRole('link', { name: 'Tiếp tục soạn' }).click()
  await page.locator('[data-step="papers"]').waitFor()
  assert.equal(await page.locator('.paper__attached').count(), uploadedCount)
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()

  // Step 4: return channel by keyboard; step 5: review and submit.
  await page.getByLabel('Qua bưu chính công ích').check()
  await page.keyboard.press('Enter')
  await page.locator('[data-step="review"]').waitFor()
  const review = await page.locator('[data-step="review"]').innerText()
  assert.match(review, /Lê Thị Trực Tuyến/)
  assert.match(review, /Qua bưu chính công ích/)
  assert.match(review, /giay-chung-sinh\.pdf/)
  await screenshot(page, 'citizen-wizard-5-review')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 360, `no sideways scrolling at 360 px (page is ${width} px wide)`)
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
  // The confirmation page (submission-code.test.mjs), then the dossier itself.
  await page.waitForURL(`**/my/submitted?id=${dossierId}`)
  await page.goto(`${baseUrl()}/my/dossier?id=${dossierId}`)
  await page.locator('.dossier .status[data-status="submitted"]').waitFor()
  assert.deepEqual(pageErrors, [])
})

test('reception accepts, processing forwards, the leader approves, reception returns the result', async () => {
  const { page, pageErrors } = desk
  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await openOfficialDossier(page, dossierId)
  await act(page, 'Tiếp nhận hồ sơ', 'received')
  await logOut(page)

  await logIn(page, 'chuyenvien.hoalu', '/queue')
  await openOfficialDossier(page, dossierId)
  await act(page, 'Nhận xử lý hồ sơ', 'in_progress')
  await act(page, 'Chuyển bước tiếp theo', 'in_progress', async () => {
    const picker = page.getByLabel('Cán bộ nhận hồ sơ')
    await picker.locator('option[value="u-lanhdao.hoalu"]').waitFor({ state: 'attached' })
    await picker.selectOption('u-lanhdao.hoalu')
  })
  await logOut(page)

  await logIn(page, 'lanhdao.hoalu', '/queue')
  await openOfficialDossier(page, dossierId)
  await act(page, 'Phê duyệt kết quả', 'result_ready')
  await logOut(page)

  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await openOfficialDossier(page, dossierId)
  // Returned online (the applicant chose it): the result file signed with the agency's key first,
  // since the server refuses an online return without it.
  await page.getByRole('button', { name: 'Tạo và ký tệp kết quả' }).click()
  const signer = page.locator('.result-file__signer')
  await signer.waitFor()
  assert.match(await signer.innerText(), /CN=UBND Phường Hoa Lư/)
  await act(page, 'Trả kết quả', 'returned')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('the applicant sees the result and rates it once', async () => {
  const { page, pageErrors } = phone
  await page.goto(`${baseUrl()}/my`)
  await page.locator(`li[data-dossier-id="${dossierId}"]`).getByRole('link').click()
  await page.locator('.dossier .status[data-status="returned"]').waitFor()
  // The electronic result: the signed PDF, which pdfsig (poppler-utils) finds valid and signed by
  // the agency.
  const href = await page.locator('.result-file__download').getAttribute('href')
  const download = await page.request.get(`${baseUrl()}${href}`)
  assert.equal(download.status(), 200)
  const file = join(tmpdir(), `motcua-e2e-result-${process.pid}.pdf`)
  writeFileSync(file, await download.body())
  const report = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout
  rmSync(file, { force: true })
  assert.match(report, /Signature Validation: Signature is Valid\./)
  assert.match(report, /Signer Certificate Common Name: UBND Phường Hoa Lư/)
  const rating = page.locator('.rating')
  await rating.getByLabel(/Rất hài lòng/).check()
  await rating.getByLabel('Không lần nào').check()
  await rating.getByLabel('1 cơ quan').check()
  await rating.getByLabel('Lịch sự, tận tình').check()
  await rating.getByLabel(/Góp ý thêm/).fill('Nộp trực tuyến nhanh, không phải đi lại.')
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click()
  await rating.getByText('Cảm ơn bạn đã đánh giá.').waitFor()
  assert.match(await rating.innerText(), /★★★★★/)
  await rating.evaluate((el) => el.scrollIntoView())
  await screenshot(page, 'citizen-my-dossier-rated')

  // Once only: the server refuses a second rating.
  const binh = await apiSession('congdan.binh')
  const again = await binh.post(`/dossiers/${dossierId}/rating`, { overall: 1, contacts: 0, bodies: 1, attitude: 'courteous' })
  assert.equal(again.status, 409)
  assert.equal(again.body.code, 'already_rated')
  assert.deepEqual(pageErrors, [])
})

test('a supplement asked for during review is sent by upload from the citizen dossier page', async () => {
  const dossier = await submitBirthRegistration('Nguyễn Văn An')
  const reception = await apiSession('tiepnhan.hoalu')
  assert.equal((await reception.post(`/dossiers/${dossier.id}/accept`, {})).status, 200)
  const processing = await apiSession('chuyenvien.hoalu')
  const taken = await processing.post(`/dossiers/${dossier.id}/assign`, { official_id: processing.user.id })
  assert.equal(taken.status, 200, JSON.stringify(taken.body))

  // The processing official asks for the missing paper on the officials' page.
  const { page: deskPage } = desk
  await logIn(deskPage, 'chuyenvien.hoalu', '/queue')
  await openOfficialDossier(deskPage, dossier.id)
  await act(deskPage, 'Yêu cầu bổ sung', 'awaiting_supplement', async () => {
    const boxes = deskPage.locator('.checklist input[type="checkbox"]')
    await boxes.first().waitFor()
    await boxes.first().check()
    await deskPage.getByLabel('Lý do và hướng dẫn cho người nộp').fill('Giấy chứng sinh bị mờ, cần bản rõ hơn.')
  })
  await logOut(deskPage)

  const { page, pageErrors } = phone
  await logOut(page)
  await logIn(page, 'congdan.an', '/my')
  await page.goto(`${baseUrl()}/my/dossier?id=${dossier.id}`)
  const supplement = page.locator('.supplement')
  await supplement.waitFor()
  // Sending without a paper is stopped before the server.
  await supplement.getByRole('button', { name: 'Gửi bổ sung' }).click()
  await page.getByRole('alert').filter({ hasText: 'Hãy tải lên ít nhất một giấy tờ bổ sung.' }).waitFor()
  await supplement.locator('input[type="file"]').first().setInputFiles({ name: 'bo-sung.pdf', mimeType: 'application/pdf', buffer: PDF })
  await supplement.locator('.paper__attached').first().waitFor()
  await screenshot(page, 'citizen-supplement-upload')
  await supplement.getByRole('button', { name: 'Gửi bổ sung' }).click()
  await page.locator('.dossier .status[data-status="in_progress"]').waitFor()
  await page.getByText('Đã gửi giấy tờ bổ sung.').waitFor()
  const an = await apiSession('congdan.an')
  const after = await an.get(`/dossiers/${dossier.id}`)
  assert.equal(after.body.status, 'in_progress')
  assert.ok(after.body.papers.some((p) => p.file_name === 'bo-sung.pdf'))
  assert.deepEqual(pageErrors, [])
})

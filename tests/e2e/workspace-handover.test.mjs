// The dossier workspace's pieces of issue 13 (points 2 and 3) in the browser: an official of Hoa Lư
// consults Tam Điệp sharing one of the dossier's two papers (none is ticked at first), and Tam
// Điệp's official sees and opens that paper, not the other; Hoa Lư's reception hands a paper
// dossier received at the counter to the processing agency with the button, and the outcome and
// the timeline record the hand-over.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, birthRegistrationInProcessing } from './lib/api.mjs'
import { assertNoViolations } from './lib/axe.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { act, logIn, logOut } from './lib/ui.mjs'
import { samplePdf } from './lib/papers.mjs'

const TAM_DIEP = '000.14.62.H42' // commune-14362 (data/demo/ninh-binh.json, agency_codes)
const QUESTION = 'Đề nghị xác nhận giấy xác nhận cư trú do Tam Điệp cấp'
const SHARED = 'Giấy xác nhận cư trú của người mẹ'
const PRIVATE = 'Sổ tay sức khỏe bà mẹ và trẻ em'
const PDF = samplePdf('workspace hand-over test')

let browser
let dossier
let paperDossier

before(async () => {
  dossier = await birthRegistrationInProcessing('Đoàn Thị Chia Sẻ')
  const official = await apiSession('chuyenvien.hoalu')
  for (const name of [SHARED, PRIVATE]) {
    const up = await official.upload(`/dossiers/${dossier.id}/papers?name=${encodeURIComponent(name)}`, PDF, 'application/pdf', `${name}.pdf`)
    assert.equal(up.status, 201, JSON.stringify(up.body))
  }
  const reception = await apiSession('tiepnhan.hoalu')
  const intake = await reception.post('/dossiers', {
    procedure_code: '1.001193',
    agency_id: 'commune-14329',
    receiving_unit_id: 'mc-14329',
    channel: 'counter',
    applicant: { name: 'Hà Văn Bàn Giao', id_number: '037090004321', phone: '0912000333' },
  })
  assert.equal(intake.status, 201, JSON.stringify(intake.body))
  paperDossier = intake.body
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

test('the official shares one paper of two with the consulted agency', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'chuyenvien.hoalu', '/queue')
  await page.goto(`${baseUrl()}/dossiers/${dossier.id}`)
  await page.locator(`.dossier[data-dossier-id="${dossier.id}"]`).waitFor()
  await act(page, 'Lấy ý kiến cơ quan liên quan', 'in_progress', async () => {
    const papers = page.locator('[data-shared-papers]')
    await papers.getByText(/chỉ xem được những giấy tờ được đánh dấu/).waitFor()
    const boxes = papers.getByRole('checkbox')
    assert.equal(await boxes.count(), 2)
    for (const box of await boxes.all()) assert.equal(await box.isChecked(), false, 'none is ticked at first')
    await page.getByLabel('Mã cơ quan được lấy ý kiến').fill(TAM_DIEP)
    await page.getByLabel('Nội dung cần lấy ý kiến').fill(QUESTION)
    await papers.getByLabel(new RegExp(SHARED)).check()
    await assertNoViolations(page, 'consultation form with the papers to share')
    await screenshot(page, 'consult-shared-papers')
  })
  await page.locator('.dossier-consultations').getByText(QUESTION).waitFor()
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test("the consulted agency's official sees the shared paper and not the other", async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'chuyenvien.tamdiep', '/queue')
  const item = page.locator('.consultation').filter({ hasText: QUESTION })
  await item.waitFor()
  const text = await item.innerText()
  assert.match(text, new RegExp(SHARED))
  assert.doesNotMatch(text, new RegExp(PRIVATE))
  // The shared paper opens for the consulted agency (its bytes), though the dossier does not.
  const href = await item.getByRole('link', { name: `Mở: ${SHARED}` }).getAttribute('href')
  const opened = await page.request.get(`${baseUrl()}${href}`)
  assert.equal(opened.status(), 200)
  assert.deepEqual(Buffer.from(await opened.body()), PDF)
  assert.equal((await page.request.get(`${baseUrl()}/api/v1/dossiers/${dossier.id}`)).status(), 404)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('reception hands a counter dossier over to the processing agency and the timeline shows it', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'tiepnhan.hoalu', `/dossiers/${paperDossier.id}`)
  await page.locator(`.dossier[data-dossier-id="${paperDossier.id}"]`).waitFor()
  const timeline = page.locator('.timeline__entry[data-type="dossier_transferred"]')
  assert.equal(await timeline.count(), 0)
  await page.getByRole('button', { name: 'Chuyển hồ sơ giấy sang cơ quan giải quyết' }).click()
  await page.getByText(/Ghi nhận việc bàn giao hồ sơ giấy/).waitFor()
  await assertNoViolations(page, 'hand-over confirmation')
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  const outcome = page.locator('[data-transfer-outcome]')
  await outcome.waitFor()
  // The suite's frozen clock hands it over the instant it was received: on time.
  assert.equal(await outcome.getAttribute('data-transfer-outcome'), 'on_time')
  assert.match(await outcome.innerText(), /Đã chuyển hồ sơ lúc .+: đúng hạn \(hạn chuyển .+\)\./)
  await timeline.getByText('Chuyển hồ sơ từ bộ phận một cửa đến cơ quan giải quyết').waitFor()
  assert.equal(await page.getByRole('button', { name: 'Chuyển hồ sơ giấy sang cơ quan giải quyết' }).count(), 0)
  await screenshot(page, 'dossier-transfer')

  // An online dossier is handed over by the system at acceptance: no button.
  await page.goto(`${baseUrl()}/dossiers/${dossier.id}`)
  await page.locator(`.dossier[data-dossier-id="${dossier.id}"]`).waitFor()
  assert.equal(await page.getByRole('button', { name: 'Chuyển hồ sơ giấy sang cơ quan giải quyết' }).count(), 0)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

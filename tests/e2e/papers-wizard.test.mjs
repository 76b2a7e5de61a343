// Papers that reach the official: the wizard lists the chosen case's papers (by their catalog id),
// a paper with a name far over 300 bytes uploads, submission is blocked while a mandatory paper is
// missing and the wizard names it (the server refuses too), and reception opens the uploaded paper
// from the dossier page and gets the file's bytes. Written against the interface (cases, papers'
// id, kind, mandatory), not against one parse of the catalog.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl } from './lib/api.mjs'
import { DESK, PHONE, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'
import { samplePdf } from './lib/papers.mjs'

const CODE = '1.001193'
const PDF = samplePdf('paper wizard test '.repeat(40))

let phone
let desk
let dossierId
let longPaper

const clean = (text) => text.replace(/^[\s\-+*•–]+/, '').replace(/\s*:\s*$/, '').trim()
const bytes = (text) => Buffer.byteLength(text, 'utf8')

before(async () => {
  phone = await openBrowser(PHONE)
  desk = await openBrowser(DESK)
})

after(async () => {
  await phone?.close()
  await desk?.close()
})

test('the wizard lists the case papers, uploads a long-named paper and blocks submission naming the missing ones', async () => {
  const { page, pageErrors } = phone
  const procedure = (await (await fetch(`${baseUrl()}/api/v1/procedures/${CODE}`)).json()).document
  const cases = procedure.cases
  const submitPapers = (c) => c.papers.filter((p) => p.kind !== 'present')
  // The case with the longest paper to hand in, which must also ask for another mandatory one.
  const longest = (c) => Math.max(0, ...submitPapers(c).map((p) => bytes(p.name)))
  const usable = cases.filter((c) => submitPapers(c).filter((p) => p.mandatory).length >= 1)
  const chosen = usable.sort((a, b) => longest(b) - longest(a))[0]
  assert.ok(chosen, 'the demo procedure has a case with mandatory papers')
  longPaper = submitPapers(chosen).sort((a, b) => bytes(b.name) - bytes(a.name))[0]
  assert.ok(bytes(longPaper.name) > 300, `a paper name over 300 bytes (${bytes(longPaper.name)})`)
  const missing = submitPapers(chosen).filter((p) => p.mandatory && p.id !== longPaper.id)
  assert.ok(missing.length >= 1, 'another mandatory paper stays missing')

  await logIn(page, 'congdan.binh', '/my')
  await page.goto(`${baseUrl()}/submit?code=${CODE}`)
  await page.getByLabel(/Nơi nộp hồ sơ/).selectOption('mc-14329')
  await page.getByLabel(/Họ và tên/).fill('Phạm Giấy Tờ')
  await page.getByLabel(/Số định danh cá nhân/).fill('037190005555')
  await page.getByLabel(/Số điện thoại/).fill('0987000111')
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  await page.waitForURL(/\/submit\?id=d_/)
  dossierId = new URL(page.url()).searchParams.get('id')

  if (cases.length > 1) {
    // The case step lists the procedure's cases, and the choice decides the papers.
    const step = page.locator('[data-step="variant"]')
    await step.waitFor()
    assert.equal(await step.locator('input[type="radio"]').count(), cases.length)
    await step.getByLabel(clean(chosen.name), { exact: true }).check()
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  }
  // With a single case the case step is skipped.
  const papersStep = page.locator('[data-step="papers"]')
  await papersStep.waitFor()
  assert.equal(await page.locator('[data-step="variant"]').count(), 0)
  const listed = await papersStep.locator('.paper-uploads > li').evaluateAll((items) => items.map((li) => li.dataset.paperId))
  assert.deepEqual(listed, submitPapers(chosen).map((p) => p.id), 'the chosen case papers to hand in, in order')

  // The long-named paper uploads (keyed by its id, not its name).
  const row = papersStep.locator(`li[data-paper-id="${longPaper.id}"]`)
  await row.locator('input[type="file"]').setInputFiles({ name: 'giay-to-dai.pdf', mimeType: 'application/pdf', buffer: PDF })
  await row.locator('.paper__attached').waitFor()
  assert.equal(await row.getByRole('alert').count(), 0)
  const binh = await apiSession('congdan.binh')
  const draft = await binh.get(`/dossiers/${dossierId}`)
  assert.equal(draft.body.papers.length, 1)
  assert.equal(draft.body.papers[0].paper_id, longPaper.id)
  assert.equal(draft.body.papers[0].paper_name, longPaper.name)
  await screenshot(page, 'citizen-wizard-papers-long-name')

  // On to the review: submission is blocked and the missing papers are named.
  await papersStep.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  await page.locator('[data-step="return"]').waitFor()
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  const review = page.locator('[data-step="review"]')
  await review.waitFor()
  assert.equal(await review.getByRole('button', { name: 'Nộp hồ sơ' }).isDisabled(), true)
  const blocked = await review.locator('.wizard__missing').innerText()
  assert.match(blocked, /còn thiếu giấy tờ bắt buộc/)
  for (const p of missing) assert.ok(blocked.includes(clean(p.name)), `names the missing paper ${p.id}`)
  await screenshot(page, 'citizen-wizard-missing-papers')

  // The server refuses the same submission past the UI, naming the field and the papers.
  const refused = await binh.post(`/dossiers/${dossierId}/submit`, {})
  assert.equal(refused.status, 422)
  assert.equal(refused.body.code, 'missing_papers')
  assert.match(refused.body.message_vi, /papers/)
  assert.ok(refused.body.message_vi.includes(missing[0].name))

  // Uploading the rest unblocks it.
  await review.getByRole('button', { name: 'Tải lên giấy tờ còn thiếu' }).click()
  await papersStep.waitFor()
  for (const p of missing) {
    const line = papersStep.locator(`li[data-paper-id="${p.id}"]`)
    await line.locator('input[type="file"]').setInputFiles({ name: `${p.id}.pdf`, mimeType: 'application/pdf', buffer: PDF })
    await line.locator('.paper__attached').waitFor()
  }
  await papersStep.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  await review.waitFor()
  assert.equal(await review.locator('.wizard__missing').count(), 0)
  await review.getByRole('button', { name: 'Nộp hồ sơ' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/submit'))
  assert.equal((await binh.get(`/dossiers/${dossierId}`)).body.status, 'submitted')
  assert.deepEqual(pageErrors, [])
})

test('reception opens the uploaded paper from the dossier page and gets its bytes', async () => {
  const { page, pageErrors } = desk
  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await page.goto(`${baseUrl()}/dossiers/${dossierId}`)
  await page.locator(`.dossier[data-dossier-id="${dossierId}"]`).waitFor()
  const uploaded = page.locator(`.uploaded-paper[data-paper-id="${longPaper.id}"]`)
  await uploaded.waitFor()
  assert.ok((await uploaded.innerText()).includes(clean(longPaper.name).slice(0, 40)))
  assert.match(await uploaded.innerText(), /giay-to-dai\.pdf/)
  // The uploader is named, never shown as an account id.
  assert.doesNotMatch(await uploaded.innerText(), /u-congdan/)
  assert.match(await uploaded.innerText(), /Trần Thị Bình/)
  // The checklist marks it as uploaded online.
  const checklist = page.locator('.paper-checklist li[data-uploaded="true"]')
  assert.ok((await checklist.count()) >= 1)
  await uploaded.scrollIntoViewIfNeeded()
  await screenshot(page, 'officer-dossier-uploaded-papers')

  // "Mở" and "Tải về" go through the authorized download route with the official's session.
  for (const name of ['Mở', 'Tải về']) {
    const href = await uploaded.getByRole('link', { name, exact: true }).getAttribute('href')
    const response = await page.request.get(`${baseUrl()}${href}`)
    assert.equal(response.status(), 200, `${name}: ${href}`)
    assert.deepEqual(Buffer.from(await response.body()), PDF)
    assert.match(response.headers()['content-disposition'], name === 'Mở' ? /^inline;/ : /^attachment;/)
  }
  // Without a session the same address answers 401.
  const anonymous = await fetch(`${baseUrl()}${await uploaded.getByRole('link', { name: 'Tải về' }).getAttribute('href')}`)
  assert.equal(anonymous.status, 401)
  assert.deepEqual(pageErrors, [])
})

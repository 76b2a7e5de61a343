// The applicant's paper store (Decree 45/2020 Art 16): a paper uploaded to one draft is kept from
// the papers step ("Lưu vào kho giấy tờ của tôi"), shows and is renamed on the "Kho giấy tờ của
// tôi" page, and is attached to a second draft with "Dùng giấy tờ đã lưu" without another upload;
// the dossier records where it came from, and another applicant sees nothing of it.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl } from './lib/api.mjs'
import { PHONE, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'
import { samplePdf } from './lib/papers.mjs'

const CODE = '1.001193'
const PDF = samplePdf('paper store test '.repeat(40))

let phone

before(async () => {
  phone = await openBrowser(PHONE)
})

after(async () => {
  await phone?.close()
})

test('a kept paper is listed, renamed and reused in a second dossier without another upload', async () => {
  const { page, pageErrors } = phone
  const procedure = (await (await fetch(`${baseUrl()}/api/v1/procedures/${CODE}`)).json()).document
  const chosen = procedure.cases.find((c) => c.papers.some((p) => p.kind !== 'present' && p.mandatory))
  assert.ok(chosen, 'a case with a mandatory paper to hand in')
  const paper = chosen.papers.find((p) => p.kind !== 'present' && p.mandatory)
  const an = await apiSession('congdan.an')
  const draft = async () => {
    const created = await an.post('/dossiers', {
      procedure_code: CODE,
      agency_id: 'commune-14329',
      receiving_unit_id: 'mc-14329',
      channel: 'online',
      variant: procedure.cases.length > 1 ? chosen.name : undefined,
      applicant: { name: 'Đặng Kho Giấy', id_number: '037090004321', phone: '0912000111' },
      submit: false,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    return created.body.id
  }
  const first = await draft()
  const uploaded = await an.upload(`/dossiers/${first}/papers?paper_id=${paper.id}`, PDF, 'application/pdf', 'cccd.pdf')
  assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body))

  // Kept from the papers step of the first draft.
  await logIn(page, 'congdan.an', `/submit?id=${first}`)
  const row = page.locator(`[data-step="papers"] li[data-paper-id="${paper.id}"]`)
  await row.getByRole('button', { name: 'Lưu vào kho giấy tờ của tôi' }).click()
  await row.getByText('Đã lưu vào kho').waitFor()
  const stored = (await an.get('/my/papers')).body.papers
  assert.equal(stored.length, 1)
  assert.equal(stored[0].source_paper_id, uploaded.body.id)

  // Listed on the store page, reached from the header, and renamed there.
  await page.goto(`${baseUrl()}/my/papers`)
  await page.getByRole('heading', { level: 1, name: 'Kho giấy tờ của tôi' }).waitFor()
  const item = page.locator(`[data-stored-paper="${stored[0].id}"]`)
  await item.getByRole('button', { name: 'Đổi tên' }).click()
  await item.getByLabel('Tên giấy tờ').fill('Căn cước của tôi')
  await item.getByRole('button', { name: 'Lưu tên' }).click()
  await item.getByRole('heading', { name: 'Căn cước của tôi' }).waitFor()
  await screenshot(page, 'citizen-paper-store')

  // Reused in a second draft: no file chosen, the saved paper attached.
  const second = await draft()
  await page.goto(`${baseUrl()}/submit?id=${second}`)
  const line = page.locator(`[data-step="papers"] li[data-paper-id="${paper.id}"]`)
  await line.getByText('Dùng giấy tờ đã lưu').click()
  await line.getByLabel(/Giấy tờ đã lưu cho/).selectOption(stored[0].id)
  await line.getByRole('button', { name: 'Dùng giấy tờ này' }).click()
  await line.locator('.paper__attached').getByText('lấy từ kho giấy tờ').waitFor()
  const dossier = (await an.get(`/dossiers/${second}`)).body
  assert.equal(dossier.papers.length, 1)
  assert.equal(dossier.papers[0].reused_from, stored[0].id)
  assert.equal(dossier.papers[0].paper_id, paper.id)
  assert.equal(dossier.papers[0].sha256, uploaded.body.sha256)

  // Nobody else sees or uses it.
  const binh = await apiSession('congdan.binh')
  assert.deepEqual((await binh.get('/my/papers')).body.papers, [])
  assert.equal((await binh.post(`/dossiers/${second}/papers/reuse`, { stored_paper_id: stored[0].id })).status, 404)
  assert.deepEqual(pageErrors, [])
})

// A consultation between agencies in the browser (issue 13, point 2): the Hoa Lư official consults
// the commune of Tam Điệp about a dossier; Tam Điệp's official finds the question in his own queue
// (without access to the dossier) and answers it; the asker then reads the answer on the dossier.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, birthRegistrationInProcessing } from './lib/api.mjs'
import { DESK, openBrowser } from './lib/browser.mjs'
import { act, logIn, logOut } from './lib/ui.mjs'

const TAM_DIEP = '000.14.62.H42' // commune-14362 (data/demo/ninh-binh.json, agency_codes)
const QUESTION = 'Đề nghị xác nhận nơi cư trú của người mẹ tại Tam Điệp'
const ANSWER = 'Xác nhận người mẹ thường trú tại phường Tam Điệp.'

let browser
let dossier

before(async () => {
  dossier = await birthRegistrationInProcessing('Lý Thị Hỏi Ý Kiến')
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

test('the official consults another agency and is not offered its reply', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'chuyenvien.hoalu', '/queue')
  await page.goto(`${baseUrl()}/dossiers/${dossier.id}`)
  await page.locator(`.dossier[data-dossier-id="${dossier.id}"]`).waitFor()
  await act(page, 'Lấy ý kiến cơ quan liên quan', 'in_progress', async () => {
    await page.getByLabel('Mã cơ quan được lấy ý kiến').fill(TAM_DIEP)
    await page.getByLabel('Nội dung cần lấy ý kiến').fill(QUESTION)
  })
  const listed = page.locator('.dossier-consultations')
  await listed.waitFor()
  assert.match(await listed.innerText(), /Chưa trả lời/)
  assert.equal(await page.getByRole('button', { name: 'Ghi nhận ý kiến trả lời', exact: true }).count(), 0)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('an official of the consulted agency sees it in the queue and answers', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'chuyenvien.tamdiep', '/queue')
  const item = page.locator('.consultation').filter({ hasText: QUESTION })
  await item.waitFor()
  assert.match(await item.innerText(), /Hạn trả lời/)
  await item.getByLabel('Ý kiến trả lời').fill(ANSWER)
  await item.getByRole('button', { name: 'Gửi ý kiến' }).click()
  await page.getByText(/Đã gửi ý kiến về hồ sơ/).waitFor()
  assert.equal(await page.locator('.consultation').filter({ hasText: QUESTION }).count(), 0)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('the asker reads the answer on the dossier', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'chuyenvien.hoalu', '/queue')
  await page.goto(`${baseUrl()}/dossiers/${dossier.id}`)
  const answer = page.locator('.dossier-consultations .consultation-answer')
  await answer.waitFor()
  assert.match(await answer.innerText(), /thường trú tại phường Tam Điệp/)
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

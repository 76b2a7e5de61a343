// The postal channel on screen (issue 14, point 4): the applicant chooses, on a draft, pickup of
// the papers and delivery of the result by post with an address; a missing address is refused
// naming the field; the choice is kept; reception records delivery by post on a submitted dossier.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, submitBirthRegistration } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

let browser

before(async () => {
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

test('the applicant chooses the post on a draft and reception records delivery by post', async () => {
  const { page, pageErrors } = browser
  const an = await apiSession('congdan.an')
  const draft = await an.post('/dossiers', {
    procedure_code: '1.001193',
    agency_id: 'commune-14329',
    receiving_unit_id: 'mc-14329',
    channel: 'online',
    return_channel: 'post',
    applicant: { name: 'Bưu Chính Thử', id_number: '037090001234', phone: '0912345678' },
    submit: false,
  })
  assert.equal(draft.status, 201, JSON.stringify(draft.body))

  await logIn(page, 'congdan.an', '/my')
  await page.goto(`${baseUrl()}/my/dossier?id=${draft.body.id}`)
  const panel = page.locator('section.postal-panel')
  await panel.waitFor()
  await panel.getByLabel(/thu gom hồ sơ/).check()
  await panel.getByLabel(/Gửi kết quả qua bưu điện/).check()
  await panel.getByLabel('Họ tên người gửi/nhận').fill('Bưu Chính Thử')
  await panel.getByLabel('Số điện thoại').fill('0912345678')
  // Too short an address is refused, and the field is named.
  await panel.getByLabel('Địa chỉ đầy đủ').fill('Số 1')
  await panel.getByRole('button', { name: 'Lưu lựa chọn bưu chính' }).click()
  await panel.locator('[role="alert"]', { hasText: /địa chỉ/ }).first().waitFor()
  await panel.getByLabel('Địa chỉ đầy đủ').fill('Số 12 đường Lê Lợi, phường Hoa Lư')
  await panel.getByRole('button', { name: 'Lưu lựa chọn bưu chính' }).click()
  await panel.getByRole('status').filter({ hasText: 'Đã lưu lựa chọn bưu chính.' }).waitFor()
  await screenshot(page, 'postal-choice')
  await logOut(page)

  // The choice is kept: read afresh, both boxes are ticked.
  await logIn(page, 'congdan.an', '/my')
  await page.goto(`${baseUrl()}/my/dossier?id=${draft.body.id}`)
  await page.locator('section.postal-panel input[name="pickup"]:checked').waitFor()
  await page.locator('section.postal-panel input[name="delivery"]:checked').waitFor()
  await logOut(page)

  // Reception records delivery of the result by post on a submitted dossier.
  const submitted = await submitBirthRegistration('Bưu Chính Quầy')
  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await page.goto(`${baseUrl()}/dossiers/${submitted.id}`)
  const desk = page.locator('section.postal-panel')
  await desk.getByLabel(/Gửi kết quả qua bưu điện/).check()
  await desk.getByLabel('Họ tên người gửi/nhận').fill('Bưu Chính Quầy')
  await desk.getByLabel('Số điện thoại').fill('0912345678')
  await desk.getByLabel('Địa chỉ đầy đủ').fill('Số 3 đường Trần Hưng Đạo, phường Hoa Lư')
  await desk.getByRole('button', { name: 'Lưu lựa chọn bưu chính' }).click()
  await desk.getByRole('status').filter({ hasText: 'Đã lưu lựa chọn bưu chính.' }).waitFor()
  const view = await (await apiSession('tiepnhan.hoalu')).get(`/dossiers/${submitted.id}/postal`)
  assert.equal(view.body.delivery, true)
  assert.equal(view.body.address, 'Số 3 đường Trần Hưng Đạo, phường Hoa Lư')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

// A dossier through the officials' hands in the browser: the processing official takes it and
// forwards it to the leader, the leader approves, reception returns the result; and a refusal at
// receipt with its reasons.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, submitBirthRegistration } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { act, logIn, logOut } from './lib/ui.mjs'

let browser
let received
let toRefuse

before(async () => {
  const dossier = await submitBirthRegistration('Vũ Thị Quy Trình')
  const reception = await apiSession('tiepnhan.hoalu')
  const accepted = await reception.post(`/dossiers/${dossier.id}/accept`, {})
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body))
  received = accepted.body
  toRefuse = await submitBirthRegistration('Trịnh Văn Từ Chối')
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

async function openDossier(page, id) {
  await page.goto(`${baseUrl()}/dossiers/${id}`)
  await page.locator(`.dossier[data-dossier-id="${id}"]`).waitFor()
}

test('the processing official takes the dossier and forwards it to the leader', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'chuyenvien.hoalu', '/queue')
  await openDossier(page, received.id)
  assert.equal(await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).count(), 0, 'no reception action')
  await act(page, 'Nhận xử lý hồ sơ', 'in_progress')
  assert.match(await page.locator('.facts').innerText(), /Thẩm định hồ sơ/)

  await act(page, 'Chuyển bước tiếp theo', 'in_progress', async () => {
    assert.equal(await page.getByLabel('Bước tiếp theo').inputValue(), 'phe-duyet', 'the next step is proposed')
    // The official is picked from the server's list of the agency's officials, not typed.
    const picker = page.getByLabel('Cán bộ nhận hồ sơ')
    await picker.locator('option[value="u-lanhdao.hoalu"]').waitFor({ state: 'attached' })
    await picker.selectOption('u-lanhdao.hoalu')
  })
  await page.getByRole('status').filter({ hasText: 'Đã thực hiện: Chuyển bước tiếp theo' }).waitFor()
  const facts = await page.locator('.facts').innerText()
  assert.match(facts, /Phê duyệt, ký kết quả/)
  assert.match(facts, /Trần Đức Mạnh/, 'the new holder by name')
  assert.ok((await page.locator('.table tbody tr').count()) >= 2, 'the control sheet has the steps')
  assert.equal(await page.getByRole('button', { name: 'Phê duyệt kết quả' }).count(), 0, 'no leader action')
  // The leader holds it now: the former holder is offered none of the holder's actions.
  for (const name of ['Nhận xử lý hồ sơ', 'Chuyển bước tiếp theo', 'Yêu cầu bổ sung']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, `no ${name} after forwarding`)
  }
  // People by name: no account id anywhere on the page (timeline, facts, control sheet).
  const page_text = await page.locator('.dossier').innerText()
  assert.doesNotMatch(page_text, /u-(congdan|chuyenvien|lanhdao|tiepnhan)\./, 'no account ids shown')
  assert.match(await page.locator('section:has(#control-sheet-title) .table').innerText(), /Trần Đức Mạnh/, 'the control sheet names the holder')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('the leader approves, then reception returns the result to the applicant', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'lanhdao.hoalu', '/queue')
  await openDossier(page, received.id)
  await act(page, 'Phê duyệt kết quả', 'result_ready', () => page.getByLabel('Ghi chú (không bắt buộc)').fill('Đồng ý'))
  assert.equal(await page.locator('.dossier .status').innerText(), 'Đã xử lý xong')
  await page.locator('#timeline-title').evaluate((heading) => heading.scrollIntoView())
  await screenshot(page, '10-leader-approved-history')
  await logOut(page)

  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await openDossier(page, received.id)
  await act(page, 'Trả kết quả', 'returned', async () => {
    assert.equal(await page.getByLabel('Họ tên người nhận kết quả').inputValue(), 'Vũ Thị Quy Trình')
    assert.equal(await page.getByLabel('Hình thức trả kết quả').inputValue(), 'counter')
  })
  assert.equal(await page.locator('.dossier .status').innerText(), 'Đã trả kết quả')
  assert.match(await page.locator('.timeline').innerText(), /Trả kết quả/)
  assert.deepEqual(pageErrors, [])
})

test('reception refuses a dossier at receipt; a refusal without reasons is refused by the server', async () => {
  const { page, pageErrors } = browser
  await openDossier(page, toRefuse.id)
  await page.getByRole('button', { name: 'Từ chối tiếp nhận', exact: true }).click()
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.getByRole('alert').filter({ hasText: 'Phải nêu rõ lý do' }).waitFor()
  await page.getByLabel('Lý do (mỗi dòng một lý do)').fill('Hồ sơ không thuộc thẩm quyền\nThiếu thông tin người yêu cầu')
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.locator('.dossier .status[data-status="refused_at_receipt"]').waitFor()
  assert.equal(await page.locator('.action-panel .button').count(), 0, 'nothing more to do')
  assert.deepEqual(pageErrors, [])
})

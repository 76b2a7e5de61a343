// The generic-answer detector in the browser (issue 16 point 5): the leader of Phường Hoa Lư
// answers feedback with stock phrases; the answer is held, not sent; the held answer shows with
// its reason in the leader's feedback queue; the leader releases it with a reason, and only then
// does the sender read the answer by the code.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'

let desk
let code = ''

before(async () => {
  desk = await openBrowser(DESK)
  const response = await fetch(`${baseUrl()}/api/v1/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Lê Thị Hỏi',
      contact: '0912 000 222',
      procedure_code: '1.001193',
      agency_id: 'commune-14329',
      content: 'Khai sinh cho con quá 60 ngày thì có bị phạt không, lệ phí bao nhiêu?',
    }),
  })
  assert.equal(response.status, 201)
  code = (await response.json()).code
})

after(async () => {
  await desk?.close()
})

async function publicStatus() {
  const response = await fetch(`${baseUrl()}/api/v1/feedback/${code}`)
  return response.json()
}

test('a stock-phrase answer is held, shown with its reason, and released by the leader', async () => {
  const { page, pageErrors } = desk
  await logIn(page, 'lanhdao.hoalu', '/feedback/answer')
  const item = page.locator(`[data-feedback-code="${code}"]`)
  await item.getByLabel(/Văn bản pháp luật/).fill('Nghị định 123/2015/NĐ-CP')
  await item
    .getByLabel(/Nội dung trả lời/)
    .fill(
      'Vấn đề ông/bà hỏi về đăng ký khai sinh đã được quy định tại các văn bản pháp luật hiện hành, ' +
        'trong đó có Nghị định 123/2015/NĐ-CP. Đề nghị ông/bà liên hệ cơ quan có thẩm quyền để được hướng dẫn cụ thể.',
    )
  await item.getByRole('button', { name: 'Gửi câu trả lời' }).click()
  await page.getByRole('status').filter({ hasText: `Phản ánh ${code}: câu trả lời có dấu hiệu trả lời chung chung` }).waitFor()
  assert.equal((await publicStatus()).answer, null)

  await page.getByLabel('Lọc theo trạng thái').selectOption('held_for_review')
  const held = page.locator(`[data-feedback-code="${code}"]`)
  await held.getByRole('region', { name: 'Câu trả lời đang chờ duyệt' }).waitFor()
  assert.match(await held.locator('[data-reason="boilerplate"]').innerText(), /câu chữ rập khuôn/)
  await screenshot(page, 'feedback-review-held')

  await held.getByLabel(/Lý do quyết định/).fill('Người hỏi chỉ cần văn bản áp dụng; đồng ý gửi.')
  await held.getByRole('button', { name: 'Duyệt gửi câu trả lời' }).click()
  await page.getByRole('status').filter({ hasText: `Đã gửi câu trả lời phản ánh ${code}.` }).waitFor()
  const after = await publicStatus()
  assert.equal(after.status, 'answered')
  assert.match(after.answer, /123\/2015\/NĐ-CP/)
  assert.deepEqual(pageErrors, [])
})

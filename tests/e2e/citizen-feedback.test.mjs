// Feedback on a regulation (Decree 20/2008): sent without an account on a phone, answered by the
// province's administrator, whose generic answers are refused until one is specific; the sender
// reads the answer by the tracking code. Also the typo-tolerant search on the home page.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'

const SMALL_PHONE = { width: 360, height: 740 }
let phone
let desk
const codes = []

before(async () => {
  phone = await openBrowser(SMALL_PHONE)
  desk = await openBrowser(DESK)
})

after(async () => {
  await phone?.close()
  await desk?.close()
})

async function sendFeedback(page, name, content) {
  await page.goto(`${baseUrl()}/feedback`)
  await page.getByLabel(/Họ và tên/).fill(name)
  await page.getByLabel(/Số điện thoại hoặc thư điện tử/).fill('0912 000 111')
  await page.getByLabel(/Thủ tục được phản ánh/).fill('dang ki khai sinh')
  await page.getByRole('button', { name: /\(1\.001193\)/ }).click()
  await page.getByText(/Đã chọn: 1\.001193/).waitFor()
  await page.getByLabel(/Nội dung phản ánh/).fill(content)
  return page
}

test('anyone sends feedback about a procedure and gets a tracking code', async () => {
  const { page, pageErrors } = phone
  await sendFeedback(page, 'Phạm Văn Phản Ánh', 'Thủ tục yêu cầu bản chính giấy chứng sinh, bệnh viện chỉ cấp một bản duy nhất.')
  await screenshot(page, 'citizen-feedback-form')
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click()
  const code = (await page.locator('.feedback__code').innerText()).trim()
  assert.match(code, /^PA-[A-Z2-9]{10}$/)
  codes.push(code)
  await sendFeedback(page, 'Đỗ Thị Kiến Nghị', 'Đề nghị cho phép nộp bản sao điện tử giấy chứng sinh khi nộp hồ sơ trực tuyến.')
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click()
  codes.push((await page.locator('.feedback__code').innerText()).trim())

  await page.getByRole('link', { name: `Phản ánh ${codes[1]}` }).click()
  await page.locator('.feedback-status[data-status="received"]').waitFor()
  assert.match(await page.locator('.feedback-status').innerText(), /Chưa có câu trả lời/)
  assert.deepEqual(pageErrors, [])
})

test('the administrator answers: a generic answer is refused, a specific one accepted, a copy refused', async () => {
  const { page, pageErrors } = desk
  await logIn(page, 'quantri', '/queue')
  await page.goto(`${baseUrl()}/feedback/answer`)
  const first = page.locator(`[data-feedback-code="${codes[0]}"]`)
  await first.waitFor()
  await first.getByLabel(/Văn bản pháp luật/).fill('theo quy định hiện hành')
  await first.getByLabel(/Nội dung trả lời/).fill('Cơ quan đã tiếp nhận phản ánh và sẽ xem xét, trả lời theo quy định của pháp luật.')
  await first.getByRole('button', { name: 'Gửi câu trả lời' }).click()
  await first.getByRole('alert').filter({ hasText: /phải nêu văn bản pháp luật liên quan kèm số hiệu/ }).waitFor()

  const specific =
    'Theo khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13, người đi đăng ký khai sinh nộp giấy chứng sinh; ' +
    'bản sao có chứng thực được chấp nhận, nên Ủy ban nhân dân phường không yêu cầu bản chính.'
  await first.getByLabel(/Văn bản pháp luật/).fill('Luật Hộ tịch số 60/2014/QH13')
  await first.getByLabel(/Nội dung trả lời/).fill(specific)
  await first.getByRole('button', { name: 'Gửi câu trả lời' }).click()
  await page.getByRole('status').filter({ hasText: `Đã trả lời phản ánh ${codes[0]}` }).waitFor()

  // The same text for another feedback is a generic answer: refused with a clear message.
  const second = page.locator(`[data-feedback-code="${codes[1]}"]`)
  await second.getByLabel(/Văn bản pháp luật/).fill('Luật Hộ tịch số 60/2014/QH13')
  await second.getByLabel(/Nội dung trả lời/).fill(specific)
  await second.getByRole('button', { name: 'Gửi câu trả lời' }).click()
  const refusal = second.getByRole('alert')
  await refusal.filter({ hasText: `trùng với câu trả lời phản ánh ${codes[0]}` }).waitFor()
  assert.equal(await refusal.getAttribute('data-problem-code'), 'answer_copied')
  await screenshot(page, 'citizen-feedback-answer-refused')
  assert.deepEqual(pageErrors, [])
})

test('the sender reads the specific answer by the code', async () => {
  const { page, pageErrors } = phone
  await page.goto(`${baseUrl()}/feedback`)
  await page.getByLabel('Mã phản ánh').fill(codes[0].toLowerCase())
  await page.getByRole('button', { name: 'Tra cứu' }).click()
  await page.locator('.feedback-status[data-status="answered"]').waitFor()
  assert.match(await page.locator('.feedback-status__answer').innerText(), /60\/2014\/QH13/)
  await screenshot(page, 'citizen-feedback-answered')
  assert.deepEqual(pageErrors, [])
})

test('the home search forgives typos and missing accents', async () => {
  const { page } = phone
  await page.goto(`${baseUrl()}/`)
  await page.getByLabel('Tên hoặc mã thủ tục').fill('dang ki khai sinhh')
  await page.locator('a[href="/procedure?code=1.001193"]').waitFor()
})

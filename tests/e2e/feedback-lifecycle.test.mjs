// Feedback on regulations handled to the law (docs/rules.md section 10): a phone call entered by a
// reception clerk with its kind, the province administrator asks the sender for information (the
// answer's clock pauses), the sender supplies it by the tracking code, the answer is given and
// published, anyone finds it without accents on the public list, and the sender rates it once.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

let desk
let phone
let code = ''

before(async () => {
  desk = await openBrowser(DESK)
  phone = await openBrowser({ width: 360, height: 740 })
})

after(async () => {
  await desk?.close()
  await phone?.close()
})

test('a clerk enters a phone call on the sender\'s behalf', async () => {
  const { page, pageErrors } = desk
  await logIn(page, 'tiepnhan.hoalu', '/queue')
  await page.goto(`${baseUrl()}/feedback/intake`)
  await page.getByLabel('Điện thoại', { exact: true }).check()
  await page.getByLabel(/Loại phản ánh/).selectOption('PAKN02')
  await page.getByLabel('Họ và tên').fill('Ngô Thị Gọi Điện')
  await page.getByLabel(/Số điện thoại hoặc thư điện tử/).fill('0913 222 333')
  await page.getByLabel('Mã thủ tục hành chính').fill('1.001193')
  await page.getByLabel(/Nội dung phản ánh/).fill('Tờ khai đăng ký khai sinh đòi ghi nghề nghiệp của cha mẹ, thông tin không cần cho việc khai sinh.')
  await page.getByRole('button', { name: 'Ghi nhận phản ánh' }).click()
  code = (await page.locator('.feedback__code').innerText()).trim()
  assert.match(code, /^PA-[A-Z2-9]{10}$/)
  assert.deepEqual(pageErrors, [])
})

test('the administrator sees every time limit and asks the sender for information', async () => {
  const { page, pageErrors } = desk
  await logOut(page)
  await logIn(page, 'quantri', '/queue')
  await page.goto(`${baseUrl()}/feedback/answer`)
  const item = page.locator(`[data-feedback-code="${code}"]`)
  await item.waitFor()
  const table = item.locator('table.feedback-deadlines')
  for (const step of ['reject', 'ask', 'forward', 'answer']) await table.locator(`tr[data-step="${step}"]`).waitFor()
  assert.match(await item.innerText(), /Điện thoại · PAKN02/)
  await screenshot(page, 'feedback-lifecycle-queue')
  await item.getByLabel('Xử lý khác').selectOption('ask')
  await item.getByLabel('Thông tin cần bổ sung').fill('Xin cho biết ông/bà nộp hồ sơ tại phường nào và ngày nộp.')
  await item.getByRole('button', { name: 'Yêu cầu bổ sung thông tin' }).click()
  await page.getByRole('status').filter({ hasText: `Đã yêu cầu bổ sung thông tin cho phản ánh ${code}` }).waitFor()
  assert.deepEqual(pageErrors, [])
})

test('the sender supplies the information by the code; the answer clock was paused', async () => {
  const { page, pageErrors } = phone
  await page.goto(`${baseUrl()}/feedback/status?code=${code}`)
  await page.locator('.feedback-status[data-status="info_requested"]').waitFor()
  assert.match(await page.locator('tr[data-step="answer"]').innerText(), /Tạm dừng/)
  await page.getByLabel('Thông tin bổ sung').fill('Nộp tại phường Hoa Lư ngày hôm qua, bộ phận một cửa.')
  await page.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click()
  await page.locator('.feedback-status[data-status="received"]').waitFor()
  assert.deepEqual(pageErrors, [])
})

test('the answer is given and published, then found without accents and rated once', async () => {
  const { page, pageErrors } = desk
  await page.goto(`${baseUrl()}/feedback/answer`)
  const item = page.locator(`[data-feedback-code="${code}"]`)
  await item.waitFor()
  await item.getByLabel(/Văn bản pháp luật/).fill('Thông tư 04/2020/TT-BTP')
  await item
    .getByLabel(/Nội dung trả lời/)
    .fill(
      'Mẫu tờ khai khai sinh ban hành kèm Thông tư 04/2020/TT-BTP không có ô nghề nghiệp của cha mẹ; ' +
        'phường Hoa Lư đã được nhắc dùng đúng mẫu và không yêu cầu thêm thông tin này.',
    )
  await item.getByRole('button', { name: 'Gửi câu trả lời' }).click()
  await page.getByRole('status').filter({ hasText: `Đã trả lời phản ánh ${code}` }).waitFor()
  await page.getByLabel('Lọc theo trạng thái').selectOption('answered')
  const answered = page.locator(`[data-feedback-code="${code}"]`)
  await answered.locator('tr[data-step="publish"]').waitFor()
  await answered.getByRole('button', { name: 'Công khai câu trả lời' }).click()
  await page.getByRole('status').filter({ hasText: `Đã công khai câu trả lời phản ánh ${code}` }).waitFor()
  assert.deepEqual(pageErrors, [])

  const sender = phone.page
  await sender.goto(`${baseUrl()}/feedback/published`)
  await sender.getByLabel(/Tìm theo nội dung/).fill('nghe nghiep cua cha me')
  await sender.getByRole('button', { name: 'Tra cứu' }).click()
  await sender.locator(`.published-item[data-feedback-code="${code}"]`).waitFor()
  await screenshot(sender, 'feedback-lifecycle-published')

  await sender.goto(`${baseUrl()}/feedback/status?code=${code}`)
  await sender.locator('.feedback-status[data-status="published"]').waitFor()
  await sender.getByLabel('Không hài lòng').check()
  await sender.getByLabel(/Ý kiến/).fill('Mong phường niêm yết mẫu tờ khai mới.')
  await sender.getByRole('button', { name: 'Gửi đánh giá' }).click()
  await sender.locator('.feedback-status__rating[data-rating="unsatisfied"]').waitFor()
  assert.equal(await sender.getByRole('button', { name: 'Gửi đánh giá' }).count(), 0)
  assert.deepEqual(phone.pageErrors, [])
})

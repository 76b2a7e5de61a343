// The reception official at the counter: the work queue, accepting an online dossier, requesting
// every missing paper at once, and the server's refusal shown in the page.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl, submitBirthRegistration } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'

let browser
let toAccept
let toSupplement

before(async () => {
  // Dossiers made for this file, so the tests never depend on what the demo left "submitted".
  toAccept = await submitBirthRegistration('Hoàng Văn Kiểm')
  toSupplement = await submitBirthRegistration('Đỗ Thị Bổ Sung')
  browser = await openBrowser(DESK)
  await logIn(browser.page, 'tiepnhan.hoalu', '/queue')
})

after(async () => {
  await browser?.close()
})

async function openFromQueue(page, applicantWithoutAccents, dossierId) {
  await page.goto(`${baseUrl()}/queue`)
  await page.getByLabel('Tên người nộp').fill(applicantWithoutAccents)
  await page.waitForURL(/applicant=/)
  // The filter is applied after a pause in typing: wait for the list to shrink to the one dossier.
  await page.waitForFunction(
    (id) => {
      const rows = document.querySelectorAll('tbody tr')
      return rows.length === 1 && rows[0]?.getAttribute('data-dossier-id') === id
    },
    dossierId,
  )
  await page.locator(`tr[data-dossier-id="${dossierId}"]`).getByRole('link').click()
  await page.getByRole('heading', { level: 1 }).waitFor()
}

test('the queue is ordered by due time and every lateness colour has its words', async () => {
  const { page, pageErrors } = browser
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor()
  await page.locator('tbody tr').first().waitFor()
  const rows = await page.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      due: tr.getAttribute('data-due') ?? '',
      lateness: tr.querySelector('[data-lateness]')?.textContent?.trim() ?? '',
    })),
  )
  assert.ok(rows.length > 1)
  // Soonest due first; dossiers without a due date yet (not received) come last.
  const dues = rows.map((row) => (row.due ? Date.parse(row.due) : Infinity))
  for (let i = 1; i < dues.length; i += 1) assert.ok(dues[i - 1] <= dues[i], `row ${i} is not in due order`)
  for (const row of rows) assert.ok(row.lateness.length > 2, `lateness has a text label: "${row.lateness}"`)
  assert.ok(await page.locator(`tr[data-dossier-id="${toAccept.id}"]`).count(), 'the new dossier is queued')
  await screenshot(page, '05-officer-queue')
  assert.deepEqual(pageErrors, [])
})

test('reception opens a submitted dossier and accepts it: the status becomes "Được tiếp nhận"', async () => {
  const { page, pageErrors } = browser
  await openFromQueue(page, 'hoang van kiem', toAccept.id)
  const status = page.locator('.dossier .status')
  assert.equal(await status.innerText(), 'Mới đăng ký')
  assert.equal(await page.getByRole('button', { name: 'Phê duyệt kết quả' }).count(), 0, 'no leader action for reception')

  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.locator('.dossier .status[data-status="received"]').waitFor()
  assert.equal(await status.innerText(), 'Được tiếp nhận')
  await page.getByRole('status').filter({ hasText: 'Đã thực hiện: Tiếp nhận hồ sơ' }).waitFor()
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Hồ sơ 000\.14\.29\.H42-\d{6}-\d{4}$/)
  assert.match(await page.locator('.timeline').innerText(), /Tiếp nhận hồ sơ/)
  await screenshot(page, '06-officer-dossier-accepted')
  assert.deepEqual(pageErrors, [])
})

test('a supplement request lists every missing paper at once; an empty one shows the server’s refusal', async () => {
  const { page, pageErrors } = browser
  await openFromQueue(page, 'do thi bo sung', toSupplement.id)
  await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click()
  const papers = page.locator('.checklist input[type="checkbox"]')
  await papers.first().waitFor()

  // Nothing ticked: the server refuses, and its Vietnamese message is shown.
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.getByRole('alert').filter({ hasText: 'Phải liệt kê đầy đủ các giấy tờ' }).waitFor()

  await page.getByLabel(/^Giấy chứng sinh/).first().check()
  await page.getByLabel(/^Văn bản ủy quyền/).first().check()
  await page.getByLabel('Lý do và hướng dẫn cho người nộp').fill('Thiếu giấy chứng sinh và văn bản ủy quyền.')
  await page.getByLabel(/^Giấy chứng sinh/).first().evaluate((box) => box.scrollIntoView({ block: 'center' }))
  await screenshot(page, '07-officer-supplement-request')
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.locator('.dossier .status[data-status="awaiting_supplement"]').waitFor()
  const missing = await page.locator('#missing-title + ul li').allInnerTexts()
  assert.equal(missing.length, 2)
  assert.ok(missing[0]?.startsWith('Giấy chứng sinh'))
  assert.deepEqual(pageErrors, [])
})

test('filtering the queue by lateness shows only that lateness, in words', async () => {
  const { page } = browser
  await page.goto(`${baseUrl()}/queue`)
  await page.getByLabel('Tiến độ').selectOption('paused')
  await page.waitForURL('**/queue?lateness=paused')
  await page.locator(`tr[data-dossier-id="${toSupplement.id}"]`).waitFor()
  const labels = await page.locator('tbody [data-lateness]').allInnerTexts()
  assert.ok(labels.length >= 1)
  for (const label of labels) assert.match(label, /Tạm dừng tính thời hạn/)
})

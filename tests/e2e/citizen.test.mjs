// The citizen portal without logging in: procedure search and page, public tracking, language.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl } from './lib/api.mjs'
import { PHONE, openBrowser, screenshot } from './lib/browser.mjs'

let browser

before(async () => {
  browser = await openBrowser(PHONE)
})

after(async () => {
  await browser?.close()
})

test('searching "dang ky khai sinh" without accents opens procedure 1.001193 with its papers', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/`)
  assert.equal(await page.getAttribute('html', 'lang'), 'vi')
  await page.getByLabel('Tên hoặc mã thủ tục').fill('dang ky khai sinh')

  const result = page.locator('a[href="/procedure?code=1.001193"]')
  await result.waitFor()
  assert.match(await result.innerText(), /Thủ tục đăng ký khai sinh/)
  assert.match(await page.locator('.results__summary').innerText(), /Tìm thấy \d+ thủ tục/)
  await screenshot(page, '01-citizen-search')

  await result.click()
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor()
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page')
  await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }).waitFor()
  const papers = await page.locator('.papers .paper__name').allInnerTexts()
  assert.ok(papers.length >= 5, `papers listed: ${papers.length}`)
  assert.ok(papers.some((name) => name.startsWith('Giấy chứng sinh')), 'the birth certificate paper is listed')
  assert.ok(!papers.some((name) => name.startsWith('- ')), 'catalog list markers are not shown')
  const channels = await page.locator('table').first().innerText()
  assert.match(channels, /Trực tuyến/)
  assert.match(channels, /Miễn phí/)
  await screenshot(page, '02-citizen-procedure')
  assert.deepEqual(pageErrors, [])
})

test('the keyboard reaches the skip link first, and it leads to the main content', async () => {
  const { page } = browser
  await page.goto(`${baseUrl()}/`)
  await page.keyboard.press('Tab')
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link')
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bỏ qua, đến nội dung chính')
  await page.keyboard.press('Enter')
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main')
  const landmarks = await page.evaluate(() => ['header', 'nav', 'main', 'footer'].map((tag) => document.querySelectorAll(tag).length))
  assert.deepEqual(landmarks, [1, 1, 1, 1])
  await page.keyboard.press('Tab')
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'procedure-search', 'the search box follows')
})

test('the English switch changes the texts and <html lang>, and is remembered', async () => {
  const { page } = browser
  await page.goto(`${baseUrl()}/procedure?code=1.000894`)
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await page.getByRole('heading', { level: 2, name: 'Papers to submit' }).waitFor()
  assert.equal(await page.getAttribute('html', 'lang'), 'en')
  await page.reload()
  await page.getByRole('heading', { level: 2, name: 'How to apply' }).waitFor()
  assert.equal(await page.getAttribute('html', 'lang'), 'en')
  await screenshot(page, '03-citizen-procedure-english')
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click()
  await page.getByRole('heading', { level: 2, name: 'Cách thức thực hiện' }).waitFor()
  assert.equal(await page.getAttribute('html', 'lang'), 'vi')
})

test('tracking a known dossier code with its secret shows its status, masked name and history', async () => {
  const { page, pageErrors } = browser
  // Any coded dossier of the demo will do; the API's own answer is what the page must show.
  const official = await apiSession('tiepnhan.hoalu')
  const queue = await official.get('/queue')
  const known = queue.body.find((item) => item.code)
  assert.ok(known, 'the demo queue has a dossier with a code')
  // The secret is on the receipt; the official reading the dossier sees it too.
  const secret = (await official.get(`/dossiers/${known.id}/tracking-secret`)).body.tracking_secret
  assert.match(secret, /^[0-9A-HJKMNP-TV-Z]{8}$/)
  const expected = await fetch(`${baseUrl()}/api/v1/track/${known.code}?secret=${secret}`).then((r) => r.json())

  // The code alone opens nothing: the answer is the unknown-code one.
  await page.goto(`${baseUrl()}/track`)
  await page.getByLabel('Mã hồ sơ').fill(known.code)
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click()
  await page.getByRole('alert').filter({ hasText: 'Không tìm thấy.' }).waitFor()

  // Typed as people do: lower case, with a dash in the middle.
  await page.getByLabel('Mã bí mật tra cứu').fill(`${secret.slice(0, 4).toLowerCase()}-${secret.slice(4).toLowerCase()}`)
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click()
  const status = page.locator('.tracking .status')
  await status.waitFor()
  assert.equal(await status.innerText(), expected.status_label_vi)
  assert.equal(await status.getAttribute('data-status'), known.status)
  const text = await page.locator('.tracking').innerText()
  assert.ok(text.includes(expected.applicant), 'the masked name is shown')
  assert.ok(!text.includes(known.applicant_name), 'the full name is not shown')
  assert.equal(await page.locator('.tracking .timeline__entry').count(), expected.timeline.length)
  await screenshot(page, '04-citizen-tracking')

  await page.goto(`${baseUrl()}/track?code=KHONG-CO-MA-NAY`)
  await page.getByRole('alert').filter({ hasText: 'Không tìm thấy.' }).waitFor()
  // A wrong secret reads exactly as an unknown code.
  await page.goto(`${baseUrl()}/track?code=${encodeURIComponent(known.code)}&secret=ZZZZZZZZ`)
  await page.getByRole('alert').filter({ hasText: 'Không tìm thấy.' }).waitFor()
  assert.deepEqual(pageErrors, [])
})

// What people notice (issue 12, point 7): no pre-ticked rating answers, each role lands where its
// work is, the procedure and statistics pages at 360 px, the calendar form, typo suggestions,
// browsing the catalog and names in the process picker.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl } from './lib/api.mjs'
import { openBrowser, screenshot } from './lib/browser.mjs'
import { logOut } from './lib/ui.mjs'

const NARROW = { width: 360, height: 740 }
let browser

before(async () => {
  browser = await openBrowser(NARROW)
})

after(async () => {
  await browser?.close()
})

/** Logs in through the form and answers where the page went by itself. */
async function logInAndLand(page, username) {
  await page.goto(`${baseUrl()}/login`)
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill('motcua-demo-2026')
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  return new URL(page.url()).pathname
}

test('each role lands where its work is after logging in', async () => {
  const { page, context } = browser
  const expected = {
    'lanhdao.hoalu': '/approvals',
    'tiepnhan.hoalu': '/counter',
    'chuyenvien.hoalu': '/queue',
    quantri: '/admin',
    'congdan.an': '/my',
  }
  for (const [username, landing] of Object.entries(expected)) {
    await context.clearCookies()
    assert.equal(await logInAndLand(page, username), landing, `${username} lands on ${landing}`)
  }
  await context.clearCookies()
})

/** A dossier of one of the demo applicants with its result out and no rating yet. */
async function unratedDossier() {
  for (const username of ['congdan.an', 'congdan.binh']) {
    const applicant = await apiSession(username)
    const mine = await applicant.get('/my/dossiers')
    for (const dossier of mine.body) {
      const state = await applicant.get(`/dossiers/${dossier.id}/rating`)
      if (state.status === 200 && state.body.may_rate && !state.body.rating) return { username, id: dossier.id }
    }
  }
  return null
}

test('the rating form starts with nothing chosen and names the questions left unanswered', async () => {
  const { page, pageErrors, context } = browser
  const found = await unratedDossier()
  assert.ok(found, 'the demo has an unrated dossier with its result out')
  await context.clearCookies()
  await logInAndLand(page, found.username)
  await page.goto(`${baseUrl()}/my/dossier?id=${encodeURIComponent(found.id)}`)
  const rating = page.locator('.rating')
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).waitFor()
  assert.equal(await rating.locator('input[type="radio"]:checked').count(), 0, 'no answer is pre-ticked')

  await rating.getByLabel(/Rất hài lòng/).check()
  await rating.getByLabel('Không lần nào').check()
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click()
  const alert = rating.locator('.rating__unanswered')
  await alert.waitFor()
  const text = await alert.innerText()
  assert.match(text, /Số cơ quan bạn phải liên hệ/)
  assert.match(text, /Thái độ của cán bộ/)
  assert.doesNotMatch(text, /Mức độ hài lòng chung/)
  assert.equal(await rating.getByText('Cảm ơn bạn đã đánh giá.').count(), 0, 'nothing was sent')

  await rating.getByLabel('1 cơ quan').check()
  await rating.getByLabel('Lịch sự, tận tình').check()
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click()
  await rating.getByText('Cảm ơn bạn đã đánh giá.').waitFor()
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

test('the procedure page fits 360 px: the fee table becomes cards with the fee visible', async () => {
  const { page, pageErrors, context } = browser
  await context.clearCookies()
  await page.goto(`${baseUrl()}/procedure?code=1.001193`)
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor()
  const fee = page.locator('.channel-table__fee').first()
  await fee.scrollIntoViewIfNeeded()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 360, `no sideways scrolling at 360 px (page is ${width} px wide)`)
  const box = await fee.boundingBox()
  assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `the fee cell is inside the screen (${JSON.stringify(box)})`)
  assert.ok(await fee.isVisible())
  assert.match(await fee.innerText(), /Miễn phí|đ/)
  // The fee is labelled in its card (the column headings are off screen for the eye).
  assert.equal(await fee.evaluate((el) => getComputedStyle(el, '::before').content), '"Phí, lệ phí"')
  await screenshot(page, 'ui-360-procedure')
  assert.deepEqual(pageErrors, [])
})

test('the statistics page at 360 px: month labels do not overlap, names are not a word per line', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/statistics`)
  await page.locator('table[data-table="by-agency"]').waitFor()
  await page.locator('.rate-chart[data-x-ticks]').first().waitFor({ state: 'attached' })
  const charts = await page.locator('.rate-chart[data-x-ticks]').evaluateAll((nodes) =>
    nodes.map((node) => {
      const context = document.createElement('canvas').getContext('2d')
      context.font = node.dataset.xFont
      return JSON.parse(node.dataset.xTicks).map((tick) => {
        const half = context.measureText(tick.text).width / 2
        return { text: tick.text, left: tick.x - half, right: tick.x + half }
      })
    }),
  )
  assert.ok(charts.length >= 2)
  for (const boxes of charts) {
    assert.ok(boxes.length >= 2, 'some months are labelled')
    for (let i = 1; i < boxes.length; i += 1) {
      assert.ok(boxes[i - 1].right <= boxes[i].left, `labels ${boxes[i - 1].text} and ${boxes[i].text} do not overlap`)
    }
  }
  // A multi-word agency name takes at most two lines, not one line per word.
  const names = await page.locator('table[data-table="by-agency"] tbody th').evaluateAll((cells) =>
    cells.map((cell) => ({
      text: cell.textContent.trim(),
      lines: Math.round(cell.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight || '20')),
    })),
  )
  const long = names.filter((n) => n.text.split(/\s+/).length >= 4)
  assert.ok(long.length > 0, 'there are multi-word agency names')
  for (const name of long) assert.ok(name.lines <= 3, `"${name.text}" takes ${name.lines} lines`)
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 360, `no sideways scrolling of the page at 360 px (${width} px)`)
  await screenshot(page, 'ui-360-statistics')
  assert.deepEqual(pageErrors, [])
})

test('the process picker names the procedure and the agency, not only codes', async () => {
  const { page, pageErrors, context } = browser
  await context.clearCookies()
  await logInAndLand(page, 'quantri')
  const admin = await apiSession('quantri')
  const listed = (await admin.get('/processes')).body
  assert.ok(listed.length > 0)
  await page.goto(`${baseUrl()}/admin/processes`)
  const picker = page.getByLabel('Chọn quy trình')
  await picker.locator('option').first().waitFor({ state: 'attached' })
  const options = await picker.locator('option').allTextContents()
  assert.equal(options.length, listed.length)
  for (const [i, process] of listed.entries()) {
    assert.ok(process.procedure_name && process.agency_name, `${process.id} has names`)
    assert.ok(options[i].includes(process.procedure_name), `option ${options[i]} names the procedure`)
    assert.ok(options[i].includes(process.agency_name), `option ${options[i]} names the agency`)
  }
  await page.locator('.process-editor__what').waitFor()
  assert.match(await page.locator('.process-editor__what').innerText(), new RegExp(listed[0].agency_name))
  assert.deepEqual(pageErrors, [])
})

test('a typo with no match offers the nearest names: "khai snh" → đăng ký khai sinh', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/`)
  await page.getByLabel('Tên hoặc mã thủ tục').fill('khai snh')
  await page.locator('.results__did-you-mean').waitFor()
  assert.equal(await page.locator('.results__did-you-mean').innerText(), 'Có phải bạn muốn tìm:')
  const first = page.locator('.result-list--suggested .result-list__name').first()
  assert.match(await first.innerText(), /Thủ tục đăng ký khai sinh/)
  assert.match(await page.locator('.results__summary').innerText(), /Không tìm thấy thủ tục nào phù hợp/)
  await screenshot(page, 'ui-did-you-mean')
  await first.click()
  await page.getByRole('heading', { level: 1, name: /khai sinh/ }).waitFor()
  assert.deepEqual(pageErrors, [])
})

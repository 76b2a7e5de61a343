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

test('the working calendar edited by form: add a holiday range and a make-up Saturday, remove a day, the clock moves', async () => {
  const { page, pageErrors, context } = browser
  await page.setViewportSize({ width: 1120, height: 780 })
  await context.clearCookies()
  await logInAndLand(page, 'quantri')
  await page.goto(`${baseUrl()}/admin/calendar`)
  await page.getByRole('button', { name: 'Xem ngày nghỉ năm 2026' }).click()
  await page.getByRole('button', { name: 'Sửa ngày nghỉ năm 2026 bằng biểu mẫu' }).click()
  const editor = page.locator('.calendar-editor')
  const before = await editor.locator('tbody tr').count()
  assert.ok(before > 5, 'the form lists the days of the year')

  async function addDay(kind, from, to, name) {
    await editor.getByLabel('Loại').selectOption(kind)
    await editor.getByLabel('Từ ngày').fill(from)
    await editor.getByLabel('Đến ngày').fill(to)
    await editor.getByLabel('Tên').fill(name)
    await editor.getByRole('button', { name: 'Thêm vào danh sách' }).click()
  }
  await addDay('holiday', '2026-12-14', '2026-12-15', 'Nghỉ lễ thử nghiệm')
  await addDay('makeup_workday', '2026-12-19', '', 'Làm bù nghỉ lễ thử nghiệm')
  await addDay('compensatory', '2026-12-16', '', 'Nghỉ bù thử nghiệm')
  // A compensatory day on a Saturday: the server refuses it and names the day.
  await addDay('compensatory', '2026-12-26', '', 'Nghỉ bù sai')
  assert.equal(await editor.locator('tbody tr').count(), before + 5)
  assert.equal(await editor.locator('tr[data-date="2026-12-15"]').getAttribute('data-kind'), 'holiday')

  await page.getByLabel('Lý do thay đổi (bắt buộc)').fill('Quyết định thử nghiệm nghỉ lễ tháng 12')
  await page.getByRole('button', { name: 'Xem trước thay đổi' }).click()
  const refused = page.locator('.calendar-problems [data-problem-code="day_off_on_weekend"]')
  await refused.waitFor()
  assert.match(await refused.innerText(), /2026-12-26/)

  await editor.getByRole('button', { name: 'Xóa ngày 2026-12-26' }).click()
  await editor.getByRole('button', { name: 'Xóa ngày 2026-12-16' }).click()
  assert.equal(await editor.locator('tbody tr').count(), before + 3)
  await page.getByRole('button', { name: 'Xem trước thay đổi' }).click()
  const preview = page.getByTestId('calendar-preview')
  await preview.waitFor()
  assert.match(await preview.innerText(), /3 ngày đổi trạng thái/)
  await screenshot(page, 'ui-calendar-form')

  const saved = page.waitForResponse((r) => r.url().includes('/calendar/years/2026') && !r.url().includes('dry_run') && r.request().method() !== 'GET')
  await page.getByRole('button', { name: 'Lưu lịch năm 2026' }).click()
  const result = await (await saved).json()
  assert.ok((await saved).ok(), JSON.stringify(result))
  assert.equal(result.version, 1, 'stored as a new version of the year (audited like a file import)')
  await page.getByText(/Đã nhập lịch năm 2026/).waitFor()
  const listed = await (await apiSession('quantri')).get('/calendar/years?from=2026&to=2026')
  const kinds = Object.fromEntries(listed.body.years[0].days.map((d) => [d.date, d.kind]))
  assert.equal(kinds['2026-12-14'], 'holiday')
  assert.equal(kinds['2026-12-19'], 'makeup_workday')
  assert.equal(kinds['2026-12-16'], undefined, 'the removed day is gone')

  // A dossier due after the new holidays is due later on the public tracking page.
  const moved = result.dossiers.find((d) => d.code && d.due_before && d.due_after && d.due_before !== d.due_after)
  if (moved) {
    const link = (await (await apiSession('quantri')).get(`/dossiers/${moved.id}/tracking-secret`)).body
    const tracked = await fetch(`${baseUrl()}/api/v1/track/${encodeURIComponent(moved.code)}?secret=${link.tracking_secret}`).then((r) => r.json())
    assert.equal(tracked.due, moved.due_after)
  }
  await page.setViewportSize(NARROW)
  assert.deepEqual(pageErrors, [])
})

test('the home page browses procedures by field, level and agency with counts, and lists the most used', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/`)
  const used = page.locator('.most-used__list li')
  await used.first().waitFor()
  const api = await fetch(`${baseUrl()}/api/v1/catalog/most-used?limit=8`).then((r) => r.json())
  assert.ok(api.length > 0 && api[0].dossiers > 0, 'the demo province has dossiers')
  assert.equal(await used.first().getAttribute('data-code'), api[0].code)
  assert.match(await used.first().innerText(), new RegExp(`${api[0].dossiers} hồ sơ`))

  const browse = page.locator('.catalog-browse')
  const total = browse.locator('.catalog-browse__total')
  const all = Number((await total.innerText()).replace(/\D/g, ''))
  assert.ok(all > 1000, `the whole catalog is counted (${all})`)
  await browse.getByLabel('Cấp thực hiện').selectOption('commune')
  await browse.locator('.catalog-browse__results li').first().waitFor()
  const communes = Number((await total.innerText()).replace(/\D/g, ''))
  assert.ok(communes > 0 && communes < all, `commune procedures counted (${communes})`)
  const fieldOption = browse.getByLabel('Lĩnh vực').locator('option').nth(1)
  const fieldText = await fieldOption.innerText()
  const [, fieldName, fieldCount] = /^(.*) \((\d+)\)$/.exec(fieldText)
  await browse.getByLabel('Lĩnh vực').selectOption(fieldName)
  await page.waitForFunction((n) => document.querySelector('.catalog-browse__total')?.textContent?.includes(`${n} thủ tục`), fieldCount)
  const rows = await browse.locator('.catalog-browse__results .result-list__meta').allInnerTexts()
  assert.equal(rows.length, Math.min(Number(fieldCount), 50))
  for (const meta of rows) assert.ok(meta.includes(fieldName), `${meta} is in ${fieldName}`)
  await screenshot(page, 'ui-browse')
  await browse.getByRole('button', { name: 'Bỏ lọc' }).click()
  await page.waitForFunction((n) => document.querySelector('.catalog-browse__total')?.textContent?.includes(`${n} thủ tục`), String(all))
  const agencyText = await browse.getByLabel('Cơ quan thực hiện').locator('option').nth(1).innerText()
  const [, agencyName, agencyCount] = /^(.*) \((\d+)\)$/.exec(agencyText)
  await browse.getByLabel('Cơ quan thực hiện').selectOption(agencyName)
  await page.waitForFunction((n) => document.querySelector('.catalog-browse__total')?.textContent?.includes(`${n} thủ tục`), agencyCount)
  assert.ok(Number(agencyCount) < all)
  assert.deepEqual(pageErrors, [])
})

// WCAG 2.1 AA on every main screen, checked by axe-core (rules tagged wcag2a, wcag2aa, wcag21a,
// wcag21aa): the citizen's screens on a small phone (360x740), the officials' screens on a desk
// monitor, each once its data has arrived and, where a screen opens forms, with them open. Then
// the keyboard: the skip link reaches the content, the focus lands on the new page's heading after
// a navigation, and Tab reaches the primary action of the counter intake and of the wizard.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { apiSession, baseUrl, submitBirthRegistration } from './lib/api.mjs'
import { assertNoViolations, axeViolations } from './lib/axe.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'

const SMALL_PHONE = { width: 360, height: 740 }

/** Waits until the screen shows `selector` and has no request in flight, so axe sees it whole. */
async function ready(page, selector) {
  await page.locator(selector).first().waitFor()
  await page.waitForLoadState('networkidle')
}

async function visit(page, path, selector) {
  await page.goto(`${baseUrl()}${path}`)
  await ready(page, selector)
}

/** WCAG 1.4.10 (reflow): on the phone nothing makes the page scroll sideways. */
async function assertNoSidewaysScroll(page, screen) {
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }))
  assert.ok(widths.content <= widths.viewport, `${screen}: the page is ${widths.content} px wide on a ${widths.viewport} px screen`)
}

/** Both checks a citizen's screen must pass on the phone, the reflow one down to 320 px too. */
async function checkPhone(page, screen) {
  await assertNoViolations(page, screen)
  await assertNoSidewaysScroll(page, screen)
  await page.setViewportSize({ width: 320, height: SMALL_PHONE.height })
  await assertNoSidewaysScroll(page, `${screen} at 320 px`)
  await page.setViewportSize(SMALL_PHONE)
}

/**
 * Presses Tab `presses` times from where the focus is and checks each stop shows a focus indicator
 * (WCAG 2.4.7): an outline or a ring, on an element that is on the screen.
 */
async function assertFocusVisibleOnEachTabStop(page, presses, screen) {
  const seen = []
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab')
    // Two frames, so the styles read are those of the new focus.
    const stop = await page.evaluate(async () => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
      const el = document.activeElement
      if (!el || el === document.body) return null
      // In a month or date field the browser's calendar button is a Tab stop of its own, inside
      // the field (which stays document.activeElement): main.css rings the field then.
      const pickerStop = el instanceof HTMLInputElement && !el.matches(':focus')
      const style = getComputedStyle(el)
      const box = el.getBoundingClientRect()
      return {
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}"`,
        style: `outline ${style.outlineStyle} ${style.outlineWidth}, ring ${style.boxShadow}`,
        pickerStop,
        indicated: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
      }
    })
    if (!stop) break
    if (stop.pickerStop) await screenshot(page, `a11y-05-${screen.replace(/\W+/g, '-')}-calendar-button-focus`)
    seen.push(stop.what)
    assert.ok(stop.indicated, `${screen}: ${stop.what} has no visible focus indicator (${stop.style})`)
    assert.ok(stop.onScreen, `${screen}: ${stop.what} has the focus off the screen`)
  }
  assert.ok(seen.length > 3, `${screen}: Tab moved through ${seen.length} stops`)
}

/** Logs out by forgetting the cookies (a full page load follows), then logs in as `username`. */
async function switchUser(browser, username, landing) {
  await browser.context.clearCookies()
  await logIn(browser.page, username, landing)
}

/** Presses Tab until the focus is on an element `predicate` accepts; returns the presses used. */
async function tabUntil(page, predicate, limit) {
  for (let presses = 0; presses <= limit; presses += 1) {
    if (await page.evaluate(predicate)) return presses
    await page.keyboard.press('Tab')
  }
  assert.fail(`Tab did not reach the element within ${limit} presses`)
}

let dossier
let accepted

before(async () => {
  // Dossiers of this file's own: one for the citizen's page, one accepted for the receipt.
  dossier = await submitBirthRegistration('Âu Thị Tiếp Cận')
  const forReceipt = await submitBirthRegistration('Hà Văn Biên Nhận')
  const reception = await apiSession('tiepnhan.hoalu')
  const answer = await reception.post(`/dossiers/${forReceipt.id}/accept`, {})
  assert.equal(answer.status, 200, JSON.stringify(answer.body))
  accepted = answer.body
})

describe('citizen screens on a 360 px phone', () => {
  let browser
  before(async () => {
    browser = await openBrowser(SMALL_PHONE)
  })
  after(async () => {
    await browser?.close()
  })

  test('the checker itself finds a violation planted in the page', async () => {
    // Guards against a vacuous pass (axe not loaded, or the wrong rules): a nameless button and
    // pale text must be reported.
    await visit(browser.page, '/', 'h1')
    await browser.page.evaluate(() => {
      const planted = document.createElement('div')
      planted.id = 'planted'
      planted.innerHTML = '<button type="button"></button><p>pale</p>'
      // Through the CSSOM: the page's Content-Security-Policy refuses inline style attributes.
      planted.querySelector('p').style.color = '#bbb'
      document.getElementById('main').prepend(planted)
    })
    const lines = await axeViolations(browser.page)
    await browser.page.evaluate(() => document.getElementById('planted').remove())
    assert.ok(lines.some((line) => line.startsWith('[button-name]')), lines.join('\n'))
    assert.ok(lines.some((line) => line.startsWith('[color-contrast]')), lines.join('\n'))
  })

  test('home, in Vietnamese and in English', async () => {
    await visit(browser.page, '/', 'h1')
    await checkPhone(browser.page, 'home')
    await browser.page.getByRole('button', { name: 'English' }).click()
    await browser.page.waitForFunction(() => document.documentElement.lang === 'en')
    await checkPhone(browser.page, 'home in English')
    await browser.page.getByRole('button', { name: 'Tiếng Việt' }).click()
    await browser.page.waitForFunction(() => document.documentElement.lang === 'vi')
  })

  test('a page that does not exist', async () => {
    await visit(browser.page, '/khong-co-trang-nay', 'h1')
    await checkPhone(browser.page, 'not found')
  })

  test('search results', async () => {
    await visit(browser.page, '/?q=khai%20sinh', '.result-list__item')
    await checkPhone(browser.page, 'search results')
  })

  test('procedure page', async () => {
    await visit(browser.page, '/procedure?code=1.001193', 'h2')
    await checkPhone(browser.page, 'procedure page')
  })

  test('tracking a demo dossier', async () => {
    const official = await apiSession('tiepnhan.hoalu')
    const known = (await official.get('/queue')).body.find((item) => item.code)
    assert.ok(known, 'the demo has a coded dossier')
    const secret = (await official.get(`/dossiers/${known.id}/tracking-secret`)).body.tracking_secret
    await visit(browser.page, `/track?code=${encodeURIComponent(known.code)}&secret=${secret}`, '.tracking .status')
    await checkPhone(browser.page, 'tracking')
    await visit(browser.page, '/track?code=KHONG-CO-MA-NAY', '[role="alert"]')
    await checkPhone(browser.page, 'tracking, unknown code')
  })

  test('login, with its error message', async () => {
    await visit(browser.page, '/login', 'form')
    await checkPhone(browser.page, 'login')
    await browser.page.getByLabel('Tên đăng nhập').fill('khong-co-ai')
    await browser.page.getByLabel('Mật khẩu').fill('sai-mat-khau')
    await browser.page.getByRole('button', { name: 'Đăng nhập' }).click()
    await browser.page.getByRole('alert').waitFor()
    await checkPhone(browser.page, 'login error')
  })

  test('feedback form, empty and with its problems shown', async () => {
    await visit(browser.page, '/feedback', 'form')
    await checkPhone(browser.page, 'feedback form')
    await browser.page.locator('#main form button[type="submit"]').last().click()
    await browser.page.waitForLoadState('networkidle')
    await checkPhone(browser.page, 'feedback form with problems')
  })

  test('public statistics', async () => {
    await visit(browser.page, '/statistics', 'table[data-table="by-agency"]')
    await checkPhone(browser.page, 'public statistics')
    // Each chart is an image with a label that names the table holding its figures.
    const charts = await browser.page.locator('.rate-chart').evaluateAll((nodes) =>
      nodes.map((n) => ({ role: n.getAttribute('role'), label: n.getAttribute('aria-label') ?? '' })),
    )
    assert.ok(charts.length > 0)
    for (const chart of charts) {
      assert.equal(chart.role, 'img')
      assert.match(chart.label, /Biểu đồ.*bảng “.+”/)
    }
  })

  test('my dossiers, the citizen dossier page and the wizard', async () => {
    const { page } = browser
    await switchUser(browser, 'congdan.an', '/my')
    await ready(page, 'h1')
    await checkPhone(page, 'my dossiers')
    await visit(page, `/my/dossier?id=${dossier.id}`, '.dossier .status')
    await checkPhone(page, 'citizen dossier page')
    await visit(page, '/submit?code=1.001193', '[data-step="applicant"]')
    await checkPhone(page, 'wizard, first step')
    await screenshot(page, 'a11y-01-wizard-phone')
    // On through every step with a draft of this file's own (it is never submitted).
    await page.getByLabel(/Nơi nộp hồ sơ/).selectOption('mc-14329')
    await page.getByLabel(/Họ và tên/).fill('Âu Thị Nháp')
    await page.getByLabel(/Số định danh cá nhân/).fill('037190007777')
    await page.getByLabel(/Số điện thoại/).fill('0987000111')
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
    // The case step, unless the procedure has a single case (the wizard then skips it).
    await ready(page, '[data-step="variant"], [data-step="papers"]')
    if (await page.locator('[data-step="variant"]').count()) {
      await checkPhone(page, 'wizard, case')
      await page.locator('[data-step="variant"] input[type="radio"]').first().check()
      await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
    }
    await ready(page, '[data-step="papers"]')
    await checkPhone(page, 'wizard, papers')
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
    await page.getByLabel('Qua bưu chính công ích').waitFor()
    await checkPhone(page, 'wizard, return channel')
    await page.getByLabel('Qua bưu chính công ích').check()
    await page.keyboard.press('Enter')
    await ready(page, '[data-step="review"]')
    await checkPhone(page, 'wizard, review')
  })
})

describe('officials screens on a desk monitor', () => {
  let browser
  before(async () => {
    browser = await openBrowser(DESK)
  })
  after(async () => {
    await browser?.close()
  })

  test('reception: queue, dossier with each action form open, counter intake, receipt', async () => {
    const { page } = browser
    await switchUser(browser, 'tiepnhan.hoalu', '/queue')
    await ready(page, 'tbody tr')
    await assertNoViolations(page, 'queue')

    const online = await submitBirthRegistration('Tôn Nữ Thao Tác')
    await visit(page, `/dossiers/${online.id}`, '.action-panel [data-action]')
    await assertNoViolations(page, 'officials dossier page')
    const actions = await page.locator('.action-panel [data-action]').evaluateAll((buttons) => buttons.map((b) => b.dataset.action))
    for (const action of actions) {
      await page.locator(`.action-panel [data-action="${action}"]`).click()
      await page.locator('.action-panel form').first().waitFor()
      await page.waitForLoadState('networkidle')
      await assertNoViolations(page, `action panel open on "${action}"`)
    }
    await screenshot(page, 'a11y-02-action-panel')

    await visit(page, '/counter', '#counter-procedure')
    await assertNoViolations(page, 'counter intake')
    await page.locator('#counter-procedure').fill('1.001193')
    await page.getByRole('option').first().waitFor()
    await assertNoViolations(page, 'counter intake, suggestions open')
    await page.keyboard.press('Enter')
    await page.locator('.counter-papers tbody tr').first().waitFor()
    await page.waitForLoadState('networkidle')
    await assertNoViolations(page, 'counter intake, procedure chosen')
    await visit(page, `/dossiers/${accepted.id}/print/01`, '.receipt-code')
    await assertNoViolations(page, 'print view, form 01')
    await visit(page, `/dossiers/${accepted.id}/print/06`, 'h1')
    await assertNoViolations(page, 'print view, form 06')
  })

  test('processing: a dossier in review with each action form open', async () => {
    const { page } = browser
    const online = await submitBirthRegistration('Khúc Văn Thẩm Định')
    const reception = await apiSession('tiepnhan.hoalu')
    assert.equal((await reception.post(`/dossiers/${online.id}/accept`, {})).status, 200)
    const processing = await apiSession('chuyenvien.hoalu')
    const taken = await processing.post(`/dossiers/${online.id}/assign`, { official_id: processing.user.id })
    assert.equal(taken.status, 200, JSON.stringify(taken.body))
    await switchUser(browser, 'chuyenvien.hoalu', '/queue')
    await visit(page, `/dossiers/${online.id}`, '.action-panel [data-action]')
    await assertNoViolations(page, 'dossier in review')
    const actions = await page.locator('.action-panel [data-action]').evaluateAll((buttons) => buttons.map((b) => b.dataset.action))
    for (const action of actions) {
      await page.locator(`.action-panel [data-action="${action}"]`).click()
      await page.locator('.action-panel form').first().waitFor()
      await page.waitForLoadState('networkidle')
      await assertNoViolations(page, `action panel open on "${action}"`)
    }
  })

  test('leader: dashboard and approvals', async () => {
    const { page } = browser
    await switchUser(browser, 'lanhdao.hoalu', '/queue')
    await visit(page, '/leader', 'table[data-table="unit-rates"]')
    await assertNoViolations(page, 'leader dashboard')
    await screenshot(page, 'a11y-03-leader')
    await visit(page, '/approvals', 'h1')
    await page.getByRole('status').first().waitFor()
    await assertNoViolations(page, 'approvals')
    await visit(page, '/feedback/answer', 'h1')
    await assertNoViolations(page, 'feedback answers')
    await visit(page, '/tracking-book', 'h1')
    await assertNoViolations(page, 'tracking book (form 07)')
  })

  test('administration: home, calendar, users, agencies, catalog, processes', async () => {
    const { page } = browser
    await switchUser(browser, 'quantri', '/queue')
    await visit(page, '/admin', 'h1')
    await assertNoViolations(page, 'administration home')
    await visit(page, '/admin/calendar', 'tbody tr')
    await assertNoViolations(page, 'calendar')
    await visit(page, '/admin/users', 'tr[data-username="quantri"]')
    await assertNoViolations(page, 'users')
    await visit(page, '/admin/agencies', 'tr[data-agency]')
    await assertNoViolations(page, 'agencies and one-stop units')
    await visit(page, '/admin/catalog', 'h1')
    await assertNoViolations(page, 'catalog')
    await page.getByLabel('Tìm thủ tục').fill('đăng ký khai sinh')
    await page.getByRole('button', { name: 'Tìm', exact: true }).click()
    await page.locator('.catalog-pick[data-code="1.001193"]').click()
    const agency = page.getByLabel('Cơ quan áp dụng')
    await agency.locator('option[value="so-xay-dung-37"]').waitFor({ state: 'attached' })
    await agency.selectOption('so-xay-dung-37')
    await page.getByLabel('Thời hạn giải quyết — trực tiếp').waitFor()
    await page.waitForLoadState('networkidle')
    await assertNoViolations(page, 'catalog, local terms of one agency')

    await visit(page, '/admin/processes', 'h1')
    await assertNoViolations(page, 'processes')
    const picker = page.getByLabel('Chọn quy trình')
    await picker.locator('option').first().waitFor({ state: 'attached' })
    await picker.selectOption({ index: (await picker.locator('option').count()) - 1 })
    await page.locator('#step-name-1').waitFor()
    await page.waitForLoadState('networkidle')
    await assertNoViolations(page, 'process editor')
    // A problem shown beside its step (nothing is saved).
    await page.locator('#step-name-1').fill('')
    await page.locator('[data-state="invalid"]').waitFor()
    await assertNoViolations(page, 'process editor with a problem')
    await screenshot(page, 'a11y-04-process-problem')
  })
})

describe('keyboard', () => {
  let browser
  before(async () => {
    browser = await openBrowser(SMALL_PHONE)
  })
  after(async () => {
    await browser?.close()
  })

  test('the skip link reaches the content and a navigation puts the focus on the new heading', async () => {
    const { page } = browser
    await visit(page, '/', 'h1')
    await page.keyboard.press('Tab')
    const first = await page.evaluate(() => ({ cls: document.activeElement?.className, text: document.activeElement?.textContent }))
    assert.match(first.cls ?? '', /skip-link/, 'the first Tab stop is the skip link')
    assert.ok(await page.locator('.skip-link').evaluate((a) => a.getBoundingClientRect().height > 0), 'it is visible when focused')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'Enter moves the focus to the content')
    // The next Tab stop is inside the content, past the header's links.
    await page.keyboard.press('Tab')
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('#main')), 'the next Tab stays in the content')

    await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).first().click()
    await page.waitForURL('**/track')
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1')
    assert.equal(await page.evaluate(() => document.activeElement?.closest('#main') !== null), true)
  })

  test('every Tab stop shows where the focus is', async () => {
    const { page } = browser
    await visit(page, '/?q=khai%20sinh', '.result-list__item')
    await page.locator('#main').focus()
    await page.evaluate(() => document.activeElement?.blur())
    await assertFocusVisibleOnEachTabStop(page, 14, 'home with results')
    await visit(page, '/statistics', 'table[data-table="by-agency"]')
    await assertFocusVisibleOnEachTabStop(page, 16, 'statistics')
    await visit(page, '/login', 'form')
    await assertFocusVisibleOnEachTabStop(page, 12, 'login')
    await visit(page, '/feedback', 'form')
    await assertFocusVisibleOnEachTabStop(page, 16, 'feedback form')
  })

  test('Tab reaches the primary action of the wizard and of the counter intake', async () => {
    const { page } = browser
    await switchUser(browser, 'congdan.binh', '/my')
    await visit(page, '/submit?code=1.001193', '[data-step="applicant"]')
    await page.locator('#main').focus()
    await tabUntil(page, () => document.activeElement?.matches('[data-step="applicant"] button[type="submit"]'), 15)

    await page.setViewportSize(DESK)
    await switchUser(browser, 'tiepnhan.hoalu', '/queue')
    await visit(page, '/counter', '#counter-procedure')
    await page.waitForFunction(() => document.activeElement?.id === 'counter-procedure')
    await tabUntil(page, () => document.activeElement?.matches('form button[type="submit"]'), 40)
  })
})

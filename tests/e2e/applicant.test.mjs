// An applicant (congdan.an): their own dossiers, no official actions offered, and the server's
// 403 shown when an official's screen or command is forced.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl, submitBirthRegistration } from './lib/api.mjs'
import { PHONE, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn } from './lib/ui.mjs'

let browser
let dossier

before(async () => {
  dossier = await submitBirthRegistration('Nguyễn Văn An')
  browser = await openBrowser(PHONE)
})

after(async () => {
  await browser?.close()
})

test('the applicant logs in, sees their dossiers and is offered no official action', async () => {
  const { page, pageErrors } = browser
  await logIn(page, 'congdan.an', '/my')
  const row = page.locator(`li[data-dossier-id="${dossier.id}"]`)
  await row.waitFor()
  assert.match(await row.innerText(), /Mới đăng ký/)
  await screenshot(page, '08-applicant-my-dossiers')

  await row.getByRole('link').click()
  await page.locator('.dossier .status[data-status="submitted"]').waitFor()
  assert.equal(await page.locator('.action-panel').count(), 0, 'no action panel for an applicant')
  assert.equal(await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).count(), 0)
  assert.equal(await page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).count(), 0, 'no work queue link')
  assert.deepEqual(pageErrors, [])
})

test('forcing an official’s screen or command returns a 403 problem, shown in the current language', async () => {
  const { page, pageErrors } = browser
  // The command itself, sent with the applicant's valid session and CSRF token: the server refuses.
  const forced = await page.evaluate(async (id) => {
    const session = await fetch('/api/v1/session').then((r) => r.json())
    const response = await fetch(`/api/v1/dossiers/${id}/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
      body: '{}',
    })
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() }
  }, dossier.id)
  assert.equal(forced.status, 403)
  assert.match(forced.type ?? '', /application\/problem\+json/)
  assert.equal(forced.body.code, 'role_not_allowed')

  // The official's work queue, typed into the address bar: the page shows the server's refusal.
  await page.goto(`${baseUrl()}/queue`)
  const alert = page.getByRole('alert')
  await alert.filter({ hasText: 'Bạn không có quyền thực hiện thao tác này.' }).waitFor()
  assert.equal(await alert.getAttribute('data-problem-code'), 'forbidden')
  await screenshot(page, '09-applicant-forbidden')
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await alert.filter({ hasText: 'You are not allowed to do this.' }).waitFor()
  assert.deepEqual(pageErrors, [])
})

test('logging out returns to the public portal', async () => {
  const { page } = browser
  await page.getByRole('button', { name: 'Log out' }).click()
  await page.waitForURL(`${baseUrl()}/`)
  await page.getByRole('link', { name: 'Log in' }).waitFor()
  await page.goto(`${baseUrl()}/my`)
  await page.waitForURL(/\/login\?redirect=(%2F|\/)my$/)
})

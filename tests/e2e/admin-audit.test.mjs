// The administrator reads the audit log on its own screen (issue 13, point 5): a failed login
// leaves a row, and filtering by the action family "session." finds it with its user name.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

let browser

before(async () => {
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

test('a failed login is on the audit screen, found by filtering on the action family', async () => {
  const { page, pageErrors } = browser
  const failed = await fetch(`${baseUrl()}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nguoi-la-kiem-toan', password: 'khong-dung-mat-khau' }),
  })
  assert.equal(failed.status, 401)

  await logIn(page, 'quantri', '/admin')
  await page.getByRole('link', { name: /Nhật ký thay đổi/ }).click()
  await page.waitForURL('**/admin/audit')
  await page.getByLabel('Hành động').fill('session.')
  await page.getByRole('button', { name: 'Lọc' }).click()
  const row = page.locator('tr[data-action="session.login_failed"]', { hasText: 'nguoi-la-kiem-toan' })
  await row.first().waitFor()
  // Only the session family is listed.
  const actions = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))
  assert.ok(actions.length > 0)
  assert.ok(actions.every((a) => a.startsWith('session.')), actions.join(', '))
  await screenshot(page, 'admin-audit-log')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

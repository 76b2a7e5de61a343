// A command outside the dossier's internal process in the browser (issue 13, process enforcement):
// Hoa Lư's leader, made also the commune's administrator, sees the commands the process refuses
// but an administrator may still give marked "Ngoài quy trình"; the form will not go without the
// reason, and once given with it, the dossier's timeline shows that reason.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { apiSession, baseUrl, birthRegistrationInProcessing } from './lib/api.mjs'
import { assertNoViolations } from './lib/axe.mjs'
import { DESK, openBrowser, screenshot } from './lib/browser.mjs'
import { logIn, logOut } from './lib/ui.mjs'

const AGENCY = 'commune-14329' // Phường Hoa Lư (data/demo/ninh-binh.json)
const REASON = 'Chỉ đạo của Chủ tịch UBND phường tại cuộc họp giao ban'

let browser
let dossier
let leader
let grantPath

before(async () => {
  dossier = await birthRegistrationInProcessing('Lê Văn Ngoài Quy Trình')
  leader = await apiSession('lanhdao.hoalu')
  const admin = await apiSession('quantri')
  grantPath = `/admin/users/${encodeURIComponent(leader.user.id)}/roles/administrator/${AGENCY}`
  const granted = await admin.put(grantPath, { reason: 'Kiểm thử lệnh ngoài quy trình' })
  assert.equal(granted.status, 200, JSON.stringify(granted.body))
  browser = await openBrowser(DESK)
})

after(async () => {
  // Later files expect Hoa Lư's leader without the administrator role.
  if (grantPath) {
    const revoked = await (await apiSession('quantri')).delete(grantPath, { reason: 'Trả lại sau kiểm thử' })
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body))
  }
  await browser?.close()
})

test("an administrator-leader gives a command outside the process with a reason the timeline shows", async () => {
  const { page, pageErrors } = browser
  const seen = await (await apiSession('lanhdao.hoalu')).get(`/dossiers/${dossier.id}`)
  assert.equal(seen.status, 200, JSON.stringify(seen.body))
  const outside = seen.body.outside_process ?? []
  assert.ok(outside.includes('approve'), `approve is outside the process here: ${JSON.stringify(outside)}`)

  await logIn(page, 'lanhdao.hoalu', `/dossiers/${dossier.id}`)
  await page.locator(`.dossier[data-dossier-id="${dossier.id}"]`).waitFor()
  const button = page.locator('button[data-action="approve"]')
  assert.match(await button.locator('[data-outside-process]').innerText(), /Ngoài quy trình/)
  // Every command the server lists as outside the process is marked, and no other.
  const actionsOf = (selector) => page.locator(selector).evaluateAll((bs) => bs.map((b) => b.getAttribute('data-action')))
  const shown = await actionsOf('button[data-action]')
  const marked = await actionsOf('button[data-action]:has([data-outside-process])')
  assert.deepEqual(marked.sort(), outside.filter((a) => shown.includes(a)).sort())

  await button.click()
  const reason = page.getByLabel(/Lý do thực hiện ngoài quy trình/)
  await reason.waitFor()
  // Without the reason nothing is sent: the form says what is missing.
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.getByRole('alert').getByText('Cần ghi lý do thực hiện ngoài quy trình.').waitFor()
  assert.equal(await page.locator('.dossier .status[data-status="in_progress"]').count(), 1)
  await assertNoViolations(page, 'a command outside the process asks for its reason')
  await reason.fill(REASON)
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.locator('.dossier .status[data-status="result_ready"]').waitFor()
  await page.locator('.timeline__entry[data-type="dossier_approved"] .timeline__reason').getByText(REASON, { exact: false }).waitFor()
  await screenshot(page, 'outside-process-reason')
  await logOut(page)
  assert.deepEqual(pageErrors, [])
})

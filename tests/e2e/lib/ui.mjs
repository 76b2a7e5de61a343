// Steps that several browser tests take the way a person does.
import { PASSWORD, baseUrl } from './api.mjs'

/**
 * Logs in through the login page (Vietnamese labels), waits to leave it and goes on to `landing`
 * when the role's own start page is another one (roles land where their work is: a leader on the
 * approvals, reception at the counter), so a test starts where it needs to be.
 */
export async function logIn(page, username, landing) {
  await page.goto(`${baseUrl()}/login`)
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  if (new URL(page.url()).pathname + new URL(page.url()).search !== landing) {
    await page.goto(`${baseUrl()}${landing}`)
    await page.waitForURL(`**${landing}`)
  }
}

export async function logOut(page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click()
  await page.getByRole('link', { name: 'Đăng nhập' }).waitFor()
}

/** Clicks an action button, confirms its form, and waits for the dossier's new status. */
export async function act(page, button, newStatus, fill = async () => {}) {
  await page.getByRole('button', { name: button, exact: true }).click()
  await fill()
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.locator(`.dossier .status[data-status="${newStatus}"]`).waitFor()
}

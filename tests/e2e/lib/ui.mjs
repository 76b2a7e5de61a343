// Steps that several browser tests take the way a person does.
import { PASSWORD, baseUrl } from './api.mjs'

/** Logs in through the login page (Vietnamese labels) and waits for the landing page. */
export async function logIn(page, username, landing) {
  await page.goto(`${baseUrl()}/login`)
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL(`**${landing}`)
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

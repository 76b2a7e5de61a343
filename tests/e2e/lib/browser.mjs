// Debian's chromium driven by playwright-core. Browsers are never downloaded: the executable is
// the system one, and each test file gets a fresh profile folder that is removed afterwards.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const CHROMIUM = process.env.MOTCUA_E2E_CHROMIUM || '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const PHONE = { width: 390, height: 844 }
export const DESK = { width: 1120, height: 780 }

/**
 * Opens a browser with one page at `viewport`. Uncaught page errors and console errors (a
 * Content-Security-Policy violation is one) are collected in `pageErrors` so a test can assert the
 * page ran cleanly. Refused HTTP requests are part of several tests, so the browser's "failed to
 * load resource" lines for them are not counted.
 */
export async function openBrowser(viewport = PHONE) {
  const profile = await mkdtemp(join(tmpdir(), 'motcua-e2e-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  })
  context.setDefaultTimeout(15_000)
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      pageErrors.push(message.text())
    }
  })
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/** Saves a screenshot of the viewport into the run's screenshot folder. */
export async function screenshot(page, name) {
  const dir = process.env.MOTCUA_E2E_SCREENSHOTS
  if (!dir) return
  await mkdir(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled', caret: 'hide' })
}

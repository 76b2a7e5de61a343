// Steps of the citizen's submission wizard that several browser tests walk through.

// The case step, unless the procedure has a single case (then the wizard skips it). Answers
// whether the step was shown.
export async function chooseFirstCaseIfAsked(page) {
  await page.locator('[data-step="variant"], [data-step="papers"]').waitFor()
  const hasCases = (await page.locator('[data-step="variant"]').count()) > 0
  if (hasCases) {
    await page.locator('[data-step="variant"] input[type="radio"]').first().check()
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()
  }
  await page.locator('[data-step="papers"]').waitFor()
  return hasCases
}

// Uploads `pdf` for every mandatory paper of the chosen case not yet attached: submission waits
// for them.
export async function uploadEveryMandatoryPaper(page, pdf) {
  const mandatory = page.locator('.paper-uploads > li:has(.tag--required)')
  for (let i = 0; i < (await mandatory.count()); i++) {
    const line = mandatory.nth(i)
    if (await line.locator('.paper__attached').count()) continue
    await line.locator('input[type="file"]').setInputFiles({ name: `giay-to-${i}.pdf`, mimeType: 'application/pdf', buffer: pdf })
    await line.locator('.paper__attached').waitFor()
  }
}

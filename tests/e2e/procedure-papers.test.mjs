// The procedure page reads the catalog as the law writes it (issue 12, point 1): birth
// registration (1.001193) has no alternatives, so no case heading and no "Giấy tờ phải nộp" /
// "Lưu ý" offered as cases; the papers to show at the counter are listed apart from those to hand
// in; a paper asked for only in a situation says when and is optional; the catalog's advice is a
// list of notes, not papers.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl } from './lib/api.mjs'
import { DESK, openBrowser } from './lib/browser.mjs'

let browser

before(async () => {
  browser = await openBrowser(DESK)
})

after(async () => {
  await browser?.close()
})

test('birth registration: one list, papers to present apart, conditions and notes', async () => {
  const { page, pageErrors } = browser
  await page.goto(`${baseUrl()}/procedure?code=1.001193`)
  const papers = page.locator('section.papers')
  await papers.locator('.paper-case').first().waitFor()

  assert.equal(await papers.locator('.paper-case').count(), 1)
  assert.equal(await papers.locator('.paper-case h3').count(), 0, 'a single case has no heading')

  const present = papers.locator('[data-kind="present"] .paper')
  assert.ok((await present.count()) >= 1)
  assert.match(await papers.locator('[data-kind="present"]').innerText(), /Hộ chiếu/)
  assert.doesNotMatch(await papers.locator('[data-kind="submit"]').innerText(), /Hộ chiếu\/Thẻ căn cước công dân/)

  const abandoned = papers.locator('.paper', { hasText: 'trẻ em bị bỏ rơi' }).first()
  assert.match(await abandoned.locator('.paper__condition').innerText(), /Khi:\s*Trường hợp trẻ em bị bỏ rơi/)
  assert.match(await abandoned.locator('.paper__meta').innerText(), /Không bắt buộc/)

  const notes = papers.locator('.paper-notes li')
  assert.ok((await notes.count()) >= 19, 'the "Lưu ý" rows are notes')
  assert.match(await papers.locator('.paper-notes').innerText(), /Cơ quan đăng ký hộ tịch từ chối/)
  assert.doesNotMatch(await papers.locator('.paper-list').allInnerTexts().then((t) => t.join('\n')), /Cơ quan đăng ký hộ tịch từ chối/)
  assert.doesNotMatch(await papers.innerText(), /\* Giấy tờ phải/)
  assert.deepEqual(pageErrors, [])
})

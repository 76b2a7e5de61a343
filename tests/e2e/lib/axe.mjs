// Accessibility checks with axe-core (a dev dependency of tests/e2e) against WCAG 2.0 and 2.1,
// levels A and AA. The script is evaluated in the page through the DevTools protocol, which the
// application's Content-Security-Policy does not apply to, so nothing about the page is loosened
// for the test.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const AXE_SOURCE_PATH = require.resolve('axe-core/axe.min.js')
let axeSource

export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

// For exploring by hand: MOTCUA_AXE_TAGS=best-practice (comma-separated axe tags) runs other rule
// sets instead, and MOTCUA_AXE_INCOMPLETE=1 prints the checks axe could not decide.
function tags() {
  return process.env.MOTCUA_AXE_TAGS ? process.env.MOTCUA_AXE_TAGS.split(',') : WCAG_AA_TAGS
}

/**
 * Runs axe on the page (or on the part `include` selects) and returns its violations as readable
 * lines, one per failing element: rule id, impact, CSS target, help text and axe's summary of the
 * failure. An empty array means no violation.
 *
 * `skip` lists known false positives as { rule, selector, why }: that rule alone is not run on the
 * elements the selector matches. Every entry must say why, and the test file that uses it must
 * explain it beside the entry.
 */
export async function axeViolations(page, { include, skip = [] } = {}) {
  axeSource ??= await readFile(AXE_SOURCE_PATH, 'utf8')
  const loaded = await page.evaluate(() => typeof window.axe === 'object')
  if (!loaded) await page.evaluate(axeSource)
  for (const entry of skip) {
    if (!entry.why) throw new Error(`axe exception for ${entry.rule} on ${entry.selector} has no reason`)
  }
  const result = await page.evaluate(
    async ({ tags, include, skip }) => {
      // A false positive is silenced by marking its element for axe's exclude list, per rule.
      const context = include ? { include: [include] } : document
      const main = await window.axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'incomplete'],
        rules: Object.fromEntries(skip.map((entry) => [entry.rule, { enabled: false }])),
      })
      const extra = []
      // Rules disabled above still run everywhere except on their excepted elements.
      for (const entry of skip) {
        const per = await window.axe.run(
          { include: include ? [include] : [document], exclude: [entry.selector] },
          { runOnly: { type: 'rule', values: [entry.rule] }, resultTypes: ['violations'] },
        )
        extra.push(...per.violations)
      }
      const shape = (v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      })
      return { violations: [...main.violations, ...extra].map(shape), incomplete: main.incomplete.map(shape) }
    },
    { tags: tags(), include: include ?? null, skip },
  )
  if (process.env.MOTCUA_AXE_INCOMPLETE) {
    // Checks axe could not decide (text over an image, say): printed for a person to review.
    for (const item of result.incomplete) {
      for (const node of item.nodes) console.log(`axe needs review: [${item.id}] ${node.target} — ${(node.summary || '').replace(/\s+/g, ' ')}`)
    }
  }
  const lines = []
  for (const violation of result.violations) {
    for (const node of violation.nodes) {
      const summary = (node.summary || '').replace(/\s+/g, ' ').trim()
      lines.push(`[${violation.id}] (${violation.impact}) ${node.target} — ${violation.help}. ${summary}`)
    }
  }
  return lines
}

/** Fails with every violation listed when the page has any. */
export async function assertNoViolations(page, screen, options) {
  const lines = await axeViolations(page, options)
  if (lines.length > 0) {
    throw new Error(`${screen}: ${lines.length} accessibility violation(s):\n  ${lines.join('\n  ')}`)
  }
}

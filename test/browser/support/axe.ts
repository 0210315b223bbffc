/** The one axe-core helper: the WCAG 2.2 A/AA rules and axe's best practices, run in the page as it is. */
import axe from 'axe-core'
import type { BrowserContextOptions, Page } from 'playwright-core'

/** Every rule axe files under these tags runs; nothing else does. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const

/**
 * Rules turned off, each with the reason it does not apply. Empty: every rule under the tags above runs. A rule
 * may be added here only with a comment saying why its finding is a false positive on this site.
 */
const DISABLED_RULES: Record<string, { enabled: false }> = {}

/**
 * Context options for pages axe runs in. axe is injected as an inline script, which the site's Content-Security-Policy
 * (no 'unsafe-inline') rightly refuses; `bypassCSP` lifts the policy for these pages only, so every other spec
 * still runs under the real one.
 */
export const AXE_CONTEXT_OPTIONS: BrowserContextOptions = { bypassCSP: true }

export type Violation = Pick<axe.Result, 'id' | 'impact' | 'help'> & { targets: string[] }

declare global {
  interface Window {
    axe: typeof axe
  }
}

const inject = async (page: Page): Promise<void> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source })
}

/** Runs axe on the whole document and returns the violations, each with the elements it found. */
export const findViolations = async (page: Page): Promise<Violation[]> => {
  await inject(page)
  return page.evaluate(
    async ({ tags, rules }) => {
      const results = await window.axe.run(document, {
        runOnly: { type: 'tag', values: [...tags] },
        rules,
        resultTypes: ['violations'],
      })
      return results.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        targets: nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
      }))
    },
    { tags: AXE_TAGS, rules: DISABLED_RULES },
  )
}

/** How many of axe's rules the tags select (less those turned off): the reach of one `findViolations`. */
export const countRules = async (page: Page): Promise<number> => {
  await inject(page)
  const ids = await page.evaluate(
    (tags) => window.axe.getRules([...tags]).map((rule) => rule.ruleId),
    AXE_TAGS,
  )
  return ids.filter((id) => !(id in DISABLED_RULES)).length
}

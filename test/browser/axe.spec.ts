/** axe-core's WCAG 2.2 A/AA and best-practice rules on every page, language, colour scheme, text size and banner state. */
import type { BrowserContext } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { AXE_CONTEXT_OPTIONS, countRules, findViolations } from './support/axe'
import { openContext, setReaderState, siteUrl, useChromium, visit } from './support/browser'
import { LANGUAGES, PAGE_NAMES, PAGES, type TextSize } from './support/site'

const SCHEMES = ['light', 'dark'] as const
const SIZES: readonly TextSize[] = ['sm', 'lg']
const BANNER_STATES = [
  { banner: 'with the legal banner', bannerHidden: false },
  { banner: 'with the banner hidden', bannerHidden: true },
] as const

const browser = useChromium()
let context: BrowserContext

beforeAll(async () => {
  context = await openContext(browser(), AXE_CONTEXT_OPTIONS)
})

it('runs the rules under the WCAG 2.2 A/AA and best-practice tags, and reports what breaks them', async () => {
  const page = await context.newPage()
  await visit(page, PAGES.front('en'))
  const count = await countRules(page)
  console.info(`axe-core: ${count} rules under the WCAG 2.2 A/AA and best-practice tags`)
  expect(count).toBeGreaterThan(80)
  // The harness itself: an image with no text alternative, planted in the page, must be reported.
  await page.getByRole('main').evaluate((main) => main.append(document.createElement('img')))
  expect((await findViolations(page)).map(({ id }) => id)).toContain('image-alt')
  await page.close()
})

describe.each(LANGUAGES)('in %s', (lang) => {
  it.each(PAGE_NAMES)(
    'the %s page has no axe violations in any scheme, text size or banner state',
    async (name) => {
      const page = await context.newPage()
      const failures: string[] = []
      for (const { banner, bannerHidden } of BANNER_STATES) {
        for (const textSize of SIZES) {
          await setReaderState(context, siteUrl(), { textSize, bannerHidden })
          await visit(page, PAGES[name](lang))
          for (const colorScheme of SCHEMES) {
            await page.emulateMedia({ colorScheme })
            for (const violation of await findViolations(page)) {
              failures.push(
                `${colorScheme}, ${textSize.toUpperCase()}, ${banner}: ${violation.id} (${violation.impact}) ${violation.help}\n    ${violation.targets.join('\n    ')}`,
              )
            }
          }
        }
      }
      await page.close()
      expect(failures.join('\n')).toBe('')
    },
  )
})

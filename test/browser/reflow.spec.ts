/** A 320 CSS px phone: no horizontal scrolling at any text size, and targets big enough for a finger (WCAG 2.5.8). */
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { openContext, openTextSize, setReaderState, siteUrl, useChromium, visit } from './support/browser'
import { LANGUAGES, PAGE_NAMES, PAGES, TEXT_SIZES, textSizeButtonName, translator } from './support/site'

/** WCAG 1.4.10 Reflow: 320 CSS px wide, the width of a 1280 px window zoomed to 400 %. */
const PHONE = { width: 320, height: 640 }
/** WCAG 2.5.8 Target Size (Minimum), AA. */
const MINIMUM_TARGET = 24
/** WCAG 2.5.5 Target Size (Enhanced), AAA: what the reader's own controls meet. */
const ENHANCED_TARGET = 44

const browser = useChromium()
let context: BrowserContext
let page: Page

beforeAll(async () => {
  context = await openContext(browser(), { viewport: PHONE, isMobile: true, hasTouch: true })
  page = await context.newPage()
})

/** A link inside a sentence takes its height from the line (2.5.8's inline exception); anything else is a target. */
const isInRunningText = (control: Locator): Promise<boolean> =>
  control.evaluate((el) => {
    const paragraph = el.closest('p')
    return paragraph !== null && (paragraph.textContent ?? '').trim() !== (el.textContent ?? '').trim()
  })

const sizeOf = async (control: Locator) => {
  const box = await control.boundingBox()
  return box ? { width: Math.round(box.width * 100) / 100, height: Math.round(box.height * 100) / 100 } : null
}

describe.each(LANGUAGES)('in %s', (lang) => {
  const t = translator(lang)

  /** The reader's own controls, which the issue asks to be 44 × 44 like a fingertip. */
  const ownControls = (p: Page): Locator[] => [
    ...TEXT_SIZES.map((size) => p.getByRole('button', { name: textSizeButtonName(size) })),
    ...LANGUAGES.map((other) =>
      p.getByRole('navigation').getByRole('link', { name: translator(other)('language.name'), exact: true }),
    ),
    p
      .getByRole('region', { name: t('notice.bannerHeading') })
      .getByRole('button', { name: t('notice.hide') }),
  ]

  it.each(PAGE_NAMES)(
    'the %s page, legal banner shown, fits 320 px at every text size, with targets large enough',
    async (name) => {
      const failures: string[] = []
      for (const textSize of TEXT_SIZES) {
        await setReaderState(context, siteUrl(), { textSize })
        await visit(page, PAGES[name](lang))
        // Open, so the size buttons are measured too, and the header at its widest.
        await openTextSize(page)
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }))
        if (scrollWidth > clientWidth)
          failures.push(`${textSize}: scrolls sideways, ${scrollWidth} px > ${clientWidth} px`)

        const controls = [...(await page.getByRole('link').all()), ...(await page.getByRole('button').all())]
        for (const control of controls) {
          if (await isInRunningText(control)) continue
          const size = await sizeOf(control)
          if (!size || size.width < MINIMUM_TARGET || size.height < MINIMUM_TARGET)
            failures.push(
              `${textSize}: "${await control.textContent()}" is ${JSON.stringify(size)}, under 24 × 24`,
            )
        }
        for (const control of ownControls(page)) {
          // A story in some languages only links only those; the accessibility-tree spec checks the switcher.
          if ((await control.count()) === 0) continue
          const size = await sizeOf(control)
          if (!size || size.width < ENHANCED_TARGET || size.height < ENHANCED_TARGET)
            failures.push(
              `${textSize}: "${await control.textContent()}" is ${JSON.stringify(size)}, under 44 × 44`,
            )
        }
      }
      expect(failures.join('\n')).toBe('')
    },
  )
})

/** Keyboard only: the skip link first, every control reached and operated, a visible focus ring, no trap. */
import type { BrowserContext, ElementHandle, Locator, Page } from 'playwright-core'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openContext, preferenceStored, setReaderState, siteUrl, useChromium, visit } from './support/browser'
import { LANGUAGES, PAGE_NAMES, PAGES, textSizeButtonName, translator } from './support/site'

const browser = useChromium()
let context: BrowserContext
let page: Page

beforeAll(async () => {
  context = await openContext(browser(), { viewport: { width: 1024, height: 768 } })
})

beforeEach(async () => {
  await setReaderState(context, siteUrl(), {})
  page = await context.newPage()
  return () => page.close()
})

/** Where an element sits in the document: an identity that survives between evaluations. */
const PATH_OF = (element: Element | null): string => {
  const steps: string[] = []
  for (let node = element; node && node.parentElement; node = node.parentElement)
    steps.unshift(`${node.tagName}:${[...node.parentElement.children].indexOf(node)}`)
  return steps.join('/')
}

const focusedPath = (p: Page): Promise<string> =>
  p.evaluate(
    `(${PATH_OF.toString()})(document.activeElement === document.body ? null : document.activeElement)`,
  )

const pathOf = (locator: Locator): Promise<string> => locator.evaluate(PATH_OF)

const isFocused = (locator: Locator): Promise<boolean> =>
  locator.evaluate((el) => el === document.activeElement)

/** The area around an element, wide enough to take in an outline or a shadow drawn outside it. */
const areaAround = async (
  element: ElementHandle,
): Promise<{ x: number; y: number; width: number; height: number }> => {
  const box = await element.boundingBox()
  if (!box) throw new Error('the focused element has no box')
  const margin = 8
  return {
    x: Math.max(0, box.x - margin),
    y: Math.max(0, box.y - margin),
    width: box.width + 2 * margin,
    height: box.height + 2 * margin,
  }
}

/** Every link and button on the page, found by role as a screen reader lists them. */
const controlsOf = async (p: Page): Promise<Locator[]> => [
  ...(await p.getByRole('link').all()),
  ...(await p.getByRole('button').all()),
  ...(await p.getByRole('searchbox').all()),
  // The text-size disclosure: a summary has no ARIA role, but it is a control Tab must reach.
  ...(await p.locator('summary').all()),
]

describe.each(LANGUAGES)('in %s', (lang) => {
  const t = translator(lang)

  it('the first Tab lands on a visible "skip to main content" link, and Enter moves focus into main', async () => {
    await visit(page, PAGES.article(lang))
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: t('skipLinks.mainContent') })
    expect(await isFocused(skip)).toBe(true)
    const box = await skip.boundingBox()
    const viewport = page.viewportSize()!
    expect(box, 'the focused skip link is on screen').not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
    expect(await skip.isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    expect(await isFocused(page.getByRole('main'))).toBe(true)
    // The next Tab continues from there, not from the top of the page.
    await page.keyboard.press('Tab')
    const fromMain = await page
      .getByRole('main')
      .evaluate(
        (main) =>
          main.contains(document.activeElement) ||
          Boolean(main.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING),
      )
    expect(fromMain).toBe(true)
  })

  it('the "skip to navigation" link moves focus to the navigation', async () => {
    await visit(page, PAGES.article(lang))
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await isFocused(page.getByRole('link', { name: t('skipLinks.navigation') }))).toBe(true)
    await page.keyboard.press('Enter')
    expect(await isFocused(page.getByRole('navigation'))).toBe(true)
  })

  it.each(['article', 'search'] as const)(
    'on the %s page the "skip to search" link moves focus to the search, and the next Tab to its field',
    async (name) => {
      await visit(page, PAGES[name](lang))
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab')
      expect(await isFocused(page.getByRole('link', { name: t('skipLinks.search') }))).toBe(true)
      await page.keyboard.press('Enter')
      expect(await isFocused(page.getByRole('search', { name: t('search.label') }))).toBe(true)
      await page.keyboard.press('Tab')
      expect(await isFocused(page.getByRole('searchbox', { name: t('search.label') }))).toBe(true)
    },
  )

  it.each(PAGE_NAMES)(
    'on the %s page Tab reaches every control once, shows where focus is, and leads out again',
    async (name) => {
      await visit(page, PAGES[name](lang))
      const controls = await controlsOf(page)
      const expected = new Set(await Promise.all(controls.map(pathOf)))
      const reached: string[] = []
      const unmarked: string[] = []
      // After the last control, one more Tab must take focus out of the page (or round to the first control):
      // focus that comes back to a control it already left, or never moves on, is trapped.
      let leftThePage = false
      for (let step = 0; step <= expected.size; step++) {
        await page.keyboard.press('Tab')
        const path = await focusedPath(page)
        if (path === '' || path === reached[0]) leftThePage = true
        if (path === '' || reached.includes(path)) break
        reached.push(path)
        // The same area with and without focus: if no pixel differs, a sighted keyboard user cannot see where they are.
        const focused = (await page.evaluateHandle(
          () => document.activeElement,
        )) as ElementHandle<HTMLElement>
        const clip = await areaAround(focused)
        const withFocus = await page.screenshot({ clip })
        await focused.evaluate((el) => el.blur())
        const withoutFocus = await page.screenshot({ clip })
        if (withFocus.equals(withoutFocus))
          unmarked.push(`${(await focused.textContent())?.trim()} (${path})`)
        await focused.focus()
      }
      expect(new Set(reached), 'the controls Tab reached').toEqual(expected)
      expect(leftThePage, 'Tab leaves the last control').toBe(true)
      expect(unmarked, 'controls whose focus is not visible').toEqual([])
      // Shift+Tab walks back through the same controls in reverse.
      const back: string[] = []
      for (let step = 0; step < reached.length; step++) {
        await page.keyboard.press('Shift+Tab')
        back.push(await focusedPath(page))
      }
      expect(back).toEqual([...reached].reverse())
    },
  )

  it('the text-size buttons work from the keyboard, with Space and with Enter', async () => {
    await visit(page, PAGES.article(lang))
    // The disclosure opens from the keyboard too.
    const disclosure = page.getByRole('navigation').locator('summary')
    await disclosure.focus()
    await page.keyboard.press('Enter')
    const large = page.getByRole('button', { name: textSizeButtonName('lg') })
    const extraSmall = page.getByRole('button', { name: textSizeButtonName('xs') })
    await large.focus()
    await Promise.all([preferenceStored(page), page.keyboard.press('Space')])
    await expect.poll(() => large.getAttribute('aria-pressed')).toBe('true')
    await extraSmall.focus()
    await Promise.all([preferenceStored(page), page.keyboard.press('Enter')])
    await expect.poll(() => extraSmall.getAttribute('aria-pressed')).toBe('true')
    expect(await large.getAttribute('aria-pressed')).toBe('false')
  })

  it('a language link opens the page in that language with Enter', async () => {
    await visit(page, PAGES.article(lang))
    const other = LANGUAGES.find((l) => l !== lang)!
    await page.getByRole('link', { name: translator(other)('language.name'), exact: true }).focus()
    await Promise.all([page.waitForURL(`**${PAGES.article(other)}`), page.keyboard.press('Enter')])
    expect(await page.locator('html').getAttribute('lang')).toBe(other)
  })

  it('"Hide" closes the legal banner with Enter and leaves focus in main', async () => {
    await visit(page, PAGES.article(lang))
    const banner = page.getByRole('region', { name: t('notice.bannerHeading') })
    await banner.getByRole('button', { name: t('notice.hide') }).focus()
    await Promise.all([preferenceStored(page), page.keyboard.press('Enter')])
    await expect.poll(() => banner.count()).toBe(0)
    expect(await isFocused(page.getByRole('main'))).toBe(true)
  })
})

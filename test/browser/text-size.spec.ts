/** XS · SM · MD · LG: each makes the article text bigger in turn, sticks across reloads and languages, with or without JS. */
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isOnScreen, openContext, openTextSize, pressPreference, useChromium, visit } from './support/browser'
import {
  ARTICLE,
  LANGUAGES,
  PAGES,
  TEXT_SIZES,
  textSizeButtonName,
  textSizeLabel,
  translator,
  type Language,
  type TextSize,
} from './support/site'

const browser = useChromium()

/** The article's second paragraph (the first starts with the dateline): running text, as the reader sees it. */
const bodyText = (page: Page, lang: Language): Locator =>
  page.getByRole('main').getByRole('paragraph').filter({ hasText: ARTICLE.text[lang].paragraphs[1]! })

const fontSizeOf = (locator: Locator): Promise<number> =>
  locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))

const sizeButton = (page: Page, size: TextSize): Locator =>
  page.getByRole('button', { name: textSizeButtonName(size) })

/** The disclosure that opens the size buttons, found by what it says: the current size. */
const disclosure = (page: Page, lang: Language, size: TextSize): Locator =>
  page.getByRole('navigation').getByText(translator(lang)('textSize.summary', { size: textSizeLabel(size) }))

/** Chooses a size with its button, and waits until the choice is stored and shown. */
const choose = async (
  page: Page,
  lang: Language,
  size: TextSize,
  javaScriptEnabled: boolean,
): Promise<void> => {
  await openTextSize(page)
  await pressPreference(page, sizeButton(page, size), { javaScriptEnabled })
  // The disclosure says the new size, with or without JavaScript (after the form's answer, it is closed again).
  await expect.poll(() => disclosure(page, lang, size).count(), { timeout: 10_000 }).toBe(1)
  if (!javaScriptEnabled) {
    // The form's answer brings the reader back to the control they used, not to the top of the page.
    expect(new URL(page.url()).hash).toBe('#text-size')
    expect(await isOnScreen(disclosure(page, lang, size))).toBe(true)
  }
  await openTextSize(page)
  await expect.poll(() => sizeButton(page, size).getAttribute('aria-pressed')).toBe('true')
}

const MODES = [
  { mode: 'with JavaScript', javaScriptEnabled: true },
  { mode: 'without JavaScript, through the form', javaScriptEnabled: false },
] as const

describe.each(MODES)('$mode', ({ javaScriptEnabled }) => {
  let context: BrowserContext
  beforeAll(async () => {
    context = await openContext(browser(), { javaScriptEnabled, viewport: { width: 1024, height: 768 } })
  })
  afterAll(() => context.close())

  describe.each(LANGUAGES)('in %s', (lang) => {
    const t = translator(lang)

    it('XS, SM, MD and LG make the article text bigger in that order, LG at least twice SM', async () => {
      await context.clearCookies()
      const page = await context.newPage()
      await visit(page, PAGES.article(lang))
      const sizes: Partial<Record<TextSize, number>> = {}
      for (const size of TEXT_SIZES) {
        await choose(page, lang, size, javaScriptEnabled)
        sizes[size] = await fontSizeOf(bodyText(page, lang))
        for (const other of TEXT_SIZES.filter((s) => s !== size))
          expect(await sizeButton(page, other).getAttribute('aria-pressed')).toBe('false')
        // Announced once, by the pressed state: no live region repeats it (or is read, empty, as an item).
        expect(await page.getByRole('status').count()).toBe(0)
        expect(await page.getByRole('group', { name: t('textSize.label') }).count()).toBe(1)
      }
      const order = TEXT_SIZES.map((size) => sizes[size]!)
      expect(order, `computed sizes ${order.join(' < ')}`).toEqual([...order].sort((a, b) => a - b))
      expect(new Set(order).size).toBe(order.length)
      expect(sizes.lg!).toBeGreaterThanOrEqual(2 * sizes.sm!)
      await page.close()
    })

    it('the chosen size survives a reload and a change of language', async () => {
      await context.clearCookies()
      const page = await context.newPage()
      await visit(page, PAGES.article(lang))
      await choose(page, lang, 'lg', javaScriptEnabled)
      const large = await fontSizeOf(bodyText(page, lang))
      await page.reload()
      await openTextSize(page)
      expect(await sizeButton(page, 'lg').getAttribute('aria-pressed')).toBe('true')
      expect(await fontSizeOf(bodyText(page, lang))).toBe(large)
      const other = LANGUAGES.find((l) => l !== lang)!
      await Promise.all([
        page.waitForURL(`**${PAGES.article(other)}`),
        page.getByRole('link', { name: translator(other)('language.name'), exact: true }).click(),
      ])
      await openTextSize(page)
      expect(await sizeButton(page, 'lg').getAttribute('aria-pressed')).toBe('true')
      expect(await fontSizeOf(bodyText(page, other))).toBe(large)
      await page.close()
    })
  })
})

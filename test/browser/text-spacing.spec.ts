/** WCAG 1.4.12 Text Spacing: with the reader's own spacing forced on, no text is cut off and none overlaps. */
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { openContext, setReaderState, siteUrl, useChromium, visit } from './support/browser'
import { LANGUAGES, PAGE_NAMES, PAGES, type TextSize } from './support/site'

/** The spacing 1.4.12 names, as a user stylesheet or bookmarklet would force it. */
const TEXT_SPACING_CSS = `
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
`
/**
 * Served from the site's own origin by the test, so the page's Content-Security-Policy (`style-src 'self'`) lets it
 * in as it would a reader's stylesheet extension, and stays in force.
 */
const STYLESHEET_PATH = '/__test/text-spacing.css'

const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
] as const
const SIZES: readonly TextSize[] = ['sm', 'lg']

const browser = useChromium()
let context: BrowserContext
let page: Page

beforeAll(async () => {
  context = await openContext(browser())
  await context.route(`**${STYLESHEET_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/css', body: TEXT_SPACING_CSS }),
  )
  page = await context.newPage()
})

/**
 * Every line of text on the page that a reader can see, and what is wrong with it: cut off by a box that hides its
 * overflow, pushed outside the page, or drawn over another line of text. Text hidden on purpose (visually hidden
 * for screen readers, skip links waiting above the top of the page) is left out.
 */
const findSpacingProblems = (p: Page): Promise<string[]> =>
  p.evaluate(() => {
    const problems: string[] = []
    const isHiddenOnPurpose = (element: Element): boolean => {
      // Not drawn at all: inside a closed disclosure (the text-size buttons until the reader opens them).
      if (!element.checkVisibility()) return true
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        if (style.display === 'none' || style.visibility === 'hidden' || style.clipPath !== 'none')
          return true
      }
      return false
    }
    type Line = { text: string; rect: DOMRect; element: Element }
    const lines: Line[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement
      if (!element || !node.textContent?.trim() || isHiddenOnPurpose(element)) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const rect of range.getClientRects()) {
        if (rect.width < 1 || rect.height < 1) continue
        if (rect.bottom + scrollY <= 0) continue // above the page until focused (the skip links)
        lines.push({ text: node.textContent.trim().slice(0, 40), rect, element })
      }
    }
    const pageWidth = document.documentElement.clientWidth
    for (const { text, rect, element } of lines) {
      if (rect.left < -0.5 || rect.right > pageWidth + 0.5) problems.push(`"${text}" runs off the page`)
      for (let box: Element | null = element; box && box !== document.body; box = box.parentElement) {
        const { overflowX, overflowY } = getComputedStyle(box)
        const clips = (value: string) => value === 'hidden' || value === 'clip'
        const outer = box.getBoundingClientRect()
        if (
          (clips(overflowX) && (rect.left < outer.left - 0.5 || rect.right > outer.right + 0.5)) ||
          (clips(overflowY) && (rect.top < outer.top - 0.5 || rect.bottom > outer.bottom + 0.5))
        )
          problems.push(`"${text}" is cut off by its ${box.tagName.toLowerCase()}`)
      }
    }
    // Two lines of different text overlap when their boxes share more than a sliver (rounding) both ways.
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i]!
        const b = lines[j]!
        if (a.element === b.element && a.text === b.text) continue
        const across = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left)
        const down = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top)
        if (across > 1 && down > 1) problems.push(`"${a.text}" overlaps "${b.text}"`)
      }
    }
    return [...new Set(problems)]
  })

describe.each(LANGUAGES)('in %s', (lang) => {
  it.each(PAGE_NAMES)(
    'the %s page, legal banner shown, keeps all text whole with 1.4.12 spacing at 320 and 1280 px, SM and LG',
    async (name) => {
      const failures: string[] = []
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport)
        for (const textSize of SIZES) {
          await setReaderState(context, siteUrl(), { textSize })
          await visit(page, PAGES[name](lang))
          await page.addStyleTag({ url: STYLESHEET_PATH })
          // The forced spacing is really in effect: 0.12 em between letters of the page's first heading.
          const spacing = await page.getByRole('heading', { level: 1 }).evaluate((h1) => {
            const style = getComputedStyle(h1)
            return Number.parseFloat(style.letterSpacing) / Number.parseFloat(style.fontSize)
          })
          expect(spacing).toBeCloseTo(0.12, 2)
          for (const problem of await findSpacingProblems(page))
            failures.push(`${viewport.width} px, ${textSize.toUpperCase()}: ${problem}`)
        }
      }
      expect(failures.join('\n')).toBe('')
    },
  )
})

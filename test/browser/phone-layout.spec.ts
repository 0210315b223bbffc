/**
 * Reading on a phone, measured as the reader sees it: the headline's first line on the first screen at every text
 * size, with and without the legal banner, and no word of the headline or body cut without a hyphen.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openContext, setReaderState, siteUrl, useChromium, visit } from './support/browser'
import { LANGUAGES, PAGES, TEXT_SIZES, translator, type TextSize } from './support/site'

/** A small Android phone (and WCAG's reflow width), a common Android phone, a common iPhone. */
const PHONES = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 390, height: 844 },
] as const
type Phone = (typeof PHONES)[number]

/**
 * The promise: everywhere, except on the smallest phone at LG with the banner, where a warning a reader in Russia
 * must see takes the first screen.
 */
const isPromised = (phone: Phone, size: TextSize, banner: boolean): boolean =>
  !(phone.width === 320 && size === 'lg' && banner)

const browser = useChromium()
let context: BrowserContext
let page: Page

beforeAll(async () => {
  context = await openContext(browser(), { viewport: PHONES[0], isMobile: true, hasTouch: true })
  page = await context.newPage()
})
afterAll(() => context.close())

/**
 * Every piece of a word in the given elements that is split over two lines. A word may break only after a hyphen,
 * a soft hyphen (which the browser then draws), a dash or a slash, so it is cut into pieces that end there, and
 * each piece's boxes must sit on one line: what is compared is what is drawn.
 */
const findCuts = (elements: Element[]): string[] => {
  const cuts: string[] = []
  const range = document.createRange()
  for (const element of elements) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const piece of node.data.matchAll(/[^\s\-\u00ad/–—]+[-\u00ad/–—]*|[-\u00ad/–—]+/gu)) {
        range.setStart(node, piece.index)
        range.setEnd(node, piece.index + piece[0].length)
        const boxes = [...range.getClientRects()].filter((rect) => rect.width > 1)
        // Chromium gives the hyphen it draws at a soft hyphen's break to the piece after it: not part of that piece.
        if (node.data[piece.index - 1] === '\u00ad' && boxes.length > 1) boxes.shift()
        const tops = boxes.map((box) => box.top)
        if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
          const start = node.data.lastIndexOf(' ', piece.index) + 1
          cuts.push(
            `${node.data.slice(start, piece.index).replaceAll('\u00ad', '')}[${piece[0].replaceAll('\u00ad', '')}]`,
          )
        }
      }
    }
  }
  return cuts
}

describe.each(LANGUAGES)('in %s', (lang) => {
  const t = translator(lang)

  it('the headline starts on the first screen of a 320, 360 and 390 px phone at every size, banner or not, and no word is cut', async () => {
    const late: string[] = []
    const cuts: string[] = []
    const rows: string[] = []
    for (const phone of PHONES) {
      await page.setViewportSize(phone)
      // One load per phone; each size and the banner's two states are then applied in place, as the enhancement
      // script applies a size (the markup the server sends differs only in the size's name).
      await setReaderState(context, siteUrl(), {})
      await visit(page, PAGES.article(lang))
      // A handle, not a locator: once hidden, the region is rightly no longer found by its role.
      const region = (await page.getByRole('region', { name: t('notice.bannerHeading') }).elementHandle())!
      const headline = page.getByRole('heading', { level: 1 })
      for (const size of TEXT_SIZES) {
        await page.evaluate((value) => (document.documentElement.dataset.size = value), size)
        for (const banner of [true, false]) {
          await region.evaluate((section, shown) => ((section as HTMLElement).hidden = !shown), banner)
          await page.evaluate(() => window.scrollTo(0, 0))
          // The bottom of the headline's first line, in the page: it must be inside the first screen.
          const { top, firstLineBottom } = await headline.evaluate((h1) => {
            const lines = document.createRange()
            lines.selectNodeContents(h1)
            const [first] = [...lines.getClientRects()].filter((rect) => rect.width > 0)
            return {
              top: h1.getBoundingClientRect().top + scrollY,
              firstLineBottom: (first?.bottom ?? Infinity) + scrollY,
            }
          })
          const header = (await page.getByRole('banner').boundingBox())?.height ?? 0
          const bannerHeight = banner ? ((await region.boundingBox())?.height ?? 0) : 0
          const where = `${phone.width}×${phone.height} ${size.toUpperCase()} banner ${banner ? 'yes' : 'no'}`
          rows.push(
            `${where}: header ${Math.round(header)} px, banner ${Math.round(bannerHeight)} px, h1 at ${Math.round(top)} px, first line ends ${Math.round(firstLineBottom)} px`,
          )
          if (isPromised(phone, size, banner) && firstLineBottom > phone.height)
            late.push(`${where}: the headline's first line ends at ${Math.round(firstLineBottom)} px`)
        }
        // Words wrap the same with the banner or without: measured once per phone and size.
        for (const cut of await page
          .getByRole('main')
          .getByRole('paragraph')
          .or(headline)
          .evaluateAll(findCuts))
          cuts.push(`${phone.width} px ${size.toUpperCase()}: ${cut}`)
      }
    }
    console.info(`${lang}:\n  ${rows.join('\n  ')}`)
    expect(late, 'the headline is not on the first screen').toEqual([])
    expect(cuts, 'words cut without a hyphen').toEqual([])
  })
})

/**
 * Reading on a phone, measured as the reader sees it: the headline's first line on the first screen at every text
 * size, with and without the legal banner, and no word of the headline or body cut without a hyphen, in the real
 * article and in a story with a longer word in each language than it has.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openContext, setReaderState, siteUrl, useChromium, visit } from './support/browser'
import {
  LANGUAGES,
  LONG_WORDS_STORY,
  PAGES,
  TEXT_SIZES,
  translator,
  type Language,
  type TextSize,
} from './support/site'
import { searchPath } from '../../src/paths'

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
 * Every piece of a word in the given elements that is split over two lines. A word may break only after a hyphen, a
 * dash or a slash, so it is cut into pieces that end there, and each piece's boxes must sit on one line: what is
 * compared is what is drawn. No page has a soft hyphen, and this Chromium has no hyphenation dictionaries, so
 * `hyphens: auto` breaks nothing here: any other break is a word cut mid-letter without a hyphen.
 */
const findCuts = (elements: Element[]): string[] => {
  const cuts: string[] = []
  const range = document.createRange()
  for (const element of elements) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const piece of node.data.matchAll(/[^\s\-/–—]+[-/–—]*|[-/–—]+/gu)) {
        range.setStart(node, piece.index)
        range.setEnd(node, piece.index + piece[0].length)
        const tops = [...range.getClientRects()].filter((rect) => rect.width > 1).map((box) => box.top)
        if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
          const start = node.data.lastIndexOf(' ', piece.index) + 1
          cuts.push(`${node.data.slice(start, piece.index)}[${piece[0]}]`)
        }
      }
    }
  }
  return cuts
}

const searchPage = (lang: Language, q: string) => `${searchPath(lang)}?${new URLSearchParams({ q })}`

/** The stories read: the real one, and one whose longest word is longer than the real one's in every language. */
const STORIES = [
  { name: 'the article', path: PAGES.article, word: undefined },
  { name: 'the story of long words', path: LONG_WORDS_STORY.path, word: LONG_WORDS_STORY.words },
] as const

/** The size at LG against twice SM (LG's promise), per story, language and phone: printed after the specs. */
const sizes: string[] = []
afterAll(() => console.info(`LG against 2 × SM (headline, body):\n  ${sizes.join('\n  ')}`))

describe.each(LANGUAGES)('in %s', (lang) => {
  const t = translator(lang)

  it.each(STORIES)(
    '$name: the headline starts on the first screen of a 320, 360 and 390 px phone at every size, banner or not, and no word is cut',
    async (story) => {
      const late: string[] = []
      const cuts: string[] = []
      const rows: string[] = []
      const shrunk: string[] = []
      for (const phone of PHONES) {
        await page.setViewportSize(phone)
        // One load per phone; each size and the banner's two states are then applied in place, as the enhancement
        // script applies a size (the markup the server sends differs only in the size's name).
        await setReaderState(context, siteUrl(), {})
        await visit(page, story.path(lang))
        // A handle, not a locator: once hidden, the region is rightly no longer found by its role.
        const region = (await page.getByRole('region', { name: t('notice.bannerHeading') }).elementHandle())!
        const headline = page.getByRole('heading', { level: 1 })
        if (story.word) expect(await headline.textContent()).toContain(story.word[lang])
        // The last paragraph of the article is running text: the body's size.
        const body = page.getByRole('article').getByRole('paragraph').last()
        const px = { headline: {} as Record<TextSize, number>, body: {} as Record<TextSize, number> }
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
          for (const [part, locator] of [
            ['headline', headline],
            ['body', body],
          ] as const)
            px[part][size] = await locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
          // Words wrap the same with the banner or without: measured once per phone and size.
          for (const cut of await page
            .getByRole('main')
            .getByRole('paragraph')
            .or(headline)
            .evaluateAll(findCuts))
            cuts.push(`${phone.width} px ${size.toUpperCase()}: ${cut}`)
        }
        const against = (part: 'headline' | 'body') =>
          `${px[part].lg.toFixed(1)} px (${Math.round((100 * px[part].lg) / (2 * px[part].sm))} % of ${(2 * px[part].sm).toFixed(1)} px)`
        sizes.push(`${lang} ${story.name}, ${phone.width} px: ${against('headline')}, ${against('body')}`)
        // The cap may keep LG from growing; it never makes a size smaller than the one below it.
        for (const part of ['headline', 'body'] as const)
          TEXT_SIZES.slice(1).forEach((size, i) => {
            if (px[part][size] < px[part][TEXT_SIZES[i]!])
              shrunk.push(
                `${phone.width} px ${part}: ${size} ${px[part][size]} px < ${TEXT_SIZES[i]} ${px[part][TEXT_SIZES[i]!]} px`,
              )
          })
      }
      console.info(`${lang}, ${story.name}:\n  ${rows.join('\n  ')}`)
      expect(late, 'the headline is not on the first screen').toEqual([])
      expect(cuts, 'words cut without a hyphen').toEqual([])
      expect(shrunk, 'a larger text size gives smaller text').toEqual([])
    },
  )

  it('no word of a list of stories is cut: the front page, and search results for the long word', async () => {
    const cuts: string[] = []
    const lists = { front: PAGES.front(lang), search: searchPage(lang, LONG_WORDS_STORY.words[lang]) }
    for (const phone of PHONES) {
      await page.setViewportSize(phone)
      await setReaderState(context, siteUrl(), {})
      for (const [name, path] of Object.entries(lists)) {
        await visit(page, path)
        for (const size of TEXT_SIZES) {
          await page.evaluate((value) => (document.documentElement.dataset.size = value), size)
          for (const cut of await page
            .getByRole('main')
            .getByRole('paragraph')
            .or(page.getByRole('main').getByRole('heading'))
            .evaluateAll(findCuts))
            cuts.push(`${name}, ${phone.width} px ${size.toUpperCase()}: ${cut}`)
        }
      }
    }
    expect(cuts, 'words cut without a hyphen').toEqual([])
  })
})

/** The accessibility tree a screen reader walks: landmarks, one heading outline, the date and caption, the switcher. */
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatLongDate } from '../../src/dates'
import { openContext, setReaderState, siteUrl, useChromium, visit } from './support/browser'
import { ARTICLE, LANGUAGES, PAGE_NAMES, PAGES, translator } from './support/site'

const browser = useChromium()
let context: BrowserContext
let page: Page

beforeAll(async () => {
  context = await openContext(browser())
  page = await context.newPage()
})

/** The headings in reading order, as the snapshot (the accessibility tree) lists them. */
const headingsOf = (snapshot: string) =>
  [...snapshot.matchAll(/- '?heading "(.*)" \[level=(\d)\]/g)].map(([, name, level]) => ({
    name: name!,
    level: Number(level),
  }))

/** The landmarks and regions at the top of the tree, in order. */
const topLevelRolesOf = (snapshot: string) =>
  [...snapshot.matchAll(/^- '?(banner|navigation|main|complementary|search|contentinfo|region)\b/gm)].map(
    ([, role]) => role,
  )

const BANNER_STATES = [
  { state: 'with the legal banner', bannerHidden: false },
  { state: 'with the banner hidden', bannerHidden: true },
] as const

describe.each(LANGUAGES)('in %s', (lang) => {
  const t = translator(lang)
  const text = ARTICLE.text[lang]

  describe.each(BANNER_STATES)('$state', ({ bannerHidden }) => {
    beforeAll(() => setReaderState(context, siteUrl(), { bannerHidden }))

    it.each(PAGE_NAMES)('the %s page has the landmarks in order, each once', async (name) => {
      await visit(page, PAGES[name](lang))
      const expected = [
        ...(bannerHidden ? [] : ['region']),
        'banner',
        'main',
        // A story has the service's promo box beside it.
        ...(name === 'article' || name === 'partialStory' ? ['complementary'] : []),
        // The search form follows the page; on the search page it is in <main>, with the reader's query.
        ...(name === 'search' ? [] : ['search']),
        'contentinfo',
      ]
      expect(topLevelRolesOf(await page.locator('body').ariaSnapshot())).toEqual(expected)
      for (const role of ['banner', 'main', 'search', 'contentinfo'] as const)
        expect(await page.getByRole(role).count()).toBe(1)
      expect(await page.getByRole('search', { name: t('search.label') }).count()).toBe(1)
      const navigation = page.getByRole('banner').getByRole('navigation', { name: t('navigation.label') })
      expect(await navigation.count()).toBe(1)
      expect(await page.getByRole('region', { name: t('notice.bannerHeading') }).count()).toBe(
        bannerHidden ? 0 : 1,
      )
    })

    it.each(PAGE_NAMES)('the %s page has one h1 and skips no heading level', async (name) => {
      await visit(page, PAGES[name](lang))
      const headings = headingsOf(await page.locator('body').ariaSnapshot())
      expect(headings.filter(({ level }) => level === 1)).toHaveLength(1)
      // The legal banner's h2 comes before the h1 on purpose: it is read first. What must not happen is a heading
      // more than one level below the one before it (an h2 followed by an h4), which leaves a reader wondering what
      // was missed.
      let previous = 1
      for (const { name: heading, level } of headings) {
        expect(level, `"${heading}" after a level ${previous}`).toBeLessThanOrEqual(previous + 1)
        previous = level
      }
    })
  })

  it('the article gives its date and the photo caption to a screen reader, in the main content', async () => {
    await setReaderState(context, siteUrl(), {})
    await visit(page, PAGES.article(lang))
    const main = page.getByRole('main')
    const date = main.getByRole('time')
    expect((await date.textContent())?.trim()).toBe(formatLongDate(lang, ARTICLE.published.slice(0, 10)))
    expect(await date.getAttribute('datetime')).toBe(ARTICLE.published)
    expect(await main.getByText(t('article.published')).isVisible()).toBe(true)
    // The figure is named by its caption, so the caption is read with the photo.
    const figure = main.getByRole('figure', { name: text.image.caption })
    expect(await figure.isVisible()).toBe(true)
    expect(await figure.getByRole('img', { name: text.image.alt }).isVisible()).toBe(true)
  })

  it('the language switcher names each language in that language, and marks the current one', async () => {
    await visit(page, PAGES.article(lang))
    const switcher = page.getByRole('navigation').getByRole('list', { name: t('language.switcherLabel') })
    for (const other of LANGUAGES) {
      const link = switcher.getByRole('link', { name: translator(other)('language.name'), exact: true })
      expect(await link.getAttribute('lang')).toBe(other)
      expect(await link.getAttribute('hreflang')).toBe(other)
      expect(await link.getAttribute('href')).toBe(PAGES.article(other))
      expect(await link.getAttribute('aria-current')).toBe(other === lang ? 'page' : null)
    }
  })

  it('the article, banner shown, has the outline kept in its ARIA snapshot', async () => {
    await setReaderState(context, siteUrl(), {})
    await visit(page, PAGES.article(lang))
    // A change to what a screen reader meets on the page shows here as a diff, to be looked at and accepted.
    await expect(await page.locator('body').ariaSnapshot()).toMatchFileSnapshot(
      `__snapshots__/${lang}-article.aria.yml`,
    )
  })
})

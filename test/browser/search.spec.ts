/** Search as a reader uses it: from any page, without JavaScript, and out to a story without telling it the query. */
import type { BrowserContext, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openContext, useChromium, visit } from './support/browser'
import { ARTICLE, LANGUAGES, PAGES, SEARCH_WORDS, translator } from './support/site'

const browser = useChromium()

describe.each(LANGUAGES)('in %s', (lang) => {
  const t = translator(lang)
  let context: BrowserContext

  beforeAll(async () => {
    context = await openContext(browser(), { javaScriptEnabled: false, bannerHidden: true })
  })
  afterAll(async () => {
    await context?.close()
  })

  it('searches from the foot of the article without JavaScript and marks the word found', async () => {
    const page = await context.newPage()
    await visit(page, PAGES.article(lang))
    const { query, form } = SEARCH_WORDS[lang]
    await page
      .getByRole('search', { name: t('search.label') })
      .getByRole('searchbox')
      .fill(query)
    await Promise.all([page.waitForURL(/\/search\?/), page.keyboard.press('Enter')])
    const url = new URL(page.url())
    expect(url.pathname).toBe(`/${lang}/search`)
    expect(url.searchParams.get('q')).toBe(query)
    expect(await page.getByRole('heading', { level: 2, name: t('search.count', { count: 1 }) }).count()).toBe(
      1,
    )
    const result = page.getByRole('main').getByRole('listitem')
    expect(
      await result.getByRole('link', { name: ARTICLE.text[lang].headline.replace(/\u00a0/g, ' ') }).count(),
    ).toBe(1)
    expect(await result.locator('mark').allTextContents()).toContain(form)
    // The box holds the query again, to refine it.
    expect(await page.getByRole('searchbox', { name: t('search.label') }).inputValue()).toBe(query)
    await page.close()
  })

  it('opens a result without telling it, or anyone, what was searched for', async () => {
    const page = await context.newPage()
    const requests: Request[] = []
    page.on('request', (request) => requests.push(request))
    await visit(page, PAGES.search(lang))
    await Promise.all([
      page.waitForURL(`**${PAGES.article(lang)}`),
      page.getByRole('main').getByRole('listitem').getByRole('link').first().click(),
    ])
    const article = requests.find((request) => new URL(request.url()).pathname === PAGES.article(lang))!
    expect(article).toBeDefined()
    expect((await article.allHeaders()).referer).toBeUndefined()
    expect(await page.evaluate(() => document.referrer)).toBe('')
    // Nothing the page asked for after the search (stylesheet, photo) carried it either: Chromium reports no
    // Referer, or an empty one, for what it takes from its memory cache.
    for (const request of requests.slice(1))
      expect((await request.allHeaders()).referer ?? '', request.url()).toBe('')
    await page.close()
  })
})

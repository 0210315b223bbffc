/** A link out of the site tells the next site nothing: no Referer, no `document.referrer`. */
import type { BrowserContext, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openContext, useChromium, visit } from './support/browser'
import { startSite, type Site } from './support/server'
import { PAGES } from './support/site'

const browser = useChromium()

/** An editor's breaking item that links off the site (the one kind of off-site link a page carries). */
const ITEM = { text: 'Breaking: a story elsewhere', url: 'https://news.example/story?id=1' }

describe('a link that leaves the site', () => {
  let site: Site
  let context: BrowserContext
  const outgoing: Request[] = []

  beforeAll(async () => {
    site = await startSite({ breaking: { en: ITEM } })
    context = await openContext(browser(), { baseURL: site.url })
    // Nothing leaves the machine: the other site is answered here, and what Chromium sent it is kept.
    await context.route('https://news.example/**', async (route) => {
      outgoing.push(route.request())
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Elsewhere</title><p>Elsewhere',
      })
    })
  })
  afterAll(async () => {
    await context?.close()
    await site?.stop()
  })

  it.each([
    ['the article', PAGES.article('en')],
    ['the front page', PAGES.front('en')],
    ['the 404 page', PAGES.notFound('en')],
    // The page whose address holds what the reader searched for.
    ['the search results', PAGES.search('en')],
  ])('from %s sends no Referer and leaves no document.referrer', async (_name, path) => {
    const page = await context.newPage()
    await visit(page, path)
    const before = outgoing.length
    await Promise.all([
      page.waitForURL('https://news.example/**'),
      page.getByRole('link', { name: ITEM.text }).click(),
    ])
    expect(outgoing.length).toBe(before + 1)
    const sent = await outgoing.at(-1)!.allHeaders()
    expect(sent.referer).toBeUndefined()
    expect(await page.evaluate(() => document.referrer)).toBe('')
    await page.close()
  })
})

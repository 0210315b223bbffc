/** The legal-risk banner: before the main content for readers in Russia and occupied Ukraine only; "Hide" works. */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isOnScreen, openContext, pressPreference, siteUrl, useChromium, visit } from './support/browser'
import { startSite, type CfFixture, type Site } from './support/server'
import { COOKIES, LANGUAGES, PAGES, translator, type Language } from './support/site'

const browser = useChromium()

const bannerOf = (page: Page, lang: Language) =>
  page.getByRole('region', { name: translator(lang)('notice.bannerHeading') })

/** Whether the banner comes before `<main>` in the document, and so in reading and Tab order. */
const comesBeforeMain = async (page: Page, lang: Language): Promise<boolean> => {
  const main = await page.getByRole('main').elementHandle()
  return bannerOf(page, lang).evaluate(
    (banner, mainElement) =>
      Boolean(banner.compareDocumentPosition(mainElement!) & Node.DOCUMENT_POSITION_FOLLOWING),
    main,
  )
}

/** Where each `request.cf` fixture puts the reader, and whether they are warned. `ru` is the shared site's own. */
const REGIONS: { fixture: CfFixture; where: string; warned: boolean }[] = [
  { fixture: 'ru', where: 'Russia', warned: true },
  { fixture: 'crimea', where: 'Crimea (UA-43)', warned: true },
  { fixture: 'donetsk', where: 'Donetsk (UA-14)', warned: true },
  { fixture: 'lviv', where: 'Lviv (UA-46)', warned: false },
  { fixture: 'kz', where: 'Kazakhstan', warned: false },
]

describe.each(REGIONS)('a reader in $where', ({ fixture, warned }) => {
  // One wrangler dev per fixture, started here and stopped before the next: never more than two at once.
  let site: Site | undefined
  let context: BrowserContext
  beforeAll(async () => {
    site = fixture === 'ru' ? undefined : await startSite({ fixture })
    context = await openContext(browser(), { baseURL: site?.url ?? siteUrl() })
  })
  afterAll(async () => {
    await context?.close()
    await site?.stop()
  })

  it.each(LANGUAGES)(
    `${warned ? 'sees' : 'does not see'} the banner${warned ? ' before the main content' : ''} in %s`,
    async (lang) => {
      const page = await context.newPage()
      for (const path of [PAGES.article(lang), PAGES.front(lang)]) {
        await visit(page, path)
        expect(await bannerOf(page, lang).count(), path).toBe(warned ? 1 : 0)
        if (warned) expect(await comesBeforeMain(page, lang), path).toBe(true)
        // The notice stays in every footer, warned or not.
        expect(
          await page
            .getByRole('contentinfo')
            .getByRole('link', { name: translator(lang)('notice.moreLink') })
            .count(),
        ).toBe(1)
      }
      await page.close()
    },
  )
})

describe.each([
  { mode: 'with JavaScript', javaScriptEnabled: true },
  { mode: 'without JavaScript, through the form', javaScriptEnabled: false },
])('"Hide" $mode', ({ javaScriptEnabled }) => {
  it.each(LANGUAGES)('hides the banner in %s for the rest of the visit, in every language', async (lang) => {
    // A small phone at LG, where the banner is tallest and the story longest: "Hide" must not throw the reader
    // into it.
    const context = await openContext(browser(), {
      javaScriptEnabled,
      textSize: 'lg',
      viewport: { width: 320, height: 640 },
      isMobile: true,
    })
    const page = await context.newPage()
    await visit(page, PAGES.article(lang))
    const hide = bannerOf(page, lang).getByRole('button', { name: translator(lang)('notice.hide') })
    await pressPreference(page, hide, { javaScriptEnabled })
    await expect.poll(() => bannerOf(page, lang).count()).toBe(0)
    // The reader is left at the headline, with or without JavaScript.
    expect(await isOnScreen(page.getByRole('heading', { level: 1 }))).toBe(true)
    // With JavaScript the page stays and reading goes on from the main content.
    if (javaScriptEnabled)
      expect(await page.getByRole('main').evaluate((main) => main === document.activeElement)).toBe(true)
    await page.reload()
    expect(await bannerOf(page, lang).count()).toBe(0)
    for (const other of LANGUAGES) {
      await visit(page, PAGES.front(other))
      expect(await bannerOf(page, other).count(), other).toBe(0)
    }
    // A session cookie holds the choice (no expiry): the reader's next visit warns again.
    const { cookies } = await context.storageState()
    expect(cookies.find(({ name }) => name === COOKIES.legalBanner)).toMatchObject({
      value: 'hidden',
      expires: -1,
    })
    await context.close()
  })
})

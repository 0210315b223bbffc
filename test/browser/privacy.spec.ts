/** Nothing leaves the site and nothing is refused by its own CSP, on every page, after every control is used. */
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openContext, openTextSize, preferenceStored, siteUrl, useChromium, visit } from './support/browser'
import {
  LANGUAGES,
  PAGE_NAMES,
  PAGES,
  TEXT_SIZES,
  textSizeButtonName,
  translator,
  type Language,
} from './support/site'

const browser = useChromium()

/** Every request the context makes, and every CSP refusal and error its pages report. */
const watch = async (context: BrowserContext) => {
  const requests: string[] = []
  const problems: string[] = []
  const failures: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  context.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname}`)
  })
  // A `securitypolicyviolation` event is what the browser fires for each CSP refusal, console or not.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  const follow = (page: Page) => {
    page.on('console', (message) => {
      // A failed load is counted from its response, above, where its address is known.
      const failedLoad = message.text().startsWith('Failed to load resource')
      if ((message.type() === 'error' || message.type() === 'warning') && !failedLoad)
        problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  }
  context.on('page', follow)
  return { requests, problems, failures }
}

/** Uses every control on the page: each text size, the banner's "Hide" if shown, then a language link. */
const useEveryControl = async (page: Page, lang: Language) => {
  await openTextSize(page)
  for (const size of [...TEXT_SIZES].reverse()) {
    await Promise.all([
      preferenceStored(page),
      page.getByRole('button', { name: textSizeButtonName(size) }).click(),
    ])
  }
  const banner = page.getByRole('region', { name: translator(lang)('notice.bannerHeading') })
  if ((await banner.count()) > 0)
    await Promise.all([
      preferenceStored(page),
      banner.getByRole('button', { name: translator(lang)('notice.hide') }).click(),
    ])
  const other = LANGUAGES.find((candidate) => candidate !== lang)!
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith(`/${other}/`)),
    page
      .getByRole('navigation')
      .getByRole('link', { name: translator(other)('language.name') })
      .click(),
  ])
  await page.waitForLoadState('load')
}

describe.each([
  { state: 'with the legal banner', bannerHidden: false },
  { state: 'without the legal banner', bannerHidden: true },
])('$state', ({ bannerHidden }) => {
  it.each(LANGUAGES)('makes no request off the site and no CSP violation in %s', async (lang) => {
    const context = await openContext(browser(), { bannerHidden })
    const { requests, problems, failures } = await watch(context)
    const page = await context.newPage()
    for (const name of PAGE_NAMES) {
      await visit(page, PAGES[name](lang))
      await page.waitForLoadState('load')
    }
    await visit(page, PAGES.article(lang))
    await useEveryControl(page, lang)
    await context.close()

    const origin = new URL(siteUrl()).origin
    const offSite = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)
    expect(offSite).toEqual([])
    expect(problems).toEqual([])
    // The pages that should fail are the 404 pages: no asset is missing.
    expect(failures).toEqual([`404 ${PAGES.notFound(lang)}`, `404 ${PAGES.missingTranslation(lang)}`])
    // The pages, the stylesheet, the script, the photo and the preference POSTs: and nothing else was asked for.
    expect(requests.length).toBeGreaterThan(PAGE_NAMES.length)
  })
})

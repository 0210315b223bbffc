/** No layout shift: the photo's box is reserved before it arrives, and nothing is put above the text after paint. */
import { describe, expect, it } from 'vitest'
import { openContext, useChromium, visit } from './support/browser'
import { ARTICLE, LANGUAGES, PAGES, TEXT_SIZES } from './support/site'

const browser = useChromium()

/** The page's cumulative layout shift so far, from the browser's own layout-shift entries. */
const cumulativeLayoutShift = `new Promise((resolve) => {
  let total = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value
  }).observe({ type: 'layout-shift', buffered: true })
  setTimeout(() => resolve(total), 300)
})`

describe.each(LANGUAGES)('the article in %s', (lang) => {
  it.each(TEXT_SIZES)('does not shift while its photo arrives late, at %s on a phone', async (textSize) => {
    const context = await openContext(browser(), { textSize, viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    // The photo arrives a second after the page, as on a slow network: text must already sit where it stays.
    let release = () => {}
    const photoHeld = new Promise<void>((done) => (release = done))
    await page.route('**/*.jpg', async (route) => {
      await photoHeld
      await route.continue()
    })
    const loading = visit(page, PAGES.article(lang))
    await page.waitForSelector('figcaption')
    const image = page.getByRole('img', { name: ARTICLE.text[lang].image.alt })
    const before = await image.boundingBox()
    expect(before?.width).toBeGreaterThan(0)
    // Before a byte of the image has arrived, its box already has the photo's proportions.
    expect(before!.height / before!.width).toBeCloseTo(ARTICLE.image.height / ARTICLE.image.width, 2)
    // What shifted while the page itself was still arriving (a busy machine may paint a half-parsed page) is not
    // the photo's doing: count only what moves once the photo is let through.
    const shiftBeforePhoto = await page.evaluate(cumulativeLayoutShift)
    release()
    await loading
    await page.waitForLoadState('load')
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(await image.boundingBox()).toEqual(before)
    expect(await page.evaluate(cumulativeLayoutShift)).toBe(shiftBeforePhoto)
    await context.close()
  })
})

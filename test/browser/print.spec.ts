/** Printing: the article on paper, without the page's chrome. */
import { describe, expect, it } from 'vitest'
import { openContext, useChromium, visit } from './support/browser'
import { ARTICLE, LANGUAGES, PAGES, translator } from './support/site'

const browser = useChromium()

describe.each(LANGUAGES)('the article printed in %s', (lang) => {
  it('keeps the headline, photo, caption and every paragraph, and drops the controls, the banner and the promo box', async () => {
    // The shared site sees a reader in Russia: the banner is there on screen, and must not be on paper.
    const context = await openContext(browser())
    const page = await context.newPage()
    await visit(page, PAGES.article(lang))
    const t = translator(lang)
    const banner = page.getByRole('region', { name: t('notice.bannerHeading') })
    expect(await banner.isVisible()).toBe(true)
    await page.emulateMedia({ media: 'print' })
    const text = ARTICLE.text[lang]
    expect(await page.getByRole('heading', { level: 1, name: text.headline }).isVisible()).toBe(true)
    expect(await page.getByRole('img', { name: text.image.alt }).isVisible()).toBe(true)
    expect(await page.getByText(text.image.caption).isVisible()).toBe(true)
    for (const paragraph of text.paragraphs.slice(1))
      expect(await page.getByText(paragraph, { exact: true }).isVisible()).toBe(true)
    expect(await banner.isVisible()).toBe(false)
    expect(await page.getByRole('navigation').isVisible()).toBe(false)
    expect(await page.getByRole('complementary').isVisible()).toBe(false)
    expect(await page.getByRole('link', { name: t('skipLinks.mainContent') }).isVisible()).toBe(false)
    await context.close()
  })
})

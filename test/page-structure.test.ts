import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/languages'
import { translator } from '../src/i18n'
import { ARTICLE, ARTICLE_SLUG, fetchPage, fold, SOURCES, textOf } from './helpers'

const article = ARTICLE

describe.each(LANGUAGES)('the article page in %s', (lang) => {
  const text = article.text[lang]
  const load = () => fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`)

  it('declares its language and a title of headline and site name', async () => {
    const { document } = await load()
    expect(document.documentElement.getAttribute('lang')).toBe(lang)
    const siteName = textOf(document.querySelector('header .site-name'))
    expect(siteName).not.toBe('')
    // Kazakh and Russian set the separator as an em dash, English as an en dash.
    const dash = { kk: '—', ru: '—', en: '–' }[lang]
    expect(fold(document.title)).toBe(fold(`${text.headline} ${dash} ${siteName}`))
  })

  it('names the site in its own language in the header', async () => {
    const { document } = await load()
    const expected = { en: 'Radio Azattyq', ru: 'Радио Азаттык', kk: 'Азаттық радиосы' }[lang]
    expect(textOf(document.querySelector('body > header a'))).toBe(expected)
  })

  it('has the landmarks in order: header, nav, main holding the article, aside, footer', async () => {
    const { document } = await load()
    const landmarks = [...document.body.children]
      .filter((el) => ['HEADER', 'MAIN', 'ASIDE', 'FOOTER'].includes(el.tagName))
      .map((el) => el.tagName.toLowerCase())
    expect(landmarks).toEqual(['header', 'main', 'aside', 'footer'])
    expect(document.querySelector('header nav')).not.toBeNull()
    expect(document.querySelector('main#main-content > article')).not.toBeNull()
  })

  it('links every language version, and x-default to English', async () => {
    const { document } = await load()
    const links = Object.fromEntries(
      [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [
        l.getAttribute('hreflang'),
        l.getAttribute('href'),
      ]),
    )
    for (const other of LANGUAGES)
      expect(links[other]).toBe(`http://localhost/${other}/articles/${ARTICLE_SLUG}`)
    expect(links['x-default']).toBe(`http://localhost/en/articles/${ARTICLE_SLUG}`)
  })

  it('has exactly one h1, the headline', async () => {
    const { document } = await load()
    const headings = document.querySelectorAll('h1')
    expect(headings).toHaveLength(1)
    expect(textOf(headings[0])).toBe(fold(text.headline))
  })

  it('gives the date machine-readable and written out', async () => {
    const { document } = await load()
    const time = document.querySelector('article time')
    expect(time?.getAttribute('datetime')).toBe(text.published)
    expect(textOf(time)).toMatch(/14/)
    expect(textOf(time)).toMatch(/2022/)
  })

  it('shows the picture with its box reserved, its alt text, and a caption that labels it an illustration', async () => {
    const { document } = await load()
    const img = document.querySelector('article figure img')
    expect(Number(img?.getAttribute('width'))).toBeGreaterThan(0)
    expect(Number(img?.getAttribute('height'))).toBeGreaterThan(0)
    expect(img?.getAttribute('alt')).toBe(text.image.alt)
    // While the picture is a drawing, the caption says so first, in the page's language.
    const label = { kk: 'Иллюстрация', ru: 'Иллюстрация', en: 'Illustration' }[lang]
    expect(text.image.illustration).toBe(true)
    expect(textOf(document.querySelector('article figure figcaption'))).toBe(
      fold(`${label}. ${text.image.caption}`),
    )
  })

  it('prints all eleven paragraphs, the first after the dateline where the language prints one', async () => {
    const { document } = await load()
    const paragraphs = [...document.querySelectorAll('article .body p')]
    expect(paragraphs).toHaveLength(11)
    // English: the place, a no-break space and an em dash. Kazakh and Russian: the lede alone, as the outlet prints it.
    const dateline = { en: 'NUR-SULTAN\u00a0— ', kk: '', ru: '' }[lang]
    expect(paragraphs[0]?.textContent).toBe(`${dateline}${text.paragraphs[0]}`)
    expect(textOf(paragraphs[10])).toBe(fold(text.paragraphs[10]!))
  })

  it('carries the service promo in the aside and the legal notice in the footer', async () => {
    const { document } = await load()
    expect(textOf(document.querySelector('aside h2'))).toBe(fold(translator(lang)('promo.title')))
    const footer = document.querySelector('footer')
    expect(footer?.querySelector(`a[href="/${lang}/notice"]`)).not.toBeNull()
    // The designation names the corporation, in the form each language writes it.
    const corporation = {
      en: 'RFE/RL',
      ru: 'Радио Свободная Европа/Радио Свобода (РСЕ/РС)',
      kk: 'Азат Еуропа / Азаттық радиосы',
    }[lang]
    expect(textOf(footer)).toContain(corporation)
  })
})

describe.each(LANGUAGES)('the front page in %s', (lang) => {
  it('lists each article with headline link, date and summary', async () => {
    const { document } = await fetchPage(`/${lang}/`)
    const items = document.querySelectorAll('main li article')
    expect(items).toHaveLength(SOURCES.filter((s) => s.text[lang]).length)
    const first = items[0]!
    const link = first.querySelector('h2 a')
    expect(link?.getAttribute('href')).toBe(`/${lang}/articles/${ARTICLE_SLUG}`)
    expect(textOf(link)).toBe(fold(article.text[lang].headline))
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe(article.text[lang].published)
    expect(textOf(first)).toContain(fold(article.text[lang].summary))
    expect(document.querySelectorAll('h1')).toHaveLength(1)
  })
})

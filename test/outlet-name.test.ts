import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/languages'
import ru from './fixtures/cf/ru.json'
import { ARTICLE_SLUG, fetchPage, fold, request, textOf } from './helpers'

/**
 * The outlet's name, as each language's own pages print it (see locales/GLOSSARY.md): the Kazakh Service is
 * «Азаттық радиосы» on azattyq.org and «Радио Азаттык» on rus.azattyq.org, and in English RFE/RL calls it Radio
 * Azattyq. "RFE/RL" alone is the whole corporation; «Радио Свобода» alone is RFE/RL's Russian Service, another outlet.
 */
const OUTLET = { kk: 'Азаттық радиосы', ru: 'Радио Азаттык', en: 'Radio Azattyq' } as const

/** The corporation, named where it must be (the legal designation, the promo box), in each language's form. */
const CORPORATION = {
  kk: 'Азат Еуропа / Азаттық радиосы',
  ru: 'Радио Свободная Европа/Радио Свобода',
  en: 'RFE/RL',
} as const

const PAGES = (lang: string) => [
  `/${lang}/`,
  `/${lang}/articles/${ARTICLE_SLUG}`,
  `/${lang}/notice`,
  `/${lang}/nope`,
]

const meta = (document: Document, key: string) =>
  document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content')

describe.each(LANGUAGES)('the outlet’s name in %s', (lang) => {
  it.each(PAGES(lang))('is in the header and ends the title of %s', async (path) => {
    const { document } = await fetchPage(path)
    expect(textOf(document.querySelector('body > header a'))).toBe(OUTLET[lang])
    expect(fold(document.title).endsWith(` ${OUTLET[lang]}`)).toBe(true)
  })

  it('is the Open Graph site name and ends the preview title of every indexable page', async () => {
    for (const path of PAGES(lang).slice(0, 3)) {
      const { document } = await fetchPage(path)
      expect(meta(document, 'og:site_name'), path).toBe(OUTLET[lang])
      expect(fold(meta(document, 'og:title') ?? '').endsWith(` ${OUTLET[lang]}`), path).toBe(true)
      const feedLink = document.querySelector('link[rel="alternate"][type="application/atom+xml"]')
      expect(feedLink?.getAttribute('title'), path).toContain(OUTLET[lang])
    }
  })

  it('is the publisher in the article’s JSON-LD', async () => {
    const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`)
    const data = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}')
    expect(data.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: OUTLET[lang] })
  })

  it('titles the Atom feed and is its author', async () => {
    const { feed } = new XMLParser().parse(await (await request(`/${lang}/feed.xml`)).text())
    expect(feed.title).toContain(OUTLET[lang])
    expect(feed.author.name).toBe(OUTLET[lang])
  })

  it('gives the corporation’s name in the legal notice (banner, footer, notice page) and the promo box', async () => {
    const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`, {
      cf: ru,
    } as RequestInit<RequestInitCfProperties>)
    const banner = document.querySelector('section[aria-labelledby="legal-banner-heading"]')
    expect(banner, 'the banner shows for a reader in Russia').not.toBeNull()
    for (const [where, element] of [
      ['banner', banner],
      ['footer', document.querySelector('footer')],
      ['promo', document.querySelector('aside')],
      ['notice page', (await fetchPage(`/${lang}/notice`)).document.querySelector('main')],
    ] as const)
      expect(textOf(element), where).toContain(CORPORATION[lang])
  })
})

describe('the outlet in Kazakh and Russian copy', () => {
  it.each(['kk', 'ru'] as const)('is never given a wrong name in the %s pages and feed', async (lang) => {
    const texts = await Promise.all([
      ...PAGES(lang).map(async (path) =>
        (await request(path, { cf: ru } as RequestInit<RequestInitCfProperties>)).text(),
      ),
      (await request(`/${lang}/feed.xml`)).text(),
    ])
    for (const text of texts.map(fold)) {
      if (lang === 'ru') {
        // «Радио Свобода» only as the second half of the corporation's name, never on its own.
        expect(text.replaceAll('Радио Свободная Европа/Радио Свобода', '')).not.toContain('Радио Свобода')
      } else {
        // The corporation with spaces around the slash, as azattyq.org writes it.
        expect(text).not.toContain('Азат Еуропа/Азаттық')
        expect(text).not.toContain('RFE/RL')
      }
    }
  })

  it('is declined as a noun in Russian copy, as rus.azattyq.org does: «рассказала Азаттыку»', async () => {
    const { document } = await fetchPage(`/ru/articles/${ARTICLE_SLUG}`)
    expect(textOf(document.querySelector('main'))).toContain('Позднее она рассказала Азаттыку,')
  })
})

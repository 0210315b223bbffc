import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { LANGUAGES, type Language } from '../src/languages'
import ru from './fixtures/cf/ru.json'
import { ARTICLE_SLUG, fetchPage, figures, fold, request, textOf } from './helpers'

const ARTICLE = (lang: Language) => `/${lang}/articles/${ARTICLE_SLUG}`
const AT_RISK = { cf: ru } as RequestInit<RequestInitCfProperties>

/**
 * Everything a reader (or a screen reader, a link preview, a search result) is given as text by a page: the body,
 * the title, every text attribute and the JSON-LD.
 */
const readerTextOf = async (path: string): Promise<string[]> => {
  const { document } = await fetchPage(path, AT_RISK)
  const attributes = [...document.querySelectorAll('[alt], [title], [aria-label], meta[content]')].flatMap(
    (el) => ['alt', 'title', 'aria-label', 'content'].map((name) => el.getAttribute(name) ?? ''),
  )
  const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => s.textContent ?? '',
  )
  return [document.title, document.body.textContent ?? '', ...attributes, ...jsonLd]
}

/** Every text node and attribute value of an Atom feed. */
const feedTextOf = async (lang: Language): Promise<string[]> => {
  const body = await (await request(`/${lang}/feed.xml`)).text()
  const values: string[] = []
  const walk = (node: unknown): void => {
    if (typeof node === 'string') values.push(node)
    else if (node && typeof node === 'object') Object.values(node).forEach(walk)
  }
  walk(new XMLParser({ ignoreAttributes: false }).parse(body))
  return values
}

describe.each(LANGUAGES)('reader-facing text in %s', (lang) => {
  it.each([`/${lang}/`, ARTICLE(lang), `/${lang}/notice`, `/${lang}/missing`])(
    'has no "--" (two hyphens standing in for a dash) on %s, its metadata included',
    async (path) => {
      const texts = await readerTextOf(path)
      expect(texts.join('\n').length).toBeGreaterThan(200)
      for (const text of texts) expect(text).not.toContain('--')
    },
  )

  it('has no "--" in the Atom feed', async () => {
    const texts = await feedTextOf(lang)
    expect(texts.length).toBeGreaterThan(5)
    for (const text of texts) expect(text).not.toContain('--')
  })

  it('sets the article with no-break spaces where a break would split a unit', async () => {
    const { document } = await fetchPage(ARTICLE(lang))
    const body = document.querySelector('article .body')?.textContent ?? ''
    // What the typographic pass keeps together, in each language, as the page carries it.
    const together = {
      kk: ['14\u00a0наурызда', '230\u00a0адам', '«20\u00a0мың террорист»', '62\u00a0адамның'],
      ru: [
        '14\u00a0марта',
        '230\u00a0человек',
        '«20\u00a0тысяч террористов»',
        'из них\u00a0— ранеными',
        'в\u00a0ходе',
      ],
      en: ['NUR-SULTAN\u00a0— ', 'March\u00a014', 'March\u00a02'],
    }[lang]
    for (const unit of together) expect(body).toContain(unit)
    expect(textOf(document.querySelector('article time'))).toBe(
      { kk: '2022 жылғы 14 наурыз', ru: '14 марта 2022 г.', en: 'March 14, 2022' }[lang],
    )
  })
})

describe.each(['kk', 'ru'] as const)('the %s article as served, against the English', (lang) => {
  const load = async (l: Language) => {
    const { document } = await fetchPage(ARTICLE(l))
    return {
      paragraphs: [...document.querySelectorAll('article .body p')].map((p) => p.textContent ?? ''),
      caption: document.querySelector('article figcaption')?.textContent ?? '',
      description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
      date: document.querySelector('article time')?.getAttribute('datetime'),
    }
  }
  const sorted = (numbers: number[]) => [...numbers].sort((a, b) => a - b)

  it('has every figure of each paragraph, the caption and the summary, and the same date', async () => {
    const [page, en] = await Promise.all([load(lang), load('en')])
    expect(page.paragraphs).toHaveLength(en.paragraphs.length)
    page.paragraphs.forEach((paragraph, i) =>
      expect(sorted(figures(paragraph)), `paragraph ${i + 1}`).toEqual(sorted(figures(en.paragraphs[i]!))),
    )
    expect(sorted(figures(page.caption))).toEqual(sorted(figures(en.caption)))
    expect(sorted(figures(page.description))).toEqual(sorted(figures(en.description)))
    expect(page.date).toBe(en.date)
    // The numbers that matter are all there: the two tolls, the earlier one, Almaty's, the police, the sentenced.
    expect(figures(page.paragraphs.join(' '))).toEqual(
      expect.arrayContaining([230, 238, 227, 139, 19, 62, 20_000]),
    )
    expect(fold(page.caption)).toMatch(/10/)
  })
})

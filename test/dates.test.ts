import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { formatLongDate } from '../src/dates'
import { LANGUAGES } from '../src/languages'
import { ARTICLE_SLUG, fetchPage, storeVersion, textOf } from './helpers'

/** The date with every kind of space as a plain one. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f ]/g, ' ')

const everyMonth = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}-14`)

describe('formatLongDate', () => {
  it('writes Kazakh dates from the locale, year first', () => {
    expect(spaced(formatLongDate('kk', '2022-03-14'))).toBe('2022 жылғы 14 наурыз')
    expect(spaced(formatLongDate('kk', '2022-01-02'))).toBe('2022 жылғы 2 қаңтар')
    expect(spaced(formatLongDate('kk', '2022-12-31'))).toBe('2022 жылғы 31 желтоқсан')
  })

  // `~` is a no-break space: a date never breaks between its day and month, or its year and «жылғы»/«г.».
  it.each([
    ['kk', '2022~жылғы 14~наурыз'],
    ['ru', '14~марта 2022~г.'],
    ['en', 'March~14, 2022'],
  ] as const)('keeps the parts of a %s date together with no-break spaces', (lang, expected) => {
    expect(formatLongDate(lang, '2022-03-14').replace(/\u00a0/g, '~')).toBe(expected)
  })

  it('gives twelve different Kazakh month names', () => {
    expect(new Set(everyMonth.map((date) => formatLongDate('kk', date))).size).toBe(12)
  })

  // workerd's Intl has full Russian and English data, so it can check the locale resources for those two.
  it.each(['ru', 'en'] as const)('agrees with Intl for %s in every month', (lang) => {
    const intl = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })
    // Only the words and their order: where a line may break is the typographic pass's business, not ICU's.
    for (const date of everyMonth)
      expect(spaced(formatLongDate(lang, date))).toBe(spaced(intl.format(new Date(date))))
  })

  it('refuses what is not a calendar date', () => {
    expect(() => formatLongDate('en', '14/03/2022')).toThrow(RangeError)
  })
})

describe('dates on the page', () => {
  it.each(['kk', 'ru'] as const)('have no Latin text in %s', async (lang) => {
    const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`)
    const written = textOf(document.querySelector('article time'))
    expect(written).toMatch(/14/)
    expect(written).not.toMatch(/[A-Za-z]/)
  })

  it('differ between the three languages', async () => {
    const dates = await Promise.all(
      LANGUAGES.map(async (lang) =>
        textOf((await fetchPage(`/${lang}/`)).document.querySelector('main time')),
      ),
    )
    expect(new Set(dates).size).toBe(3)
  })
})

describe('a stored date past year 9999', () => {
  it('is shown as stored, and the article and the pages listing it still answer', async () => {
    // What an older publish step stored for `9999-12-31T23:59:59-01:00`, written into D1 directly.
    const id = 9800
    const slug = 'a-date-past-9999'
    const published = '+010000-01-01T00:59:59Z'
    await storeVersion({
      id,
      slug,
      lang: 'kk',
      headline: 'Алыс болашақ',
      summary: 'Қысқаша.',
      published,
      bodyHtml: '<p>B</p>',
    })
    try {
      // A host no other test asks for: no copy of these pages from before the story was written.
      const origin = 'https://far-future.example'
      const article = await fetchPage(`${origin}/kk/articles/${slug}`)
      expect(article.response.status).toBe(200)
      expect(textOf(article.document.querySelector('h1'))).toBe('Алыс болашақ')
      expect(article.html).toContain(published)
      const front = await fetchPage(`${origin}/kk/`)
      expect(front.response.status).toBe(200)
      const listed = [...front.document.querySelectorAll('main li h2 a')].map((a) => a.getAttribute('href'))
      expect(listed).toContain(`/kk/articles/${slug}`)
      // The other stories' dates are written out as ever.
      expect(textOf(front.document.querySelector('main time'))).toMatch(/^2022 жылғы 14 наурыз$/)
    } finally {
      await env.DB.batch([
        env.DB.prepare('DELETE FROM story_versions WHERE story_id = ?1').bind(id),
        env.DB.prepare('DELETE FROM stories WHERE id = ?1').bind(id),
      ])
    }
  })
})

import { describe, expect, it } from 'vitest'
import { formatLongDate } from '../src/dates'
import { LANGUAGES } from '../src/languages'
import { ARTICLE_SLUG, fetchPage, textOf } from './helpers'

const everyMonth = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}-14`)

describe('formatLongDate', () => {
  it('writes Kazakh dates from the locale, year first', () => {
    expect(formatLongDate('kk', '2022-03-14')).toBe('2022 жылғы 14 наурыз')
    expect(formatLongDate('kk', '2022-01-02')).toBe('2022 жылғы 2 қаңтар')
    expect(formatLongDate('kk', '2022-12-31')).toBe('2022 жылғы 31 желтоқсан')
  })

  it('gives twelve different Kazakh month names', () => {
    expect(new Set(everyMonth.map((date) => formatLongDate('kk', date))).size).toBe(12)
  })

  // workerd's Intl has full Russian and English data, so it can check the locale resources for those two.
  it.each(['ru', 'en'] as const)('agrees with Intl for %s in every month', (lang) => {
    const intl = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })
    for (const date of everyMonth) expect(formatLongDate(lang, date)).toBe(intl.format(new Date(date)))
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

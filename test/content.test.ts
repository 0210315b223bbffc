/** The article as its editors wrote it (content/articles/…) and as its pages show it: complete, and true to the source's figures. */
import { describe, expect, it } from 'vitest'
import { figures } from '../scripts/publish/figures.ts'
import { LANGUAGES } from '../src/languages'
import { ARTICLE, fetchPage, textOf } from './helpers'

const article = ARTICLE
const { en } = article.text

/** Sorted figures of running text (the pipeline's own reading of a number: `20,000` or `20 000` is one). */
const sorted = (numbers: number[]) => [...numbers].sort((a, b) => a - b)

describe('the article content', () => {
  it.each(LANGUAGES)('is complete in %s', (lang) => {
    const text = article.text[lang]
    for (const field of [text.headline, text.summary, text.dateline, text.image.alt, text.image.caption])
      expect(field?.trim()).toMatch(/\S/)
    expect(text.paragraphs).toHaveLength(en.paragraphs.length)
    text.paragraphs.forEach((p) => expect(p.trim()).toMatch(/\S/))
  })

  it.each(LANGUAGES)(
    'shows in %s every paragraph as written, the dateline opening the first',
    async (lang) => {
      const text = article.text[lang]
      const { document } = await fetchPage(`/${lang}/articles/${article.slug}`)
      const shown = [...document.querySelectorAll('article .body p')].map(textOf)
      expect(shown).toHaveLength(text.paragraphs.length)
      expect(shown[0]).toBe(`${text.dateline} -- ${text.paragraphs[0]}`)
      expect(shown.slice(1)).toEqual(text.paragraphs.slice(1).map((p) => p.replace(/\s+/g, ' ').trim()))
    },
  )

  it.each(['ru', 'kk'] as const)(
    'shows in %s the figures of each English paragraph, on the page',
    async (lang) => {
      const page = async (l: string) =>
        [
          ...(await fetchPage(`/${l}/articles/${article.slug}`)).document.querySelectorAll('article .body p'),
        ].map(
          // The text as it is: folding white space would turn a no-break space inside `20 000` into two numbers.
          (p) => figures(p.textContent ?? ''),
        )
      expect(await page(lang)).toEqual(await page('en'))
    },
  )

  it('keeps the English source text, with its eleven paragraphs', () => {
    expect(en.paragraphs).toHaveLength(11)
    expect(en.paragraphs[0]).toMatch(/^Kazakh officials have given contradicting death tolls/)
    expect(en.paragraphs[6]).toContain('"20,000 terrorists"')
  })

  it('has every figure and day of the source in English', () => {
    const all = [en.image.caption, ...en.paragraphs].flatMap(figures)
    // From the source page: February 10; March 14 (twice), 230, 19; 139; 238; 227; 20,000; January 2; March 2, 62.
    expect(sorted(all)).toEqual(sorted([10, 14, 230, 19, 139, 14, 238, 227, 20_000, 2, 2, 62]))
  })

  describe.each(['ru', 'kk'] as const)('in %s', (lang) => {
    const text = article.text[lang]

    it('keeps every figure of the caption and of each paragraph, in digits', () => {
      expect(sorted(figures(text.image.caption))).toEqual(sorted(figures(en.image.caption)))
      text.paragraphs.forEach((paragraph, i) => {
        expect(sorted(figures(paragraph)), `paragraph ${i + 1}`).toEqual(sorted(figures(en.paragraphs[i]!)))
      })
    })

    it('keeps the summary’s figures', () => {
      expect(sorted(figures(text.summary))).toEqual(sorted(figures(en.summary)))
    })

    it('groups thousands with a no-break space', () => {
      const all = [text.summary, text.image.caption, ...text.paragraphs].join('\n')
      expect(all).not.toMatch(/\d{4,}/)
      expect(all).not.toMatch(/\d[ ,.]\d{3}\b/)
      expect(all).toContain('20\u00a0000')
    })

    it('is written in Cyrillic, apart from the outlet’s own Latin abbreviation', () => {
      const all = [text.headline, text.summary, text.dateline, text.image.caption, ...text.paragraphs].join(
        ' ',
      )
      expect(all.replace(/RFE\/RL/g, '')).not.toMatch(/[A-Za-z]/)
    })
  })

  it('spells names the Russian way in Russian', () => {
    const ru = article.text.ru.paragraphs.join(' ')
    for (const name of [
      'Касым-Жомарт Токаев',
      'Нурсултана Назарбаева',
      'Берик Асылов',
      'Эльвира Азимова',
      'Мангистауской области',
    ])
      expect(ru).toContain(name)
    expect(article.text.ru.dateline).toBe('НУР-СУЛТАН')
    expect(ru).not.toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/)
  })

  it('spells names the Kazakh way in Kazakh', () => {
    const kk = article.text.kk.paragraphs.join(' ')
    for (const name of [
      'Қасым-Жомарт Тоқаев',
      'Нұрсұлтан Назарбаев',
      'Берік Асылов',
      'Эльвира Әзімова',
      'Маңғыстау облысында',
    ])
      expect(kk).toContain(name)
    expect(article.text.kk.dateline).toBe('НҰР-СҰЛТАН')
    expect(kk).not.toMatch(/Токаев|Нурсултан|Берик|Азимова|Мангистау/)
  })
})

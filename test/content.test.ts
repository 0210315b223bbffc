import { describe, expect, it } from 'vitest'
import { problemsWithText } from '../src/content/article'
import { ARTICLES } from '../src/content/articles'
import { LANGUAGES } from '../src/languages'

const article = ARTICLES[0]!
const { en } = article.text

/** Figures as written in running text: `20,000` (en) or `20 000` with a no-break space (kk, ru) is one number. */
const figures = (text: string): number[] =>
  (text.match(/\d{1,3}(?:[,\u00a0]\d{3})+|\d+/g) ?? []).map((n) => Number(n.replace(/[,\u00a0]/g, '')))

const sorted = (numbers: number[]) => [...numbers].sort((a, b) => a - b)

describe('the article content', () => {
  it.each(LANGUAGES)('is complete in %s', (lang) => {
    expect(problemsWithText(article.text[lang])).toEqual([])
    expect(article.text[lang].paragraphs).toHaveLength(en.paragraphs.length)
  })

  it('notices what is missing', () => {
    expect(problemsWithText({ ...en, summary: ' ', paragraphs: ['a', ''] })).toEqual([
      'summary is empty',
      'paragraph 2 is empty',
    ])
  })

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

import { describe, expect, it } from 'vitest'
import { ARTICLES } from '../src/content/articles'
import { hyphenate } from '../src/content/hyphenation'
import { LANGUAGES } from '../src/languages'
import { ARTICLE_SLUG, fetchPage } from './helpers'

const SOFT_HYPHEN = '\u00ad'
const text = ARTICLES[0]!.text

describe('hyphenation points', () => {
  it('go into the long Russian and English words of the headline and body, at syllable breaks', async () => {
    expect(hyphenate('ru', 'антиправительственных')).toBe(
      ['ан', 'ти', 'пра', 'ви', 'тель', 'ствен', 'ных'].join(SOFT_HYPHEN),
    )
    expect(hyphenate('en', 'Contradicting')).toBe(['Con', 'tra', 'dict', 'ing'].join(SOFT_HYPHEN))
    const { document } = await fetchPage(`/ru/articles/${ARTICLE_SLUG}`)
    expect(document.querySelector('h1')?.textContent).toContain(`про${SOFT_HYPHEN}ти${SOFT_HYPHEN}во`)
    expect(document.querySelector('.body')?.textContent).toContain(`цен${SOFT_HYPHEN}траль`)
  })

  it('stay out of short words, which fit any line, so a screen reader meets as few as possible', () => {
    for (const lang of LANGUAGES)
      for (const paragraph of [text[lang].headline, ...text[lang].paragraphs])
        for (const word of hyphenate(lang, paragraph).split(/[^\p{L}\u00ad]+/u))
          if (word.includes(SOFT_HYPHEN))
            expect([...word.replaceAll(SOFT_HYPHEN, '')].length).toBeGreaterThanOrEqual(12)
  })

  it('change nothing but the break points', () => {
    for (const lang of LANGUAGES)
      for (const paragraph of [text[lang].headline, ...text[lang].paragraphs])
        expect(hyphenate(lang, paragraph).replaceAll(SOFT_HYPHEN, '')).toBe(paragraph)
  })

  it('are not made up for Kazakh, which no hyphenation library has patterns for', async () => {
    const { html } = await fetchPage(`/kk/articles/${ARTICLE_SLUG}`)
    expect(html).not.toContain(SOFT_HYPHEN)
  })

  it('stay out of the title, feeds and structured data, which are read, not laid out', async () => {
    const { document } = await fetchPage(`/ru/articles/${ARTICLE_SLUG}`)
    expect(document.title).not.toContain(SOFT_HYPHEN)
    expect(document.querySelector('script[type="application/ld+json"]')?.textContent).not.toContain(
      SOFT_HYPHEN,
    )
  })
})

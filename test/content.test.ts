/** The article as its editors wrote it (content/articles/…), typeset, and as its pages show it. */
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/languages'
import { ARTICLE, fetchPage, figures, textOf } from './helpers'

const article = ARTICLE
const { en } = article.text

const sorted = (numbers: number[]) => [...numbers].sort((a, b) => a - b)

describe('the article content', () => {
  it.each(LANGUAGES)('is complete in %s', (lang) => {
    const text = article.text[lang]
    for (const field of [text.headline, text.summary, text.image.alt, text.image.caption])
      expect(field.trim()).toMatch(/\S/)
    expect(text.paragraphs).toHaveLength(en.paragraphs.length)
    text.paragraphs.forEach((p) => expect(p.trim()).toMatch(/\S/))
  })

  it.each(LANGUAGES)(
    'shows in %s every paragraph as written and typeset, the dateline opening the first',
    async (lang) => {
      const text = article.text[lang]
      const { document } = await fetchPage(`/${lang}/articles/${article.slug}`)
      const shown = [...document.querySelectorAll('article .body p')].map((p) => p.textContent)
      const dateline = text.dateline ? `${text.dateline}\u00a0— ` : ''
      expect(shown).toEqual([`${dateline}${text.paragraphs[0]}`, ...text.paragraphs.slice(1)])
    },
  )

  it.each(['ru', 'kk'] as const)(
    'shows in %s the figures of each English paragraph, on the page',
    async (lang) => {
      const page = async (l: string) =>
        [
          ...(await fetchPage(`/${l}/articles/${article.slug}`)).document.querySelectorAll('article .body p'),
        ].map((p) => figures(p.textContent ?? ''))
      expect(await page(lang)).toEqual(await page('en'))
    },
  )

  it('keeps the English dateline, the place the story was filed from', () => {
    expect(en.dateline).toBe('NUR-SULTAN')
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

    it('writes the quoted 20,000 as the outlet does, in digits and a word', () => {
      expect(text.paragraphs[6]).toContain(
        { kk: '«20\u00a0мың террорист»', ru: '«20\u00a0тысяч террористов»' }[lang],
      )
    })

    it('is typeset: no number is left on a breakable space before its word, and no dash starts a line', () => {
      const all = [text.headline, text.summary, text.image.caption, ...text.paragraphs].join('\n')
      expect(all).not.toMatch(/\d \p{L}/u)
      expect(all).not.toMatch(/ [—–]/)
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
      'Нурсултан Назарбаев',
      'Берик Асылов',
      'Эльвира Азимова',
      'Мангистауской области',
    ])
      expect(ru).toContain(name)
    // rus.azattyq.org prints no dateline: the lede starts the story.
    expect(article.text.ru.dateline).toBeUndefined()
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
    // azattyq.org prints no dateline either.
    expect(article.text.kk.dateline).toBeUndefined()
    expect(kk).not.toMatch(/Токаев|Нурсултан|Берик|Азимова|Мангистау/)
  })
})

describe('the article files', () => {
  // As written by the translator, before the typographic pass (see src/typography.ts), which publishing applies.
  const files = import.meta.glob('../content/articles/*/*.md', {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>

  it('hold no hand-set no-break space: the typographic pass sets them all, in one place', () => {
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(LANGUAGES.length)
    for (const [path, source] of Object.entries(files)) expect(source, path).not.toContain('\u00a0')
  })
})

describe('the picture', () => {
  // The picture is a drawing standing in for the original photo (content/articles/…/unrest-illustration.jpg).
  const LABEL = { kk: 'Иллюстрация', ru: 'Иллюстрация', en: 'Illustration' } as const

  it.each(LANGUAGES)('is marked as an illustration in %s', (lang) => {
    expect(article.text[lang].image.file).toMatch(/illustration/)
    expect(article.text[lang].image.illustration).toBe(true)
  })

  it.each(LANGUAGES)('has alt text that says it is an illustration, in %s', (lang) => {
    expect(article.text[lang].image.alt.startsWith(`${LABEL[lang]}:`)).toBe(
      article.text[lang].image.illustration,
    )
  })

  it.each(LANGUAGES)(
    'has a caption that does not describe the drawing as the Shymkent photo, in %s',
    (lang) => {
      // The original caption's facts stay, said of the original photo: "photo" is named, and it is not this picture.
      const photo = { kk: /фотосурет/, ru: /фотографи/, en: /photo/ }[lang]
      expect(article.text[lang].image.caption).toMatch(photo)
    },
  )
})

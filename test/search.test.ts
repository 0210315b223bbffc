import { env } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { unpublishStatements } from '../scripts/publish/write.ts'
import { app } from '../src/app'
import { formatLongDate } from '../src/dates'
import { LANGUAGES, type Language } from '../src/languages'
import { CACHE_STATUS_HEADER } from '../src/page-cache'
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from '../src/search-query'
import { translator } from '../src/i18n'
import { publish, writeBatches } from './archive'
import {
  ARTICLE,
  ARTICLE_SLUG,
  fetchPage,
  fold,
  matchedForms,
  request,
  requestCountingRows,
  textOf,
} from './helpers'

const SEARCH_SLUG = 'generated-search-story'
const searchUrl = (lang: Language, q: string, extra = '') =>
  `/${lang}/search?${new URLSearchParams({ q })}${extra}`

/** The search page for a query: the results' slugs, their marked words, and the page. */
const searchFor = async (lang: Language, q: string, extra = '') => {
  const { response, document, html } = await fetchPage(searchUrl(lang, q, extra))
  const results = [...document.querySelectorAll('main ol li article')]
  return {
    response,
    document,
    html,
    slugs: results.map((r) => r.querySelector('h3 a')!.getAttribute('href')!.split('/').at(-1)!),
    marked: results.flatMap((r) => [...r.querySelectorAll('mark')].map((m) => m.textContent!)),
    heading: textOf(document.querySelector('main h2')),
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

beforeAll(async () => {
  await publish(env.TEST_ARCHIVE.changes.searchable)
})

describe('search', () => {
  it.each([
    ['kk', 'наразылық', 'наразылықтарда'],
    ['ru', 'протест', 'протестов'],
    ['en', 'protest', 'protests'],
  ] as const)(
    'finds the article in %s: a link, its date, an excerpt with the word marked',
    async (lang, q, form) => {
      const { response, document, slugs, marked, heading } = await searchFor(lang, q)
      expect(response.status).toBe(200)
      expect(slugs).toEqual([ARTICLE_SLUG])
      expect(heading).toBe(fold(translator(lang)('search.count', { count: 1 })))
      const result = document.querySelector('main ol li article')!
      expect(result.querySelector('h3 a')!.getAttribute('href')).toBe(`/${lang}/articles/${ARTICLE_SLUG}`)
      expect(textOf(result.querySelector('h3 a'))).toBe(fold(ARTICLE.text[lang].headline))
      expect(textOf(result.querySelector('time'))).toBe(fold(formatLongDate(lang, '2022-03-14')))
      expect(marked).toContain(form)
      // The excerpt is the story's own text, cut short.
      const excerpt = textOf(result.querySelector('p:not(.meta)')).replace(/^…|…$/g, '')
      const { summary, dateline, paragraphs } = ARTICLE.text[lang]
      const storyText = fold([summary, dateline ?? '', ...paragraphs].join(' '))
      expect(storyText).toContain(excerpt.slice(0, 40))
    },
  )

  it('finds only stories in the page’s language', async () => {
    expect((await searchFor('ru', 'наразылық')).slugs).toEqual([])
    expect((await searchFor('kk', 'протест')).slugs).toEqual([])
    expect((await searchFor('ru', 'Asylov')).slugs).toEqual([])
    expect((await searchFor('en', 'Asylov')).slugs).toEqual([ARTICLE_SLUG])
    expect((await searchFor('kk', 'Асылов')).slugs).toEqual([ARTICLE_SLUG])
    expect((await searchFor('ru', 'Асылов')).slugs).toEqual([ARTICLE_SLUG])
  })

  it.each([
    ['kk', 'наразылық', 'наразылықтарда'],
    ['ru', 'протест', 'протестов'],
    ['ru', 'Асылов', 'Асылова'],
    ['kk', 'Асылов', 'Асыловтың'],
  ] as const)('in %s, “%s” finds its inflected form “%s”', async (lang, q, form) => {
    expect(await matchedForms(lang, q)).toContain(form)
  })

  it('requires every word: two words find a story only if it has both', async () => {
    expect((await searchFor('en', 'Asylov Almaty')).slugs).toEqual([ARTICLE_SLUG])
    expect((await searchFor('en', 'Asylov zebrafish')).slugs).toEqual([])
  })

  // Each pair: the letter's capital and small form (Kazakh's nine letters beyond Russian's alphabet).
  it.each([
    ['Ә', 'ә'],
    ['Ғ', 'ғ'],
    ['Қ', 'қ'],
    ['Ң', 'ң'],
    ['Ө', 'ө'],
    ['Ұ', 'ұ'],
    ['Ү', 'ү'],
    ['Һ', 'һ'],
    ['І', 'і'],
  ])('folds %s and %s together in Kazakh, both ways', async (capital, small) => {
    // The story's words with this letter, written in capitals and in small letters; each found by the other case.
    const words = [
      'жиһаз',
      'шаһардағы',
      'көрмесі',
      'қаһарман',
      'гауһар',
      'ұстаған',
      'әжесіне',
      'үнсіз',
      'өлең',
      'ғажап',
      'іздеді',
    ]
    const word = words.find((w) => w.includes(small))!
    expect(word, small).toBeDefined()
    for (const q of [word.toUpperCase(), word]) {
      expect(q.includes(capital) || q.includes(small)).toBe(true)
      const { slugs, marked } = await searchFor('kk', q)
      expect(slugs, q).toEqual([SEARCH_SLUG])
      // Found in both spellings the story uses, whichever the reader typed.
      expect(marked.some((m) => m.includes(capital)) || marked.every((m) => m.includes(small)), q).toBe(true)
    }
  })

  it('finds ё with е and е with ё in Russian, and marks the story’s own spelling', async () => {
    const yo = await searchFor('ru', 'жестко')
    expect(yo.slugs).toEqual([ARTICLE_SLUG])
    expect(yo.marked).toContain('жёстко')
    expect((await searchFor('ru', 'вооруженными')).marked).toContain('вооружёнными')
    expect((await searchFor('ru', 'ещё')).marked).toEqual(expect.arrayContaining(['Еще', 'ещё']))
    expect((await searchFor('ru', 'ЕЛКА')).marked).toEqual(['Ёлка'])
    expect((await searchFor('ru', 'ёлку')).marked).toEqual(['еЛКу'])
    expect((await searchFor('ru', 'ёжик')).marked).toEqual(expect.arrayContaining(['ежик', 'ЁЖИК']))
  })
})

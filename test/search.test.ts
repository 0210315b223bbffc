import { env } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseHTML } from 'linkedom'
import { generatedSlug } from '../scripts/publish/generate.ts'
import { unpublishStatements } from '../scripts/publish/write.ts'
import { app } from '../src/app'
import { COUNT_LIMIT } from '../src/content/search'
import { formatLongDate } from '../src/dates'
import { LANGUAGES, type Language } from '../src/languages'
import { CACHE_STATUS_HEADER } from '../src/page-cache'
import {
  cleanQuery,
  matchExpression,
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  readQuery,
} from '../src/search-query'
import { translator } from '../src/i18n'
import { openStore } from '../src/store'
import { SearchPage } from '../src/views/SearchPage'
import { publish, writeBatches } from './archive'
import {
  ARTICLE,
  ARTICLE_SLUG,
  countingDatabase,
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

/** Every result of a search, page after page by `rel="next"`, and each page's heading. */
const allResults = async (lang: Language, q: string) => {
  const slugs: string[] = []
  const headings: string[] = []
  let path: string | null = searchUrl(lang, q)
  while (path) {
    const { document } = await fetchPage(path)
    const links = [...document.querySelectorAll('main ol li h3 a')]
    expect(links.length).toBeLessThanOrEqual(20)
    slugs.push(...links.map((a) => a.getAttribute('href')!.split('/').at(-1)!))
    headings.push(textOf(document.querySelector('main h2')))
    path = document.querySelector('a[rel="next"]')?.getAttribute('href') ?? null
  }
  return { slugs, headings }
}

/** Generated story n is published an hour after n - 1: newest first is highest number first. */
const GENERATED_NEWEST_FIRST = Array.from({ length: 45 }, (_, i) => generatedSlug(45 - i))

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

describe('the search page', () => {
  it.each(LANGUAGES)(
    'in %s without a query explains itself, in its language, with an empty box',
    async (lang) => {
      const t = translator(lang)
      for (const path of [`/${lang}/search`, `/${lang}/search?q=`, `/${lang}/search?q=%20%20`]) {
        const { response, document } = await fetchPage(path)
        expect(response.status, path).toBe(200)
        expect(textOf(document.querySelector('main h1'))).toBe(t('search.title'))
        expect(document.title.startsWith(`${t('search.title')} `), document.title).toBe(true)
        expect(textOf(document.querySelector('main'))).toContain(fold(t('search.intro')))
        expect(document.querySelector('main ol')).toBeNull()
        const box = document.querySelector('main search input[type="search"]')!
        expect(box.getAttribute('value')).toBeNull()
        expect(document.documentElement.getAttribute('lang')).toBe(lang)
      }
    },
  )

  it.each(LANGUAGES)('in %s says so when nothing matches, and how to search again', async (lang) => {
    const t = translator(lang)
    const { response, document, slugs, heading } = await searchFor(lang, 'zzyzxqv')
    expect(response.status).toBe(200)
    expect(slugs).toEqual([])
    expect(heading).toBe(t('search.none'))
    expect(textOf(document.querySelector('main'))).toContain(fold(t('search.noneHelp')))
    expect(document.querySelector('main search input')!.getAttribute('value')).toBe('zzyzxqv')
  })

  it('has one search landmark, labelled, holding the query; the skip link goes to it', async () => {
    const { document } = await searchFor('ru', 'протест')
    const landmarks = document.querySelectorAll('search, [role="search"]')
    expect(landmarks).toHaveLength(1)
    const landmark = landmarks[0]!
    expect(landmark.closest('main')).not.toBeNull()
    expect(landmark.getAttribute('aria-label')).toBe(translator('ru')('search.label'))
    const input = landmark.querySelector('input')!
    expect(textOf(document.querySelector(`label[for="${input.id}"]`))).toBe(translator('ru')('search.label'))
    const skip = [...document.querySelectorAll('a.skip-link')].at(-1)!
    expect(textOf(skip)).toBe('Перейти к поиску')
    expect(skip.getAttribute('href')).toBe(`#${landmark.id}`)
  })

  it.each(LANGUAGES)('is on every page in %s, after the content, through a GET form', async (lang) => {
    for (const path of [
      `/${lang}/`,
      `/${lang}/articles/${ARTICLE_SLUG}`,
      `/${lang}/notice`,
      `/${lang}/nowhere`,
    ]) {
      const { document } = await fetchPage(path)
      const landmark = document.querySelector('search')!
      expect(landmark, path).not.toBeNull()
      // After main (and the aside), before the footer: it does not push the headline down on a phone.
      expect(landmark.previousElementSibling?.matches('main, aside'), path).toBe(true)
      expect(landmark.nextElementSibling?.matches('footer'), path).toBe(true)
      const form = landmark.querySelector('form')!
      expect(form.getAttribute('action')).toBe(`/${lang}/search`)
      expect(form.getAttribute('method')).toBe('get')
      const input = form.querySelector('input')!
      expect(input.getAttribute('name')).toBe('q')
      // No list of past searches in the browser, no words sent to a cloud spelling service.
      expect(input.getAttribute('autocomplete')).toBe('off')
      expect(input.getAttribute('spellcheck')).toBe('false')
      const skips = [...document.querySelectorAll('a.skip-link')].map((a) => [
        textOf(a),
        a.getAttribute('href'),
      ])
      expect(skips.at(-1)).toEqual([translator(lang)('skipLinks.search'), '#search'])
    }
  })

  it('pages 20 results at a time with rel="next", newest first, the count on every page', async () => {
    await publish(env.TEST_ARCHIVE.changes.generated)
    // The 45 generated stories (the search story says "generated text", not "story"), each once.
    const { slugs, headings } = await allResults('en', 'generated story')
    expect(slugs).toEqual(GENERATED_NEWEST_FIRST)
    expect(headings).toEqual(Array(3).fill('45 stories found'))
  })

  it('orders by publication date, not by when a story reached the archive', async () => {
    // The search story reached the archive before the generated stories, and is dated after them.
    const { slugs, headings } = await allResults('en', 'generated')
    expect(slugs).toEqual([SEARCH_SLUG, ...GENERATED_NEWEST_FIRST])
    expect(headings).toEqual(Array(3).fill('46 stories found'))
  })

  it('reads the page’s rows and one index row per match counted, and stops counting at the limit', async () => {
    const rowsOf = async (countLimit?: number) => {
      const count = { rows: 0 }
      const store = openStore({ DB: countingDatabase(env.DB, count), MEDIA: env.MEDIA })
      const page = await store.search('en', matchExpression('en', ['generated']), undefined, countLimit)
      return { ...page, rows: count.rows }
    }
    const all = await rowsOf()
    expect([all.total, all.more, all.results.length]).toEqual([46, false, 20])
    // 46 matches counted; 21 read for the page (the 21st says there is a next one), each joined to its words,
    // version and story. Measured: 129. Sorting every match by the date in its row read 289.
    console.info(`rows read by a search with 46 matches: ${all.rows}`)
    expect(all.rows).toBeGreaterThanOrEqual(46 + 21)
    expect(all.rows).toBeLessThanOrEqual(46 + 21 * 4)
    const capped = await rowsOf(10)
    expect([capped.total, capped.more, capped.results.length]).toEqual([10, true, 20])
    // The count stops at the 11th match: 35 or 36 index rows fewer (D1 counts a LIMIT's last row or not), the
    // page unchanged.
    expect(all.rows - capped.rows).toBeGreaterThanOrEqual(46 - 11)
    expect(all.rows - capped.rows).toBeLessThanOrEqual(46 - 10)
    expect((await rowsOf(46)).more).toBe(false)
    expect((await rowsOf(45)).more).toBe(true)
    const through = await requestCountingRows(searchUrl('en', 'generated'))
    expect(through.rowsRead).toBe(all.rows)
    const none = await requestCountingRows(searchUrl('en', 'zzyzxqv'))
    expect(none.rowsRead).toBeLessThan(10)
  })

  it.each([
    ['kk', '1000-нан астам материал табылды'],
    ['ru', 'Найдено более 1000 материалов'],
    ['en', 'More than 1,000 stories found'],
  ] as const)('in %s, says “%s” past the count limit, and how to find fewer', async (lang, heading) => {
    expect(COUNT_LIMIT).toBe(1000)
    const page = String(
      await SearchPage({
        t: translator(lang),
        lang,
        query: { kind: 'words', text: 'generated', words: ['generated'] },
        results: { total: COUNT_LIMIT, more: true, results: [] },
        older: null,
      }),
    )
    const { document } = parseHTML(`<main>${page}</main>`)
    expect(textOf(document.querySelector('h2'))).toBe(heading)
    expect(textOf(document.querySelector('h2 + p'))).toContain(translator(lang)('search.narrow'))
  })

  it('takes GET (and HEAD) only: a search is an address, never a form resent', async () => {
    const post = await request('/en/search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
      body: 'q=protest',
    })
    expect(post.status).toBe(405)
    expect(post.headers.get('Allow')).toContain('GET')
    const head = await request(searchUrl('en', 'protest'), { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('Cache-Control')).toBe('private, no-store')
  })

  it('is a page a text-size choice made without JavaScript returns to, without the query', async () => {
    const choose = (back: string) =>
      request('/preferences', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
        body: new URLSearchParams({ size: 'lg', return: back }).toString(),
      })
    expect((await choose('/ru/search')).headers.get('Location')).toBe('/ru/search#text-size')
    // A query in a Location header would be one more place it is written down.
    expect((await choose('/ru/search?q=протест')).headers.get('Location')).toBe('/')
  })

  it('answers a broken page cursor with the first page', async () => {
    const { slugs } = await searchFor('en', 'Asylov', '&older=not-a-cursor')
    expect(slugs).toEqual([ARTICLE_SLUG])
  })
})

describe('privacy', () => {
  it('answers private, no-store, with no ETag, no cookie, no cache state and no referrer', async () => {
    const path = searchUrl('kk', 'наразылық')
    for (let i = 0; i < 2; i++) {
      const response = await request(path, { headers: { Cookie: 'size=lg' } })
      expect(response.status).toBe(200)
      expect(response.headers.get('Cache-Control')).toBe('private, no-store')
      expect(response.headers.get('ETag')).toBeNull()
      expect(response.headers.get(CACHE_STATUS_HEADER)).toBeNull()
      expect(response.headers.get('Set-Cookie')).toBeNull()
      expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
      expect(await response.text()).toContain('<meta name="robots" content="noindex"')
    }
  })

  it('shows the query only in the search box, escaped, never in the title or a heading', async () => {
    const q = `"><script>alert(1)</script><mark>x</mark>&amp;`
    const { html, document } = await searchFor('en', q)
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<mark>x</mark>')
    expect(document.querySelector('main search input')!.getAttribute('value')).toBe(q)
    expect(document.querySelectorAll('script')).toHaveLength(1)
    expect(document.title).not.toContain('alert')
    expect(html.split('alert(1)').length - 1).toBe(1)
  })

  it('escapes a story’s own text in results, marks included', async () => {
    const { document } = await searchFor('en', 'jerry')
    const link = document.querySelector('main ol li h3 a')!
    expect(link.innerHTML).toBe('Tom &amp; <mark>Jerry</mark>: generated text for the search tests, not news')
    const excerpt = document.querySelector('main ol li p:not(.meta)')!
    expect(excerpt.innerHTML).toContain('Tom &amp; <mark>Jerry</mark> say "a &lt; b" and \'c &gt; d\'')
  })

  /** Every line written to the console while `work` runs. */
  const logged = async (work: () => Promise<unknown>): Promise<string[]> => {
    const lines: string[] = []
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')))
    await work()
    return lines
  }

  it('never writes the query to the log: a search, a refusal or a failure', async () => {
    const marker = 'qmarker'
    const lines = await logged(async () => {
      expect((await request(searchUrl('ru', `${marker} протест`))).status).toBe(200)
      expect((await request(searchUrl('ru', `${marker} ${'я'.repeat(300)}`))).status).toBe(400)
      // A D1 whose error repeats the query, as SQLite's syntax errors do.
      const failing = {
        prepare: (sql: string) => ({
          bind: (...params: unknown[]) => ({
            all: async () => {
              if (sql.includes('MATCH')) throw new Error(`fts5: syntax error near "${String(params[0])}"`)
              return env.DB.prepare(sql)
                .bind(...params)
                .all()
            },
          }),
        }),
      }
      const url = `http://localhost${searchUrl('ru', marker)}`
      const response = await app.request(new Request(url), undefined, { ...env, DB: failing })
      // The database failing is no fault of the reader's: search says it is unavailable for now.
      expect(response.status).toBe(503)
      expect(await response.text()).not.toContain(marker)
    })
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.filter((line) => line.includes(marker) || line.includes('?q='))).toEqual([])
  })
})

describe('hostile queries', () => {
  const hostile = [
    '"',
    '""',
    '*',
    'protest*',
    '"protest"*',
    'NEAR(protest Asylov)',
    'NEAR(',
    'protest AND',
    'OR',
    'NOT protest',
    '-protest',
    'headline:protest',
    '{headline body}: protest',
    'lang:en',
    '^protest',
    '(protest',
    'protest)',
    '\u0000protest\u0007',
    '\u202eprotest',
    '\ue000protest\ue001',
    'protestпротест',
    'Қазақ Kazakh Казах',
    '🙂',
    `${'protest '.repeat(MAX_QUERY_WORDS)}extra`,
    'x'.repeat(1000),
    'п'.repeat(MAX_QUERY_LENGTH),
  ]

  it.each(hostile.map((q) => [JSON.stringify(q).slice(0, 40), q]))(
    'answers %s without a 5xx',
    async (_, q) => {
      const response = await request(searchUrl('en', q))
      expect(response.status).toBeLessThan(500)
      expect(await response.text()).toContain('<search')
    },
  )

  it('reads FTS5 operators as words or punctuation, never as syntax', async () => {
    expect((await searchFor('en', '"Asylov"*')).slugs).toEqual([ARTICLE_SLUG])
    expect((await searchFor('en', 'NEAR(Asylov')).slugs).toEqual([])
    expect((await searchFor('en', 'Asylov OR zebrafish')).slugs).toEqual([])
    expect((await searchFor('en', '-zebrafish')).slugs).toEqual([SEARCH_SLUG])
    expect((await searchFor('en', 'lang:en')).slugs).toEqual([])
  })

  it('refuses a query that is too long or has too many words, in the reader’s language, with status 400', async () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang)
      const long = await fetchPage(searchUrl(lang, 'я'.repeat(MAX_QUERY_LENGTH + 1)))
      expect(long.response.status).toBe(400)
      expect(textOf(long.document.querySelector('#search-problem'))).toBe(
        fold(t('search.tooLong', { max: MAX_QUERY_LENGTH })),
      )
      // The box keeps what it can hold, so the reader can shorten it.
      expect([...long.document.querySelector('main input')!.getAttribute('value')!]).toHaveLength(
        MAX_QUERY_LENGTH,
      )
      const many = await fetchPage(searchUrl(lang, 'a b c d e f g h i j k'))
      expect(many.response.status).toBe(400)
      expect(textOf(many.document.querySelector('#search-problem'))).toBe(
        fold(t('search.tooManyWords', { max: MAX_QUERY_WORDS })),
      )
      const none = await fetchPage(searchUrl(lang, '*** "" ()'))
      expect(none.response.status).toBe(200)
      expect(textOf(none.document.querySelector('#search-problem'))).toBe(fold(t('search.noWords')))
      expect(none.document.querySelector('main input')!.getAttribute('aria-describedby')).toBe(
        'search-problem',
      )
    }
  })
})

// In order, on this file's D1: the search story as published, corrected (a word replaced, Russian dropped), removed.
describe('the index after a publish, a correction and an unpublish', () => {
  it('finds a published story’s words at once', async () => {
    for (const lang of LANGUAGES)
      expect((await searchFor(lang, 'zebrafish')).slugs, lang).toEqual([SEARCH_SLUG])
  })

  it('finds the corrected words, not the old ones, and nothing of a version removed', async () => {
    await publish(env.TEST_ARCHIVE.changes.searchableCorrected)
    for (const lang of ['kk', 'en'] as const) {
      expect((await searchFor(lang, 'zebrafish')).slugs, lang).toEqual([])
      expect((await searchFor(lang, 'okapi')).slugs, lang).toEqual([SEARCH_SLUG])
    }
    expect((await searchFor('ru', 'okapi')).slugs).toEqual([])
    expect((await searchFor('ru', 'ёжик')).slugs).toEqual([])
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM story_search_text WHERE lang = ?')
      .bind('ru')
      .first()
    expect(rows).toEqual({ n: 1 })
  })

  it('moves a story whose date was corrected to its new place in the results', async () => {
    // The correction dated the search story 2019-06-01: now older than every generated story.
    const { slugs } = await allResults('en', 'generated')
    expect(slugs).toEqual([...GENERATED_NEWEST_FIRST, SEARCH_SLUG])
  })

  it('keeps each version at the id of its place in the archive’s order, as migration 0003 numbers them', async () => {
    type Row = { id: number; published: string; story_id: number; lang: Language }
    const read = async () =>
      (
        await env.DB.prepare(
          'SELECT id, published, story_id, lang FROM story_search_text ORDER BY story_id, lang',
        ).all<Row>()
      ).results
    const written = await read()
    expect(written.length).toBe(50)
    // Minus (seconds since 1970 × 2^20 + story id × 4 + the language's place): exact in a JavaScript number until
    // 2242.
    for (const { id, published, story_id, lang } of written)
      expect(id, `${story_id} ${lang}`).toBe(
        -((Date.parse(published) / 1000) * 2 ** 20 + story_id * 4 + LANGUAGES.indexOf(lang)),
      )
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0003_'))!
    const renumber = migration.queries.find((q) => q.includes('UPDATE story_search_text'))!
    await env.DB.prepare(renumber).run()
    expect(await read()).toEqual(written)
  })

  it('finds nothing of an unpublished story', async () => {
    await writeBatches([unpublishStatements(SEARCH_SLUG)])
    for (const lang of LANGUAGES) expect((await searchFor(lang, 'okapi')).slugs, lang).toEqual([])
    expect((await searchFor('en', 'jerry')).slugs).toEqual([])
    const left = await env.DB.prepare('SELECT count(*) AS n FROM story_search_text').first<{ n: number }>()
    const indexed = await env.DB.prepare(
      `SELECT count(*) AS n FROM story_search WHERE story_search MATCH 'lang : kk OR lang : ru OR lang : en'`,
    ).first<{ n: number }>()
    expect(indexed).toEqual(left)
  })

  it('puts an archive indexed before migration 0003 in order when it runs', async () => {
    // Ids in the opposite of the archive's order, as an archive published in any order had before 0003.
    await env.DB.prepare('UPDATE story_search_text SET id = -id').run()
    // Before it runs, the first page holds the oldest stories (and the pages after it do not follow on).
    expect((await searchFor('en', 'generated')).slugs).toEqual(
      GENERATED_NEWEST_FIRST.toReversed().slice(0, 20),
    )
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0003_'))!
    for (const query of migration.queries) await env.DB.prepare(query).run()
    const { slugs, headings } = await allResults('en', 'generated')
    expect(slugs).toEqual(GENERATED_NEWEST_FIRST)
    expect(headings).toEqual(Array(3).fill('45 stories found'))
    expect((await searchFor('en', 'generated')).marked).toContain('generated')
  })
})

describe('the FTS5 query built from a reader’s words', () => {
  /** The terms of the FTS5 query for one language's words, without the language filter. */
  const termsOf = (lang: Language, ...words: string[]) => matchExpression(lang, words).split(' AND ').slice(1)
  const term = (text: string, prefix = true) => `{headline summary body} : "${text}"${prefix ? '*' : ''}`

  it('trims one ending, never below four letters, and English a plural s but not -ss, -us or -is', () => {
    expect(termsOf('ru', 'протестов', 'банка', 'кота')).toEqual([term('протест'), term('банк'), term('кота')])
    expect(termsOf('kk', 'наразылықтарда', 'елдің')).toEqual([term('наразылық'), term('елдің')])
    expect(termsOf('en', 'protests', 'houses', 'press', 'status', 'analysis', 'bus')).toEqual([
      term('protest'),
      term('house'),
      term('press'),
      term('status'),
      term('analysis'),
      term('bus'),
    ])
    // Only English loses an `s`, and only English keeps -ss, -us and -is whole.
    expect(termsOf('ru', 'mass')).toEqual([term('mass')])
  })

  it('matches numbers and words of one or two letters whole, anything else as a prefix', () => {
    expect(termsOf('en', '2022', '7', '20')).toEqual([
      term('2022', false),
      term('7', false),
      term('20', false),
    ])
    expect(termsOf('en', 'x2022', '2022x')).toEqual([term('x2022'), term('2022x')])
    expect(termsOf('kk', 'ел', 'мың')).toEqual([term('ел', false), term('мың')])
  })

  it('cleans what the box shows again: control characters read as spaces, format ones and lone surrogates dropped', () => {
    expect(cleanQuery('  a\t\n\u00a0\u2003b\u0000c\u202ed\ud800e  ')).toBe('a b cde')
    expect(cleanQuery('a\u0007\u0007b')).toBe('a b')
    expect(cleanQuery('a \u202e b')).toBe('a b')
  })

  it('takes 200 characters and 10 words, and no more', () => {
    expect(readQuery('я'.repeat(MAX_QUERY_LENGTH)).kind).toBe('words')
    expect(readQuery('я'.repeat(MAX_QUERY_LENGTH + 1)).kind).toBe('tooLong')
    const words = (n: number) =>
      Array.from({ length: n }, (_, i) => `word${String.fromCharCode(97 + i)}`).join(' ')
    expect(readQuery(words(MAX_QUERY_WORDS)).kind).toBe('words')
    expect(readQuery(words(MAX_QUERY_WORDS + 1)).kind).toBe('tooManyWords')
    expect([MAX_QUERY_LENGTH, MAX_QUERY_WORDS]).toEqual([200, 10])
  })

  /** One term: the column filter, then a quoted string of letters, digits and marks, perhaps a prefix. */
  const TERM = /^\{headline summary body\} : "[\p{L}\p{N}\p{M}]+"\*?$/u

  it('holds nothing of the reader’s but letters, digits and marks inside quotes, for any input', () => {
    const random = (() => {
      let seed = 14
      return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    })()
    const alphabet = [
      ...'"*():^-{}[]\\\'`.,;+ \t\n\u0000\u00ad\u202eaZяЁқҺ1٣\ue000\ud800🙂',
      'NEAR',
      'AND',
      'OR',
      'NOT',
    ]
    for (let i = 0; i < 500; i++) {
      const raw = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('')
      const query = readQuery(raw)
      if (query.kind !== 'words') continue
      for (const lang of LANGUAGES) {
        const [first, ...terms] = matchExpression(lang, query.words).split(' AND ')
        expect(first).toBe(`lang : "${lang}"`)
        for (const term of terms) expect(term, JSON.stringify(raw)).toMatch(TERM)
      }
    }
  })
})

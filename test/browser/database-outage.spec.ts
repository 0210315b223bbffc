/**
 * Issue #21's scenario, against a real `wrangler dev`: readers read, the database goes away, and what they read
 * keeps being served (the last good copy) while what they never read, and search, answer an honest 503; then the
 * database comes back and the pages are fresh again. No browser: Node's fetch, so every answer's status, headers
 * and time are seen as they are sent. The spec starts a server of its own, since it takes that server's D1 away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { feedPath } from '../../src/paths'
import { runWrangler, startSite, type Site } from './support/server'
import { LANGUAGES, PAGES, translator, type Language } from './support/site'

/** Whether a page came from the cache (src/page-cache.ts; on loopback only): 'hit', 'miss' or 'kept'. */
const CACHE_STATUS_HEADER = 'X-Page-Cache'

/** The tables every page, feed and search query reads (migrations/0001_stories.sql): without them, each fails. */
const TABLES = ['stories', 'story_versions', 'edition'] as const
const rename = (from: (table: string) => string, to: (table: string) => string): string =>
  TABLES.map((table) => `ALTER TABLE ${from(table)} RENAME TO ${to(table)};`).join(' ')
const TAKE_AWAY = rename(
  (table) => table,
  (table) => `${table}_away`,
)
const BRING_BACK = rename(
  (table) => `${table}_away`,
  (table) => table,
)

/**
 * A fresh copy of a page lives a minute (PAGE_MAX_AGE, in memory, the Cache API and the served-copy map alike):
 * past it, only the kept copy can answer, so the wait is one second longer than that.
 */
const PAST_A_MINUTE_MS = 61_000
/** Every answer during the failure within about the deadline (STORAGE_DEADLINE_MS, a second), never a hang. */
const ANSWER_WITHIN_MS = 1_500
/**
 * How soon the pages are fresh once the database is back: an isolate takes D1 to be down for 5 s after a failure
 * (DOWN_FOR_MS), and reuses an edition it read for 10 s (edition.ts), so 12 s at most, and a little margin.
 */
const FRESH_AGAIN_WITHIN_MS = 14_000

type Answer = { path: string; status: number; ms: number; headers: Headers; body: string }

const read = async (site: Site, path: string): Promise<Answer> => {
  const started = performance.now()
  const response = await fetch(`${site.url}${path}`, {
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  })
  const body = await response.text()
  return {
    path,
    status: response.status,
    ms: Math.round(performance.now() - started),
    headers: response.headers,
    body,
  }
}

/** A text without markup, entities decoded. */
const plain = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim()

/** What a reader sees first: a page's h1, or a feed's title and its entries' titles. */
const headline = (answer: Answer): string => {
  if (answer.path.endsWith('.xml'))
    return [...answer.body.matchAll(/<title[^>]*>([\s\S]*?)<\/title>/g)].map((m) => plain(m[1]!)).join(' | ')
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(answer.body)
  return h1 ? plain(h1[1]!) : ''
}

const pageLanguage = (answer: Answer): string | undefined =>
  /<html[^>]*\slang="([^"]+)"/.exec(answer.body)?.[1]

/** One line per answer, for the run's log: the figures the scenario saw. */
const report = (stage: string, answers: Answer[]): void => {
  const lines = answers.map(
    (a) =>
      `  ${a.status} ${String(a.ms).padStart(5)} ms ${(a.headers.get(CACHE_STATUS_HEADER) ?? '-').padEnd(4)} ${a.path}`,
  )
  console.log(`${stage}:\n${lines.join('\n')}`)
}

const READ_BEFORE = LANGUAGES.flatMap((lang) => [
  PAGES.front(lang),
  PAGES.article(lang),
  PAGES.notice(lang),
  feedPath(lang),
])

describe('when the database goes away under a running wrangler dev', () => {
  let site: Site
  beforeAll(async () => {
    site = await startSite()
  })
  afterAll(async () => {
    await site?.stop()
  })

  it(
    'keeps serving what was read, 503s the rest and search with Retry-After, never a 500, and is fresh once back',
    async () => {
      const d1 = (command: string) =>
        runWrangler(['d1', 'execute', 'DB', '--local', '--persist-to', site.state, '--command', command])

      // Readers read: every page 200, rendered now or within its minute.
      const before = new Map<string, Answer>()
      for (const path of READ_BEFORE) before.set(path, await read(site, path))
      report('read before', [...before.values()])
      for (const answer of before.values()) {
        expect(answer.status, answer.path).toBe(200)
        expect(headline(answer), answer.path).not.toBe('')
      }
      // Pages no one read: each language's archive page and a story in one or two languages only, the
      // missing-translation page; and search, which is never kept.
      // The front page's older link where it has one, else the stories older than the real one (site.ts).
      const older = (lang: Language) =>
        /<a href="(\/[a-z]{2}\/older\/[^"]+)" rel="next"/.exec(before.get(PAGES.front(lang))!.body)?.[1] ??
        PAGES.archive(lang)
      const neverRead = LANGUAGES.flatMap((lang) => [older(lang), PAGES.partialStory(lang)])
      neverRead.push(PAGES.missingTranslation('en'))
      for (const path of neverRead) expect(before.has(path)).toBe(false)
      const searches = LANGUAGES.map((lang) => PAGES.search(lang))

      await d1(TAKE_AWAY)
      // The database is away at once for what is never cached: search.
      const atOnce = await read(site, PAGES.search('ru'))
      report('database away', [atOnce])
      expect(atOnce.status, 'search right after the tables went').toBe(503)
      expect(atOnce.ms).toBeLessThan(ANSWER_WITHIN_MS)

      // Past the minute that fresh copies live, only a kept copy can answer.
      await new Promise((done) => setTimeout(done, PAST_A_MINUTE_MS))

      const kept: Answer[] = []
      for (const path of READ_BEFORE) kept.push(await read(site, path))
      const refused: Answer[] = []
      for (const path of [...neverRead, ...searches]) refused.push(await read(site, path))
      report('database away, past a minute', [...kept, ...refused])

      for (const answer of [...kept, ...refused]) {
        expect(answer.status, answer.path).not.toBe(500)
        expect(answer.ms, `${answer.path} answered in ${answer.ms} ms`).toBeLessThan(ANSWER_WITHIN_MS)
      }
      // A page that asks nothing of the database (the notice) is rendered afresh; every other one is its kept copy.
      const needsNoDatabase = LANGUAGES.map((lang) => PAGES.notice(lang))
      for (const answer of kept) {
        expect(answer.status, answer.path).toBe(200)
        expect(answer.headers.get(CACHE_STATUS_HEADER), answer.path).toBe(
          needsNoDatabase.includes(answer.path) ? 'miss' : 'kept',
        )
        expect(headline(answer), answer.path).toBe(headline(before.get(answer.path)!))
      }
      for (const answer of refused) {
        const lang = answer.path.split('/')[1] as Language
        const t = translator(lang)
        const search = searches.includes(answer.path)
        expect(answer.status, answer.path).toBe(503)
        expect(answer.headers.get('Retry-After'), answer.path).toBe('60')
        expect(answer.headers.get('Cache-Control'), answer.path).toBe('private, no-store')
        // In the reader's language, and saying which: a page, or search.
        expect(pageLanguage(answer), answer.path).toBe(lang)
        expect(headline(answer), answer.path).toBe(
          plain(t(search ? 'unavailable.searchTitle' : 'unavailable.title')),
        )
      }

      // The database comes back: within a few seconds every page is rendered from it again.
      await d1(BRING_BACK)
      const back = performance.now()
      const freshPage = async (path: string) => {
        const answer = await read(site, path)
        return (
          answer.status === 200 && ['miss', 'hit'].includes(answer.headers.get(CACHE_STATUS_HEADER) ?? '')
        )
      }
      const searchAnswers = async (path: string) => (await read(site, path)).status === 200
      while (!(await freshPage(PAGES.front('en'))) || !(await searchAnswers(PAGES.search('ru')))) {
        expect(performance.now() - back, 'fresh again within the time').toBeLessThan(FRESH_AGAIN_WITHIN_MS)
        await new Promise((done) => setTimeout(done, 250))
      }
      const freshAfter = Math.round(performance.now() - back)
      const after: Answer[] = []
      for (const path of [...READ_BEFORE, ...neverRead, ...searches]) after.push(await read(site, path))
      report(`database back, fresh after ${freshAfter} ms`, after)
      for (const answer of after) {
        const expected = answer.path === PAGES.missingTranslation('en') ? 404 : 200
        expect(answer.status, answer.path).toBe(expected)
        if (expected === 200 && !searches.includes(answer.path))
          expect(['miss', 'hit'], answer.path).toContain(answer.headers.get(CACHE_STATUS_HEADER))
      }
      for (const path of READ_BEFORE)
        expect(headline(after.find((a) => a.path === path)!), path).toBe(headline(before.get(path)!))
    },
    // Startup is the hook's; this is the minute's wait, two rounds of about twenty reads, and the return.
    110_000,
  )
})

// When a store behind the Worker fails (D1, R2, KV, the Cache API): what a reader gets, read as they would. The
// stores are doubles of this file's own bindings that pass every call through until told to fail: throw, say a
// table is missing, or never answer.
import { env } from 'cloudflare:test'
import { parseHTML } from 'linkedom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { bindingsTarget, type D1, type KV, type R2 } from '../scripts/publish/bindings-target.ts'
import { commit, unpublish } from '../scripts/publish/commit.ts'
import { imageObjects } from './archive'
import { app } from '../src/app'
import { forgetEdition, readEdition } from '../src/edition'
import { CACHE_STATUS_HEADER, KEPT_FOR_SECONDS } from '../src/page-cache'
import { forgetFailures, RETRY_AFTER_SECONDS, STORAGE_DEADLINE_MS } from '../src/storage'
import { forgetTakedowns, TAKEDOWNS_KEY } from '../src/takedowns'
import { ARTICLE_SLUG, fold } from './helpers'
import { LANGUAGES } from '../src/languages'
import ru from './fixtures/cf/ru.json'

type Fault = 'none' | 'throw' | 'hang' | 'not-migrated'

/** What each double does now, and how many D1 queries reached the real database. */
const faults = { d1: 'none' as Fault, r2: 'none' as Fault, kv: 'none' as Fault, queries: 0 }

const misbehave = async <T>(fault: Fault, call: () => Promise<T>): Promise<T> => {
  if (fault === 'throw') throw new Error('D1_ERROR: Network connection lost.')
  if (fault === 'not-migrated') throw new Error('D1_ERROR: no such table: story_versions: SQLITE_ERROR')
  if (fault === 'hang') return new Promise<T>(() => {})
  return call()
}

const database = {
  prepare: (sql: string) => ({
    bind: (...params: unknown[]) => ({
      all: () =>
        misbehave(faults.d1, () => {
          faults.queries++
          return env.DB.prepare(sql)
            .bind(...params)
            .all()
        }),
    }),
  }),
} as unknown as D1Database

const bucket = {
  get: (key: string) => misbehave(faults.r2, () => env.MEDIA.get(key)),
} as unknown as R2Bucket

const takedowns = {
  get: (key: string, options: KVNamespaceGetOptions<'json'>) =>
    misbehave(faults.kv, () => env.TAKEDOWNS.get(key, options)),
} as unknown as KVNamespace

const faultyEnv = { ...env, DB: database, MEDIA: bucket, TAKEDOWNS: takedowns }

let port = 20_000
/** An origin no other test has used: nothing of it is in this isolate's memory or the Cache API yet. */
const freshOrigin = () => `http://127.0.0.1:${port++}`

const ask = (url: string, init?: RequestInit<RequestInitCfProperties>) =>
  Promise.resolve(app.request(new Request(url, init), undefined, faultyEnv))

const read = async (url: string, init?: RequestInit<RequestInitCfProperties>) => {
  const started = performance.now()
  const response = await ask(url, init)
  const html = await response.text()
  return { response, html, document: parseHTML(html).document, ms: performance.now() - started }
}

const headline = (document: Document) => fold(document.querySelector('h1')?.textContent ?? '')

/** Makes the fresh copies of this edition unreachable, as they are once their minute is over. */
const freshCopiesExpired = () => {
  const open = caches.open.bind(caches)
  vi.spyOn(caches, 'open').mockImplementation(async (name: string) => {
    const cache = await open(name)
    if (name !== 'pages') return cache
    return {
      match: async () => undefined,
      put: (...args: Parameters<Cache['put']>) => cache.put(...args),
    } as unknown as Cache
  })
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() + 61_000)
}

const later = (hours: number) => vi.setSystemTime(Date.now() + hours * 3_600_000)

afterEach(async () => {
  Object.assign(faults, { d1: 'none', r2: 'none', kv: 'none', queries: 0 })
  vi.useRealTimers()
  vi.restoreAllMocks()
  forgetEdition()
  forgetFailures()
  forgetTakedowns()
  await env.TAKEDOWNS.delete(TAKEDOWNS_KEY)
})

const ARTICLE = (lang: string) => `/${lang}/articles/${ARTICLE_SLUG}`

describe('a page read before the database failed', () => {
  it.each(['throw', 'hang', 'not-migrated'] as const)(
    'is served from its last good copy, whole, with the same headline, when D1 fails (%s)',
    async (fault) => {
      const origin = freshOrigin()
      const before = await read(`${origin}${ARTICLE('ru')}`)
      expect(before.response.status).toBe(200)
      freshCopiesExpired()
      faults.d1 = fault
      const during = await read(`${origin}${ARTICLE('ru')}`)
      expect(during.response.status).toBe(200)
      expect(during.response.headers.get(CACHE_STATUS_HEADER)).toBe('kept')
      expect(headline(during.document)).toBe(headline(before.document))
      expect(during.html).toBe(before.html)
      expect(during.ms).toBeLessThan(STORAGE_DEADLINE_MS + 500)
    },
  )

  it('is still served a day later, and no longer once its two days are over', async () => {
    const origin = freshOrigin()
    expect((await read(`${origin}${ARTICLE('kk')}`)).response.status).toBe(200)
    freshCopiesExpired()
    faults.d1 = 'throw'
    later(25)
    expect((await read(`${origin}${ARTICLE('kk')}`)).response.status).toBe(200)
    later(KEPT_FOR_SECONDS / 3600 - 25 + 1)
    forgetFailures()
    vi.spyOn(caches, 'open').mockResolvedValue({
      match: async () => undefined,
      put: async () => {},
    } as unknown as Cache)
    expect((await read(`${origin}${ARTICLE('kk')}`)).response.status).toBe(503)
  })

  it('is served from the Cache API to an isolate that never rendered it and cannot read the edition', async () => {
    const origin = freshOrigin()
    const before = await read(`${origin}/en/`)
    expect(before.response.status).toBe(200)
    // Another isolate of the data centre: it has no memory of the page, nor of the edition.
    forgetEdition()
    faults.d1 = 'throw'
    const during = await read(`${origin}/en/`)
    expect(during.response.status).toBe(200)
    expect(during.response.headers.get(CACHE_STATUS_HEADER)).toBe('kept')
    expect(during.html).toBe(before.html)
  })

  it('is the feed too', async () => {
    const origin = freshOrigin()
    const before = await ask(`${origin}/en/feed.xml`)
    const xml = await before.text()
    forgetEdition()
    faults.d1 = 'throw'
    const during = await ask(`${origin}/en/feed.xml`)
    expect(during.status).toBe(200)
    expect(await during.text()).toBe(xml)
  })

  it('is served fresh again once the database answers', async () => {
    const origin = freshOrigin()
    await read(`${origin}${ARTICLE('en')}`)
    freshCopiesExpired()
    faults.d1 = 'throw'
    expect((await read(`${origin}${ARTICLE('en')}`)).response.headers.get(CACHE_STATUS_HEADER)).toBe('kept')
    faults.d1 = 'none'
    forgetFailures()
    const after = await read(`${origin}${ARTICLE('en')}`)
    expect(after.response.status).toBe(200)
    expect(after.response.headers.get(CACHE_STATUS_HEADER)).toBe('miss')
  })

  it('keeps the last edition this isolate knew when the edition cannot be read, not 0', async () => {
    const known = await readEdition(faultyEnv)
    expect(known).toBeGreaterThan(0)
    forgetEdition()
    await readEdition(faultyEnv)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 11_000)
    faults.d1 = 'throw'
    expect(await readEdition(faultyEnv)).toBe(known)
  })
})

describe('a page taken down', () => {
  const target = bindingsTarget(
    env.DB as unknown as D1,
    env.MEDIA as unknown as R2,
    env.TAKEDOWNS as unknown as KV,
  )
  /** Unpublishes the article with the publish step's own unpublish: the takedown in KV first, then D1 and R2. */
  const takeDown = async (slug: string) => {
    expect(await unpublish(target, [slug])).toEqual([])
    forgetTakedowns()
  }

  it('never comes back while the database fails, nor does a kept page that lists it', async () => {
    const origin = freshOrigin()
    expect((await read(`${origin}${ARTICLE('en')}`)).response.status).toBe(200)
    const front = await read(`${origin}/en/`)
    expect(front.html).toContain(`/articles/${ARTICLE_SLUG}`)
    expect((await read(`${origin}/en/notice`)).response.status).toBe(200)
    await takeDown(ARTICLE_SLUG)
    freshCopiesExpired()
    faults.d1 = 'throw'
    const article = await read(`${origin}${ARTICLE('en')}`)
    expect(article.response.status).toBe(503)
    expect(article.html).not.toContain('Kazakh Officials Give Contradicting')
    expect((await read(`${origin}/en/`)).response.status).toBe(503)
    // A kept page that shows no story taken down is still served.
    expect((await read(`${origin}/en/notice`)).response.status).toBe(200)
    // Published again, the story is out of the takedown list: its kept copies may be served again.
    vi.useRealTimers()
    vi.restoreAllMocks()
    faults.d1 = 'none'
    forgetFailures()
    await commit(target, {
      stories: [{ slug: ARTICLE_SLUG }],
      batches: env.TEST_ARCHIVE.batches,
      objects: imageObjects(env.TEST_ARCHIVE.objects),
    })
    expect(await env.TAKEDOWNS.get(TAKEDOWNS_KEY)).toBe('[]')
  })

  it('is not risked when the list of takedowns cannot be read either: the reader gets the 503', async () => {
    const origin = freshOrigin()
    expect((await read(`${origin}${ARTICLE('en')}`)).response.status).toBe(200)
    freshCopiesExpired()
    faults.d1 = 'throw'
    faults.kv = 'hang'
    const during = await read(`${origin}${ARTICLE('en')}`)
    expect(during.response.status).toBe(503)
    expect(during.ms).toBeLessThan(2 * STORAGE_DEADLINE_MS + 500)
  })
})

describe('a page never read, and search, while the database fails', () => {
  it.each(LANGUAGES)(
    'answer %s readers with a 503 in their language, the banner, and a way to the front page',
    async (lang) => {
      const origin = freshOrigin()
      faults.d1 = 'throw'
      for (const path of [ARTICLE(lang), `/${lang}/`, `/${lang}/search?q=protest`]) {
        const { response, document, ms } = await read(`${origin}${path}`, {
          cf: ru,
        } as RequestInit<RequestInitCfProperties>)
        expect(response.status, path).toBe(503)
        expect(response.headers.get('Retry-After'), path).toBe(String(RETRY_AFTER_SECONDS))
        expect(response.headers.get('Cache-Control'), path).toBe('private, no-store')
        expect(response.headers.get('Vary'), path).toBe('Cookie')
        expect(document.documentElement.getAttribute('lang'), path).toBe(lang)
        expect(document.querySelector('.legal-banner h2'), path).not.toBeNull()
        expect(document.querySelector(`main a[href="/${lang}/"]`), path).not.toBeNull()
        expect(ms, path).toBeLessThan(STORAGE_DEADLINE_MS + 500)
      }
    },
  )

  it('keep the reader’s text size: a reader at LG reads the 503 at LG', async () => {
    faults.d1 = 'throw'
    for (const size of ['lg', 'xs']) {
      const { response, document } = await read(`${freshOrigin()}/ru/search?q=protest`, {
        headers: { Cookie: `size=${size}` },
      })
      expect(response.status).toBe(503)
      expect(document.documentElement.getAttribute('data-size')).toBe(size)
    }
  })

  it('says search is what is unavailable, in each language', async () => {
    faults.d1 = 'hang'
    const titles = new Set<string>()
    for (const lang of LANGUAGES) {
      const { response, document } = await read(`${freshOrigin()}/${lang}/search?q=protest`)
      expect(response.status).toBe(503)
      titles.add(fold(document.querySelector('h1')!.textContent!))
    }
    expect([...titles]).toEqual([
      'Іздеу қазір қолжетімсіз',
      'Поиск сейчас недоступен',
      'Search is not available right now',
    ])
  })

  it('answers within about the deadline when the database never answers, and then at once', async () => {
    faults.d1 = 'hang'
    const first = await read(`${freshOrigin()}${ARTICLE('en')}`)
    expect(first.response.status).toBe(503)
    expect(first.ms).toBeGreaterThanOrEqual(STORAGE_DEADLINE_MS - 50)
    expect(first.ms).toBeLessThan(STORAGE_DEADLINE_MS + 500)
    // The database is taken to be down for a few seconds: the next reader does not wait for it.
    const next = await read(`${freshOrigin()}${ARTICLE('kk')}`)
    expect(next.response.status).toBe(503)
    expect(next.ms).toBeLessThan(200)
  })

  it('logs one line per kind of failure, whatever the number of readers, with none of their request', async () => {
    const lines: string[] = []
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)))
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)))
    faults.d1 = 'not-migrated'
    for (let i = 0; i < 10; i++) {
      expect(
        (await ask(`${freshOrigin()}/ru/search?q=secretword${i}`, { headers: { Cookie: 'size=lg' } })).status,
      ).toBe(503)
    }
    const storage = lines
      .map((line) => JSON.parse(line) as Record<string, string>)
      .filter((l) => l.event === 'storage-unavailable')
    expect(storage).toEqual([
      {
        event: 'storage-unavailable',
        store: 'd1',
        reason: 'not-migrated',
        fix: expect.stringContaining('npx wrangler d1 migrations apply DB --remote'),
      },
    ])
    expect(lines.join('\n')).not.toMatch(/secretword|size=lg|127\.0\.0\.1|search/)
    // Nor does the request log write a line per reader's 503.
    expect(lines.filter((line) => line.includes('"status"'))).toEqual([])
  })
})

describe('a burst of readers on a page no one has read', () => {
  it('costs one render: 50 at once read D1 as one reader does', async () => {
    // One reader alone, on an origin of its own.
    await ask(`${freshOrigin()}${ARTICLE('ru')}`)
    faults.queries = 0
    forgetEdition()
    await ask(`${freshOrigin()}${ARTICLE('ru')}`)
    const alone = faults.queries
    expect(alone).toBeGreaterThan(0)
    faults.queries = 0
    forgetEdition()
    const origin = freshOrigin()
    const answers = await Promise.all(Array.from({ length: 50 }, () => ask(`${origin}${ARTICLE('ru')}`)))
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200))
    const bodies = new Set(await Promise.all(answers.map((r) => r.text())))
    expect(bodies.size).toBe(1)
    expect(faults.queries).toBe(alone)
  })
})

describe('photos while R2 fails', () => {
  it.each(['throw', 'hang'] as const)('answer 503, not 500, and leave the page whole (%s)', async (fault) => {
    const origin = freshOrigin()
    faults.r2 = fault
    const page = await read(`${origin}${ARTICLE('en')}`)
    expect(page.response.status).toBe(200)
    const img = page.document.querySelector('article figure img')!
    // The photo's box is reserved by its size, so nothing moves when it does not come.
    expect(Number(img.getAttribute('width'))).toBeGreaterThan(0)
    expect(Number(img.getAttribute('height'))).toBeGreaterThan(0)
    const photo = await ask(`${origin}${img.getAttribute('src')}`)
    expect(photo.status).toBe(503)
    expect(photo.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS))
    expect(photo.headers.get('Cache-Control')).toBe('no-store')
  })
})

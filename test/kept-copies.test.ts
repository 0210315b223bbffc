// The last good copies, looked at closely: what a new isolate gets from the Cache API alone, what a copy is kept
// with there, a page of many stories with one taken down, each document its own copy, and a Cache API that fails
// whole. (test/storage-failure.test.ts holds what a reader gets during an outage; this file, how it is kept.)
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { bindingsTarget, type D1, type KV, type R2 } from '../scripts/publish/bindings-target.ts'
import { unpublish } from '../scripts/publish/commit.ts'
import { publish } from './archive'
import { forgetEdition } from '../src/edition'
import { CACHE_STATUS_HEADER, forgetPageCopies, KEPT_FOR_SECONDS, keptKeyFor } from '../src/page-cache'
import { forgetFailures } from '../src/storage'
import { forgetTakedowns } from '../src/takedowns'
import { ARTICLE_SLUG } from './helpers'
import { ask, faults, freshCopiesExpired, freshOrigin, later, read } from './faulty-storage'

// 45 generated English stories under the real article: the English front page lists 20 stories.
beforeAll(() => publish(env.TEST_ARCHIVE.changes.generated))

const ARTICLE = `/en/articles/${ARTICLE_SLUG}`
const DEFAULT_VARIANT = { textSize: 'sm', legalBanner: false } as const

/** A new isolate of the same data centre: nothing in memory, the Cache API as it was. */
const newIsolate = () => {
  forgetPageCopies()
  forgetEdition()
}

/** The Cache API failing whole: every cache refuses to open. */
const cacheApiDown = () => vi.spyOn(caches, 'open').mockRejectedValue(new Error('cache unavailable'))

const keptCopy = async (origin: string, path: string) => {
  const key = keptKeyFor(origin, path, { ...DEFAULT_VARIANT } as Parameters<typeof keptKeyFor>[2])
  return (await caches.open('kept')).match(key)
}

describe('a kept copy in the Cache API', () => {
  it('is kept two days, with no Expires of its fresh minute, and names the stories it shows', async () => {
    const origin = freshOrigin()
    expect((await ask(`${origin}${ARTICLE}`)).status).toBe(200)
    const copy = await keptCopy(origin, ARTICLE)
    expect(copy?.headers.get('Cache-Control')).toBe(`public, max-age=${KEPT_FOR_SECONDS}`)
    expect(copy?.headers.get('Expires')).toBeNull()
    expect(copy?.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(copy?.headers.get('X-Kept-Stories')?.split(',')).toContain(ARTICLE_SLUG)
  })

  it('is what a new isolate serves when D1 fails, and then from its own memory when the Cache API fails too', async () => {
    const origin = freshOrigin()
    const before = await read(`${origin}${ARTICLE}`)
    expect(before.response.status).toBe(200)
    newIsolate()
    faults.d1 = 'throw'
    const fromCacheApi = await read(`${origin}${ARTICLE}`)
    expect(fromCacheApi.response.status).toBe(200)
    expect(fromCacheApi.response.headers.get(CACHE_STATUS_HEADER)).toBe('kept')
    expect(fromCacheApi.response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(fromCacheApi.response.headers.get('Expires')).toBeNull()
    expect(fromCacheApi.html).toBe(before.html)
    // An hour on, with the Cache API gone too: the copy it gave is in this isolate's memory.
    vi.useFakeTimers({ toFake: ['Date'] })
    later(1)
    forgetFailures()
    cacheApiDown()
    const fromMemory = await read(`${origin}${ARTICLE}`)
    expect(fromMemory.response.status).toBe(200)
    expect(fromMemory.response.headers.get(CACHE_STATUS_HEADER)).toBe('kept')
    expect(fromMemory.response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(fromMemory.html).toBe(before.html)
  })

  it.each([
    ['this isolate’s memory', freshCopiesExpired],
    ['the Cache API, in a new isolate', newIsolate],
  ])('comes from %s as a page, kept by no browser, that says nothing of retrying', async (_, lose) => {
    const origin = freshOrigin()
    const before = await read(`${origin}${ARTICLE}`)
    lose()
    faults.d1 = 'throw'
    const during = await read(`${origin}${ARTICLE}`)
    expect(during.response.status).toBe(200)
    expect(during.response.headers.get(CACHE_STATUS_HEADER)).toBe('kept')
    expect(during.response.headers.get('Content-Type')).toBe(before.response.headers.get('Content-Type'))
    expect(during.response.headers.get('Content-Security-Policy')).toBe(
      before.response.headers.get('Content-Security-Policy'),
    )
    expect(during.response.headers.get('ETag')).toBe(before.response.headers.get('ETag'))
    // Once the database answers, the reader's next visit gets the fresh page, not this one from their disk.
    expect(during.response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(during.response.headers.get('Vary')).toBe('Cookie')
    expect(during.response.headers.get('Retry-After')).toBeNull()
  })
})

describe('a story taken down', () => {
  const target = bindingsTarget(
    env.DB as unknown as D1,
    env.MEDIA as unknown as R2,
    env.TAKEDOWNS as unknown as KV,
  )

  it('keeps back a kept page that lists it among many others', async () => {
    const origin = freshOrigin()
    const front = await read(`${origin}/en/`)
    const listed = front.document.querySelectorAll('main li h2 a').length
    expect(listed).toBeGreaterThan(10)
    expect(front.html).toContain('/articles/generated-story-00045')
    expect(await unpublish(target, ['generated-story-00045'])).toEqual([])
    forgetTakedowns()
    freshCopiesExpired()
    faults.d1 = 'throw'
    expect((await read(`${origin}/en/`)).response.status).toBe(503)
  })

  it('keeps back a kept page of many stories that a new isolate finds in the Cache API', async () => {
    const origin = freshOrigin()
    const front = await read(`${origin}/en/`)
    expect(front.html).toContain('/articles/generated-story-00043')
    expect(await unpublish(target, ['generated-story-00043'])).toEqual([])
    forgetTakedowns()
    newIsolate()
    faults.d1 = 'throw'
    expect((await read(`${origin}/en/`)).response.status).toBe(503)
  })

  it('keeps back the copy a new isolate finds in the Cache API', async () => {
    const origin = freshOrigin()
    expect((await read(`${origin}/en/articles/generated-story-00044`)).response.status).toBe(200)
    expect(await unpublish(target, ['generated-story-00044'])).toEqual([])
    forgetTakedowns()
    newIsolate()
    faults.d1 = 'throw'
    const during = await read(`${origin}/en/articles/generated-story-00044`)
    expect(during.response.status).toBe(503)
  })
})

describe('documents', () => {
  it('are each kept as themselves: the feed and the sitemap', async () => {
    const origin = freshOrigin()
    const feed = await (await ask(`${origin}/en/feed.xml`)).text()
    const sitemap = await (await ask(`${origin}/sitemap.xml`)).text()
    expect(feed).not.toBe(sitemap)
    newIsolate()
    faults.d1 = 'throw'
    expect(await (await ask(`${origin}/en/feed.xml`)).text()).toBe(feed)
    expect(await (await ask(`${origin}/sitemap.xml`)).text()).toBe(sitemap)
  })
})

describe('a fresh copy in the Cache API', () => {
  it('is served from this isolate’s memory once read, when the Cache API then fails', async () => {
    const origin = freshOrigin()
    const first = await read(`${origin}${ARTICLE}`)
    expect(first.response.headers.get(CACHE_STATUS_HEADER)).toBe('miss')
    forgetPageCopies()
    const fromCacheApi = await read(`${origin}${ARTICLE}`)
    expect(fromCacheApi.response.headers.get(CACHE_STATUS_HEADER)).toBe('hit')
    cacheApiDown()
    // Past the repeat-view layer (which a conditional request skips), to the memory behind it.
    const fromMemory = await read(`${origin}${ARTICLE}`, { headers: { 'If-None-Match': '"another"' } })
    expect(fromMemory.response.status).toBe(200)
    expect(fromMemory.response.headers.get(CACHE_STATUS_HEADER)).toBe('hit')
    expect(fromMemory.html).toBe(first.html)
  })
})

describe('a Cache API that fails whole', () => {
  it('never stops a page or a feed: each is rendered and sent', async () => {
    cacheApiDown()
    const origin = freshOrigin()
    for (const path of [ARTICLE, '/en/', '/en/feed.xml']) {
      const response = await ask(`${origin}${path}`)
      expect(response.status, path).toBe(200)
      expect((await response.text()).length, path).toBeGreaterThan(500)
    }
  })
})

describe('a burst of readers on a page no one has read, while D1 fails', () => {
  it('gives each the 503, none a 500, when the one render fails', async () => {
    // The edition is known (another page was read), so the readers wait for one render, and it fails.
    expect((await ask(`${freshOrigin()}/en/notice`)).status).toBe(200)
    faults.d1 = 'throw'
    const origin = freshOrigin()
    const answers = await Promise.all(Array.from({ length: 5 }, () => ask(`${origin}${ARTICLE}`)))
    expect(answers.map((r) => r.status)).toEqual(Array(5).fill(503))
  })

  it('gives the readers who waited the one render, as it was sent', async () => {
    const origin = freshOrigin()
    const answers = await Promise.all(Array.from({ length: 3 }, () => read(`${origin}/en/notice`)))
    expect(answers.map((a) => a.response.headers.get(CACHE_STATUS_HEADER)).sort()).toEqual([
      'hit',
      'hit',
      'miss',
    ])
    expect(new Set(answers.map((a) => a.html)).size).toBe(1)
  })
})

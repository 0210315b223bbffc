/**
 * Serves repeat requests for a page variant without rendering: from this isolate's memory first, then from the
 * Cache API, which the isolates of a data centre share.
 */
import type { Context, MiddlewareHandler } from 'hono'
import manifest from './asset-manifest.json'
import type { AppEnv, PageVariant } from './page'
import { variantOf } from './page'
import { readEdition } from './edition'
import { isPagePath } from './paths'
import { isLanguage } from './languages'
import { isLoopback } from './loopback'
import { holdsLegacyLanguage } from './preferences'
import { logFailureOnce, StorageUnavailable } from './storage'
import { readTakedowns } from './takedowns'

/** How long a stored page is served: breaking news and corrections show within a minute. */
export const PAGE_MAX_AGE = 60

/** Pages rendered by another deployment link other asset files: a new deployment starts a new cache. */
const DEPLOYMENT = Object.values(manifest)
  .map((path) => /\.([0-9a-f]{10})\./.exec(path)?.[1] ?? '')
  .join('')
  .slice(0, 20)

/**
 * Response header that says whether the page came from the cache: for tests, the benchmark and debugging, and only
 * on a developer's own machine. Anywhere else it would be an oracle: a hit tells anyone who asks that someone with
 * the same variant (say, the bannered one, reachable through Tor) read that page at that data centre this minute.
 */
export const CACHE_STATUS_HEADER = 'X-Page-Cache'

const digest = async (data: string | ArrayBuffer): Promise<string> => {
  const input = typeof data === 'string' ? new TextEncoder().encode(data) : data
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', input))
  return [...bytes.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The cache key: built from the normalised variant, never from raw headers or cookies, so an attacker's odd
 * cookie or header cannot create variants, and two readers with the same choices share one copy.
 */
export const cacheKeyFor = async (
  origin: string,
  path: string,
  variant: PageVariant,
  edition = 0,
): Promise<string> => {
  const breaking = variant.breaking ? await breakingDigest(variant.breaking) : '-'
  const banner = variant.legalBanner ? '1' : '0'
  // Every part is from a closed set or a hash; the path is one of the site's own (see pageCache). The archive's
  // edition changes with every publish: a new story, a correction or an unpublished one shows at once.
  return `${origin}/__page${path}?size=${variant.textSize}&banner=${banner}&breaking=${breaking}&edition=${edition}&deployment=${DEPLOYMENT}`
}

/** The breaking item's hash, once per item: KV reads are memoised, so the same object comes back for a while. */
const breakingDigests = new WeakMap<object, string>()
const breakingDigest = async (item: object): Promise<string> => {
  const known = breakingDigests.get(item)
  if (known) return known
  const hash = await digest(JSON.stringify(item))
  breakingDigests.set(item, hash)
  return hash
}

/** How a reader's own copy may be kept, and what it varies on. */
type ReaderCaching = { cacheControl: string; vary?: string }

/**
 * The headers a copy is stored with, and all a stored copy hands on: the ones the app itself sets on a page inside
 * the cache (its type, the tag of its bytes, how long it is kept). A copy read back from the Cache API also carries
 * what Cloudflare's cache added, `CF-Cache-Status: HIT` and an `Age` above all, and nothing of that may reach a
 * reader: it would tell anyone who asks that someone with the same variant read the page there within the minute.
 * Built from this list, a hit carries the very header names a miss does.
 */
const COPY_HEADERS = ['Content-Type', 'ETag', 'Expires'] as const

const copyHeaders = (from: Headers): Headers => {
  const headers = new Headers()
  for (const name of COPY_HEADERS) {
    const value = from.get(name)
    if (value !== null) headers.set(name, value)
  }
  return headers
}

/** The headers a reader's copy carries: the stored copy's, with the reader's caching and no `Expires`. */
const readerHeaders = (stored: Headers, reader: ReaderCaching): Headers => {
  const headers = new Headers(stored)
  headers.set('Cache-Control', reader.cacheControl)
  if (reader.vary) headers.set('Vary', reader.vary)
  headers.delete('Expires')
  return headers
}

/** The reader's answer: a stored copy's bytes (always a 200) with the reader's caching in its headers. */
const forReader = (
  c: Context<AppEnv>,
  body: ArrayBuffer,
  headers: Headers,
  status: 'hit' | 'miss' | 'kept',
  reader: ReaderCaching,
): Response => {
  const copy = new Response(body, { status: 200, headers: readerHeaders(headers, reader) })
  if (isLoopback(c)) copy.headers.set(CACHE_STATUS_HEADER, status)
  return copy
}

/**
 * For an answer that depends on the reader's cookies but is not worth keeping (a 404 or error page with their text
 * size, banner and breaking item): never in a shared cache, never on disk, never answered for another cookie.
 */
export const keepFromCaches = (c: Context): void => {
  c.header('Cache-Control', 'private, no-store')
  c.header('Vary', 'Cookie')
}

/** Runs a promise after the response where the runtime allows it (a Worker), or before it (elsewhere). */
const afterResponse = async (c: Context<AppEnv>, work: Promise<unknown>) => {
  try {
    c.executionCtx.waitUntil(work)
  } catch {
    await work
  }
}

/**
 * A stored copy as the reader gets it, bytes and headers, so each hit builds one fresh Response and nothing else: a
 * hit is most of the site's traffic, and should cost little more than a static file.
 */
type Entry = { body: ArrayBuffer; headers: [string, string][]; expires: number }

/** Copies kept in this isolate: a few variants of a few pages, so a small bound is plenty. */
const MEMORY_ENTRIES = 256
const memory = new Map<string, Entry>()

const liveEntry = <E extends Entry>(entries: Map<string, E>, key: string, now: number): E | undefined => {
  const entry = entries.get(key)
  if (entry && entry.expires <= now) {
    entries.delete(key)
    return undefined
  }
  return entry
}

const keep = <E extends Entry>(entries: Map<string, E>, key: string, entry: E): void => {
  if (entries.size >= MEMORY_ENTRIES) entries.delete(entries.keys().next().value!)
  entries.set(key, entry)
}

/** Keeps a stored copy until the moment its `Expires` says, so a copy from the Cache API is not kept longer. */
const remember = (key: string, body: ArrayBuffer, stored: Headers, reader: ReaderCaching): void => {
  const expires = Date.parse(stored.get('Expires') ?? '')
  if (Number.isNaN(expires)) return
  keep(memory, key, { body, headers: [...readerHeaders(stored, reader)], expires })
}

/** A page's keys: its fresh copy's (of this edition; none when the edition cannot be known), and its kept copy's. */
type Keys = { fresh: string | undefined; kept: string }

/**
 * How long the last good copy of a page is kept, for when the database fails: two days, so a reader still gets
 * what was last read here a day into an outage, whatever the Cache API evicts first.
 */
export const KEPT_FOR_SECONDS = 2 * 24 * 60 * 60

/** A kept copy, with the stories it shows: none of them may have been taken down when it is served. */
type Kept = { body: ArrayBuffer; headers: Headers; stories: string[] }

/** The header a kept copy carries its stories in, inside the Cache API only (copyHeaders drops it). */
const KEPT_STORIES = 'X-Kept-Stories'

const keptInMemory = new Map<string, Entry & { stories: string[] }>()

/** The stories a page shows or links: every `/articles/{slug}` in it. */
const storiesIn = (body: ArrayBuffer): string[] => [
  ...new Set(
    Array.from(
      new TextDecoder().decode(body).matchAll(/\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)/g),
      (m) => m[1]!,
    ),
  ),
]

/** Keeps the page's last good copy, in memory and in the Cache API, to be served only when the database fails. */
const keepLastGood = (
  c: Context<AppEnv>,
  key: string,
  body: ArrayBuffer,
  stored: Headers,
): Promise<unknown> => {
  const stories = storiesIn(body)
  const headers = copyHeaders(stored)
  headers.delete('Expires')
  const expires = Date.now() + KEPT_FOR_SECONDS * 1000
  keep(keptInMemory, key, { body, headers: [...headers], expires, stories })
  const copy = new Response(body, { headers })
  copy.headers.set('Cache-Control', `public, max-age=${KEPT_FOR_SECONDS}`)
  copy.headers.set(KEPT_STORIES, stories.join(','))
  return caches
    .open('kept')
    .then((cache) => cache.put(key, copy))
    .catch((error: unknown) => logFailureOnce('cache', 'error', String(error)))
}

/**
 * Forgets every copy this isolate holds in memory, fresh and kept, as a new isolate starts: for tests of what the
 * Cache API alone gives.
 */
// Stryker disable all: a test's hook. Without it no test reached the kept copies' Cache-API path (Stryker showed
// those lines uncovered); with it they are covered and their mutants killed.
export const forgetPageCopies = (): void => {
  memory.clear()
  keptInMemory.clear()
  served.clear()
}
// Stryker restore all

/** The page's last good copy, from memory or the Cache API, or undefined. */
const lastGood = async (key: string): Promise<Kept | undefined> => {
  const inMemory = liveEntry(keptInMemory, key, Date.now())
  if (inMemory)
    return { body: inMemory.body, headers: new Headers(inMemory.headers), stories: inMemory.stories }
  const found = await caches
    .open('kept')
    .then((cache) => cache.match(key))
    .catch(() => undefined)
  if (!found) return undefined
  const body = await found.arrayBuffer()
  // A page of no story has [''], which no takedown matches: slugs are never empty.
  const stories = (found.headers.get(KEPT_STORIES) ?? '').split(',')
  // No Expires to drop: keepLastGood stored the copy without one.
  const headers = copyHeaders(found.headers)
  keep(keptInMemory, key, {
    body,
    headers: [...headers],
    expires: Date.now() + KEPT_FOR_SECONDS * 1000,
    stories,
  })
  return { body, headers, stories }
}

/**
 * Answers with the page's last good copy when the database has failed, if there is one and none of the stories it
 * shows has been taken down since. The list of takedowns is in KV, away from D1: if it cannot be read either, no
 * kept copy is served (a legal takedown outweighs a page) and the reader gets the 503.
 */
const serveKept = async (c: Context<AppEnv>, key: string, reader: ReaderCaching): Promise<boolean> => {
  const kept = await lastGood(key)
  if (!kept) return false
  const takenDown = await readTakedowns(c.env).catch(() => undefined)
  if (!takenDown || kept.stories.some((slug) => takenDown.has(slug))) return false
  // Kept by no browser: the reader's next visit, once the database answers, gets the fresh page. Whatever the 503
  // it replaces said of retrying is not said of a page that came.
  c.res = forReader(c, kept.body, kept.headers, 'kept', { ...reader, cacheControl: 'private, no-store' })
  c.res.headers.delete('Retry-After')
  return true
}

/** A render under way, by fresh key: the readers who ask for the same page meanwhile wait for it. */
type Render = { body: ArrayBuffer; headers: Headers }
const renders = new Map<string, Promise<Render | undefined>>()

/**
 * Serves a cached copy when there is one (memory, then the Cache API), else renders, stores a cookie-free copy
 * for `PAGE_MAX_AGE` and answers. `keyFor` decides what is cached at all: undefined leaves the request alone.
 * While the database fails (an error, or no answer within the deadline: src/storage.ts), a page gets its last good
 * copy, kept `KEPT_FOR_SECONDS`; one never kept gets the 503 the app renders.
 */
const cached =
  (
    keyFor: (c: Context<AppEnv>) => Promise<Keys | undefined>,
    reader: ReaderCaching,
  ): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    // HEAD is answered as GET without the body (Hono), and must carry GET's headers (RFC 9110 §9.3.2): the same
    // copy, so the same ETag, Cache-Control and Vary, and no render.
    const method = c.req.method
    if ((method !== 'GET' && method !== 'HEAD') || typeof caches === 'undefined') return next()
    const keys = await keyFor(c)
    if (!keys) return next()
    const key = keys.fresh
    const now = Date.now()
    const inMemory = key ? liveEntry(memory, key, now) : undefined
    if (key && inMemory) {
      const copy = new Response(inMemory.body, { headers: inMemory.headers })
      if (isLoopback(c)) copy.headers.set(CACHE_STATUS_HEADER, 'hit')
      c.set('pageCopy', { key, expires: inMemory.expires, body: inMemory.body })
      c.res = copy
      return
    }
    const cache = await caches.open('pages').catch(() => undefined)
    if (key) {
      const fromCache = await cache?.match(key).catch(() => undefined)
      if (fromCache) {
        const body = await fromCache.arrayBuffer()
        const stored = copyHeaders(fromCache.headers)
        remember(key, body, stored, reader)
        c.set('pageCopy', { key, expires: Date.parse(stored.get('Expires') ?? ''), body })
        c.res = forReader(c, body, stored, 'hit', reader)
        return
      }
    }
    // The edition cannot be known, so neither can the fresh copy: the last good copy, without rendering. (Once the
    // database has failed, the render below fails at once, without waiting: src/storage.ts.)
    if (!key) return (await serveKept(c, keys.kept, reader)) ? undefined : next()
    // A burst of readers on a page no one has read since the last publish costs one render, not one each; if that
    // render fails, each goes on to its own answer.
    const rendered = await renders.get(key)
    if (rendered) {
      c.res = forReader(c, rendered.body, rendered.headers, 'hit', reader)
      return
    }
    let settle: (rendered: Render | undefined) => void = () => {}
    renders.set(key, new Promise((resolve) => (settle = resolve)))
    try {
      await next()
      if (c.error instanceof StorageUnavailable) {
        await serveKept(c, keys.kept, reader)
        return
      }
      if (c.res.status !== 200) return
      // The page is read once, as bytes: they are hashed for the ETag (once, here, so a hit is not hashed again on
      // its way to each reader), kept in memory, put in the Cache API and sent, each from the same bytes.
      const body = await c.res.arrayBuffer()
      const tag = `"${await digest(body)}"`
      // Only the copy's own headers: never a cookie (the Cache API refuses Set-Cookie, and a cookie must never be
      // shared), nor anything else an answer may carry for its reader alone.
      const stored = new Response(body, { status: 200, headers: copyHeaders(c.res.headers) })
      stored.headers.set('Cache-Control', `public, max-age=${PAGE_MAX_AGE}`)
      stored.headers.set('Expires', new Date(now + PAGE_MAX_AGE * 1000).toUTCString())
      stored.headers.set('ETag', tag)
      remember(key, body, stored.headers, reader)
      settle({ body, headers: new Headers(stored.headers) })
      await afterResponse(
        c,
        Promise.all([
          cache?.put(key, stored).catch((error: unknown) => {
            console.error(JSON.stringify({ event: 'page-cache-put-failed', message: String(error) }))
          }),
          keepLastGood(c, keys.kept, body, stored.headers),
        ]),
      )
      c.set('pageCopy', { key, expires: now + PAGE_MAX_AGE * 1000, body })
      const sent = new Headers(c.res.headers)
      sent.set('ETag', tag)
      c.res = forReader(c, body, sent, 'miss', reader)
    } finally {
      settle(undefined)
      renders.delete(key)
    }
  }

/**
 * HTML pages, one copy per variant. The reader's copy is private (it depends on their cookies), kept a minute and
 * revalidated by ETag; `Vary: Cookie` so a size changed through the no-JS form is never answered from the
 * browser's cache. Only the site's own pages are looked up: 404s, long or odd paths never are.
 */
export const pageCache = (): MiddlewareHandler<AppEnv> =>
  cached(pageKey, { cacheControl: `private, max-age=${PAGE_MAX_AGE}`, vary: 'Cookie' })

/** A page's keys, or undefined for anything that is not one of the site's pages in a language. */
const pageKey = async (c: Context<AppEnv>): Promise<Keys | undefined> => {
  const path = c.req.path
  const lang = path.split('/')[1]
  if (!isLanguage(lang) || !isPagePath(path)) return undefined
  const [variant, edition] = await Promise.all([variantOf(c, lang), readEdition(c.env)])
  const origin = new URL(c.req.url).origin
  return {
    fresh: edition === undefined ? undefined : await cacheKeyFor(origin, path, variant, edition),
    kept: keptKeyFor(origin, path, variant),
  }
}

/**
 * A kept copy's key: the page and the variant's text size and banner, but neither the edition (it must outlive
 * them) nor the breaking item (a reader during an outage gets the page with the bar it had).
 */
export const keptKeyFor = (origin: string, path: string, variant: PageVariant): string =>
  `${origin}/__kept${path}?size=${variant.textSize}&banner=${variant.legalBanner}&deployment=${DEPLOYMENT}`

/** Pages exactly as readers got them, every header included, by cache key: see `servePageCopies`. */
const served = new Map<string, Entry>()

/**
 * Answers a repeat view of a page before any other middleware runs: the copy the reader's variant got last time,
 * security headers, ETag, caching and all, kept no longer than the page cache's own copy. A hit is most of the
 * site's traffic, and this makes it cost little more than a static file. Conditional requests (If-None-Match, for
 * a 304) and the rare reader who still holds the old `lang` cookie (which the pages delete) take the full path.
 */
export const servePageCopies = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const method = c.req.method
  if ((method !== 'GET' && method !== 'HEAD') || typeof caches === 'undefined') return next()
  if (c.req.header('If-None-Match') !== undefined || holdsLegacyLanguage(c)) return next()
  // Whatever fails in working out the key (a broken `request.cf`, KV) fails again on the full path, which has
  // the security headers and the error page around it.
  const key = (await pageKey(c).catch(() => undefined))?.fresh
  if (!key) return next()
  const entry = liveEntry(served, key, Date.now())
  if (entry) {
    const copy = new Response(entry.body, { headers: entry.headers })
    if (isLoopback(c)) copy.headers.set(CACHE_STATUS_HEADER, 'hit')
    return copy
  }
  await next()
  const stored = c.get('pageCopy')
  const response = c.res
  if (stored?.key !== key || !Number.isFinite(stored.expires)) return
  if (response.status !== 200 || response.headers.has('Set-Cookie')) return
  const headers = new Headers(response.headers)
  headers.delete(CACHE_STATUS_HEADER)
  keep(served, key, { body: stored.body, headers: [...headers], expires: stored.expires })
}

/** Feeds, the sitemap and robots.txt: the same for every reader, so public, for the same minute as pages. */
export const documentCache = (): MiddlewareHandler<AppEnv> =>
  cached(
    async (c) => {
      const edition = await readEdition(c.env)
      const document = `${new URL(c.req.url).origin}/__document${c.req.path}`
      return {
        fresh: edition === undefined ? undefined : `${document}?edition=${edition}&deployment=${DEPLOYMENT}`,
        kept: `${document}?kept&deployment=${DEPLOYMENT}`,
      }
    },
    { cacheControl: `public, max-age=${PAGE_MAX_AGE}` },
  )

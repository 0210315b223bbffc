/** Serves repeat requests for a page variant from the Cache API, without rendering. */
import type { MiddlewareHandler } from 'hono'
import manifest from './asset-manifest.json'
import type { AppEnv, PageVariant } from './page'
import { variantOf } from './page'
import { allPagePaths } from './paths'
import { isLanguage } from './languages'

/** How long a stored page is served: breaking news and corrections show within a minute. */
export const PAGE_MAX_AGE = 60

/** Pages rendered by another deployment link other asset files: a new deployment starts a new cache. */
const DEPLOYMENT = Object.values(manifest)
  .map((path) => /\.([0-9a-f]{10})\./.exec(path)?.[1] ?? '')
  .join('')
  .slice(0, 20)

/** Response header that says whether the page came from the cache: for tests, the benchmark and debugging. */
export const CACHE_STATUS_HEADER = 'X-Page-Cache'

const digest = async (text: string): Promise<string> => {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return [...bytes.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The cache key: built from the normalised variant, never from raw headers or cookies, so an attacker's odd
 * cookie or header cannot create variants, and two readers with the same choices share one copy.
 */
export const cacheKeyFor = async (origin: string, path: string, variant: PageVariant): Promise<Request> => {
  const key = new URL(`/__page${path}`, origin)
  key.searchParams.set('size', variant.textSize)
  key.searchParams.set('banner', variant.legalBanner ? '1' : '0')
  key.searchParams.set('breaking', variant.breaking ? await digest(JSON.stringify(variant.breaking)) : '-')
  key.searchParams.set('deployment', DEPLOYMENT)
  return new Request(key)
}

/** The reader's copy: private (it depends on their cookies), revalidated with its ETag once a minute. */
const forReader = (response: Response, status: 'hit' | 'miss'): Response => {
  const copy = new Response(response.body, response)
  copy.headers.set('Cache-Control', `private, max-age=${PAGE_MAX_AGE}`)
  copy.headers.set('Vary', 'Cookie')
  copy.headers.set(CACHE_STATUS_HEADER, status)
  return copy
}

/** Runs a promise after the response where the runtime allows it (a Worker), or before it (elsewhere). */
const afterResponse = async (c: Parameters<MiddlewareHandler<AppEnv>>[0], work: Promise<unknown>) => {
  try {
    c.executionCtx.waitUntil(work)
  } catch {
    await work
  }
}

export const pageCache = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const path = c.req.path
  const lang = path.split('/')[1]
  // Only the site's own pages are cached; anything else (404s, long or odd paths) is never looked up.
  if (
    c.req.method !== 'GET' ||
    !isLanguage(lang) ||
    !allPagePaths().has(path) ||
    typeof caches === 'undefined'
  )
    return next()
  const key = await cacheKeyFor(new URL(c.req.url).origin, path, await variantOf(c, lang))
  const cache = await caches.open('pages')
  const cached = await cache.match(key).catch(() => undefined)
  if (cached) {
    c.res = forReader(cached, 'hit')
    return
  }
  await next()
  if (c.res.status !== 200) return
  // The Cache API refuses responses with Set-Cookie, and a cookie must never be shared: store the page without it.
  const stored = new Response(c.res.clone().body, c.res)
  stored.headers.delete('Set-Cookie')
  stored.headers.set('Cache-Control', `public, max-age=${PAGE_MAX_AGE}`)
  await afterResponse(
    c,
    cache.put(key, stored).catch((error: unknown) => {
      console.error(JSON.stringify({ event: 'page-cache-put-failed', message: String(error) }))
    }),
  )
  c.res = forReader(c.res, 'miss')
}

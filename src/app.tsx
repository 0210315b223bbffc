/**
 * The reader's table of contents: the middleware every response passes through, then the routes grouped by what
 * they serve, then the answers for a missing page and an unexpected failure.
 */
import type { Context } from 'hono'
import { HonoBase } from 'hono/hono-base'
import { HTTPException } from 'hono/http-exception'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { TrieRouter } from 'hono/router/trie-router'
import { translator } from './i18n'
import { isLanguage, type Language } from './languages'
import { isAtLegalRisk } from './legal-risk-regions'
import { variantOf, type AppEnv } from './page'
import { frontPath, isPagePath, searchPath } from './paths'
import { isLegalBannerHidden, readLanguage, readTextSize } from './preferences'
import { renderer } from './renderer'
import { servePageCopies } from './page-cache'
import { requestLog } from './request-log'
import { feeds } from './routes/feeds'
import { media } from './routes/media'
import { renderMessagePage } from './routes/message-page'
import { pages } from './routes/pages'
import { preferences } from './routes/preferences'
import { search } from './routes/search'
import { detectLanguage, pathLanguage } from './routes/route-helpers'
import { securityHeaders } from './security-headers'
import { RETRY_AFTER_SECONDS, StorageUnavailable } from './storage'
import { openStore } from './store'
import { DEFAULT_TEXT_SIZE } from './text-sizes'

// TrieRouter, chosen by measurement (BENCHMARKS.md). The default SmartRouter tries RegExpRouter first, which cannot
// build the `:lang{kk|ru|en}` routes, and falls back to TrieRouter on every new isolate's first request, after
// milliseconds of work thrown away. Using TrieRouter directly routes exactly as before without that cost.
// (PatternRouter would also be small, but matches `/en` as `/en/`, where this site redirects to the canonical URL.)
const app = new HonoBase<AppEnv>({ router: new TrieRouter() })

// Method, path, status and duration only: never addresses, cookies or location.
app.use(requestLog())
// A repeat view of a page is answered here, from the copy the same variant got before (src/page-cache.ts).
app.use(servePageCopies())
app.use(securityHeaders())
app.use(methodNotAllowed({ app }))
app.use(renderer)

// `/` sends each reader to their language: the one they chose (see src/preferences.ts), else their browser's
// languages (q-values honoured; `kk-KZ` counts as `kk` by the detector's prefix rule), else English.
app.get('/', detectLanguage, (c) => {
  c.header('Vary', 'Accept-Language, Cookie')
  c.header('Cache-Control', 'private, no-store')
  return c.redirect(frontPath(readLanguage(c) ?? (c.get('language') as Language)), 302)
})

// Search before the pages: a search answer must end before the pages' middleware (ETag, page cache) could see it.
app.route('/', search)
app.route('/', pages)
app.route('/', feeds)
app.route('/', preferences)
app.route('/', media)

/** A page this path is a variant of (case, trailing slash), or undefined: a story only if it exists. */
const canonicalVariant = async (c: Context<AppEnv>): Promise<string | undefined> => {
  const path = c.req.path
  const lower = path.toLowerCase()
  const candidates = [lower, lower.endsWith('/') ? lower.slice(0, -1) : `${lower}/`]
  const page = candidates.find((candidate) => candidate !== path && isPagePath(candidate))
  if (!page) return undefined
  const [, lang, kind, slug] = page.split('/')
  if (kind !== 'articles' || !isLanguage(lang) || !slug) return page
  return (await openStore(c.env).story(slug, lang)).languages.length > 0 ? page : undefined
}

app.notFound(async (c) => {
  const method = c.req.method
  if (method === 'GET' || method === 'HEAD') {
    const canonical = await canonicalVariant(c)
    if (canonical) return c.redirect(canonical, 301)
  }
  const variant = await variantOf(c, pathLanguage(c))
  const t = translator(variant.lang)
  return renderMessagePage(
    c,
    variant,
    { title: t('notFound.title'), body: t('notFound.body'), home: t('notFound.home') },
    404,
  )
})

app.onError(async (error, c) => {
  // Refusals raised by middleware (a cross-site POST's 403) are answers, not failures.
  if (error instanceof HTTPException) return error.getResponse()
  // A store that failed or did not answer in time was logged once where it failed (src/storage.ts); the page
  // cache, around this, serves the page's last good copy instead of this answer if it has one.
  const unavailable = error instanceof StorageUnavailable
  if (!unavailable)
    console.error(JSON.stringify({ event: 'unhandled-error', path: c.req.path, message: String(error) }))
  const lang = pathLanguage(c)
  const t = translator(lang)
  // The error page reads nothing that could fail again (no KV, no cache), but still warns readers at risk.
  let legalBanner = false
  try {
    legalBanner = isAtLegalRisk(c.req.raw.cf) && !isLegalBannerHidden(c)
  } catch {
    // Whatever broke the page may break this too; the footer still carries the notice.
  }
  // An outage's 503 keeps the reader's text size (a cookie, nothing that can fail): a reader at LG must still read it.
  let textSize = DEFAULT_TEXT_SIZE
  if (unavailable)
    try {
      textSize = readTextSize(c)
    } catch {
      // The default, as on the 500 page.
    }
  const variant = { origin: new URL(c.req.url).origin, lang, textSize, legalBanner, breaking: null }
  if (unavailable) {
    // Honest and short: the store is down, not the reader's fault; come back soon, the front page may be kept.
    c.header('Retry-After', String(RETRY_AFTER_SECONDS))
    const search = c.req.path === searchPath(lang)
    return renderMessagePage(
      c,
      variant,
      {
        title: t(search ? 'unavailable.searchTitle' : 'unavailable.title'),
        body: t(search ? 'unavailable.searchBody' : 'unavailable.body'),
        home: t('unavailable.home'),
      },
      503,
    )
  }
  return renderMessagePage(
    c,
    variant,
    { title: t('error.title'), body: t('error.body'), home: t('error.home') },
    500,
  )
})

export { app }

/**
 * The reader's table of contents: the middleware every response passes through, then the routes grouped by what
 * they serve, then the answers for a missing page and an unexpected failure.
 */
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { translator } from './i18n'
import { isLanguage, type Language } from './languages'
import { isAtLegalRisk } from './legal-risk-regions'
import { buildPageChrome, variantOf, type AppEnv } from './page'
import { keepFromCaches } from './page-cache'
import { alternatesOf, frontPath, isPagePath } from './paths'
import { isLegalBannerHidden, readLanguage } from './preferences'
import { renderer } from './renderer'
import { requestLog } from './request-log'
import { feeds } from './routes/feeds'
import { media } from './routes/media'
import { pages } from './routes/pages'
import { preferences } from './routes/preferences'
import { search } from './routes/search'
import { detectLanguage, pathLanguage } from './routes/route-helpers'
import { securityHeaders } from './security-headers'
import { openStore } from './store'
import { DEFAULT_TEXT_SIZE } from './text-sizes'
import { MessagePage } from './views/MessagePage'

const app = new Hono<AppEnv>()

// Method, path, status and duration only: never addresses, cookies or location.
app.use(requestLog())
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
  const page = buildPageChrome(variant, {
    title: t('notFound.title'),
    path: frontPath(variant.lang),
    alternates: alternatesOf(frontPath),
    indexable: false,
    description: t('notFound.body'),
    previewType: 'website',
  })
  keepFromCaches(c)
  c.status(404)
  return c.render(
    <MessagePage
      lang={variant.lang}
      title={t('notFound.title')}
      body={t('notFound.body')}
      homeLabel={t('notFound.home')}
    />,
    { page },
  )
})

app.onError(async (error, c) => {
  // Refusals raised by middleware (a cross-site POST's 403) are answers, not failures.
  if (error instanceof HTTPException) return error.getResponse()
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
  const page = buildPageChrome(
    { origin: new URL(c.req.url).origin, lang, textSize: DEFAULT_TEXT_SIZE, legalBanner, breaking: null },
    {
      title: t('error.title'),
      path: frontPath(lang),
      alternates: alternatesOf(frontPath),
      indexable: false,
      description: t('error.body'),
      previewType: 'website',
    },
  )
  keepFromCaches(c)
  c.status(500)
  return c.render(
    <MessagePage lang={lang} title={t('error.title')} body={t('error.body')} homeLabel={t('error.home')} />,
    { page },
  )
})

export { app }

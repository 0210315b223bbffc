/** The reader's routes: each request is validated, turned into a page model, then rendered in the page frame. */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { etag } from 'hono/etag'
import { HTTPException } from 'hono/http-exception'
import { languageDetector } from 'hono/language'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { ARTICLES, findArticle } from './content/articles'
import { translator } from './i18n'
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from './languages'
import { buildPageChrome, variantOf, type AppEnv } from './page'
import { isAtLegalRisk } from './legal-risk-regions'
import { documentCache, keepFromCaches, pageCache } from './page-cache'
import { absoluteUrl, alternatesOf, ALL_PAGE_PATHS, articlePath, frontPath, noticePath } from './paths'
import { assetUrl } from './assets'
import { atomFeed, robotsTxt, sitemap } from './feeds'
import { newsArticleData } from './structured-data'
import {
  BANNER_HIDDEN,
  forgetLegacyLanguage,
  hideLegalBanner,
  isLegalBannerHidden,
  readLanguage,
  rememberLanguage,
  rememberTextSize,
} from './preferences'
import { renderer } from './renderer'
import { sameSiteForm } from './same-site-form'
import { requestLog } from './request-log'
import { securityHeaders } from './security-headers'
import { DEFAULT_TEXT_SIZE, isTextSize } from './text-sizes'
import { ArticlePage } from './views/ArticlePage'
import { TEXT_SIZE_CONTROL_ID } from './views/TextSizeControl'
import { FrontPage } from './views/FrontPage'
import { MessagePage } from './views/MessagePage'
import { NoticePage } from './views/NoticePage'
import { PromoBox } from './views/PromoBox'

/** `:lang` matches only the languages in LANGUAGES, so `/de/...` falls through to the 404 page. */
const LANG = `:lang{${LANGUAGES.join('|')}}`

/** Preference forms carry two short fields; anything near this size is not one of them. */
const MAX_PREFERENCES_BODY = 2 * 1024

const app = new Hono<AppEnv>()

// Method, path, status and duration only: never addresses, cookies or location.
app.use(requestLog())
app.use(securityHeaders())
app.use(methodNotAllowed({ app }))
app.use(renderer)

/** The language a page is in, from its route; the route's pattern has already checked it. */
const routeLanguage = (c: Context<AppEnv>): Language => {
  const lang = c.req.param('lang')
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE
}

/** The language of any path, for 404 and error pages: its first segment if that is a language, else English. */
const pathLanguage = (c: Context<AppEnv>): Language => {
  const first = c.req.path.split('/')[1]
  return isLanguage(first) ? first : DEFAULT_LANGUAGE
}

// `/` sends each reader to their language: the one they chose (see src/preferences.ts), else their browser's
// languages (q-values honoured; `kk-KZ` counts as `kk` by the detector's prefix rule), else English.
const detectLanguage = languageDetector({
  order: ['header'],
  supportedLanguages: [...LANGUAGES],
  fallbackLanguage: DEFAULT_LANGUAGE,
  // The redirect itself stores nothing.
  caches: false,
})

app.get('/', detectLanguage, (c) => {
  c.header('Vary', 'Accept-Language, Cookie')
  c.header('Cache-Control', 'private, no-store')
  return c.redirect(frontPath(readLanguage(c) ?? (c.get('language') as Language)), 302)
})

// The year-long `lang` cookie earlier versions set on every read: gone at the reader's next page (outside the
// cache, so only on their own copy).
app.use(`/${LANG}/*`, async (c, next) => {
  await next()
  forgetLegacyLanguage(c)
})
app.use(`/${LANG}/*`, etag())
app.use(`/${LANG}/*`, pageCache())

app.get(`/${LANG}/`, async (c) => {
  const variant = await variantOf(c, routeLanguage(c))
  const t = translator(variant.lang)
  const page = buildPageChrome(variant, {
    title: t('front.heading'),
    path: frontPath(variant.lang),
    alternates: alternatesOf(frontPath),
    indexable: true,
    description: t('front.description'),
    previewType: 'website',
  })
  return c.render(<FrontPage t={t} lang={variant.lang} articles={ARTICLES} />, { page })
})

app.get(`/${LANG}/articles/:slug`, async (c) => {
  const article = findArticle(c.req.param('slug'))
  if (!article) return c.notFound()
  const variant = await variantOf(c, routeLanguage(c))
  const text = article.text[variant.lang]
  const page = buildPageChrome(variant, {
    title: text.headline,
    path: articlePath(variant.lang, article.slug),
    alternates: alternatesOf((other) => articlePath(other, article.slug)),
    indexable: true,
    description: text.summary,
    previewType: 'article',
    image: {
      url: absoluteUrl(variant.origin, assetUrl(article.image.asset)),
      width: article.image.width,
      height: article.image.height,
      alt: text.image.alt,
    },
    structuredData: newsArticleData(variant.origin, article, variant.lang),
  })
  return c.render(<ArticlePage t={page.t} lang={variant.lang} article={article} />, {
    page,
    aside: <PromoBox promo={text.promo} />,
  })
})

app.get(`/${LANG}/notice`, async (c) => {
  const variant = await variantOf(c, routeLanguage(c))
  const t = translator(variant.lang)
  const page = buildPageChrome(variant, {
    title: t('notice.pageTitle'),
    path: noticePath(variant.lang),
    alternates: alternatesOf(noticePath),
    indexable: true,
    description: t('notice.declared'),
    previewType: 'website',
  })
  return c.render(<NoticePage t={t} />, { page })
})

// Feeds, the sitemap and robots.txt are the same for every reader: cached publicly, revalidated by ETag.
const XML = 'application/xml; charset=utf-8'
app.use(`/${LANG}/feed.xml`, documentCache())
app.use('/sitemap.xml', etag(), documentCache())
app.use('/robots.txt', etag(), documentCache())

app.get(`/${LANG}/feed.xml`, async (c) =>
  c.body(atomFeed(new URL(c.req.url).origin, routeLanguage(c), ARTICLES), 200, {
    'Content-Type': 'application/atom+xml; charset=utf-8',
  }),
)

app.get('/sitemap.xml', async (c) =>
  c.body(sitemap(new URL(c.req.url).origin, ARTICLES), 200, { 'Content-Type': XML }),
)

app.get('/robots.txt', (c) => c.text(robotsTxt(new URL(c.req.url).origin)))

/**
 * A preference form refused: a short page in the reader's language (their cookie, else their browser's), which
 * never repeats what was sent.
 */
const refuseForm = async (c: Context<AppEnv>, status: 403 | 413 | 415, reason: 'crossSite' | 'malformed') => {
  const detected = c.get('language')
  const variant = await variantOf(c, readLanguage(c) ?? (isLanguage(detected) ? detected : DEFAULT_LANGUAGE))
  const t = translator(variant.lang)
  const page = buildPageChrome(variant, {
    title: t('formRefused.title'),
    path: frontPath(variant.lang),
    alternates: alternatesOf(frontPath),
    indexable: false,
    description: t(`formRefused.${reason}`),
    previewType: 'website',
  })
  c.status(status)
  return c.render(
    <MessagePage
      lang={variant.lang}
      title={t('formRefused.title')}
      body={t(`formRefused.${reason}`)}
      homeLabel={t('formRefused.home')}
    />,
    { page },
  )
}

// The no-JavaScript path for the text-size buttons and the banner's "Hide": set the cookie, go back (303) to where
// reading goes on: the size control the reader just used, or the headline once the banner is gone.
app.post(
  '/preferences',
  detectLanguage,
  sameSiteForm((c) => refuseForm(c, 403, 'crossSite')),
  bodyLimit({ maxSize: MAX_PREFERENCES_BODY, onError: (c) => refuseForm(c, 413, 'malformed') }),
  async (c) => {
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/x-www-form-urlencoded') return refuseForm(c, 415, 'malformed')
    const form = await c.req.parseBody()
    const { size, banner, lang } = form
    if (isTextSize(size)) rememberTextSize(c, size)
    if (isLanguage(lang)) rememberLanguage(c, lang)
    if (banner === BANNER_HIDDEN) hideLegalBanner(c)
    // Only a page this site serves: never a URL taken from the request, so never an open redirect.
    if (typeof form.return !== 'string' || !ALL_PAGE_PATHS.has(form.return)) return c.redirect('/', 303)
    const fragment = banner === BANNER_HIDDEN ? 'main-content' : TEXT_SIZE_CONTROL_ID
    return c.redirect(`${form.return}#${fragment}`, 303)
  },
)

/** A known page this path is a variant of (case, trailing slash), or undefined. */
const canonicalVariant = (path: string): string | undefined => {
  const known = ALL_PAGE_PATHS
  const lower = path.toLowerCase()
  const candidates = [lower, lower.endsWith('/') ? lower.slice(0, -1) : `${lower}/`]
  return candidates.find((candidate) => candidate !== path && known.has(candidate))
}

app.notFound(async (c) => {
  const method = c.req.method
  if (method === 'GET' || method === 'HEAD') {
    const canonical = canonicalVariant(c.req.path)
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

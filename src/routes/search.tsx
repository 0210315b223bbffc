/** Search: `/{lang}/search?q=…`, the stories in that language that hold every word, never cached, never logged. */
import { translator } from '../i18n'
import { buildPageChrome, variantOf, type AppEnv } from '../page'
import { keepFromCaches } from '../page-cache'
import { alternatesOf, searchPath } from '../paths'
import { matchExpression, readQuery } from '../search-query'
import { cursorToken, openStore, parseCursor, type SearchPage as Results } from '../store'
import { SearchPage } from '../views/SearchPage'
import { LANG, routeLanguage, routeGroup } from './route-helpers'

export const search = routeGroup()

/**
 * GET, so a search is a link: it can be shared, bookmarked, reloaded and reached with Back, and works without
 * JavaScript (README, "Search"). The answer is the reader's alone: `private, no-store` keeps it out of every cache,
 * the browser's own included, and the app's page cache never sees it (app.tsx routes it first). The request log
 * records the path only, never the query string.
 */
search.get(`/${LANG}/search`, async (c) => {
  const lang = routeLanguage(c)
  const query = readQuery(c.req.query('q'))
  // A broken cursor is no reason to refuse a search: the reader gets its first page.
  const cursor = parseCursor(c.req.query('older') ?? '')
  const variant = await variantOf(c, lang)
  const t = translator(lang)

  let results: Results | undefined
  let older: string | null = null
  if (query.kind === 'words') {
    results = await openStore(c.env).search(lang, matchExpression(lang, query.words), cursor)
    if (results.older) {
      const next = new URLSearchParams({ q: query.text, older: cursorToken(results.older) })
      older = `${searchPath(lang)}?${next}`
    }
  }

  const page = buildPageChrome(variant, {
    title: t('search.title'),
    path: searchPath(lang),
    // The search page in each language, without the query: results differ by language anyway.
    alternates: alternatesOf(searchPath),
    indexable: false,
    description: t('search.intro'),
    previewType: 'website',
  })
  keepFromCaches(c)
  c.status(query.kind === 'tooLong' || query.kind === 'tooManyWords' ? 400 : 200)
  return c.render(<SearchPage t={t} lang={lang} query={query} results={results} older={older} />, {
    page,
    searchForm: false,
  })
})

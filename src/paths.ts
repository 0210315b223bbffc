/** Every page's URL path, built in one place so routes, links, redirects, feeds and the sitemap agree. */
import { parseCursor } from './cursor'
import { LANGUAGES, type Language } from './languages'

export const frontPath = (lang: Language): string => `/${lang}/`
export const articlePath = (lang: Language, slug: string): string => `/${lang}/articles/${slug}`
export const noticePath = (lang: Language): string => `/${lang}/notice`
/**
 * Search results, with the query (and the page's cursor) in the query string: never a page the cache or a
 * preference form's return knows by its path alone (see isPagePath).
 */
export const searchPath = (lang: Language): string => `/${lang}/search`
/** Archive pages: the stories older, or newer, than a cursor (see store.ts's cursorToken). */
export const olderPath = (lang: Language, cursor: string): string => `/${lang}/older/${cursor}`
export const newerPath = (lang: Language, cursor: string): string => `/${lang}/newer/${cursor}`

/** A path for the same page in every language. */
export const alternatesOf = (pathFor: (lang: Language) => string): Record<Language, string> =>
  Object.fromEntries(LANGUAGES.map((lang) => [lang, pathFor(lang)])) as Record<Language, string>

/** A path for the same page in each of some languages: a story's translations that exist. */
export const someAlternatesOf = (
  languages: readonly Language[],
  pathFor: (lang: Language) => string,
): Partial<Record<Language, string>> =>
  Object.fromEntries(languages.map((lang) => [lang, pathFor(lang)])) as Partial<Record<Language, string>>

const LANG = `(?:${LANGUAGES.join('|')})`
/** Slugs as the publish step allows them (scripts/publish/validate.ts). */
export const SLUG_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*'
const CURSOR = '\\d{8}T\\d{6}Z-[1-9]\\d{0,14}'

/**
 * Whether a path has the shape of one of the site's pages: the pages a preference form may send a reader back to,
 * and the only paths the page cache looks up. A shape, not a list, since stories come and go without a deploy.
 */
const PAGE_PATH = new RegExp(`^/${LANG}/(?:|notice|articles/${SLUG_PATTERN}|(?:older|newer)/(${CURSOR}))$`)
export const isPagePath = (path: string): boolean => {
  if (path.length > 256) return false
  const match = PAGE_PATH.exec(path)
  // An archive page's cursor must be a real place (see cursor.ts), not just digits in the right places.
  return match !== null && (match[1] === undefined || parseCursor(match[1]) !== undefined)
}

/**
 * Where a preference form may send a reader back: one of the pages above, or the search page without its query
 * (a redirect would carry the query in its `Location` header), so a reader without JavaScript who changes the text
 * size there searches again.
 */
const SEARCH_PATH = new RegExp(`^/${LANG}/search$`)
export const isReturnPath = (path: string): boolean => isPagePath(path) || SEARCH_PATH.test(path)

/** The Atom feed of a language's stories. */
export const feedPath = (lang: Language): string => `/${lang}/feed.xml`

/** The sitemap index, and its children: the site's own pages, then the stories block by block. */
export const SITEMAP_PATH = '/sitemap.xml'
export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml'
export const storiesSitemapPath = (block: number): string => `/sitemaps/stories-${block}.xml`

/** An absolute URL on the site the reader reached, so links are right on localhost, a preview and production. */
export const absoluteUrl = (origin: string, path: string): string => new URL(path, origin).href

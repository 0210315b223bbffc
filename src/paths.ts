/** Every page's URL path, built in one place so routes, links, redirects and the sitemap agree. */
import { ARTICLES } from './content/articles'
import { LANGUAGES, type Language } from './languages'

export const frontPath = (lang: Language): string => `/${lang}/`
export const articlePath = (lang: Language, slug: string): string => `/${lang}/articles/${slug}`
export const noticePath = (lang: Language): string => `/${lang}/notice`

/** A path for the same page in every language. */
export const alternatesOf = (pathFor: (lang: Language) => string): Record<Language, string> =>
  Object.fromEntries(LANGUAGES.map((lang) => [lang, pathFor(lang)])) as Record<Language, string>

/** Every page the site serves, in every language: the only paths a preference form may send a reader back to. */
export const ALL_PAGE_PATHS: ReadonlySet<string> = new Set(
  LANGUAGES.flatMap((lang) => [
    frontPath(lang),
    noticePath(lang),
    ...ARTICLES.map((article) => articlePath(lang, article.slug)),
  ]),
)

/** The Atom feed of a language's articles. */
export const feedPath = (lang: Language): string => `/${lang}/feed.xml`

/** An absolute URL on the site the reader reached, so links are right on localhost, a preview and production. */
export const absoluteUrl = (origin: string, path: string): string => new URL(path, origin).href

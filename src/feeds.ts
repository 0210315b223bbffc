/** The Atom feed of each language's articles, the sitemap of every page, and robots.txt. */
import type { Article } from './content/article'
import { translator } from './i18n'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'
import { absoluteUrl, alternatesOf, articlePath, feedPath, frontPath, noticePath } from './paths'

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text and attribute values for XML: no value from the content can end an element or an attribute. */
const x = (value: string | number): string => String(value).replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!)

/** A calendar date as an RFC 3339 time, as Atom wants it. */
const timestamp = (date: string) => `${date}T00:00:00Z`

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

/** Atom 1.0 (RFC 4287) for one language, each entry linked to its translations. */
export const atomFeed = (origin: string, lang: Language, articles: readonly Article[]): string => {
  const t = translator(lang)
  const url = (path: string) => x(absoluteUrl(origin, path))
  const updated = timestamp(
    articles
      .map((a) => a.published)
      .sort()
      .at(-1) ?? '1970-01-01',
  )
  const entries = articles.map((article) => {
    const text = article.text[lang]
    // The entry's own language first: a feed reader follows the first alternate link.
    const links = [lang, ...LANGUAGES.filter((other) => other !== lang)].map(
      (other) =>
        `    <link rel="alternate" type="text/html" hreflang="${other}" href="${url(articlePath(other, article.slug))}"/>`,
    )
    return [
      '  <entry>',
      `    <title>${x(text.headline)}</title>`,
      ...links,
      `    <id>${url(articlePath(lang, article.slug))}</id>`,
      `    <published>${timestamp(article.published)}</published>`,
      `    <updated>${timestamp(article.published)}</updated>`,
      `    <summary>${x(text.summary)}</summary>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <title>${x(t('feed.title', { site: t('site.name') }))}</title>`,
    `  <subtitle>${x(t('front.description'))}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${url(feedPath(lang))}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${lang}" href="${url(frontPath(lang))}"/>`,
    `  <id>${url(feedPath(lang))}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${x(t('site.name'))}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

/** Every page, each with its translations as `xhtml:link` alternates, as search engines read them. */
export const sitemap = (origin: string, articles: readonly Article[]): string => {
  const pages: { pathFor: (lang: Language) => string; lastmod?: string }[] = [
    { pathFor: frontPath },
    ...articles.map((article) => ({
      pathFor: (lang: Language) => articlePath(lang, article.slug),
      lastmod: article.published,
    })),
    { pathFor: noticePath },
  ]
  const urls = pages.flatMap(({ pathFor, lastmod }) => {
    const alternates = alternatesOf(pathFor)
    const links = [
      ...LANGUAGES.map((other) => [other, alternates[other]] as const),
      ['x-default', alternates[DEFAULT_LANGUAGE]] as const,
    ].map(
      ([hreflang, path]) =>
        `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${x(absoluteUrl(origin, path))}"/>`,
    )
    return LANGUAGES.map((lang) =>
      [
        '  <url>',
        `    <loc>${x(absoluteUrl(origin, pathFor(lang)))}</loc>`,
        ...(lastmod ? [`    <lastmod>${lastmod}</lastmod>`] : []),
        ...links,
        '  </url>',
      ].join('\n'),
    )
  })
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}

/** Lets every crawler in, points it at the sitemap, and keeps it off the preference endpoint. */
export const robotsTxt = (origin: string): string =>
  `User-agent: *\nAllow: /\nDisallow: /preferences\n\nSitemap: ${absoluteUrl(origin, '/sitemap.xml')}\n`

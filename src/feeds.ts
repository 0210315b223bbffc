/** The Atom feed of each language's latest stories, the sitemap index and its children, and robots.txt. */
import type { StorySummary } from './content/story'
import { translator } from './i18n'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'
import {
  absoluteUrl,
  alternatesOf,
  articlePath,
  feedPath,
  frontPath,
  noticePath,
  PAGES_SITEMAP_PATH,
  SITEMAP_PATH,
  someAlternatesOf,
  storiesSitemapPath,
} from './paths'

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/**
 * What XML 1.0 does not allow in a document at all, escaped or not (its `Char` production): C0 controls other than
 * tab, newline and carriage return, U+FFFE and U+FFFF, and a surrogate that is not half of a pair. One of them (a
 * vertical tab pasted from Word) would leave the whole feed not well-formed, and feed readers drop such a feed.
 */
const NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu

/**
 * Text and attribute values for XML: no value from the content can end an element or an attribute, and none can
 * make the document ill-formed, whatever is stored: characters XML cannot carry are dropped.
 */
const x = (value: string | number): string =>
  String(value)
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!)

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

/** The story's own language first, then its other versions that exist: a feed reader follows the first link. */
const ownLanguageFirst = (story: StorySummary): Language[] => [
  story.lang,
  ...LANGUAGES.filter((other) => other !== story.lang && story.languages.includes(other)),
]

/** Atom 1.0 (RFC 4287) for one language: its latest stories, each linked to the translations it has. */
export const atomFeed = (origin: string, lang: Language, stories: readonly StorySummary[]): string => {
  const t = translator(lang)
  const url = (path: string) => x(absoluteUrl(origin, path))
  const updated =
    stories
      .map((s) => s.updated ?? s.published)
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00Z'
  const entries = stories.map((story) => {
    const links = ownLanguageFirst(story).map(
      (other) =>
        `    <link rel="alternate" type="text/html" hreflang="${other}" href="${url(articlePath(other, story.slug))}"/>`,
    )
    return [
      '  <entry>',
      `    <title>${x(story.headline)}</title>`,
      ...links,
      `    <id>${url(articlePath(lang, story.slug))}</id>`,
      `    <published>${x(story.published)}</published>`,
      `    <updated>${x(story.updated ?? story.published)}</updated>`,
      `    <summary>${x(story.summary)}</summary>`,
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
    `  <updated>${x(updated)}</updated>`,
    `  <author><name>${x(t('site.name'))}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

/**
 * The sitemap index: the site's own pages, then one child per block of story ids. Each child stays far under the
 * protocol's 50 000 URLs, and the index costs one row to build however large the archive grows.
 */
export const sitemapIndex = (origin: string, storyBlocks: number): string =>
  [
    XML_DECLARATION,
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...[PAGES_SITEMAP_PATH, ...Array.from({ length: storyBlocks }, (_, i) => storiesSitemapPath(i))].map(
      (path) => `  <sitemap><loc>${x(absoluteUrl(origin, path))}</loc></sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n')

type SitemapPage = {
  alternates: Partial<Record<Language, string>>
  lastmod?: Partial<Record<Language, string>>
}

/** A `<urlset>`: each version of each page, with the versions that exist as `xhtml:link` alternates. */
const urlset = (origin: string, pages: readonly SitemapPage[]): string => {
  const urls = pages.flatMap(({ alternates, lastmod }) => {
    const existing = LANGUAGES.filter((lang) => alternates[lang])
    const xDefault = alternates[DEFAULT_LANGUAGE] ?? alternates[existing[0]!]
    const links = [
      ...existing.map((other) => [other, alternates[other]!] as const),
      ...(xDefault ? [['x-default', xDefault] as const] : []),
    ].map(
      ([hreflang, path]) =>
        `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${x(absoluteUrl(origin, path))}"/>`,
    )
    return existing.map((lang) =>
      [
        '  <url>',
        `    <loc>${x(absoluteUrl(origin, alternates[lang]!))}</loc>`,
        ...(lastmod?.[lang] ? [`    <lastmod>${x(lastmod[lang])}</lastmod>`] : []),
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

/** The pages every language has: the front page and the legal notice. */
export const pagesSitemap = (origin: string): string =>
  urlset(origin, [{ alternates: alternatesOf(frontPath) }, { alternates: alternatesOf(noticePath) }])

/** One block of stories: every version that exists, with its last change. */
export const storiesSitemap = (origin: string, versions: readonly StorySummary[]): string => {
  const bySlug = new Map<string, StorySummary[]>()
  for (const version of versions) bySlug.set(version.slug, [...(bySlug.get(version.slug) ?? []), version])
  return urlset(
    origin,
    [...bySlug].map(([slug, story]) => ({
      alternates: someAlternatesOf(
        story.map((v) => v.lang),
        (lang) => articlePath(lang, slug),
      ),
      lastmod: Object.fromEntries(story.map((v) => [v.lang, v.updated ?? v.published])),
    })),
  )
}

/** Lets every crawler in, points it at the sitemap, and keeps it off the preference endpoint. */
export const robotsTxt = (origin: string): string =>
  `User-agent: *\nAllow: /\nDisallow: /preferences\n\nSitemap: ${absoluteUrl(origin, SITEMAP_PATH)}\n`

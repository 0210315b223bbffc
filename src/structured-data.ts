/** schema.org JSON-LD for a story: what search engines and aggregators read, each language a translation. */
import type { Story } from './content/story'
import { translator } from './i18n'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'
import { absoluteUrl, articlePath, frontPath } from './paths'

const reference = (origin: string, slug: string, lang: Language) => ({
  '@type': 'NewsArticle',
  '@id': `${absoluteUrl(origin, articlePath(lang, slug))}#article`,
  url: absoluteUrl(origin, articlePath(lang, slug)),
  inLanguage: lang,
})

/**
 * The original is the English version where there is one (the service's source text), else the first language the
 * story exists in; the other versions that exist are its translations, and only those are linked.
 */
const originalLanguage = (languages: readonly Language[]): Language =>
  languages.includes(DEFAULT_LANGUAGE)
    ? DEFAULT_LANGUAGE
    : (LANGUAGES.find((l) => languages.includes(l)) ?? DEFAULT_LANGUAGE)

export const newsArticleData = (origin: string, story: Story): object => {
  const { lang, slug } = story
  const url = absoluteUrl(origin, articlePath(lang, slug))
  const original = originalLanguage(story.languages)
  const translations = story.languages.filter((other) => other !== original)
  const links =
    lang === original
      ? translations.length > 0
        ? { workTranslation: translations.map((other) => reference(origin, slug, other)) }
        : {}
      : { translationOfWork: reference(origin, slug, original) }
  const widest = story.photo.sources.at(-1)!
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: url,
    headline: story.headline,
    description: story.summary,
    datePublished: story.published,
    ...(story.updated ? { dateModified: story.updated } : {}),
    inLanguage: lang,
    image: {
      '@type': 'ImageObject',
      url: absoluteUrl(origin, widest.path),
      width: story.photo.width,
      height: story.photo.height,
      caption: story.photo.alt,
    },
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: translator(lang)('site.name'),
      url: absoluteUrl(origin, frontPath(lang)),
    },
    isAccessibleForFree: true,
    ...links,
  }
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` become escapes, so no field — an
 * editor's text included — can close the element or open a comment; U+2028/2029 too, for old parsers.
 */
export const serializeJsonLd = (data: object): string =>
  JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

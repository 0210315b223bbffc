/** schema.org JSON-LD for an article: what search engines and aggregators read, each language a translation. */
import { assetUrl } from './assets'
import type { Article } from './content/article'
import { translator } from './i18n'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'
import { absoluteUrl, articlePath, frontPath } from './paths'

/** The English original is the work; the Kazakh and Russian pages are its translations. */
const ORIGINAL_LANGUAGE: Language = DEFAULT_LANGUAGE

const reference = (origin: string, article: Article, lang: Language) => ({
  '@type': 'NewsArticle',
  '@id': `${absoluteUrl(origin, articlePath(lang, article.slug))}#article`,
  url: absoluteUrl(origin, articlePath(lang, article.slug)),
  inLanguage: lang,
})

export const newsArticleData = (origin: string, article: Article, lang: Language): object => {
  const text = article.text[lang]
  const url = absoluteUrl(origin, articlePath(lang, article.slug))
  const links =
    lang === ORIGINAL_LANGUAGE
      ? {
          workTranslation: LANGUAGES.filter((other) => other !== ORIGINAL_LANGUAGE).map((other) =>
            reference(origin, article, other),
          ),
        }
      : { translationOfWork: reference(origin, article, ORIGINAL_LANGUAGE) }
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: url,
    headline: text.headline,
    description: text.summary,
    datePublished: article.published,
    inLanguage: lang,
    image: {
      '@type': 'ImageObject',
      url: absoluteUrl(origin, assetUrl(article.image.asset)),
      width: article.image.width,
      height: article.image.height,
      caption: text.image.alt,
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

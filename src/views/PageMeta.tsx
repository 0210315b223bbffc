/** What the page says about itself in `<head>`: for search engines, feed readers and link previews. */
import { DEFAULT_LANGUAGE, LANGUAGES, OG_LOCALES } from '../languages'
import type { PageChrome } from '../page'
import { absoluteUrl, feedPath } from '../paths'
import { serializeJsonLd } from '../structured-data'
import { HeadLink } from './HeadLink'

type Props = { page: PageChrome }

export const PageMeta = ({ page }: Props) => {
  const { t, lang, origin } = page
  if (!page.indexable) return <meta name="robots" content="noindex" />
  const url = absoluteUrl(origin, page.path)
  // Only the versions that exist: a story need not be in every language.
  const existing = LANGUAGES.flatMap((other) => {
    const path = page.alternates[other]
    return path ? [[other, path] as const] : []
  })
  // The English page where there is one, else the first version there is.
  const xDefault = page.alternates[DEFAULT_LANGUAGE] ?? existing[0]?.[1]
  return (
    <>
      <meta name="description" content={page.description} />
      <HeadLink rel="canonical" href={url} />
      {existing.map(([other, path]) => (
        <HeadLink rel="alternate" hreflang={other} href={absoluteUrl(origin, path)} />
      ))}
      {xDefault && <HeadLink rel="alternate" hreflang="x-default" href={absoluteUrl(origin, xDefault)} />}
      <HeadLink
        rel="alternate"
        type="application/atom+xml"
        href={absoluteUrl(origin, feedPath(lang))}
        title={t('feed.title', { site: t('site.name') })}
      />
      <meta property="og:type" content={page.previewType} />
      <meta property="og:site_name" content={t('site.name')} />
      <meta property="og:title" content={page.title} />
      <meta property="og:description" content={page.description} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={OG_LOCALES[lang]} />
      {existing
        .filter(([other]) => other !== lang)
        .map(([other]) => (
          <meta property="og:locale:alternate" content={OG_LOCALES[other]} />
        ))}
      {page.image && (
        <>
          <meta property="og:image" content={page.image.url} />
          <meta property="og:image:width" content={String(page.image.width)} />
          <meta property="og:image:height" content={String(page.image.height)} />
          <meta property="og:image:alt" content={page.image.alt} />
        </>
      )}
      <meta name="twitter:card" content={page.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={page.title} />
      <meta name="twitter:description" content={page.description} />
      {page.image && (
        <>
          <meta name="twitter:image" content={page.image.url} />
          <meta name="twitter:image:alt" content={page.image.alt} />
        </>
      )}
      {page.structuredData && (
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: serializeJsonLd(page.structuredData) }}
        />
      )}
    </>
  )
}

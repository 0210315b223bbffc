/** The document around every page: head, skip links, banner, header, breaking news, main, aside and footer. */
import type { Child } from 'hono/jsx'
import { assetUrl } from '../assets'
import { LANGUAGES, DEFAULT_LANGUAGE } from '../languages'
import type { PageChrome } from '../page'
import { BreakingNews } from './BreakingNews'
import { LegalBanner } from './LegalBanner'
import { SiteFooter } from './SiteFooter'
import { SiteHeader } from './SiteHeader'
import { SkipLinks } from './SkipLinks'

type Props = {
  page: PageChrome
  /** The complementary landmark, outside `<main>`. */
  aside?: Child
  children: Child
}

export const PageFrame = ({ page, aside, children }: Props) => {
  const { t, lang } = page
  return (
    <html lang={lang} data-size={page.textSize}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{page.title}</title>
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <script src={assetUrl('enhance.js')} defer></script>
        {page.indexable ? (
          <>
            {LANGUAGES.map((other) => (
              <link rel="alternate" hreflang={other} href={page.alternates[other]} />
            ))}
            <link rel="alternate" hreflang="x-default" href={page.alternates[DEFAULT_LANGUAGE]} />
          </>
        ) : (
          <meta name="robots" content="noindex" />
        )}
      </head>
      <body>
        <SkipLinks t={t} />
        {page.legalBanner && <LegalBanner t={t} lang={lang} returnTo={page.path} />}
        <SiteHeader page={page} />
        {page.breaking && <BreakingNews t={t} item={page.breaking} />}
        <main id="main-content" tabindex={-1}>
          {children}
        </main>
        {aside}
        <SiteFooter t={t} lang={lang} />
      </body>
    </html>
  )
}

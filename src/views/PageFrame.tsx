/** The document around every page: head, skip links, banner, header, breaking news, main, aside and footer. */
import type { Child } from 'hono/jsx'
import { assetUrl } from '../assets'
import type { PageChrome } from '../page'
import { BreakingNews } from './BreakingNews'
import { HeadLink } from './HeadLink'
import { LegalBanner } from './LegalBanner'
import { PageMeta } from './PageMeta'
import { SearchForm } from './SearchForm'
import { SiteFooter } from './SiteFooter'
import { SiteHeader } from './SiteHeader'
import { SkipLinks } from './SkipLinks'

/**
 * Inline, so the icon costs no request (the CSP allows `data:` images for it alone). `<`, `>` and spaces are
 * percent-encoded: a URL may not hold them as they are, and the page must stay valid HTML.
 */
const FAVICON_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><rect width='16' height='16' rx='3' fill='%23a4161a'/><path d='M4 12.5 8 3.5l4 9' stroke='%23fff' stroke-width='2.2' fill='none'/></svg>"
const FAVICON = `data:image/svg+xml,${FAVICON_SVG.replace(/[<> ]/g, (character) => encodeURIComponent(character))}`

type Props = {
  page: PageChrome
  /** The complementary landmark, outside `<main>`. */
  aside?: Child
  /** False on the search page, whose `<main>` holds the search form (with the reader's query) itself. */
  searchForm?: boolean
  children: Child
}

export const PageFrame = ({ page, aside, searchForm = true, children }: Props) => {
  const { t, lang } = page
  return (
    <html lang={lang} data-size={page.textSize}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{page.title}</title>
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <script src={assetUrl('enhance.js')} defer></script>
        <HeadLink rel="icon" href={FAVICON} />
        <PageMeta page={page} />
      </head>
      <body>
        <SkipLinks t={t} />
        {page.legalBanner && <LegalBanner page={page} />}
        <SiteHeader page={page} />
        {page.breaking && <BreakingNews t={t} item={page.breaking} />}
        <main id="main-content" tabindex={-1}>
          {children}
        </main>
        {aside}
        {/* After the page, not in the header: on a phone the headline stays on the first screen (the third skip
            link comes here). */}
        {searchForm && <SearchForm t={t} lang={lang} />}
        <SiteFooter page={page} />
      </body>
    </html>
  )
}

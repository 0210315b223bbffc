/** What every page needs besides its own content: the reader's language, preferences and the frame's variant. */
import type { Context } from 'hono'
import { readBreakingItem, type BreakingItem } from './breaking-news'
import { translator, type Translate } from './i18n'
import type { Language } from './languages'
import { isAtLegalRisk } from './legal-risk-regions'
import { isLegalBannerHidden, readTextSize } from './preferences'
import type { TextSize } from './text-sizes'

export type AppEnv = { Bindings: Env }

export type PageChrome = {
  lang: Language
  t: Translate
  /** The document title: the page's own title and the site name. */
  title: string
  /** This page's path: the preference forms send the reader back here. */
  path: string
  /** The same page in every language, for the language switcher and `hreflang` links. */
  alternates: Record<Language, string>
  /** False for 404 and error pages: no `hreflang` links, and `noindex`. */
  indexable: boolean
  textSize: TextSize
  /** Whether the legal-risk banner is shown above the page (the notice is in every footer regardless). */
  legalBanner: boolean
  breaking: BreakingItem | null
}

type PageIdentity = Pick<PageChrome, 'lang' | 'path' | 'alternates' | 'indexable'> & { title: string }

/** Builds the frame for a page from the request: cookies for preferences, `request.cf` for the banner, KV for news. */
export const buildPageChrome = async (c: Context<AppEnv>, page: PageIdentity): Promise<PageChrome> => {
  const t = translator(page.lang)
  return {
    ...page,
    t,
    title: `${page.title} – ${t('site.name')}`,
    textSize: readTextSize(c),
    legalBanner: isAtLegalRisk(c.req.raw.cf) && !isLegalBannerHidden(c),
    breaking: await readBreakingItem(c.env.BREAKING, page.lang),
  }
}

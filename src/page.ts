/** What every page shares besides its own content: the variant a reader gets, and the frame built from it. */
import type { Context } from 'hono'
import { readBreakingItem, type BreakingItem } from './breaking-news'
import { translator, type Translate } from './i18n'
import type { Language } from './languages'
import { isAtLegalRisk } from './legal-risk-regions'
import { isLegalBannerHidden, readTextSize } from './preferences'
import type { TextSize } from './text-sizes'

/**
 * Everything about the request that changes a page, apart from its path: a handful of values, so a handful of
 * cached copies serve every reader (see page-cache.ts). Nothing else of the request may reach the page.
 */
export type PageVariant = {
  /** Scheme and host the reader asked for: absolute URLs are built from it, right on localhost and in production. */
  origin: string
  lang: Language
  textSize: TextSize
  /** Whether the legal-risk banner is shown above the page (the notice is in every footer regardless). */
  legalBanner: boolean
  breaking: BreakingItem | null
}

export type AppEnv = {
  Bindings: Env
  /** `language` is what `hono/language`'s detector found, where a route uses it (`/`, refusals of a form). */
  Variables: {
    variant?: PageVariant
    language?: string
    /** Set by the page cache when a page's answer is its copy for this key (these bytes), which may be served as it is. */
    pageCopy?: { key: string; expires: number; body: ArrayBuffer }
  }
}

export type PageChrome = PageVariant & {
  t: Translate
  /** The document title: the page's own title and the site name. */
  title: string
  /** This page's path: the preference forms send the reader back here. */
  path: string
  /** The same page in each language it exists in, for the language switcher and `hreflang` links. */
  alternates: Partial<Record<Language, string>>
  /** False for 404 and error pages: no canonical or `hreflang` links, and `noindex`. */
  indexable: boolean
  /**
   * True for a page that answers instead of the one asked for (not found, a refused form, a failure): its links
   * lead to the front pages, and none of them is to the page the reader is on.
   */
  answersInstead?: boolean
  /** One or two sentences for search results and link previews. */
  description: string
  /** What a link preview shows: an article, or the site. */
  previewType: 'article' | 'website'
  /** The picture a link preview shows, if the page has one. */
  image?: { url: string; width: number; height: number; alt: string }
  /** schema.org data about the page, as JSON-LD. */
  structuredData?: object
}

/** Reads the variant from the request: cookies for preferences, `request.cf` for the banner, KV for news. */
const readVariant = async (c: Context<AppEnv>, lang: Language): Promise<PageVariant> => ({
  origin: new URL(c.req.url).origin,
  lang,
  textSize: readTextSize(c),
  legalBanner: isAtLegalRisk(c.req.raw.cf) && !isLegalBannerHidden(c),
  breaking: await readBreakingItem(c.env.BREAKING, lang),
})

/** The variant of this request, read once: the page cache may already have read it for its key. */
export const variantOf = async (c: Context<AppEnv>, lang: Language): Promise<PageVariant> => {
  const known = c.get('variant')
  if (known?.lang === lang) return known
  const variant = await readVariant(c, lang)
  c.set('variant', variant)
  return variant
}

type PageIdentity = Omit<PageChrome, keyof PageVariant | 't'>

/** Whether a link to `href` is to the page the reader is on: what a screen reader then calls the current page. */
export const isCurrentPage = (page: PageChrome, href: string): boolean =>
  !page.answersInstead && page.path === href

/** The frame for a page: its identity joined with the reader's variant. */
export const buildPageChrome = (variant: PageVariant, page: PageIdentity): PageChrome => {
  const t = translator(variant.lang)
  return { ...variant, ...page, t, title: t('site.pageTitle', { page: page.title, site: t('site.name') }) }
}

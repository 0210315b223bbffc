/** The site under test as the browser specs see it: its languages, text sizes, pages and words, from src/ itself. */
import { ARTICLES } from '../../../src/content/articles'
import { hyphenate } from '../../../src/content/hyphenation'
import { translator } from '../../../src/i18n'
import { LANGUAGES, type Language } from '../../../src/languages'
import { articlePath, frontPath, noticePath } from '../../../src/paths'
import { TEXT_SIZES, textSizeLabel, type TextSize } from '../../../src/text-sizes'

/** `hyphenate(lang, text)`: text as the page shows it, with soft hyphens in its long words. */
export { hyphenate, LANGUAGES, TEXT_SIZES, textSizeLabel, translator, type Language, type TextSize }

export const ARTICLE = ARTICLES[0]!

/** The four kinds of page, each with its path in a language. */
export const PAGES = {
  article: (lang: Language) => articlePath(lang, ARTICLE.slug),
  front: frontPath,
  notice: noticePath,
  notFound: (lang: Language) => `/${lang}/no-such-page`,
} as const satisfies Record<string, (lang: Language) => string>

export type PageName = keyof typeof PAGES

export const PAGE_NAMES = Object.keys(PAGES) as PageName[]

/** The preference cookies (src/preferences.ts), set directly to put a page in a state before it is loaded. */
export const COOKIES = { textSize: 'size', legalBanner: 'banner', language: 'lang' } as const

/** A text-size button's accessible name starts with its visible label (XS, SM, MD, LG): match on that alone. */
export const textSizeButtonName = (size: TextSize): RegExp => new RegExp(`^${textSizeLabel(size)}\\b`)

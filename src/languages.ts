/** The languages the reader is published in: the one list every route, cookie, view and test derives from. */

export const LANGUAGES = ['kk', 'ru', 'en'] as const

export type Language = (typeof LANGUAGES)[number]

/** The language of the original article, and the answer when nothing in the request says otherwise. */
export const DEFAULT_LANGUAGE: Language = 'en'

/** Open Graph locale per language (issue #7 reuses it for `og:locale`). */
export const OG_LOCALES: Record<Language, string> = { kk: 'kk_KZ', ru: 'ru_RU', en: 'en_US' }

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)

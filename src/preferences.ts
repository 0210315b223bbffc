/** The reader's preferences, kept in cookies that hold a choice and nothing else: never an identifier. */
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import { isLanguage, type Language } from './languages'
import { DEFAULT_TEXT_SIZE, isTextSize, type TextSize } from './text-sizes'

/** Cookie names, each holding one of a closed set of values. */
export const COOKIE = { language: 'lang', textSize: 'size', legalBanner: 'banner' } as const

/** The only value the banner cookie can hold. */
export const BANNER_HIDDEN = 'hidden'

const ONE_YEAR = 365 * 24 * 60 * 60

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Lax, whole-site, and out of reach of scripts: the enhancement script changes preferences through the same
 * endpoint as the forms, so it never needs to read them. `Secure` everywhere but a developer's own machine.
 */
const cookieOptions = (c: Context, maxAge?: number): CookieOptions => ({
  path: '/',
  sameSite: 'Lax',
  httpOnly: true,
  secure: !LOOPBACK_HOSTS.has(new URL(c.req.url).hostname),
  ...(maxAge === undefined ? {} : { maxAge }),
})

export const readTextSize = (c: Context): TextSize => {
  const value = getCookie(c, COOKIE.textSize)
  return isTextSize(value) ? value : DEFAULT_TEXT_SIZE
}

export const readLanguage = (c: Context): Language | undefined => {
  const value = getCookie(c, COOKIE.language)
  return isLanguage(value) ? value : undefined
}

export const isLegalBannerHidden = (c: Context): boolean => getCookie(c, COOKIE.legalBanner) === BANNER_HIDDEN

export const rememberTextSize = (c: Context, size: TextSize): void =>
  setCookie(c, COOKIE.textSize, size, cookieOptions(c, ONE_YEAR))

export const rememberLanguage = (c: Context, lang: Language): void =>
  setCookie(c, COOKIE.language, lang, cookieOptions(c, ONE_YEAR))

/** A session cookie: the banner stays hidden for the rest of the visit, and comes back on the next one. */
export const hideLegalBanner = (c: Context): void =>
  setCookie(c, COOKIE.legalBanner, BANNER_HIDDEN, cookieOptions(c))

/** The reader's preferences, kept in cookies that hold a choice and nothing else: never an identifier. */
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import { isLanguage, type Language } from './languages'
import { isPlainLocalHttp } from './loopback'
import { DEFAULT_TEXT_SIZE, isTextSize, type TextSize } from './text-sizes'

/**
 * Cookie names, each holding one of a closed set of values. Over HTTPS they carry the `__Host-` prefix (see
 * `cookiePrefix`): the browser then accepts them only from this host, `Secure`, for the whole site, so neither a
 * sibling subdomain nor a plain-HTTP answer can plant `banner=hidden` and take the warning away.
 */
export const COOKIE = { language: 'lang', textSize: 'size', legalBanner: 'banner' } as const

/** The only value the banner cookie can hold. */
export const BANNER_HIDDEN = 'hidden'

const ONE_YEAR = 365 * 24 * 60 * 60

/** `__Host-` everywhere but plain-HTTP localhost, where a browser would refuse a `Secure` cookie. */
const cookiePrefix = (c: Context): 'host' | undefined => (isPlainLocalHttp(c) ? undefined : 'host')

/**
 * Lax, whole-site, and out of reach of scripts: the enhancement script changes preferences through the same
 * endpoint as the forms, so it never needs to read them. `Secure` and `__Host-` everywhere but a developer's own
 * machine.
 */
const cookieOptions = (c: Context, maxAge?: number): CookieOptions => {
  const prefix = cookiePrefix(c)
  return {
    path: '/',
    sameSite: 'Lax',
    httpOnly: true,
    secure: prefix === 'host',
    ...(prefix ? { prefix } : {}),
    ...(maxAge === undefined ? {} : { maxAge }),
  }
}

/** A preference cookie's value, read under the name this request's scheme calls for and no other. */
const readCookie = (c: Context, name: string): string | undefined => getCookie(c, name, cookiePrefix(c))

export const readTextSize = (c: Context): TextSize => {
  const value = readCookie(c, COOKIE.textSize)
  return isTextSize(value) ? value : DEFAULT_TEXT_SIZE
}

export const readLanguage = (c: Context): Language | undefined => {
  const value = readCookie(c, COOKIE.language)
  return isLanguage(value) ? value : undefined
}

export const isLegalBannerHidden = (c: Context): boolean =>
  readCookie(c, COOKIE.legalBanner) === BANNER_HIDDEN

/** Chosen with the text-size control: kept a year, since a reader who needs large text needs it every visit. */
export const rememberTextSize = (c: Context, size: TextSize): void =>
  setCookie(c, COOKIE.textSize, size, cookieOptions(c, ONE_YEAR))

/**
 * Only when the reader chooses a language, and only for the session: a long-lived cookie naming this outlet's
 * language is a marker on the device of a reader who fears its inspection. Reading a page stores nothing.
 */
export const rememberLanguage = (c: Context, lang: Language): void =>
  setCookie(c, COOKIE.language, lang, cookieOptions(c))

/** A session cookie: the banner stays hidden for the rest of the visit, and comes back on the next one. */
export const hideLegalBanner = (c: Context): void =>
  setCookie(c, COOKIE.legalBanner, BANNER_HIDDEN, cookieOptions(c))

/**
 * Over HTTPS, removes the year-long `lang` cookie that earlier versions set on every page read: it is no longer
 * read there (only `__Host-lang` is), and a reader at risk is better off without the marker.
 */
export const forgetLegacyLanguage = (c: Context): void => {
  if (holdsLegacyLanguage(c)) deleteCookie(c, COOKIE.language, { path: '/', secure: true })
}

/** Whether the request carries that old cookie (over HTTPS, where only `__Host-lang` is read). */
export const holdsLegacyLanguage = (c: Context): boolean =>
  cookiePrefix(c) === 'host' && getCookie(c, COOKIE.language) !== undefined

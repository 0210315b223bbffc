/** What every group of routes shares: the `:lang` pattern and the language a request is in. */
import type { Context } from 'hono'
import { HonoBase } from 'hono/hono-base'
import { TrieRouter } from 'hono/router/trie-router'
import { languageDetector } from 'hono/language'
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../languages'
import type { AppEnv } from '../page'

/** `:lang` matches only the languages in LANGUAGES, so `/de/...` falls through to the 404 page. */
export const LANG = `:lang{${LANGUAGES.join('|')}}`

/** The language a page is in, from its route; the route's pattern has already checked it. */
export const routeLanguage = (c: Context<AppEnv>): Language => {
  const lang = c.req.param('lang')
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE
}

/** The language of any path, for 404 and error pages: its first segment if that is a language, else English. */
export const pathLanguage = (c: Context<AppEnv>): Language => {
  const first = c.req.path.split('/')[1]
  return isLanguage(first) ? first : DEFAULT_LANGUAGE
}

/**
 * The reader's browser languages (q-values honoured; `kk-KZ` counts as `kk` by the detector's prefix rule), else
 * English. A language the reader chose (src/preferences.ts) comes before this wherever it is used.
 */
export const detectLanguage = languageDetector({
  order: ['header'],
  supportedLanguages: [...LANGUAGES],
  fallbackLanguage: DEFAULT_LANGUAGE,
  // Detecting stores nothing.
  caches: false,
})

/**
 * A group of routes, on TrieRouter (chosen by measurement, see src/app.tsx). Hono's default class would bring
 * SmartRouter and RegExpRouter into the bundle for nothing: a group's routes are copied into the app's router.
 */
export const routeGroup = () => new HonoBase<AppEnv>({ router: new TrieRouter() })

/** UI strings: one i18next instance for the whole Worker, and one fixed `t` per language, made once. */
import i18next, { type TFunction } from 'i18next'
import en from '../locales/en/translation.json'
import kk from '../locales/kk/translation.json'
import ru from '../locales/ru/translation.json'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'

export const resources = {
  en: { translation: en },
  kk: { translation: kk },
  ru: { translation: ru },
} as const

const instance = i18next.createInstance()

// Resources are bundled, so initialisation is synchronous and happens once, at module scope. Requests never call
// changeLanguage on this shared instance: each takes its own fixed `t` below.
void instance.init({
  resources,
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  initAsync: false,
  // JSX escapes everything it prints; escaping here as well would double-escape quotes in the translations.
  // Values are stored text (a headline in the page title): never read as `{{…}}` or `$t(…)` themselves, which
  // would let an editor's words pull other strings in. i18next's default today, written down so no change of it
  // goes unnoticed.
  interpolation: { escapeValue: false, skipOnVariables: true },
  returnNull: false,
})

export type Translate = TFunction

/**
 * One fixed `t` per language, made once at startup and shared: getFixedT builds a new function each call, and a
 * page asks for its language's `t` many times (once per date on a list page). The resources never change while the
 * Worker runs, so a plain key (no options: no interpolation, no plural) always gives the same string; it is looked
 * up through i18next once and then remembered. Keys with options go through i18next every time.
 */
const fixedFor = (lang: Language): Translate => {
  const t = instance.getFixedT(lang)
  const plain = new Map<string, string>()
  const remembering = (key: unknown, ...rest: unknown[]) => {
    if (rest.length > 0 || typeof key !== 'string')
      return (t as unknown as (...a: unknown[]) => string)(key, ...rest)
    let text = plain.get(key)
    if (text === undefined) {
      text = t(key)
      plain.set(key, text)
    }
    return text
  }
  return remembering as unknown as Translate
}

const fixed = Object.fromEntries(LANGUAGES.map((lang) => [lang, fixedFor(lang)])) as Record<
  Language,
  Translate
>

export const translator = (lang: Language): Translate => fixed[lang]

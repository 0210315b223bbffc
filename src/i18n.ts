/** UI strings: one i18next instance for the whole Worker, and a fixed `t` per request's language. */
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
  interpolation: { escapeValue: false },
  returnNull: false,
})

export type Translate = TFunction

export const translator = (lang: Language): Translate => instance.getFixedT(lang)

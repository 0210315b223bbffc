/** Dates written out in the page's language, from the locale resources (workerd's Intl has no Kazakh date data). */
import { translator } from './i18n'
import type { Language } from './languages'
import { typeset } from './typography'

/** Dates already written, per language: a list page writes 20 a render, mostly the same ones as the last render. */
const written: Record<Language, Map<string, string>> = { kk: new Map(), ru: new Map(), en: new Map() }
/** About ten years of days in each language; past that the memory starts again. */
const WRITTEN_DATES = 4096

/**
 * Writes a calendar date (`YYYY-MM-DD`) the way each language writes it in running text: `March 14, 2022`,
 * `14 марта 2022 г.`, `2022 жылғы 14 наурыз` (with no-break spaces). Month names and the pattern come from `locales/`,
 * so Kazakh does not depend on ICU data the runtime lacks, and all three languages go through one path. Each date is
 * written once per language and then remembered: the resources never change while the Worker runs.
 */
export const formatLongDate = (lang: Language, isoDate: string): string => {
  const known = written[lang].get(isoDate)
  if (known !== undefined) return known
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) throw new RangeError(`not a calendar date: ${isoDate}`)
  const [, year, month, day] = match
  const t = translator(lang)
  const text = t('date.long', { year, day: String(Number(day)), month: t(`date.months.${Number(month)}`) })
  // `14 марта 2022 г.` must not break inside `14 марта` or `2022 г.`: the same pass as the article text.
  const set = typeset(lang, text)
  if (written[lang].size >= WRITTEN_DATES) written[lang].clear()
  written[lang].set(isoDate, set)
  return set
}

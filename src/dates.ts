/** Dates written out in the page's language, from the locale resources (workerd's Intl has no Kazakh date data). */
import { translator } from './i18n'
import type { Language } from './languages'
import { typeset } from './typography'

/**
 * Writes a calendar date (`YYYY-MM-DD`) the way each language writes it in running text: `March 14, 2022`,
 * `14 марта 2022 г.`, `2022 жылғы 14 наурыз` (with no-break spaces). Month names and the pattern come from `locales/`, so Kazakh does not
 * depend on ICU data the runtime lacks, and all three languages go through one path.
 */
export const formatLongDate = (lang: Language, isoDate: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) throw new RangeError(`not a calendar date: ${isoDate}`)
  const [, year, month, day] = match
  const t = translator(lang)
  const written = t('date.long', { year, day: String(Number(day)), month: t(`date.months.${Number(month)}`) })
  // `14 марта 2022 г.` must not break inside `14 марта` or `2022 г.`: the same pass as the article text.
  return typeset(lang, written)
}

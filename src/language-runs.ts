/**
 * Where a text changes language, so that a screen reader changes voice (WCAG 3.1.2): the runs of words in another
 * script than the page's. Latin-script words on a Kazakh or Russian page are English (`cookie`, `Atom`, `Human
 * Rights Watch`); Cyrillic words on an English page are Kazakh when they have a letter only Kazakh has, else Russian.
 * A run is words of the one script with only spaces and joining marks between them, so a name is one change of
 * voice, not one per word; what is in no script (digits, punctuation) stays with the page's language.
 */
import type { Language } from './languages'

export type LanguageRun = { text: string; lang?: Language }

const LATIN_RUN = /\p{Script=Latin}+(?:[\s'’.\-&/]+\p{Script=Latin}+)*/gu
const CYRILLIC_RUN = /\p{Script=Cyrillic}+(?:[\s'’.\-&/]+\p{Script=Cyrillic}+)*/gu
/** Letters of the Kazakh Cyrillic alphabet that Russian has not. */
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u

/** The language of a run in the other script than the page's. */
const languageOf = (page: Language, run: string): Language =>
  page !== 'en' ? 'en' : KAZAKH_LETTERS.test(run) ? 'kk' : 'ru'

/** The text cut where its language changes: each run in another language than the page's carries that language. */
export const languageRuns = (page: Language, text: string): LanguageRun[] => {
  const runs: LanguageRun[] = []
  let from = 0
  for (const match of text.matchAll(page === 'en' ? CYRILLIC_RUN : LATIN_RUN)) {
    if (match.index > from) runs.push({ text: text.slice(from, match.index) })
    runs.push({ text: match[0], lang: languageOf(page, match[0]) })
    from = match.index + match[0].length
  }
  if (from < text.length) runs.push({ text: text.slice(from) })
  return runs
}

/**
 * Soft hyphens in the long words that would not fit a 320 px line at LG, so a word that must break shows a hyphen
 * instead of being cut: this Chromium has no hyphenation dictionaries at all, and no browser has Kazakh ones. Points
 * come from the `hyphen` library's TeX patterns, at publish time, so the Worker ships none of them.
 *
 * Only words of MIN_LETTERS or more get points, or words that a no-break space ties into a unit that long (`19
 * сотрудников`, kept whole by the typographic pass): shorter ones fit a 320 px line at every text size, and every
 * soft hyphen is one more word NVDA may misread (nvaccess/nvda#9343). Kazakh has no patterns anywhere: its type scale
 * keeps its longest words on one line instead (static/site.css).
 */
import { createRequire } from 'node:module'
import type { Language } from '../../src/languages.ts'

const require = createRequire(import.meta.url)

/** The shortest word that may not fit a 320 px line at LG (the bold headline is the tightest: ~0.7 em a letter). */
export const MIN_LETTERS = 12

/** The shortest word worth a break inside it, when its unit is long enough to need one. */
const MIN_WORD_LETTERS = 6

/**
 * The longest word given hyphenation points: longer than any dictionary word of the three languages (English's
 * 45-letter "pneumonoultramicroscopicsilicovolcanoconiosis" is the usual record). The patterns' cost grows faster
 * than the word (20 000 letters took 0.6 s, 100 000 took 28 s), so a longer "word" is never a word and gets none.
 */
export const MAX_WORD_LETTERS = 60

export const SOFT_HYPHEN = '\u00ad'

type Hyphenator = {
  hyphenateSync: (text: string, options: { hyphenChar: string; minWordLength: number }) => string
}

const HYPHENATORS: Partial<Record<Language, Hyphenator>> = {
  ru: require('hyphen/ru') as Hyphenator,
  en: require('hyphen/en-us') as Hyphenator,
}

/** The text with soft hyphens in its long words, where the language has hyphenation patterns; else as it was. */
export const hyphenate = (lang: Language, text: string): string => {
  const hyphenator = HYPHENATORS[lang]
  if (!hyphenator) return text
  // A unit is what a line cannot break inside: letters and digits, joined by no-break spaces.
  return text.replace(/[\p{L}\d]+(?:\u00a0[\p{L}\d]+)*/gu, (unit) =>
    [...unit].length >= MIN_LETTERS
      ? unit.replace(/\p{L}+/gu, (word) =>
          word.length > MAX_WORD_LETTERS
            ? word
            : hyphenator.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD_LETTERS }),
        )
      : unit,
  )
}

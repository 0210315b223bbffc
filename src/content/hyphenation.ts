/**
 * Soft hyphens in the long words that would not fit a 320 px line at LG, so a word that must break shows a hyphen
 * instead of being cut (no browser has Kazakh hyphenation dictionaries, and this Chromium has none at all). The
 * points are computed ahead of time by `npm run hyphenation` with the `hyphen` library's TeX patterns: see
 * scripts/build-hyphenation.mjs for why only long words, and why Kazakh has none.
 */
import type { Language } from '../languages'
import points from './hyphenation.json'

const SOFT_HYPHEN = '\u00ad'

const WORDS: Partial<Record<Language, ReadonlyMap<string, string>>> = Object.fromEntries(
  Object.entries(points).map(([lang, words]) => [
    lang,
    new Map(Object.entries(words).map(([word, syllables]) => [word, syllables.replaceAll('·', SOFT_HYPHEN)])),
  ]),
)

/** The text with soft hyphens in its long words, where the language has hyphenation points; else as it was. */
export const hyphenate = (lang: Language, text: string): string => {
  const words = WORDS[lang]
  return words ? text.replace(/\p{L}+/gu, (word) => words.get(word) ?? word) : text
}

/** The typographic pass: no-break spaces where a line break would split a unit, per language, on plain text. */
import type { Language } from './languages'

/** U+00A0: a space a line may not break at. */
export const NBSP = '\u00a0'

/**
 * What joins a dateline to the lede: a no-break space, so the dash never starts a line, then an em dash. Two
 * hyphens (`--`) are a plain-text stand-in for the dash and are never printed.
 */
export const DATELINE_DASH = `${NBSP}— `

const ENGLISH_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'

/** Each rule: what it keeps together, and the rewrite. Applied in order; each is idempotent. */
type Rule = readonly [pattern: RegExp, replace: (match: string, ...groups: string[]) => string]

/** `20 000`, `1 000 000`: the groups of one number (kk and ru group thousands with a space). */
const thousands: Rule = [/(?<![\d.,])\d{1,3}(?:[ \u202f]\d{3})+(?!\d)/g, (m) => m.replace(/[ \u202f]/g, NBSP)]

/** `230 адам`, `14 марта`, `2022 г.`, `2022 жылғы`: a number and the word it counts or dates. */
const numberAndWord: Rule = [/(\d) (?=\p{L})/gu, (_, digit) => `${digit}${NBSP}`]

/** `March 14`: an English month and its day. */
const monthAndDay: Rule = [new RegExp(`\\b(${ENGLISH_MONTHS}) (?=\\d)`, 'g'), (_, month) => `${month}${NBSP}`]

/** `омбудсмена — 238`: a spaced dash stays on the line of the word before it. */
const beforeDash: Rule = [/ +(?=[—–])/g, () => NBSP]

/** `в ходе`, `и затем`: Russian one-letter prepositions and conjunctions do not end a line. */
const russianOneLetterWord: Rule = [
  /(?<![\p{L}\d-])([вксуоияаВКСУОИЯА]) (?=[\p{L}\d«(])/gu,
  (_, word) => `${word}${NBSP}`,
]

const RULES: Record<Language, readonly Rule[]> = {
  kk: [thousands, numberAndWord, beforeDash],
  ru: [thousands, numberAndWord, beforeDash, russianOneLetterWord],
  en: [monthAndDay, beforeDash],
}

/**
 * Sets a piece of plain text (never HTML) in `lang`'s typographic conventions: no-break spaces in thousands, between
 * a number and its word or month, before a spaced dash, and (Russian) after one-letter words. Idempotent, so text
 * may pass through it twice; it changes only spaces, so words, figures and punctuation stay as written.
 */
export const typeset = (lang: Language, text: string): string =>
  RULES[lang].reduce(
    (result, [pattern, replace]) => result.replace(pattern, replace as (m: string, ...g: string[]) => string),
    text,
  )

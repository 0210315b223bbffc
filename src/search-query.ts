/**
 * What a reader typed into the search box, read as words and turned into an FTS5 query that the reader's input can
 * never steer: each word becomes a quoted FTS5 string, so `"`, `*`, `NEAR(`, `AND`, `OR`, `NOT`, `-`, `:`, `^` and
 * parentheses are punctuation (dropped) or plain words (searched for), never syntax.
 */
import type { Language } from './languages'

/** Longer than any headline a reader would paste, and short enough that no query is costly. */
export const MAX_QUERY_LENGTH = 200
/** Every word is one more list for the index to intersect. */
export const MAX_QUERY_WORDS = 10
/** A word this short is matched whole: a one- or two-letter prefix would match a large part of the archive. */
const MIN_PREFIX_LENGTH = 3
/** A suffix is trimmed only when this much of the word is left. */
const MIN_STEM_LENGTH = 4

/** What a query is: words to search for, or why there is nothing to search for. */
export type ReadQuery =
  | { kind: 'words'; text: string; words: string[] }
  | { kind: 'empty' }
  | { kind: 'noWords'; text: string }
  | { kind: 'tooLong'; text: string }
  | { kind: 'tooManyWords'; text: string }

/**
 * The query as the search box shows it again: control and format characters (the bidirectional overrides among
 * them), unpaired surrogates and non-characters out, white space folded. Nothing here is shown outside that box.
 */
export const cleanQuery = (raw: string): string =>
  raw
    .replace(/[\p{Cs}]/gu, '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Z}]+/gu, ' ')
    .replace(/[\p{Cf}\p{Co}\p{Cn}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()

/** `ё` is indexed as `е` (migrations/0002_search.sql), so the query is folded the same way. */
const fold = (word: string): string => word.toLowerCase().replace(/ё/g, 'е')

/**
 * Endings a word loses before it is matched as a prefix, longest first, so a reader's inflected form finds the
 * others: `протестов` → `протест*` finds `протесты`; `наразылықтарда` → `наразылық*` finds `наразылыққа`. A light
 * trim, not a stemmer: one case or number ending (Kazakh: a case ending, then a plural one), never below four
 * letters. English loses a plural `s`.
 */
const ENDINGS: Record<Language, readonly (readonly string[])[]> = {
  ru: [
    [
      ...['иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ых', 'их', 'ой', 'ей', 'ий', 'ый'],
      ...[
        'ая',
        'яя',
        'ое',
        'ее',
        'ую',
        'юю',
        'ов',
        'ев',
        'ам',
        'ям',
        'ах',
        'ях',
        'ом',
        'ем',
        'ию',
        'ия',
        'ие',
      ],
      ...['ии', 'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'ь'],
    ],
  ],
  kk: [
    [
      ...[
        'дағы',
        'дегі',
        'тағы',
        'тегі',
        'ның',
        'нің',
        'дың',
        'дің',
        'тың',
        'тің',
        'нан',
        'нен',
        'дан',
        'ден',
      ],
      ...[
        'тан',
        'тен',
        'мен',
        'бен',
        'пен',
        'ға',
        'ге',
        'қа',
        'ке',
        'на',
        'не',
        'да',
        'де',
        'та',
        'те',
        'ды',
      ],
      ...['ді', 'ты', 'ті', 'ны', 'ні'],
    ],
    ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'],
  ],
  en: [['s']],
}

const trimEnding = (lang: Language, word: string): string => {
  let stem = word
  for (const endings of ENDINGS[lang]) {
    const ending = endings.find((e) => stem.endsWith(e) && [...stem].length - e.length >= MIN_STEM_LENGTH)
    // `ss` (`press`) and `us` are not plurals.
    if (ending && !(lang === 'en' && /(?:ss|us|is)$/.test(stem))) stem = stem.slice(0, -ending.length)
  }
  return stem
}

/** Reads the `q` parameter: the words to search for, each folded, or why there are none. */
export const readQuery = (raw: string | undefined): ReadQuery => {
  const text = cleanQuery(raw ?? '')
  if (text === '') return { kind: 'empty' }
  if ([...text].length > MAX_QUERY_LENGTH) return { kind: 'tooLong', text }
  // A word as unicode61 sees one: letters, digits and marks; everything else separates words.
  const words = [...new Set((fold(text).match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map((w) => w.normalize('NFC')))]
  if (words.length === 0) return { kind: 'noWords', text }
  if (words.length > MAX_QUERY_WORDS) return { kind: 'tooManyWords', text }
  return { kind: 'words', text, words }
}

/**
 * The FTS5 query for the words in a language: every word must match in the headline, summary or body, as a prefix
 * once its ending is trimmed (numbers and short words whole), and only versions in that language. The only
 * characters of the reader's that reach it are letters, digits and marks, inside double quotes.
 */
export const matchExpression = (lang: Language, words: readonly string[]): string => {
  const terms = words.map((word) => {
    // Endings are letters: a number is never trimmed.
    const stem = trimEnding(lang, word)
    const prefix = [...stem].length >= MIN_PREFIX_LENGTH && !/^\p{N}+$/u.test(stem)
    return `{headline summary body} : "${stem.replace(/"/g, '')}"${prefix ? '*' : ''}`
  })
  return [`lang : "${lang}"`, ...terms].join(' AND ')
}

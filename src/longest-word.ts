/**
 * The longest stretch of a text that a line cannot break, in characters, so the type scale can stop growing where it
 * still fits a phone's line (static/site.css, `data-longest`): this Chromium has no hyphenation dictionaries and no
 * browser has Kazakh ones, and the break hints that once stood in for them made NVDA read words in pieces.
 */

/** The sizes the stylesheet has a rule for: no word this short needs one, a longer "word" is an address. */
export const LONGEST = { shortest: 10, longest: 24 } as const

/**
 * Where a line may break: at a space (not a no-break one: the typographic pass ties `20 000 человек` and
 * `омбудсмена —` with them), or after a hyphen, a dash or a slash.
 */
const BREAK = /[^\S\u00a0\u202f]+|(?<=[-\u2010\u2013\u2014/])/u

/**
 * The most characters of `text` that must share one line. Letters, digits and the punctuation a word carries (`«`,
 * `,`) all take room on it; combining marks take none of their own, nor search's match markers (private-use
 * characters, drawn as `<mark>`).
 */
export const longestUnit = (text: string): number =>
  Math.max(0, ...text.split(BREAK).map((unit) => unit.replace(/[\p{M}\p{Co}]/gu, '').length))

/**
 * The text a reader sees in sanitised HTML: a block's or a line break's tag parts words, an inline one (`<em>`,
 * `<span lang>`) does not; an entity (`&amp;`, `&lt;`) is never a letter.
 */
export const textOfHtml = (html: string): string =>
  html
    .replace(/<\/?(?:p|h[1-6]|li|ul|ol|blockquote|br)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&[#\w]+;/g, ' ')

/** The bucket a page puts on the element whose text it sizes (`data-longest`), within the stylesheet's rules. */
export const longestBucket = (...texts: string[]): number =>
  Math.min(LONGEST.longest, Math.max(LONGEST.shortest, ...texts.map(longestUnit)))

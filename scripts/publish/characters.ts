/**
 * Characters an editor cannot mean to publish: invisible, they change what a reader sees or hears, or break what is
 * built from the text. Control characters (a vertical tab pasted from Word) make the Atom feed ill-formed XML;
 * bidirectional controls (U+202E) can show a reader words in another order than the one published; private-use
 * characters mean nothing outside one font, and U+E000/U+E001 are what search marks its matches with; noncharacters
 * and invisible format characters (a left-to-right mark) split words for search and for screen readers.
 *
 * Allowed: tab, newline and carriage return (Markdown and line endings), and the zero-width joiner and non-joiner
 * (needed inside emoji and some scripts' words). Allowed too, and then removed: the break hints below.
 */
const REFUSED = /[\p{Cc}\p{Cf}\p{Co}\p{Noncharacter_Code_Point}]/u
const ALLOWED = new Set(['\t', '\n', '\r', '\u200c', '\u200d'])

/**
 * Hints of where a line may (soft hyphen, zero-width space) or may not (word joiner) break inside a word. Word
 * inserts them as an editor types; nobody sees them, and NVDA reads a word holding one in pieces
 * (nvaccess/nvda#9343). They say nothing a reader needs, so they are taken out rather than refused: the page leaves
 * line breaking to the browser (`hyphens: auto`) and the type scale (static/site.css).
 */
const BREAK_HINTS = /[\u00ad\u200b\u2060]/gu

/** The text without break hints inside its words. */
export const withoutBreakHints = (text: string): string => text.replace(BREAK_HINTS, '')

/** Names of the ones an editor is likely to meet, so the refusal says what to look for. */
const NAMES: Record<string, string> = {
  '\u0000': 'null',
  '\u0007': 'bell',
  '\u0008': 'backspace',
  '\u000b': 'vertical tab, which Word writes for a line break',
  '\u000c': 'form feed, which Word writes for a page break',
  '\u001b': 'escape',
  '\u007f': 'delete',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\ufeff': 'zero-width no-break space (a byte-order mark inside the text)',
}

const kind = (ch: string): string => {
  if (/\p{Cc}/u.test(ch)) return 'a control character'
  if (/\p{Bidi_Control}/u.test(ch)) return 'a bidirectional control, which can reorder the words readers see'
  if (/\p{Co}/u.test(ch)) return 'a private-use character, which means nothing outside one font'
  if (/\p{Noncharacter_Code_Point}/u.test(ch)) return 'a noncharacter'
  return 'an invisible formatting character'
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** The most a refusal lists for one file: the first few say what to look for. */
const MAX_LISTED = 5

const isRefused = (ch: string) => !ALLOWED.has(ch) && withoutBreakHints(ch) !== '' && REFUSED.test(ch)

const describe = (ch: string) => `${codePoint(ch)}${NAMES[ch] ? ` (${NAMES[ch]})` : ''} is ${kind(ch)}`

/**
 * Each refused character of a file as written, as `line L, column C: U+000B (vertical tab…) is a control
 * character…`: lines and columns as an editor's text editor counts them (columns in characters, from 1).
 */
export const problemsWithCharacters = (source: string): string[] => {
  const found: string[] = []
  let count = 0
  source.split('\n').forEach((line, index) => {
    let column = 0
    for (const ch of line) {
      column++
      if (!isRefused(ch)) continue
      count++
      if (found.length < MAX_LISTED)
        found.push(`line ${index + 1}, column ${column}: ${describe(ch)}; delete it or type the text again`)
    }
  })
  if (count > found.length) found.push(`and ${count - found.length} more such characters`)
  return found
}

/**
 * The same characters in a text as read: a YAML escape (`"\u0000"`, `"\v"`) or an HTML entity of the body
 * (`&#x202E;`) writes one that the file itself does not show. `where` names the field or the paragraph.
 */
export const problemsWithDecodedText = (where: string, text: string): string[] => {
  const seen = [...new Set([...text].filter(isRefused))]
  return seen
    .slice(0, MAX_LISTED)
    .map((ch) => `${where} holds ${describe(ch)}, written as an escape or an entity; delete it`)
}

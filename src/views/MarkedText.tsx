/** Text from the search index with its matched words in `<mark>`: the marks become elements, the text stays text. */
import { MARK_END, MARK_START } from '../content/search'
import type { Language } from '../languages'
import { InLanguages } from './InLanguages'

type Props = { lang: Language; text: string }

/**
 * Splits at the private-use marks the store put around matched words. Nothing here is HTML: every part is a text
 * child that JSX escapes, so a story's `<`, `&` or quote cannot become markup, and an unpaired mark is dropped.
 */
export const MarkedText = ({ lang, text }: Props) => {
  const parts: { text: string; marked: boolean }[] = []
  let marked = false
  let current = ''
  for (const character of text) {
    if (character !== MARK_START && character !== MARK_END) {
      current += character
      continue
    }
    if (current) parts.push({ text: current, marked })
    current = ''
    marked = character === MARK_START
  }
  if (current) parts.push({ text: current, marked: false })
  return (
    <>
      {parts.map((part) =>
        part.marked ? (
          <mark>
            <InLanguages lang={lang} text={part.text} />
          </mark>
        ) : (
          <InLanguages lang={lang} text={part.text} />
        ),
      )}
    </>
  )
}

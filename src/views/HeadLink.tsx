/** A `<link>` of the page's `<head>`, written as it is. */
import { raw } from 'hono/html'
import { escapeToBuffer } from 'hono/utils/html'

const escaped = (value: string): string => {
  const buffer: [string] = ['']
  escapeToBuffer(value, buffer)
  return buffer[0]
}

/**
 * The same markup `<link … />` in JSX gives, attributes in the order written and escaped by Hono's own escaper, but
 * without the detour hono/jsx takes for every `<link>` other than a plain stylesheet: React 19's document-metadata
 * handling, which renders each one on its own and remembers it to hoist into `<head>`. A page rendered in one piece,
 * `<head>` included, never needs that; it was about a tenth of a page's render (`npm run bench:compare`).
 */
export const HeadLink = (attributes: Record<string, string | undefined>) =>
  raw(
    `<link${Object.entries(attributes)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => ` ${name}="${escaped(value)}"`)
      .join('')}/>`,
  )

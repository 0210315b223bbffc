/** The one Markdown dialect editors write in: CommonMark, read by markdown-it, with a short list of what a story may hold. */
import MarkdownIt, { type Token } from 'markdown-it'

/**
 * `html: true` only so raw HTML is seen (as html_block/html_inline tokens) and refused, rather than quietly shown as
 * text; nothing renders it, since a story with any is never rendered.
 */
export const markdown = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false })
// markdown-it quietly shows a `javascript:` link as text; let every link through to be judged, and refused, below.
markdown.validateLink = () => true

/** The blocks a story's body may use: paragraphs, subheadings, quotes and lists, as the page has today. */
const BLOCKS = new Set([
  'paragraph_open',
  'paragraph_close',
  'heading_open',
  'heading_close',
  'blockquote_open',
  'blockquote_close',
  'bullet_list_open',
  'bullet_list_close',
  'ordered_list_open',
  'ordered_list_close',
  'list_item_open',
  'list_item_close',
  'inline',
])

/** Within a block: text, line breaks, emphasis and links. */
const INLINES = new Set([
  'text',
  'softbreak',
  'hardbreak',
  'em_open',
  'em_close',
  'strong_open',
  'strong_close',
  'link_open',
  'link_close',
])

/** `h1` is the headline; a body's subheadings are `##` and `###`. */
const HEADINGS = new Set(['h2', 'h3'])

const DESCRIBED: Record<string, string> = {
  html_block: 'raw HTML',
  html_inline: 'raw HTML',
  image: 'an image in the body (a story has one photo, named in the front matter)',
  code_inline: 'code',
  code_block: 'a code block',
  fence: 'a code block',
  hr: 'a horizontal rule',
}

/** Links go to `https:` addresses or to paths on this site; nothing else (http, mailto, javascript, `//host`). */
export const isAllowedLink = (href: string): boolean =>
  /^https:\/\/[^/]/i.test(href) || /^\/(?!\/)/.test(href)

/** Everything in a body's Markdown that a story may not hold, each said once, in the order it appears. */
export const problemsWithMarkdown = (tokens: readonly Token[]): string[] => {
  const problems: string[] = []
  const add = (problem: string) => problems.includes(problem) || problems.push(problem)
  for (const token of tokens) {
    if (!BLOCKS.has(token.type)) add(`${DESCRIBED[token.type] ?? token.type} is not allowed`)
    if (token.type === 'heading_open' && !HEADINGS.has(token.tag))
      add(`heading level ${token.tag.slice(1)} is not allowed (the body's subheadings are ## and ###)`)
    for (const child of token.children ?? []) {
      if (!INLINES.has(child.type)) add(`${DESCRIBED[child.type] ?? child.type} is not allowed`)
      if (child.type === 'link_open') {
        const href = String(child.attrGet('href') ?? '')
        if (!isAllowedLink(href))
          add(`link to "${href}": links must be https: addresses or paths on this site`)
      }
    }
  }
  return problems
}

/** The text of each block (paragraph, subheading, list item's paragraph), as a reader reads it, without markup. */
export const blockTexts = (tokens: readonly Token[]): string[] =>
  tokens
    .filter((token) => token.type === 'inline')
    .map((token) =>
      (token.children ?? [])
        .map((child) => (child.type === 'text' ? child.content : /break$/.test(child.type) ? ' ' : ''))
        .join(''),
    )

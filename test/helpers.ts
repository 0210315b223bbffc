/** Shared helpers for the Workers-runtime tests: requests through the app, and parsed pages to query. */
import { env } from 'cloudflare:test'
import { parseHTML } from 'linkedom'
import { app } from '../src/app'
import { forgetEdition } from '../src/edition'
import { LANGUAGES, type Language } from '../src/languages'
import { matchExpression, readQuery } from '../src/search-query'
import { MARK_END, MARK_START } from '../src/content/search'
import { typeset } from '../src/typography'
import type { VersionSource } from './archive'

export const ARTICLE_SLUG = 'kazakhstan-contradictory-death-tolls-unrest'

/** Every story in content/articles, as its editors wrote it (see vitest.config.ts). */
export const SOURCES = env.TEST_ARCHIVE.sources

/** A version's words set in its language's typography, as the publish step renders them (src/typography.ts). */
const typesetVersion = (lang: Language, text: VersionSource): VersionSource => {
  const set = (value: string) => typeset(lang, value)
  return {
    ...text,
    headline: set(text.headline),
    summary: set(text.summary),
    ...(text.dateline === undefined ? {} : { dateline: set(text.dateline) }),
    image: { ...text.image, alt: set(text.image.alt), caption: set(text.image.caption) },
    paragraphs: text.paragraphs.map(set),
  }
}

/** The article that exists today, in all three languages, as its editors wrote it and typeset: what its pages show. */
export const ARTICLE = (() => {
  const source = SOURCES.find((s) => s.slug === ARTICLE_SLUG)
  if (!source || !LANGUAGES.every((lang) => source.text[lang]))
    throw new Error(`${ARTICLE_SLUG} is not in every language`)
  const text = Object.fromEntries(LANGUAGES.map((lang) => [lang, typesetVersion(lang, source.text[lang]!)]))
  return { slug: source.slug, text: text as Record<Language, VersionSource> }
})()

/** Sends a request through the app, with the test bindings, no server involved. */
export const request = (path: string, init?: RequestInit<RequestInitCfProperties>): Promise<Response> => {
  // Joined as text, not resolved: a path such as `//x` is a path on this host, as in an HTTP request line.
  const url = /^https?:/.test(path) ? path : `http://localhost${path}`
  return Promise.resolve(app.request(new Request(url, init), undefined, env))
}

/** Fetches a page and parses it. */
export const fetchPage = async (path: string, init?: RequestInit<RequestInitCfProperties>) => {
  const response = await request(path, init)
  const html = await response.text()
  const { document } = parseHTML(html)
  return { response, html, document }
}

/** Text with its white space (no-break spaces included) folded to single spaces, as a screen reader reads it. */
export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** An element's text as a reader hears it: spaces folded. */
export const textOf = (element: Element | null | undefined): string => fold(element?.textContent ?? '')

/**
 * Figures as written in running text: `20,000` (en), `20 000` with a no-break space, or `20 мың` / `20 тысяч` (the
 * outlet's way of writing Toqaev's quote in Kazakh and Russian) is one number. The publish step's own reading.
 */
export { figures } from '../scripts/publish/figures.ts'

/**
 * Stores a story in one language straight into D1, as the publish step (or an older one) left it, in place of any
 * story with that id; a new edition, so no page of the old one is served.
 */
export const storeVersion = async (version: {
  id: number
  slug: string
  lang: Language
  headline: string
  summary: string
  published: string
  bodyHtml: string
}): Promise<void> => {
  const { id, slug, lang, headline, summary, published, bodyHtml } = version
  await env.DB.batch([
    env.DB.prepare('DELETE FROM story_versions WHERE story_id = ?1').bind(id),
    env.DB.prepare('DELETE FROM stories WHERE id = ?1').bind(id),
    env.DB.prepare(
      `INSERT INTO stories (id, slug, languages, image_key, image_width, image_height, image_widths)
       VALUES (?1, ?2, ?3, ?2, 960, 540, '960')`,
    ).bind(id, slug, lang),
    env.DB.prepare(
      `INSERT INTO story_versions (story_id, lang, headline, display_headline, summary, published, image_alt,
         image_caption, body_html, content_hash)
       VALUES (?1, ?2, ?3, ?3, ?4, ?5, 'A', 'C', ?6, ?7)`,
    ).bind(id, lang, headline, summary, published, bodyHtml, crypto.randomUUID()),
    env.DB.prepare('UPDATE edition SET number = number + 1 WHERE id = 1'),
  ])
  forgetEdition()
}

/** Width and height from a JPEG's start-of-frame segment. */
export const jpegSize = (buffer: ArrayBuffer): { width: number; height: number } => {
  const bytes = new DataView(buffer)
  let offset = 2
  while (offset < bytes.byteLength) {
    const marker = bytes.getUint16(offset)
    const length = bytes.getUint16(offset + 2)
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xffc0 && marker <= 0xffcf && ![0xffc4, 0xffc8, 0xffcc].includes(marker))
      return { height: bytes.getUint16(offset + 5), width: bytes.getUint16(offset + 7) }
    offset += 2 + length
  }
  throw new Error('no start-of-frame segment')
}

/** A D1 binding that adds up the rows each query reads (D1's `meta.rows_read`, what D1 bills). */
export const countingDatabase = (db: D1Database, count: { rows: number }): D1Database => {
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, key) {
        if (key === 'bind') return (...values: unknown[]) => wrap(target.bind(...values))
        if (key === 'all' || key === 'run')
          return async () => {
            const result = await target[key]()
            count.rows += result.meta.rows_read
            return result
          }
        if (key === 'first' || key === 'raw') throw new Error(`count rows of ${String(key)}() too`)
        const value = Reflect.get(target, key)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  // No `withSession`: the store then reads through this binding itself.
  return { prepare: (sql: string) => wrap(db.prepare(sql)) } as unknown as D1Database
}

/** Sends a request and counts the D1 rows it read. */
export const requestCountingRows = async (path: string, init?: RequestInit<RequestInitCfProperties>) => {
  const count = { rows: 0 }
  const url = /^https?:/.test(path) ? path : `http://localhost${path}`
  const response = await app.request(new Request(url, init), undefined, {
    ...env,
    DB: countingDatabase(env.DB, count),
  })
  return { response, rowsRead: count.rows }
}

/**
 * The distinct words of one story's version that a reader's query matches, as the search index marks them (the
 * app's own query building, the index's own tokenizer): what a search for `q` finds in that story, in full.
 */
export const matchedForms = async (lang: Language, q: string, slug = ARTICLE_SLUG): Promise<string[]> => {
  const query = readQuery(q)
  if (query.kind !== 'words') throw new Error(`no words to search for in ${JSON.stringify(q)}`)
  const { results } = await env.DB.prepare(
    `SELECT highlight(story_search, 0, ?3, ?4) || ' ' || highlight(story_search, 1, ?3, ?4) || ' ' ||
       highlight(story_search, 2, ?3, ?4) AS marked
     FROM story_search JOIN story_search_text t ON t.id = story_search.rowid JOIN stories s ON s.id = t.story_id
     WHERE story_search MATCH ?1 AND s.slug = ?2`,
  )
    .bind(matchExpression(lang, query.words), slug, MARK_START, MARK_END)
    .all<{ marked: string }>()
  const marked = results.flatMap(({ marked }) =>
    [...marked.matchAll(new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g'))].map((m) => m[1]!),
  )
  return [...new Set(marked)]
}

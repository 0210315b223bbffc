/**
 * The archive: stories and their translations in D1, photos in R2. The only module that knows SQL or the bindings;
 * it hands routes plain models, and views never see it. Reads page by key (publication time, id), never OFFSET:
 * D1 bills rows read.
 */
import type { Cursor } from './cursor'
import { COUNT_LIMIT, MARK_END, MARK_START, type SearchMatches } from './content/search'
import type { Story, StorySummary } from './content/story'
import { isLanguage, type Language } from './languages'
import { searchOrderCursor } from './search-order'
import { StorageUnavailable, withinDeadline } from './storage'

export { cursorToken, parseCursor, type Cursor } from './cursor'

/** Stories on a list page and in a feed. */
export const PAGE_SIZE = 20

/** A child sitemap lists the stories of one block of ids: a fixed cost whatever the size of the archive. */
export const SITEMAP_BLOCK = 100

export type StoryPage = {
  stories: StorySummary[]
  /** Where the next, older page starts, if there is one. */
  older: Cursor | null
  /** Where the previous, newer page starts; `null` on the front page, `'front'` when it is the front page. */
  newer: Cursor | 'front' | null
}

/** The path of a photo at one width, as the media route serves it from R2. */
export const mediaPath = (imageKey: string, width: number): string => `/media/images/${imageKey}-${width}.jpg`

type SummaryRow = {
  id: number
  slug: string
  lang: string
  headline: string
  summary: string
  published: string
  updated: string | null
  languages: string
}

type StoryRow = SummaryRow & {
  dateline: string | null
  image_key: string
  image_width: number
  image_height: number
  image_widths: string
  image_illustration: number
  image_alt: string
  image_caption: string
  body_html: string
}

const languagesOf = (list: string): Language[] => list.split(',').filter(isLanguage)

const toSummary = (row: SummaryRow): StorySummary => ({
  slug: row.slug,
  lang: isLanguage(row.lang) ? row.lang : 'en',
  headline: row.headline,
  summary: row.summary,
  published: row.published,
  updated: row.updated,
  languages: languagesOf(row.languages),
})

const cursorOf = (row: SummaryRow): Cursor => ({ published: row.published, id: row.id })

const SUMMARY = `SELECT s.id, s.slug, s.languages, v.lang, v.headline, v.summary, v.published, v.updated
  FROM story_versions v JOIN stories s ON s.id = v.story_id`

const NEWEST = `${SUMMARY} WHERE v.lang = ?1 ORDER BY v.published DESC, v.story_id DESC LIMIT ?2`
const OLDER = `${SUMMARY} WHERE v.lang = ?1 AND (v.published, v.story_id) < (?2, ?3)
  ORDER BY v.published DESC, v.story_id DESC LIMIT ?4`
const NEWER = `${SUMMARY} WHERE v.lang = ?1 AND (v.published, v.story_id) > (?2, ?3)
  ORDER BY v.published ASC, v.story_id ASC LIMIT ?4`

export type SearchPage = SearchMatches & {
  /** Where the next page of (older) results starts, if there is one. */
  older: Cursor | null
}

type SearchRow = SummaryRow & {
  total: number
  marked_headline: string
  summary_marked: string
  excerpt: string
}

/**
 * One page of matches, newest first. The index's row ids are the archive's order (src/search-order.ts), so FTS5
 * itself hands out the page's matches from the cursor on, with their marked headline, summary and excerpt (a word
 * marked in the body, or else in the summary), and only those are joined to their stories. The count is the
 * index's alone, and stops at COUNT_LIMIT + 1: no story row is read for matches outside the page, and a word in
 * every story costs what a word in a thousand does. `?1` is built by src/search-query.ts, never
 * from the reader's text as it came.
 */
const SEARCH = `WITH page AS (
    SELECT rowid AS id,
      highlight(story_search, 0, ?6, ?7) AS marked_headline,
      highlight(story_search, 1, ?6, ?7) AS summary_marked,
      snippet(story_search, 2, ?6, ?7, '…', 24) AS excerpt
    FROM story_search
    WHERE story_search MATCH ?1 AND rowid > ${searchOrderCursor('?3', '?4')}
    ORDER BY rowid LIMIT ?5
  )
  SELECT (SELECT count(*) FROM (SELECT rowid FROM story_search WHERE story_search MATCH ?1 LIMIT ?8)) AS total,
    s.id, s.slug, s.languages, v.lang, v.headline, v.summary, v.published, v.updated,
    page.marked_headline, page.summary_marked, page.excerpt
  FROM page
    CROSS JOIN story_search_text t ON t.id = page.id
    CROSS JOIN story_versions v ON v.story_id = t.story_id AND v.lang = ?2
    CROSS JOIN stories s ON s.id = t.story_id
  ORDER BY page.id`

/** Later than any story: the first page of results starts here. */
const NEWEST_CURSOR: Cursor = { published: '9999-12-31T23:59:59Z', id: Number.MAX_SAFE_INTEGER }

/** What the routes read; one per request, so every read of a request shares one D1 session. */
export type Store = ReturnType<typeof openStore>

/**
 * Opens the store on the request's bindings. Reads go through a D1 session that may be answered by the nearest
 * read replica (the Sessions API): a story a minute late is fine, a slow page is not.
 */
export const openStore = (env: { DB: D1Database; MEDIA: R2Bucket }) => {
  const db: D1Database | D1DatabaseSession =
    typeof env.DB.withSession === 'function' ? env.DB.withSession('first-unconstrained') : env.DB

  /**
   * Every row of a query, within the deadline: a failure or a late answer is StorageUnavailable (src/storage.ts),
   * logged once, never with the query's values. `quiet` keeps even D1's message out of the log (a search's could
   * quote the reader's words).
   */
  const rows =
    (quiet: boolean) =>
    async <Row>(sql: string, ...params: (string | number)[]): Promise<Row[]> =>
      withinDeadline(
        'd1',
        async () =>
          (
            await db
              .prepare(sql)
              .bind(...params)
              .all<Row>()
          ).results,
        { quiet },
      )
  const all = rows(false)
  const allQuietly = rows(true)

  return {
    /** The newest stories in a language: the front page and the feeds. */
    newest: async (lang: Language): Promise<StoryPage> => {
      const rows = await all<SummaryRow>(NEWEST, lang, PAGE_SIZE + 1)
      const shown = rows.slice(0, PAGE_SIZE)
      return {
        stories: shown.map(toSummary),
        older: rows.length > PAGE_SIZE ? cursorOf(shown.at(-1)!) : null,
        newer: null,
      }
    },

    /** The page of stories just older than a cursor (a `rel="next"` link). */
    olderThan: async (lang: Language, cursor: Cursor): Promise<StoryPage> => {
      const rows = await all<SummaryRow>(OLDER, lang, cursor.published, cursor.id, PAGE_SIZE + 1)
      const shown = rows.slice(0, PAGE_SIZE)
      const first = shown[0]
      return {
        stories: shown.map(toSummary),
        older: rows.length > PAGE_SIZE ? cursorOf(shown.at(-1)!) : null,
        newer: first ? cursorOf(first) : null,
      }
    },

    /**
     * The page of stories just newer than a cursor (a `rel="prev"` link). When there are no more than a page of
     * them, they are the front page's: `newer` is then `'front'` and the caller sends the reader there.
     */
    newerThan: async (lang: Language, cursor: Cursor): Promise<StoryPage> => {
      const rows = await all<SummaryRow>(NEWER, lang, cursor.published, cursor.id, PAGE_SIZE + 1)
      if (rows.length <= PAGE_SIZE) return { stories: [], older: null, newer: 'front' }
      const shown = rows.slice(0, PAGE_SIZE).reverse()
      return {
        stories: shown.map(toSummary),
        older: cursorOf(shown.at(-1)!),
        newer: cursorOf(shown[0]!),
      }
    },

    /**
     * A story in one language. `languages` lists the versions that exist, so a missing one can point to the
     * others; both are empty or undefined when there is no such story.
     */
    story: async (slug: string, lang: Language): Promise<{ story?: Story; languages: Language[] }> => {
      const [row] = await all<StoryRow>(
        `SELECT s.id, s.slug, s.languages, s.image_key, s.image_width, s.image_height, s.image_widths, s.image_illustration,
           v.lang, v.headline, v.summary, v.dateline, v.published, v.updated, v.image_alt, v.image_caption, v.body_html
         FROM stories s LEFT JOIN story_versions v ON v.story_id = s.id AND v.lang = ?2
         WHERE s.slug = ?1`,
        slug,
        lang,
      )
      if (!row) return { languages: [] }
      const languages = languagesOf(row.languages)
      if (row.lang === null) return { languages }
      const widths = row.image_widths.split(',').map(Number)
      return {
        languages,
        story: {
          ...toSummary(row),
          dateline: row.dateline,
          bodyHtml: row.body_html,
          photo: {
            width: row.image_width,
            height: row.image_height,
            sources: widths.map((width) => ({ path: mediaPath(row.image_key, width), width })),
            alt: row.image_alt,
            caption: row.image_caption,
            illustration: row.image_illustration === 1,
          },
        },
      }
    },

    /**
     * A page of the stories in a language that match an FTS5 query (src/search-query.ts), newest first, starting
     * after a cursor; matches are counted up to `countLimit` (a parameter for the tests, whose archive is small). A
     * failure says nothing of the query: its message would carry the reader's words to the log.
     */
    search: async (
      lang: Language,
      match: string,
      older: Cursor = NEWEST_CURSOR,
      countLimit = COUNT_LIMIT,
    ): Promise<SearchPage> => {
      let found: SearchRow[]
      try {
        found = await allQuietly<SearchRow>(
          SEARCH,
          match,
          lang,
          older.published,
          older.id,
          PAGE_SIZE + 1,
          MARK_START,
          MARK_END,
          countLimit + 1,
        )
      } catch (error) {
        if (error instanceof StorageUnavailable) throw error
        throw new Error('the search query failed (its text is not logged)')
      }
      const shown = found.slice(0, PAGE_SIZE)
      const counted = found[0]?.total ?? 0
      return {
        total: Math.min(counted, countLimit),
        more: counted > countLimit,
        results: shown.map((row) => ({
          ...toSummary(row),
          markedHeadline: row.marked_headline,
          excerpt: row.excerpt.includes(MARK_START) ? row.excerpt : row.summary_marked,
        })),
        older: found.length > PAGE_SIZE ? cursorOf(shown.at(-1)!) : null,
      }
    },

    /** How many child sitemaps of stories there are: one per block of ids up to the highest. */
    sitemapBlocks: async (): Promise<number> => {
      const [row] = await all<{ top: number | null }>('SELECT max(id) AS top FROM stories')
      return row?.top ? Math.floor(row.top / SITEMAP_BLOCK) + 1 : 0
    },

    /** Every version of the stories in one block of ids, for a child sitemap. */
    sitemapBlock: async (block: number): Promise<StorySummary[]> =>
      (
        await all<SummaryRow>(
          `${SUMMARY} WHERE v.story_id >= ?1 AND v.story_id < ?2 ORDER BY v.story_id, v.lang`,
          block * SITEMAP_BLOCK,
          (block + 1) * SITEMAP_BLOCK,
        )
      ).map(toSummary),

    /** The archive's edition number: it changes with every publish and unpublish. */
    edition: async (): Promise<number> => {
      const [row] = await all<{ number: number }>('SELECT number FROM edition WHERE id = 1')
      return row?.number ?? 0
    },

    /** A stored photo, by its path under `/media/`. */
    media: (key: string): Promise<R2ObjectBody | null> => withinDeadline('r2', () => env.MEDIA.get(key)),
  }
}

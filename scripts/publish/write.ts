/** Stage 4 of publishing: the statements that write a story (or remove one) in one D1 batch, and its R2 objects. */
import { searchOrderKey } from '../../src/search-order.ts'
import { LANGUAGES, type RenderedStory } from './story.ts'

/** The R2 key of a photo at one width; the Worker serves it at `/media/{key}` (src/store.ts, mediaPath). */
export const imageObjectKey = (imageKey: string, width: number): string => `images/${imageKey}-${width}.jpg`

/** Every R2 key of a story's photos starts with this: the publish step's image key is `{slug}/{hash}`. */
export const storyObjectPrefix = (slug: string): string => `images/${slug}/`

export type SqlValue = string | number | null
/** One parameterised statement: the same list runs as a D1 batch locally, in tests, and as a file remotely. */
export type Statement = { sql: string; params: SqlValue[] }

const UPSERT_STORY = `INSERT INTO stories (slug, languages, image_key, image_width, image_height, image_widths,
  image_illustration)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (slug) DO UPDATE SET languages = excluded.languages, image_key = excluded.image_key,
  image_width = excluded.image_width, image_height = excluded.image_height, image_widths = excluded.image_widths,
  image_illustration = excluded.image_illustration`

/**
 * A version is written whole; `updated` is the editor's if given, else kept when the text is unchanged (a re-run of
 * the same publish is not a correction), else the time of this publish. `display_headline` is the headline again:
 * the Worker no longer reads it (migrations/0004), but one of the version before may, while a deploy is under way,
 * and the column is NOT NULL. A later migration can drop it once no such Worker runs.
 */
const UPSERT_VERSION = `INSERT INTO story_versions (story_id, lang, headline, summary, dateline, published, updated,
  image_alt, image_caption, body_html, content_hash, display_headline)
SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?3 FROM stories WHERE slug = ?1
ON CONFLICT (story_id, lang) DO UPDATE SET headline = excluded.headline,
  display_headline = excluded.display_headline, summary = excluded.summary,
  dateline = excluded.dateline, published = excluded.published,
  updated = CASE
    WHEN excluded.updated IS NOT NULL THEN excluded.updated
    WHEN story_versions.content_hash = excluded.content_hash THEN story_versions.updated
    ELSE ?12 END,
  image_alt = excluded.image_alt, image_caption = excluded.image_caption, body_html = excluded.body_html,
  content_hash = excluded.content_hash`

/**
 * The version's words for search (migrations/0002_search.sql), beside it in the same batch, at an id that is its
 * place in the archive's order (src/search-order.ts): a new publication date moves it. Unchanged words are not
 * written again, so publishing the same text twice does not touch the index.
 */
const UPSERT_SEARCH_TEXT = `INSERT INTO story_search_text (id, story_id, lang, published, headline, summary, body)
SELECT ${searchOrderKey('?3', 'id', '?2')}, id, ?2, ?3, ?4, ?5, ?6 FROM stories WHERE slug = ?1
ON CONFLICT (story_id, lang) DO UPDATE SET id = excluded.id, published = excluded.published,
  headline = excluded.headline, summary = excluded.summary, body = excluded.body
WHERE (story_search_text.published, story_search_text.headline, story_search_text.summary, story_search_text.body)
  IS NOT (excluded.published, excluded.headline, excluded.summary, excluded.body)`

const DELETE_VERSION = `DELETE FROM story_versions WHERE lang = ?2 AND story_id = (SELECT id FROM stories WHERE slug = ?1)`
const DELETE_VERSIONS = `DELETE FROM story_versions WHERE story_id = (SELECT id FROM stories WHERE slug = ?1)`
const DELETE_STORY = `DELETE FROM stories WHERE slug = ?1`
/** Every change is a new edition: cached pages of the old one are no longer served. */
const NEW_EDITION: Statement = { sql: 'UPDATE edition SET number = number + 1 WHERE id = 1', params: [] }

/** Writes a story: the story row, each version it has, and the removal of a version whose file was deleted. */
export const publishStatements = (story: RenderedStory, now: string): Statement[] => {
  const present = new Set(story.versions.map((v) => v.lang))
  return [
    {
      sql: UPSERT_STORY,
      params: [
        story.slug,
        LANGUAGES.filter((lang) => present.has(lang)).join(','),
        story.image.key,
        story.image.width,
        story.image.height,
        story.image.widths.join(','),
        story.image.illustration ? 1 : 0,
      ],
    },
    ...LANGUAGES.filter((lang) => !present.has(lang)).map((lang) => ({
      sql: DELETE_VERSION,
      params: [story.slug, lang],
    })),
    ...story.versions.map((v) => ({
      sql: UPSERT_VERSION,
      params: [
        story.slug,
        v.lang,
        v.headline,
        v.summary,
        v.dateline ?? null,
        v.published,
        v.updated ?? null,
        v.imageAlt,
        v.imageCaption,
        v.bodyHtml,
        v.contentHash,
        now,
      ],
    })),
    ...story.versions.map((v) => ({
      sql: UPSERT_SEARCH_TEXT,
      params: [story.slug, v.lang, v.published, v.headline, v.summary, v.searchBody],
    })),
    NEW_EDITION,
  ]
}

/** Removes a story and every version of it (and, through the foreign key, their words in the search index). */
export const unpublishStatements = (slug: string): Statement[] => [
  { sql: DELETE_VERSIONS, params: [slug] },
  { sql: DELETE_STORY, params: [slug] },
  NEW_EDITION,
]

const literal = (value: SqlValue): string =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`

/**
 * The statements as one SQL file for `wrangler d1 execute --remote --file`, which takes no parameters: each `?N` is
 * replaced by its value as a quoted SQL literal (the only escaping SQLite needs is doubling `'`).
 */
export const toSqlFile = (statements: readonly Statement[]): string =>
  statements
    .map(
      ({ sql, params }) => `${sql.replace(/\?(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]!))};`,
    )
    .join('\n')

/**
 * The order of the search index: each version's row id in story_search_text (and so in the FTS5 index) is made
 * from its publication time, so that the index's own order is the archive's order, newest first by `published`,
 * then by story id. A page of results is then FTS5's `ORDER BY rowid LIMIT 21` from a cursor: no story row is read
 * to sort the matches, however many there are (migrations/0003_search_order.sql).
 *
 * The id is minus (`unixepoch(published) × 2^20 + (story id mod 2^18) × 4 + the language's place`, kk 0, ru 1,
 * en 2): versions of one second are ordered by story id as the archive's pages are, up to 262 144 stories; a
 * year-9999 date still fits SQLite's 64-bit integers (JavaScript's numbers hold them exactly until 2242; the app
 * never reads them). Negative, so that newest first is ascending: FTS5 reads a prefix query's matches in
 * descending order by building the whole list first, measured 20 ms against 1 ms ascending on the 10 000-story
 * archive.
 */
import type { Language } from './languages'

const SECOND = 2 ** 20
const STORIES = 2 ** 18
const PLACES = 4

/**
 * The SQL expression of a version's id, given SQL operands for its `published` (ISO 8601 UTC), story id and
 * language code. The publish step writes it and the store pages by it; migration 0003 spells out the same.
 */
export const searchOrderKey = (published: string, storyId: string, lang: string): string =>
  `-(unixepoch(${published}) * ${SECOND} + (${storyId} % ${STORIES}) * ${PLACES} + ${languagePlace(lang)})`

/** Ids above this one are of versions strictly older than (published, story id), in any language. */
export const searchOrderCursor = (published: string, storyId: string): string =>
  `-(unixepoch(${published}) * ${SECOND} + (${storyId} % ${STORIES}) * ${PLACES})`

/** Each language's place: a type error here when a language is added, until it has one below 4. */
const PLACE: Record<Language, number> = { kk: 0, ru: 1, en: 2 }

const languagePlace = (lang: string): string =>
  `CASE ${lang} ${Object.entries(PLACE)
    .map(([code, place]) => `WHEN '${code}' THEN ${place}`)
    .join(' ')} END`

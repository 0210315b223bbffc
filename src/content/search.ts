/** A search result: a story as a search found it, its matched words marked in its headline and excerpt. */
import type { StorySummary } from './story'

/** Marks around each matched word in a result's text: private-use characters, which no story holds. */
export const MARK_START = '\ue000'
export const MARK_END = '\ue001'

/** One story a search found: its summary, its headline and an excerpt with the matched words between marks. */
export type SearchResult = StorySummary & { markedHeadline: string; excerpt: string }

/**
 * Matches are counted up to this many: counting reads one index row per match, and a reader told "more than 1000"
 * learns what an exact 6 857 would tell them, to search with more words.
 */
export const COUNT_LIMIT = 1000

/** What a search found in a language: how many stories, and one page of them. */
export type SearchMatches = {
  /** How many stories in the language match, on every page: at most COUNT_LIMIT. */
  total: number
  /** Whether more than COUNT_LIMIT match (`total` is then COUNT_LIMIT). */
  more: boolean
  results: SearchResult[]
}

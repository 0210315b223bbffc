/** A search result: a story as a search found it, its matched words marked in its headline and excerpt. */
import type { StorySummary } from './story'

/** Marks around each matched word in a result's text: private-use characters, which no story holds. */
export const MARK_START = '\ue000'
export const MARK_END = '\ue001'

/** One story a search found: its summary, its headline and an excerpt with the matched words between marks. */
export type SearchResult = StorySummary & { markedHeadline: string; excerpt: string }

/** What a search found in a language: how many stories in all, and one page of them. */
export type SearchMatches = {
  /** How many stories in the language match, on every page. */
  total: number
  results: SearchResult[]
}

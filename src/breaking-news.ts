/** The breaking-news item an editor sets in Workers KV, one key per language, read defensively. */
import type { Language } from './languages'

export type BreakingItem = {
  text: string
  /** A path on this site (`/en/...`) or an `https:` address. */
  url: string
}

/** Longer than a headline and a half is not a breaking-news line; refuse it rather than fill the phone's screen. */
const MAX_TEXT_LENGTH = 280

/** The KV key that holds a language's item. */
export const breakingNewsKey = (lang: Language): string => lang

/**
 * Longer than any real article address: the link is on every page of its language, and the page cache counts
 * entries, not bytes, so an editor's slip must not make every page heavy.
 */
const MAX_URL_LENGTH = 512

/**
 * A path on this site (`/…`, but not `//…` or `/\\…`, which a browser takes for another host) or an `https://`
 * address, written out in full. Nothing a browser would silently drop or rewrite: no white space or control
 * characters anywhere (a browser strips the tab from `/\t/evil.example` and leaves `//evil.example`), no
 * backslash in a path, no `user:password@` (it dresses one host up as another), no `https:host` shorthand.
 */
const isSafeUrl = (url: string): boolean => {
  if (url.length > MAX_URL_LENGTH || /[\s\p{Cc}]/u.test(url)) return false
  if (url.startsWith('/')) return !url.startsWith('//') && !url.includes('\\')
  if (!url.startsWith('https://')) return false
  try {
    const { username, password } = new URL(url)
    return username === '' && password === ''
  } catch {
    return false
  }
}

/**
 * Turns a stored value into an item, or `null` when there is none or it is unusable: not JSON, missing fields,
 * an unsafe link, or past its `until` time. An editor's typo must never take the page down.
 */
export const parseBreakingItem = (raw: string | null, now: Date = new Date()): BreakingItem | null => {
  if (raw === null) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { text, url, until } = value as Record<string, unknown>
  if (typeof text !== 'string' || typeof url !== 'string') return null
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.length > MAX_TEXT_LENGTH || !isSafeUrl(url)) return null
  if (until !== undefined) {
    const end = typeof until === 'string' ? Date.parse(until) : Number.NaN
    if (Number.isNaN(end) || end <= now.getTime()) return null
  }
  return { text: trimmed, url }
}

/** How long this isolate reuses what it read: every page view needs the item, for its cache key. */
const MEMO_MS = 10_000
const memo = new Map<Language, { item: BreakingItem | null; until: number }>()

/** Forgets what this isolate read (for tests that change KV and look at once). */
export const forgetBreakingNews = (): void => memo.clear()

/** Reads the current item for a language; a missing binding or a failing read counts as "no item". */
export const readBreakingItem = async (
  kv: KVNamespace | undefined,
  lang: Language,
): Promise<BreakingItem | null> => {
  if (!kv) return null
  const now = Date.now()
  const known = memo.get(lang)
  if (known && known.until > now) return known.item
  try {
    // Cached at the edge for 30 s (the least KV allows) and here for 10 s: an editor's change shows within
    // well under a minute. The page cache's key includes the item, so no stale page outlives it.
    const item = parseBreakingItem(await kv.get(breakingNewsKey(lang), { cacheTtl: 30 }))
    memo.set(lang, { item, until: now + MEMO_MS })
    return item
  } catch (error) {
    console.error(JSON.stringify({ event: 'breaking-news-read-failed', message: String(error) }))
    return null
  }
}

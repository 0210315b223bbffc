/** The archive's edition: a number every publish and unpublish changes, so cached pages of the last one go. */
import { openStore } from './store'

/** How long this isolate reuses what it read: every cached page view needs it, for the cache key. */
const MEMO_MS = 10_000
let memo: { edition: number; until: number } | undefined

/** Forgets what this isolate read (for tests that publish and look at once). */
export const forgetEdition = (): void => {
  memo = undefined
}

/** The current edition; a failing read counts as edition 0, so the site still answers from D1 directly. */
export const readEdition = async (env: Env): Promise<number> => {
  const now = Date.now()
  if (memo && memo.until > now) return memo.edition
  try {
    const edition = await openStore(env).edition()
    memo = { edition, until: now + MEMO_MS }
    return edition
  } catch (error) {
    console.error(JSON.stringify({ event: 'edition-read-failed', message: String(error) }))
    return 0
  }
}

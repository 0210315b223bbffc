/** The archive's edition: a number every publish and unpublish changes, so cached pages of the last one go. */
import { openStore } from './store'

/** How long this isolate reuses what it read: every cached page view needs it, for the cache key. */
const MEMO_MS = 10_000
let memo: { edition: number; until: number } | undefined
/** The read under way: readers arriving together wait for one answer, not one query each. */
let pending: Promise<number | undefined> | undefined

/** Forgets what this isolate read (for tests that publish and look at once). */
export const forgetEdition = (): void => {
  memo = undefined
  pending = undefined
}

/**
 * The current edition, or, when the database fails or is late (src/storage.ts, logged there), the last one this
 * isolate knew: the copies of that edition are still served for the rest of their minute. Undefined only when this
 * isolate never read one: then no fresh copy can be looked up, and the page cache goes to its kept copies.
 */
export const readEdition = async (env: Env): Promise<number | undefined> => {
  const now = Date.now()
  if (memo && memo.until > now) return memo.edition
  pending ??= openStore(env)
    .edition()
    .then(
      (edition) => {
        memo = { edition, until: Date.now() + MEMO_MS }
        return edition
      },
      () => memo?.edition,
    )
    .finally(() => {
      pending = undefined
    })
  return pending
}

/**
 * When a store behind the Worker fails: D1 (one primary region, and read replicas that lag or vanish), R2 or KV.
 * A failure is an error, or no answer within STORAGE_DEADLINE_MS. Either way the reader gets what can still be
 * given (src/page-cache.ts: the last good copy of a page; else a 503 that says so), never a 500 or a hang.
 */

/**
 * How long a read may take before the page is given up on and a kept copy served instead. A healthy D1 read from a
 * Worker takes milliseconds near the database and a few hundred across the world; a second is far past that, yet
 * short beside what a reader on a slow network already waits for the page to arrive.
 */
export const STORAGE_DEADLINE_MS = 1_000

/**
 * After a failure, how long this isolate takes the database to be down without asking it again: readers are not
 * made to wait the deadline one by one while it is, and a struggling database is not asked by every request.
 */
export const DOWN_FOR_MS = 5_000

/** What a 503 asks a reader's browser (and a crawler) to wait before trying again. */
export const RETRY_AFTER_SECONDS = 60

export type StorageKind = 'd1' | 'r2' | 'kv' | 'cache'
export type FailureReason = 'timeout' | 'error' | 'not-migrated'

/** A store did not answer in time, or failed: the request gets a kept copy or a 503, never a 500. */
export class StorageUnavailable extends Error {
  override name = 'StorageUnavailable'
  constructor(
    readonly store: StorageKind,
    readonly reason: FailureReason,
  ) {
    super(`${store} unavailable (${reason})`)
  }
}

/** What to do about each failure, for the one log line it gets: the fix when there is one. */
const FIXES: Partial<Record<FailureReason, string>> = {
  'not-migrated':
    'the database has tables missing: run `npx wrangler d1 migrations apply DB --remote` (or `--local`), then reload',
}

/** Failure kinds this isolate has logged: one line per kind, not one per reader, so an outage cannot flood the log. */
const logged = new Set<string>()

/**
 * Logs a failure once per kind in this isolate: the store, the reason and, for an error, the runtime's message
 * (D1's names a table or a limit, never a reader's text: a search's failure is logged without its message).
 */
export const logFailureOnce = (store: StorageKind, reason: FailureReason, message?: string): void => {
  const kind = `${store}:${reason}`
  if (logged.has(kind)) return
  logged.add(kind)
  const fix = FIXES[reason]
  console.error(
    JSON.stringify({
      event: 'storage-unavailable',
      store,
      reason,
      ...(message ? { message } : {}),
      ...(fix ? { fix } : {}),
    }),
  )
}

/** Forgets what was logged and that a store was down (for tests). */
export const forgetFailures = (): void => {
  logged.clear()
  downUntil.clear()
}

const downUntil = new Map<StorageKind, number>()

/** Whether this isolate saw the store fail in the last DOWN_FOR_MS. */
export const isDown = (store: StorageKind): boolean => (downUntil.get(store) ?? 0) > Date.now()

const NOT_MIGRATED = /no such (table|column)/i

/**
 * The store's answer, or StorageUnavailable if it fails or takes longer than the deadline. The failure is logged
 * once and the store is taken to be down for DOWN_FOR_MS; `quiet` leaves the error's message out of the log.
 */
export const withinDeadline = async <T>(
  store: StorageKind,
  read: () => Promise<T>,
  { quiet = false }: { quiet?: boolean } = {},
): Promise<T> => {
  if (isDown(store)) throw new StorageUnavailable(store, 'error')
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageUnavailable(store, 'timeout')), STORAGE_DEADLINE_MS)
  })
  try {
    return await Promise.race([read(), deadline])
  } catch (error) {
    const failure =
      error instanceof StorageUnavailable
        ? error
        : new StorageUnavailable(store, NOT_MIGRATED.test(String(error)) ? 'not-migrated' : 'error')
    downUntil.set(store, Date.now() + DOWN_FOR_MS)
    logFailureOnce(store, failure.reason, quiet || failure.reason === 'timeout' ? undefined : String(error))
    throw failure
  } finally {
    if (timer !== undefined) clearTimeout(timer)
  }
}

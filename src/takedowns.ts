/**
 * Stories taken down: their slugs, which `npm run unpublish` writes to KV before it deletes the story from D1 (and
 * a publish of the same slug takes out again). Read only while D1 fails, before a kept copy of a page is served
 * (src/page-cache.ts): a legal takedown must hold while D1 is down, and KV is another store, another failure domain.
 */
import { withinDeadline } from './storage'

import { TAKEDOWNS_KEY } from './takedown-key'
export { TAKEDOWNS_KEY } from './takedown-key'

/** How long this isolate reuses the list it read; KV's own edge cache is asked to keep it no longer. */
const MEMO_MS = 30_000
let memo: { slugs: ReadonlySet<string>; until: number } | undefined

/** Forgets the list this isolate read (for tests). */
export const forgetTakedowns = (): void => {
  memo = undefined
}

/**
 * The slugs taken down, or a rejection when KV fails, is late, or holds something that is not a list of slugs:
 * then nothing can be shown to be safe to serve, and no kept copy is.
 */
export const readTakedowns = async (env: {
  TAKEDOWNS: { get: (key: string, options: { type: 'json'; cacheTtl: number }) => Promise<unknown> }
}): Promise<ReadonlySet<string>> => {
  const now = Date.now()
  if (memo && memo.until > now) return memo.slugs
  const value = await withinDeadline('kv', () =>
    env.TAKEDOWNS.get(TAKEDOWNS_KEY, { type: 'json', cacheTtl: 60 }),
  )
  const list = value ?? []
  if (!Array.isArray(list) || !list.every((slug) => typeof slug === 'string'))
    throw new Error('the takedown list in KV is not a list of slugs')
  memo = { slugs: new Set(list), until: now + MEMO_MS }
  return memo.slugs
}

/**
 * What a publish writes to, and the target made of a D1 and an R2 binding: the local ones of `wrangler dev`
 * (targets.ts), or a test file's own inside workerd. No Node module here, so the Workers tier can load it.
 */
import type { ImageObject } from './story.ts'
import type { SqlValue, Statement } from './write.ts'

export type Target = {
  /** Runs each batch atomically: every statement of a batch or none. */
  write: (batches: readonly Statement[][]) => Promise<void>
  putObjects: (objects: readonly ImageObject[]) => Promise<void>
  deleteObjects: (keys: readonly string[]) => Promise<void>
  /** Every row of a query, for what a write must know first (which photos do these stories show now?). */
  all: (sql: string, params: SqlValue[]) => Promise<Record<string, unknown>[]>
  /** The keys of every object whose key starts with `prefix`, or undefined where the target cannot list them. */
  listObjects: (prefix: string) => Promise<string[] | undefined>
  /** The slugs taken down (src/takedowns.ts: a JSON list in the TAKEDOWNS KV namespace), and writing them. */
  takedowns: () => Promise<string[]>
  setTakedowns: (slugs: readonly string[]) => Promise<void>
  close: () => Promise<void>
}

/** The parts of the D1 and R2 bindings a publish uses. */
export type D1 = {
  prepare: (sql: string) => { bind: (...values: SqlValue[]) => D1Bound } & D1Bound
  batch: (statements: D1Bound[]) => Promise<unknown>
}
type D1Bound = {
  all: () => Promise<{ results: unknown[] }>
}
export type KV = {
  get: (key: string) => Promise<string | null>
  put: (key: string, value: string) => Promise<void>
}

/** The key of the takedown list: the Worker's own (src/takedowns.ts). */
export { TAKEDOWNS_KEY } from '../../src/takedown-key.ts'
import { TAKEDOWNS_KEY } from '../../src/takedown-key.ts'

/** A takedown list as stored, or a refusal to go on: a list that cannot be read must not be overwritten. */
export const parseTakedowns = (stored: string | null): string[] => {
  const list: unknown = stored === null || stored.trim() === '' ? [] : JSON.parse(stored)
  if (!Array.isArray(list) || !list.every((slug) => typeof slug === 'string'))
    throw new Error(`the takedown list in KV (key "${TAKEDOWNS_KEY}") is not a list of slugs`)
  return list
}

export type R2 = {
  put: (
    key: string,
    value: Uint8Array,
    options: { httpMetadata: { contentType: string } },
  ) => Promise<unknown>
  delete: (keys: string[]) => Promise<void>
  list: (options: {
    prefix: string
    cursor?: string
  }) => Promise<{ objects: { key: string }[]; truncated: boolean; cursor?: string }>
}

/** A target on its bindings; closing it is left to whoever opened them. */
export const bindingsTarget = (db: D1, media: R2, kv: KV): Target => {
  const bound = (s: Statement) => db.prepare(s.sql).bind(...s.params)
  return {
    write: async (batches) => {
      for (const batch of batches) await db.batch(batch.map(bound))
    },
    putObjects: async (objects) => {
      for (const o of objects)
        await media.put(o.key, new Uint8Array(o.bytes), { httpMetadata: { contentType: o.contentType } })
    },
    deleteObjects: async (keys) => {
      if (keys.length > 0) await media.delete([...keys])
    },
    all: async (sql, params) =>
      (
        await db
          .prepare(sql)
          .bind(...params)
          .all()
      ).results as Record<string, unknown>[],
    listObjects: async (prefix) => {
      const keys: string[] = []
      let cursor: string | undefined
      do {
        const page = await media.list({ prefix, ...(cursor ? { cursor } : {}) })
        keys.push(...page.objects.map((o) => o.key))
        cursor = page.truncated ? page.cursor : undefined
      } while (cursor)
      return keys
    },
    takedowns: async () => parseTakedowns(await kv.get(TAKEDOWNS_KEY)),
    setTakedowns: async (slugs) => kv.put(TAKEDOWNS_KEY, JSON.stringify([...slugs].sort())),
    close: async () => {},
  }
}

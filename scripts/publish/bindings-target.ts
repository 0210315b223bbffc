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

/** A target on two bindings; closing it is left to whoever opened them. */
export const bindingsTarget = (db: D1, media: R2): Target => {
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
    close: async () => {},
  }
}

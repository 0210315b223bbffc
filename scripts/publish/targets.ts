/** Where a publish writes: the local D1 and R2 that `wrangler dev` uses, or production through wrangler. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ImageObject } from './story.ts'
import { toSqlFile, type SqlValue, type Statement } from './write.ts'

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..')
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')
const DATABASE = 'DB'
const BUCKET = 'azattyq-reader-media'

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
type D1 = {
  prepare: (sql: string) => { bind: (...values: SqlValue[]) => D1Bound } & D1Bound
  batch: (statements: D1Bound[]) => Promise<unknown>
}
type D1Bound = {
  all: () => Promise<{ results: unknown[] }>
}
type R2 = {
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

/** `migrations/*.sql` in order, as wrangler applies them, recorded in wrangler's own `d1_migrations` table. */
const applyMigrations = async (db: D1, split: (sql: string) => string[]) => {
  await db.batch([
    db.prepare(
      'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)',
    ),
  ])
  const applied = new Set(
    ((await db.prepare('SELECT name FROM d1_migrations').all()).results as { name: string }[]).map(
      (r) => r.name,
    ),
  )
  const dir = join(ROOT, 'migrations')
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    if (applied.has(name)) continue
    const queries = split(readFileSync(join(dir, name), 'utf8'))
    await db.batch([
      ...queries.map((q) => db.prepare(q)),
      db.prepare('INSERT INTO d1_migrations (name) VALUES (?1)').bind(name),
    ])
  }
}

/**
 * The local D1 and R2 of `wrangler dev`, through wrangler's getPlatformProxy: the same `.wrangler/state` (or the
 * `--persist-to` folder a test server uses), migrated first, so a fresh clone needs no other step.
 */
export const localTarget = async (
  persistTo?: string,
): Promise<Target & { bindings: Record<string, unknown> }> => {
  const { getPlatformProxy, unstable_splitSqlQuery } = await import('wrangler')
  const proxy = await getPlatformProxy<{ DB: D1; MEDIA: R2 }>({
    configPath: join(ROOT, 'wrangler.toml'),
    persist: persistTo ? { path: join(resolve(persistTo), 'v3') } : true,
    remoteBindings: false,
  })
  const { DB: db, MEDIA: media } = proxy.env
  await applyMigrations(db, unstable_splitSqlQuery)
  const bound = (s: Statement) => db.prepare(s.sql).bind(...s.params)
  return {
    /** Every binding of wrangler.toml, local: for the benchmark, which runs the built Worker in Node on them. */
    bindings: proxy.env as unknown as Record<string, unknown>,
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
    close: () => proxy.dispose(),
  }
}

const wrangler = (args: string[], input?: string): string =>
  execFileSync(process.execPath, [WRANGLER, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  })

const remoteRows = async (sql: string, params: SqlValue[]): Promise<Record<string, unknown>[]> => {
  const out = wrangler([
    'd1',
    'execute',
    DATABASE,
    '--remote',
    '--json',
    '--command',
    toSqlFile([{ sql, params }]),
  ])
  const [result] = JSON.parse(out) as { results: Record<string, unknown>[] }[]
  return result?.results ?? []
}

/**
 * Production, through wrangler (`wrangler login` first): R2 objects one by one, then every batch as one SQL file,
 * which D1 runs as a single transaction.
 */
export const remoteTarget = async (): Promise<Target> => {
  const work = mkdtempSync(join(tmpdir(), 'azattyq-publish-'))
  return {
    write: async (batches) => {
      const file = join(work, 'publish.sql')
      writeFileSync(file, toSqlFile(batches.flat()))
      wrangler(['d1', 'execute', DATABASE, '--remote', '--yes', '--file', file])
    },
    putObjects: async (objects) => {
      for (const o of objects) {
        const file = join(work, 'object')
        writeFileSync(file, o.bytes)
        wrangler([
          'r2',
          'object',
          'put',
          `${BUCKET}/${o.key}`,
          '--remote',
          '--file',
          file,
          '--content-type',
          o.contentType,
        ])
      }
    },
    deleteObjects: async (keys) => {
      for (const key of keys) wrangler(['r2', 'object', 'delete', `${BUCKET}/${key}`, '--remote'])
    },
    all: remoteRows,
    // wrangler lists no objects of a bucket: a remote unpublish deletes the keys the database names.
    listObjects: async () => undefined,
    close: async () => rmSync(work, { recursive: true, force: true }),
  }
}

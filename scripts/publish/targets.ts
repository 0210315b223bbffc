/** Where a publish writes: the local D1 and R2 that `wrangler dev` uses, or production through wrangler. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  bindingsTarget,
  parseTakedowns,
  TAKEDOWNS_KEY,
  type D1,
  type KV,
  type R2,
  type Target,
} from './bindings-target.ts'
import { toSqlFile, type SqlValue } from './write.ts'

export type { Target } from './bindings-target.ts'

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..')
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')
const DATABASE = 'DB'
const BUCKET = 'azattyq-reader-media'

/**
 * Applies every pending migration to the local D1, with wrangler's own `d1 migrations apply` (its bookkeeping, its
 * `d1_migrations` table): a database `wrangler dev` created empty is migrated like one this step made.
 */
export const migrateLocal = (persistTo?: string): string =>
  wrangler([
    'd1',
    'migrations',
    'apply',
    DATABASE,
    '--local',
    ...(persistTo ? ['--persist-to', resolve(persistTo)] : []),
  ])

/**
 * The local D1 and R2 of `wrangler dev`, through wrangler's getPlatformProxy: the same `.wrangler/state` (or the
 * `--persist-to` folder a test server uses), migrated first by wrangler, so a fresh clone needs no other step.
 */
export const localTarget = async (
  persistTo?: string,
): Promise<Target & { bindings: Record<string, unknown> }> => {
  migrateLocal(persistTo)
  const { getPlatformProxy } = await import('wrangler')
  const proxy = await getPlatformProxy<{ DB: D1; MEDIA: R2; TAKEDOWNS: KV }>({
    configPath: join(ROOT, 'wrangler.toml'),
    persist: persistTo ? { path: join(resolve(persistTo), 'v3') } : true,
    remoteBindings: false,
  })
  return {
    ...bindingsTarget(proxy.env.DB, proxy.env.MEDIA, proxy.env.TAKEDOWNS),
    /** Every binding of wrangler.toml, local: for the benchmark, which runs the built Worker in Node on them. */
    bindings: proxy.env as unknown as Record<string, unknown>,
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
    takedowns: async () => {
      const args = ['kv', 'key', 'get', TAKEDOWNS_KEY, '--binding', 'TAKEDOWNS', '--remote', '--text']
      try {
        return parseTakedowns(wrangler(args))
      } catch (error) {
        // wrangler says "Value not found" for a key never written: no story has been taken down yet.
        if (/not found/i.test(String(error))) return []
        throw error
      }
    },
    setTakedowns: async (slugs) => {
      const list = JSON.stringify([...slugs].sort())
      wrangler(['kv', 'key', 'put', TAKEDOWNS_KEY, list, '--binding', 'TAKEDOWNS', '--remote'])
    },
    close: async () => rmSync(work, { recursive: true, force: true }),
  }
}

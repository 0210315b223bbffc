// What the Worker itself spends, for `npm run bench`: render time with its bindings in memory (so a page's time is
// its own JavaScript, not a round trip to wrangler's local proxy), and the CPU of a fresh isolate's start and first
// request beside a trivial Worker's.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { DatabaseSync, type SQLInputValue } from 'node:sqlite'
import { pathToFileURL } from 'node:url'
import type { Statement } from './publish/write.ts'
import { ROOT } from './publish/targets.ts'

export type Worker = { fetch: (request: Request, env: unknown) => Promise<Response> }

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * D1's surface as the store uses it, on Node's own SQLite (FTS5 included) in memory: the migrations, then whatever
 * a publish would write. Times are SQLite's; rows read are not counted here (the local D1 does that, see
 * bench-archive.ts).
 */
export const memoryDatabase = (statements: readonly Statement[]) => {
  const sqlite = new DatabaseSync(':memory:')
  const dir = join(ROOT, 'migrations')
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.sql'))
    .sort())
    sqlite.exec(readFileSync(join(dir, name), 'utf8'))
  sqlite.exec('BEGIN')
  for (const { sql, params } of statements) sqlite.prepare(sql).run(...params)
  sqlite.exec('COMMIT')
  const meta = { rows_read: 0, rows_written: 0, duration: 0 }
  /** µs spent in SQLite since the caller last set it to 0. */
  const spent = { us: 0 }
  const timed = <T>(work: () => T): T => {
    const start = process.hrtime.bigint()
    try {
      return work()
    } finally {
      spent.us += Number(process.hrtime.bigint() - start) / 1000
    }
  }
  const statement = (sql: string, params: SQLInputValue[] = []) => {
    const prepared = () => sqlite.prepare(sql)
    return {
      bind: (...values: SQLInputValue[]) => statement(sql, values),
      all: async () => ({ success: true, results: timed(() => prepared().all(...params)), meta }),
      first: async (column?: string) => {
        const row = timed(() => prepared().get(...params)) as Record<string, unknown> | undefined
        return row === undefined ? null : column ? row[column] : row
      },
      raw: async () =>
        timed(() => {
          const rows = prepared()
          rows.setReturnArrays(true)
          return rows.all(...params)
        }),
      run: async () => ({ success: true, results: [], meta }),
    }
  }
  return { prepare: (sql: string) => statement(sql), close: () => sqlite.close(), spent }
}

/** Every binding of wrangler.toml in memory: stories in SQLite, no breaking item, no photos, no assets. */
export const memoryEnv = (statements: readonly Statement[]) => ({
  DB: memoryDatabase(statements),
  BREAKING: { get: async () => null },
  MEDIA: { get: async () => null },
  ASSETS: { fetch: async () => new Response(null, { status: 404 }) },
})

/**
 * Runs `work` with WebCrypto's `digest` computed on the calling thread, as workerd computes it: "all of our
 * implementations perform the crypto synchronously before returning" (workerd, src/workerd/api/crypto/crypto.c++).
 * Node sends each digest to its thread pool and wakes the event loop when it is done, which a Worker never pays:
 * measured on the Kazakh front page, 530–802 µs a render through the pool against 299–412 µs on the thread. The
 * page's ETag is such a digest (Hono's `etag()` here, where Node has no Cache API; the page cache's in a Worker).
 */
export const withWorkerdDigest = async <T>(work: () => Promise<T>): Promise<T> => {
  type Digest = (
    algorithm: string | { name: string },
    data: ArrayBuffer | ArrayBufferView,
  ) => Promise<ArrayBuffer>
  const subtle = crypto.subtle as unknown as { digest: Digest }
  const pooled = subtle.digest
  subtle.digest = async (algorithm, data) => {
    const name = (typeof algorithm === 'string' ? algorithm : algorithm.name).replace('-', '').toLowerCase()
    const bytes = ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data)
    const hash = createHash(name).update(bytes).digest()
    return hash.buffer.slice(hash.byteOffset, hash.byteOffset + hash.byteLength) as ArrayBuffer
  }
  try {
    return await work()
  } finally {
    subtle.digest = pooled
  }
}

/**
 * Uncached renders of a path (after warm-ups): the median µs of the whole request including reading the body, of
 * it the time in SQLite (D1's work, which in production is not the Worker's CPU), and the mean CPU µs per render.
 */
export const renderTime = async (
  worker: Worker,
  env: ReturnType<typeof memoryEnv>,
  path: string,
  renders = 400,
) => {
  const times: number[] = []
  const sqlite: number[] = []
  let status = 0
  // Quiet anything the Worker prints: printing would be most of what is measured.
  const quiet = { log: console.log, warn: console.warn, error: console.error }
  console.log = console.warn = console.error = () => {}
  let cpu: NodeJS.CpuUsage | undefined
  try {
    await withWorkerdDigest(async () => {
      for (let i = 0; i < renders + 100; i++) {
        if (i === 100) cpu = process.cpuUsage()
        env.DB.spent.us = 0
        const start = process.hrtime.bigint()
        const response = await worker.fetch(new Request(`http://localhost${path}`), env)
        await response.arrayBuffer()
        status = response.status
        if (i < 100) continue
        times.push(Number(process.hrtime.bigint() - start) / 1000)
        sqlite.push(env.DB.spent.us)
      }
      cpu = process.cpuUsage(cpu)
    })
  } finally {
    Object.assign(console, quiet)
  }
  return {
    us: Math.round(median(times)),
    sqlUs: Math.round(median(sqlite)),
    // CPU time per render, SQLite's included: unlike wall time, it does not grow when other work shares the cores.
    cpuUs: Math.round((cpu!.user + cpu!.system) / renders),
    status,
  }
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

const TRIVIAL_WORKER = 'export default { fetch: () => new Response("ok") }\n'

/**
 * CPU of loading a Worker module into a fresh module instance (parse, compile, top-level code: what a new isolate
 * does before its first request) and of its first and a later request, beside a trivial Worker's, medians of
 * `runs`. V8 in Node, as in workerd; the isolate's own creation is the same for both and not counted.
 */
export const startupCost = async (bundle: string, env: unknown, path: string, runs = 9) => {
  const dir = mkdtempSync(join(tmpdir(), 'azattyq-startup-'))
  writeFileSync(join(dir, 'trivial.mjs'), TRIVIAL_WORKER)
  const measureOne = async (file: string) => {
    let since = process.cpuUsage()
    const worker = (await import(pathToFileURL(file).href)).default as Worker
    const startup = cpuMs(since)
    since = process.cpuUsage()
    await (await worker.fetch(new Request(`http://localhost${path}`), env)).arrayBuffer()
    const first = cpuMs(since)
    since = process.cpuUsage()
    await (await worker.fetch(new Request(`http://localhost${path}`), env)).arrayBuffer()
    return { startup, first, second: cpuMs(since) }
  }
  type Run = Awaited<ReturnType<typeof measureOne>>
  const results: { app: Run[]; trivial: Run[] } = { app: [], trivial: [] }
  try {
    for (let run = 0; run < runs; run++) {
      // A new file name is a new module instance: nothing is reused from the run before.
      const app = join(dir, `worker-${run}.mjs`)
      copyFileSync(bundle, app)
      const trivial = join(dir, `trivial-${run}.mjs`)
      copyFileSync(join(dir, 'trivial.mjs'), trivial)
      results.app.push(await withWorkerdDigest(() => measureOne(app)))
      results.trivial.push(await withWorkerdDigest(() => measureOne(trivial)))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const summary = (list: Run[]) => ({
    'startup CPU ms': median(list.map((r) => r.startup)).toFixed(1),
    'first request CPU ms': median(list.map((r) => r.first)).toFixed(1),
    'later request CPU ms': median(list.map((r) => r.second)).toFixed(1),
  })
  return { app: summary(results.app), trivial: summary(results.trivial) }
}

/** The Cache API in memory, for a Worker run in Node (which has none): what is put is matched, as a copy. */
export const memoryCacheApi = () => {
  const stored = new Map<string, Response>()
  return {
    open: async () => ({
      match: async (key: string) => stored.get(key)?.clone(),
      put: async (key: string, response: Response) => void stored.set(key, response),
    }),
  }
}

/**
 * Median µs of a page-cache hit, the whole request in Node (Request to read body), beside a bare handler that
 * answers a body of the same size: the Worker's own per-request work on a hit, apart from the runtime's.
 */
export const hitTime = async (worker: Worker, env: unknown, url: string, runs = 5000) => {
  const caches = memoryCacheApi()
  const had = Object.getOwnPropertyDescriptor(globalThis, 'caches')
  Object.assign(globalThis, { caches })
  const context = { waitUntil: () => {}, passThroughOnException: () => {} }
  const fetchWith = worker.fetch as (request: Request, env: unknown, context: unknown) => Promise<Response>
  try {
    const size = (await (await fetchWith(new Request(url), env, context)).arrayBuffer()).byteLength
    const body = new Uint8Array(size)
    const bare = async (_request: Request) =>
      new Response(body, { headers: { 'Content-Type': 'text/html; charset=UTF-8' } })
    const time = async (handle: () => Promise<Response>) => {
      const times: number[] = []
      for (let i = 0; i < runs + 500; i++) {
        const start = process.hrtime.bigint()
        await (await handle()).arrayBuffer()
        if (i >= 500) times.push(Number(process.hrtime.bigint() - start) / 1000)
      }
      return Math.round(median(times) * 10) / 10
    }
    const page = await time(() => fetchWith(new Request(url), env, context))
    const bareUs = await time(() => bare(new Request(url)))
    return { page, bare: bareUs, bytes: size }
  } finally {
    if (had) Object.defineProperty(globalThis, 'caches', had)
    else delete (globalThis as { caches?: unknown }).caches
  }
}

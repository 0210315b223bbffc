// The archive at scale, for `npm run bench`: the built Worker run in Node on a local D1 and R2 holding the one real
// story, then 10 000 generated ones (marked as generated), uncached; render time and D1 rows read per page.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generatedStory } from './publish/generate.ts'
import { prepare, prepareStories } from './publish/pipeline.ts'
import type { Language } from './publish/story.ts'
import { localTarget, ROOT } from './publish/targets.ts'
import { toSqlFile } from './publish/write.ts'

type Worker = { fetch: (request: Request, env: unknown) => Promise<Response> }
type Database = { prepare: (sql: string) => { all: () => Promise<unknown> } }

const ARCHIVE = 10_000
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')
const ARTICLE_DIR = join(ROOT, 'content/articles/kazakhstan-contradictory-death-tolls-unrest')
const SLUG = 'kazakhstan-contradictory-death-tolls-unrest'
/** Most stories in all three languages; every fifth in Kazakh and Russian only, every seventh in Kazakh only. */
const languagesOf = (n: number): Language[] =>
  n % 7 === 0 ? ['kk'] : n % 5 === 0 ? ['kk', 'ru'] : ['kk', 'ru', 'en']

type Count = { rows: number; sqlMs: number; waitUs: number }

/**
 * A binding whose every call is timed: the wall time the Worker waits on it (here mostly the local proxy's round
 * trip, not the work) is added to `count.waitUs`, and D1's `meta.rows_read` and `meta.duration` (SQLite's own time)
 * are added up as the tests' counting binding does. Statements a binding returns are wrapped the same way.
 */
const timed = <T extends object>(binding: T, count: Count): T =>
  new Proxy(binding, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args)
        if (!(result instanceof Promise)) return result && typeof result === 'object' ? timed(result, count) : result
        const start = process.hrtime.bigint()
        return result.then((settled: unknown) => {
          count.waitUs += Number(process.hrtime.bigint() - start) / 1000
          const meta = (settled as { meta?: { rows_read?: number; duration?: number } } | null)?.meta
          count.rows += meta?.rows_read ?? 0
          count.sqlMs += meta?.duration ?? 0
          return settled
        })
      }
    },
  })

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Uncached renders of a path after warm-ups, medians: the Worker's own time (the whole request less the time it
 * waited on D1), SQLite's time, and the rows one render reads.
 */
const measure = async (worker: Worker, bindings: Record<string, unknown>, path: string, renders: number) => {
  const count: Count = { rows: 0, sqlMs: 0, waitUs: 0 }
  // Every binding a page may wait on: outside workerd, each call is a round trip to the local proxy.
  const env = Object.fromEntries(
    Object.entries(bindings).map(([name, binding]) => [
      name,
      binding && typeof binding === 'object' ? timed(binding, count) : binding,
    ]),
  )
  const times: number[] = []
  const sql: number[] = []
  let status = 0
  // Quiet the Worker's request log (slow answers): printing would be most of what is measured.
  const quiet = { log: console.log, warn: console.warn, error: console.error }
  console.log = console.warn = console.error = () => {}
  for (let i = 0; i < renders + 10; i++) {
    Object.assign(count, { rows: 0, sqlMs: 0, waitUs: 0 })
    const start = process.hrtime.bigint()
    const response = await worker.fetch(new Request(`http://localhost${path}`), env)
    await response.arrayBuffer()
    status = response.status
    if (i < 10) continue
    times.push(Number(process.hrtime.bigint() - start) / 1000 - count.waitUs)
    sql.push(count.sqlMs * 1000)
  }
  Object.assign(console, quiet)
  return { us: Math.round(median(times)), sqlUs: Math.round(median(sql)), rows: count.rows, status }
}

/** The pages the issue names, by what they are; the 100th archive page's cursor is looked up, not walked to. */
const pagesOf = async (db: Database, size: number) => {
  const pages: Record<string, string> = {
    'front page (en)': '/en/',
    article: `/en/articles/${SLUG}`,
    'feed (en)': '/en/feed.xml',
    'sitemap index': '/sitemap.xml',
    'a child sitemap (100 stories)': '/sitemaps/stories-0.xml',
  }
  if (size > 2000) {
    // The story just above the 100th page: 99 pages of 20. A measuring query may use OFFSET; the app never does.
    const row = (await db
      .prepare(
        `SELECT published, story_id AS id FROM story_versions WHERE lang = 'en' ORDER BY published DESC, story_id DESC LIMIT 1 OFFSET ${99 * 20 - 1}`,
      )
      .all()) as unknown as { results: { published: string; id: number }[] }
    const { published, id } = row.results[0]!
    pages['100th archive page (en)'] = `/en/older/${published.replace(/[-:]/g, '')}-${id}`
  }
  return pages
}

type Measured = Awaited<ReturnType<typeof measure>>

export const benchArchive = async (worker: Worker, renders = 200) => {
  const photo = readFileSync(join(ARTICLE_DIR, 'unrest-illustration.jpg'))
  const results: Record<string, Record<string, Measured>> = {}
  let publishSeconds = 0
  for (const size of [1, ARCHIVE]) {
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
    const real = await prepare([ARTICLE_DIR], now)
    // Everything is prepared before the local proxy is opened, as `npm run publish` does: left idle for the minute
    // 10 000 stories take to render, its connection is gone when the writes start.
    const started = performance.now()
    const generated =
      size > 1
        ? await prepareStories(
            Array.from({ length: size - 1 }, (_, i) =>
              generatedStory({ number: i + 1, languages: languagesOf(i + 1), image: photo }),
            ),
            now,
          )
        : undefined
    const prepared = performance.now()
    const state = mkdtempSync(join(tmpdir(), 'azattyq-bench-state-'))
    let target = await localTarget(state)
    try {
      await target.putObjects(real.objects)
      await target.write(real.batches)
      if (generated) {
        // The generated stories go in as one SQL file through `wrangler d1 execute --local`, the way `--remote`
        // publishing writes (one file, one transaction). Through the local proxy, one D1 batch per story spends
        // the run on round trips, and bigger batches or 20 000 R2 puts made the proxy drop its connection on these
        // machines; the photos are resized (once, being one picture) but not stored: the pages measured read D1.
        await target.close()
        const writing = performance.now()
        const file = join(state, 'generated.sql')
        writeFileSync(file, toSqlFile(generated.batches.flat()))
        execFileSync(
          process.execPath,
          [WRANGLER, 'd1', 'execute', 'DB', '--local', '--persist-to', state, '--file', file],
          { cwd: ROOT, stdio: 'ignore', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
        )
        publishSeconds = (prepared - started + performance.now() - writing) / 1000
        target = await localTarget(state)
      }
      const db = target.bindings.DB as Database
      const column: Record<string, Measured> = {}
      for (const [name, path] of Object.entries(await pagesOf(db, size)))
        column[name] = await measure(worker, target.bindings, path, renders)
      results[size] = column
    } finally {
      await target.close()
      rmSync(state, { recursive: true, force: true })
    }
  }
  const rows = Object.keys(results[ARCHIVE]!).map((page) => {
    const one = results[1]![page]
    const many = results[ARCHIVE]![page]!
    return {
      page,
      'Worker µs (1)': one?.us ?? '–',
      [`Worker µs (${ARCHIVE})`]: many.us,
      ratio: one ? (many.us / one.us).toFixed(2) : '–',
      'SQL µs (1)': one?.sqlUs ?? '–',
      [`SQL µs (${ARCHIVE})`]: many.sqlUs,
      'rows read (1)': one?.rows ?? '–',
      [`rows read (${ARCHIVE})`]: many.rows,
      status: many.status,
    }
  })
  console.table(rows)
  console.log(
    `publishing ${ARCHIVE - 1} generated stories (read, validate, render, resize the photo, one SQL file through wrangler d1 execute --local; photos not uploaded): ${publishSeconds.toFixed(1)} s`,
  )
  return { rows, publishSeconds }
}

// `npm run bench:archive`: this part of the benchmark alone, on a freshly built Worker.
if (import.meta.main) {
  const { pathToFileURL } = await import('node:url')
  const out = mkdtempSync(join(tmpdir(), 'azattyq-bench-'))
  execFileSync(
    process.execPath,
    [WRANGLER, 'deploy', '--dry-run', '--outdir', out],
    { cwd: ROOT, stdio: 'ignore', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  )
  const worker = (await import(pathToFileURL(join(out, 'index.js')).href)).default as Worker
  await benchArchive(worker)
  rmSync(out, { recursive: true, force: true })
}

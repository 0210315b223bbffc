// The archive at scale, for `npm run bench`: the built Worker run in Node on a local D1 and R2 holding the one real
// story, then 10 000 generated ones (marked as generated), uncached; render time and D1 rows read per page.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryEnv, renderTime, type Worker } from './bench-render.ts'
import { generatedStory } from './publish/generate.ts'
import { prepare, prepareStories } from './publish/pipeline.ts'
import type { Language } from './publish/story.ts'
import { localTarget, ROOT } from './publish/targets.ts'
import { toSqlFile } from './publish/write.ts'

type Database = { prepare: (sql: string) => { all: () => Promise<unknown> } }

const ARCHIVE = 10_000
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')
const ARTICLE_DIR = join(ROOT, 'content/articles/kazakhstan-contradictory-death-tolls-unrest')
const SLUG = 'kazakhstan-contradictory-death-tolls-unrest'
/** Most stories in all three languages; every fifth in Kazakh and Russian only, every seventh in Kazakh only. */
const languagesOf = (n: number): Language[] =>
  n % 7 === 0 ? ['kk'] : n % 5 === 0 ? ['kk', 'ru'] : ['kk', 'ru', 'en']

/** The local D1 with every query's `meta.rows_read` added up, as the tests' counting binding does. */
const counting = (db: Database, count: { rows: number }): Database => {
  type Statement = {
    bind: (...values: unknown[]) => Statement
    all: () => Promise<{ meta: { rows_read: number } }>
  }
  const wrap = (statement: Statement): Statement => ({
    bind: (...values) => wrap(statement.bind(...values)),
    all: async () => {
      const result = await statement.all()
      count.rows += result.meta.rows_read
      return result
    },
  })
  return { prepare: (sql: string) => wrap(db.prepare(sql) as unknown as Statement) }
}

/** Rows one render reads from the local D1: D1's own count, which is what it bills. */
const rowsRead = async (worker: Worker, bindings: Record<string, unknown>, path: string) => {
  const count = { rows: 0 }
  const quiet = console.log
  console.log = () => {}
  const response = await worker.fetch(new Request(`http://localhost${path}`), {
    ...bindings,
    DB: counting(bindings.DB as Database, count),
  })
  await response.arrayBuffer()
  console.log = quiet
  return { rows: count.rows, status: response.status }
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
    // Search: the generated stories all say "generated", so that word is the worst case (every English story
    // matches, and is counted); the next page starts after the 20th newest English story.
    const twentieth = (await db
      .prepare(
        `SELECT published, story_id AS id FROM story_versions WHERE lang = 'en' ORDER BY published DESC, story_id DESC LIMIT 1 OFFSET 19`,
      )
      .all()) as unknown as { results: { published: string; id: number }[] }
    const after = twentieth.results[0]!
    pages['search: every story matches (en)'] = '/en/search?q=generated'
    pages['search: its page 2 (en)'] =
      `/en/search?q=generated&older=${after.published.replace(/[-:]/g, '')}-${after.id}`
    pages['search: a common word and a rare one (en)'] = '/en/search?q=generated+4321'
  }
  // Search the real story, in both cases: an inflected Kazakh word, a Russian word with ё typed as е, no match.
  pages['search: one story, inflected (kk)'] = `/kk/search?q=${encodeURIComponent('наразылықтарда')}`
  pages['search: ё typed as е (ru)'] = `/ru/search?q=${encodeURIComponent('жестко')}`
  pages['search: no match (en)'] = '/en/search?q=zzyzxqv'
  return pages
}

type Measured = { us: number; sqlUs: number; cpuUs: number; rows: number; status: number }

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
      // Time: the same archive in memory (bench-render.ts), so a render's time is its own and SQLite's, not the
      // local proxy's round trips. Rows read: the local D1's own count.
      const db = target.bindings.DB as Database
      const memory = memoryEnv([...real.batches, ...(generated?.batches ?? [])].flat())
      const column: Record<string, Measured> = {}
      const pages = Object.entries(await pagesOf(db, size))
      // A pass first, not recorded, so that the first page measured does not pay for the code's tiering up.
      for (const [, path] of pages) await renderTime(worker, memory, path, 20)
      for (const [name, path] of pages) {
        const { us, sqlUs, cpuUs } = await renderTime(worker, memory, path, renders)
        column[name] = { us, sqlUs, cpuUs, ...(await rowsRead(worker, target.bindings, path)) }
      }
      memory.DB.close()
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
      'render µs (1)': one?.us ?? '–',
      [`render µs (${ARCHIVE})`]: many.us,
      ratio: one ? (many.us / one.us).toFixed(2) : '–',
      'of it SQLite µs (1)': one?.sqlUs ?? '–',
      [`of it SQLite µs (${ARCHIVE})`]: many.sqlUs,
      'CPU µs (1)': one?.cpuUs ?? '–',
      [`CPU µs (${ARCHIVE})`]: many.cpuUs,
      'CPU ratio': one ? (many.cpuUs / one.cpuUs).toFixed(2) : '–',
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
  execFileSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', out], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  })
  const worker = (await import(pathToFileURL(join(out, 'index.js')).href)).default as Worker
  await benchArchive(worker)
  rmSync(out, { recursive: true, force: true })
}

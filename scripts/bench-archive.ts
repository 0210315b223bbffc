// The archive at scale, for `npm run bench`: the built Worker run in Node on a local D1 and R2 holding the one real
// story, then 10 000 generated ones (marked as generated), uncached; render time and D1 rows read per page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generatedStory } from './publish/generate.ts'
import { prepare, prepareStories } from './publish/pipeline.ts'
import type { Language } from './publish/story.ts'
import { localTarget, ROOT } from './publish/targets.ts'

type Worker = { fetch: (request: Request, env: unknown) => Promise<Response> }
type Statement = {
  bind: (...values: unknown[]) => Statement
  all: () => Promise<{ meta: { rows_read: number } }>
}
type Database = { prepare: (sql: string) => Statement }

const ARCHIVE = 10_000
const ARTICLE_DIR = join(ROOT, 'content/articles/kazakhstan-contradictory-death-tolls-unrest')
const SLUG = 'kazakhstan-contradictory-death-tolls-unrest'
/** Most stories in all three languages; every fifth in Kazakh and Russian only, every seventh in Kazakh only. */
const languagesOf = (n: number): Language[] =>
  n % 7 === 0 ? ['kk'] : n % 5 === 0 ? ['kk', 'ru'] : ['kk', 'ru', 'en']

/** D1 with every query's `meta.rows_read` added up, as the tests' counting binding does. */
const counting = (db: Database, count: { rows: number }) => {
  const wrap = (statement: Statement): Statement => ({
    bind: (...values) => wrap(statement.bind(...values)),
    all: async () => {
      const result = await statement.all()
      count.rows += result.meta.rows_read
      return result
    },
  })
  return { prepare: (sql: string) => wrap(db.prepare(sql)) }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Median µs of uncached renders of a path (after warm-ups), and the rows one render reads. */
const measure = async (worker: Worker, bindings: Record<string, unknown>, path: string, renders: number) => {
  const count = { rows: 0 }
  const env = { ...bindings, DB: counting(bindings.DB as Database, count) }
  const times: number[] = []
  let status = 0
  // Quiet the Worker's request log (slow answers): printing would be most of what is measured.
  const quiet = { log: console.log, warn: console.warn, error: console.error }
  console.log = console.warn = console.error = () => {}
  for (let i = 0; i < renders + 10; i++) {
    count.rows = 0
    const start = process.hrtime.bigint()
    const response = await worker.fetch(new Request(`http://localhost${path}`), env)
    await response.arrayBuffer()
    status = response.status
    if (i >= 10) times.push(Number(process.hrtime.bigint() - start) / 1000)
  }
  Object.assign(console, quiet)
  return { us: Math.round(median(times)), rows: count.rows, status }
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

export const benchArchive = async (worker: Worker, renders = 200) => {
  const photo = readFileSync(join(ARTICLE_DIR, 'unrest-illustration.jpg'))
  const results: Record<string, Record<string, { us: number; rows: number; status: number }>> = {}
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
    const target = await localTarget(state)
    try {
      await target.putObjects(real.objects)
      await target.write(real.batches)
      if (generated) {
        const writing = performance.now()
        // 20 000 R2 puts through the local proxy make it drop its connection on these machines: the photos are
        // resized (once, being one picture) but not stored; the pages measured read D1 only.
        // 250 stories to a D1 batch: one round trip through the local proxy per story would measure the proxy.
        const grouped = Array.from({ length: Math.ceil(generated.batches.length / 250) }, (_, i) =>
          generated.batches.slice(i * 250, (i + 1) * 250).flat(),
        )
        await target.write(grouped)
        publishSeconds = (prepared - started + performance.now() - writing) / 1000
      }
      const db = target.bindings.DB as Database
      const column: Record<string, { us: number; rows: number; status: number }> = {}
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
      '1 story µs': one?.us ?? '–',
      [`${ARCHIVE} stories µs`]: many.us,
      ratio: one ? (many.us / one.us).toFixed(2) : '–',
      'rows read (1)': one?.rows ?? '–',
      [`rows read (${ARCHIVE})`]: many.rows,
      status: many.status,
    }
  })
  console.table(rows)
  console.log(
    `publishing ${ARCHIVE - 1} generated stories (read, validate, render, resize the photo, one D1 batch each; photos not uploaded): ${publishSeconds.toFixed(1)} s`,
  )
  return { rows, publishSeconds }
}

// `npm run bench:archive`: this part of the benchmark alone, on a freshly built Worker.
if (import.meta.main) {
  const { execFileSync } = await import('node:child_process')
  const { pathToFileURL } = await import('node:url')
  const out = mkdtempSync(join(tmpdir(), 'azattyq-bench-'))
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', out],
    { cwd: ROOT, stdio: 'ignore', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  )
  const worker = (await import(pathToFileURL(join(out, 'index.js')).href)).default as Worker
  await benchArchive(worker)
  rmSync(out, { recursive: true, force: true })
}

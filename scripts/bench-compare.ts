// `npm run bench:compare -- REF`: uncached render time of each page kind in each language, the Worker at REF beside
// the working tree's, in one run: rounds alternate between the two, so both see the same load on the machine.
// The archive is the one `bench:identical` uses (the real stories and 45 generated ones): front pages of 20.
import { rmSync } from 'node:fs'
import { build, checkout, fixedArchive, load } from './bench-identical.ts'
import { hitTime, median, renderTime, type Worker } from './bench-render.ts'
import { ROOT } from './publish/targets.ts'

const SLUG = 'kazakhstan-contradictory-death-tolls-unrest'
const ROUNDS = 3
const PAGES = {
  front: (l: string) => `/${l}/`,
  article: (l: string) => `/${l}/articles/${SLUG}`,
  notice: (l: string) => `/${l}/notice`,
  'not found': (l: string) => `/${l}/missing`,
  feed: (l: string) => `/${l}/feed.xml`,
  search: (l: string) => `/${l}/search?q=generated`,
}

const ref = process.argv[2]
if (!ref) {
  console.error(
    'usage: npm run bench:compare -- REF   (a commit, branch or tag to time beside the working tree)',
  )
  process.exit(2)
}
const dir = checkout(ref)
try {
  const [before_, after_] = (await Promise.all([build(dir), build(ROOT)].map(load))) as [Worker, Worker]
  const before = before_
  const after = after_
  const env = await fixedArchive()
  const rows: Record<string, string | number>[] = []
  for (const [page, path] of Object.entries(PAGES))
    for (const lang of ['kk', 'ru', 'en']) {
      const times = {
        before: [] as number[],
        after: [] as number[],
        beforeCpu: [] as number[],
        afterCpu: [] as number[],
      }
      for (let round = 0; round < ROUNDS; round++) {
        const a = await renderTime(before!, env, path(lang), 300)
        const b = await renderTime(after!, env, path(lang), 300)
        times.before.push(a.us)
        times.after.push(b.us)
        times.beforeCpu.push(a.cpuUs)
        times.afterCpu.push(b.cpuUs)
      }
      const [us, usAfter] = [median(times.before), median(times.after)]
      rows.push({
        page,
        lang,
        [`${ref} µs`]: us,
        'working tree µs': usAfter,
        ratio: (usAfter / us).toFixed(2),
        [`${ref} CPU µs`]: median(times.beforeCpu),
        'working tree CPU µs': median(times.afterCpu),
      })
    }
  console.log(
    `Uncached render, median µs of ${ROUNDS} alternating rounds of 300 renders (CPU: mean per render)`,
  )
  console.table(rows)

  // A page-cache hit, the same alternating rounds: what most of the traffic costs.
  const hits: Record<string, string | number>[] = []
  for (const [page, path] of Object.entries({ front: PAGES.front, article: PAGES.article }))
    for (const lang of ['kk', 'ru', 'en']) {
      const before: number[] = []
      const after: number[] = []
      for (let round = 0; round < ROUNDS; round++) {
        before.push((await hitTime(before_, env, `http://localhost${path(lang)}`, 2000)).page)
        after.push((await hitTime(after_, env, `http://localhost${path(lang)}`, 2000)).page)
      }
      const [us, usAfter] = [median(before), median(after)]
      hits.push({
        page,
        lang,
        [`${ref} µs`]: us,
        'working tree µs': usAfter,
        ratio: (usAfter / us).toFixed(2),
      })
    }
  console.log(`Page-cache hit, median µs of ${ROUNDS} alternating rounds of 2000 requests`)
  console.table(hits)

  // While the database fails: the working tree's answers, a kept copy or a 503 (REF had neither: it answered 500).
  console.log(
    'While D1 fails (working tree): median µs of 2000 requests, and the first answer when D1 never answers',
  )
  console.table(await failureTimes(after_, env))
  env.DB.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}

/**
 * What a reader waits for while D1 fails, in the working tree's Worker: a page read before (its kept copy), a page
 * never read (the 503), each once D1 is known to be down, and the first answer after D1 stops answering at all
 * (the deadline). The fresh copies are out of reach, as they are once their minute is over.
 */
async function failureTimes(worker: Worker, env: Awaited<ReturnType<typeof fixedArchive>>) {
  const kept = new Map<string, Response>()
  const had = Object.getOwnPropertyDescriptor(globalThis, 'caches')
  const cache = (name: string) => ({
    match: async (key: string) => (name === 'pages' ? undefined : kept.get(key)?.clone()),
    put: async (key: string, response: Response) => void (name === 'pages' || kept.set(key, response)),
  })
  Object.assign(globalThis, { caches: { open: async (name: string) => cache(name) } })
  const context = { waitUntil: () => {}, passThroughOnException: () => {} }
  const fetchWith = worker.fetch as (request: Request, env: unknown, context: unknown) => Promise<Response>
  const realNow = Date.now
  const time = async (url: string, failing: unknown, runs: number) => {
    const times: number[] = []
    let status = 0
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint()
      const response = await fetchWith(new Request(url), failing, context)
      await response.arrayBuffer()
      status = response.status
      times.push(Number(process.hrtime.bigint() - start) / 1000)
    }
    return { status, us: Math.round(median(times) * 10) / 10 }
  }
  try {
    const read = 'http://localhost/ru/articles/kazakhstan-contradictory-death-tolls-unrest'
    await (await fetchWith(new Request(read), env, context)).arrayBuffer()
    // Past the edition's memo and the fresh copy's minute.
    Date.now = () => realNow() + 120_000
    const down = {
      ...env,
      DB: { prepare: () => ({ bind: () => ({ all: async () => Promise.reject(new Error('D1 down')) }) }) },
      TAKEDOWNS: { get: async () => null },
    }
    const hang = {
      ...env,
      DB: { prepare: () => ({ bind: () => ({ all: () => new Promise(() => {}) }) }) },
      TAKEDOWNS: { get: async () => null },
    }
    const first = await time(read.replace('/ru/', '/kk/'), hang, 1)
    const keptCopy = await time(read, down, 2000)
    const never = await time(
      'http://localhost/en/notice-never-read'.replace('notice-never-read', 'older/20200101T000000Z-1'),
      down,
      2000,
    )
    return [
      { answer: 'a page read before: its kept copy', status: keptCopy.status, 'median µs': keptCopy.us },
      { answer: 'a page never read: the 503', status: never.status, 'median µs': never.us },
      { answer: 'the first answer once D1 stops answering', status: first.status, 'median µs': first.us },
    ]
  } finally {
    Date.now = realNow
    if (had) Object.defineProperty(globalThis, 'caches', had)
    else delete (globalThis as { caches?: unknown }).caches
  }
}

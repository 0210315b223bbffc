// `npm run bench:compare -- REF`: uncached render time of each page kind in each language, the Worker at REF beside
// the working tree's, in one run: rounds alternate between the two, so both see the same load on the machine.
// The archive is the one `bench:identical` uses (the real stories and 45 generated ones): front pages of 20.
import { rmSync } from 'node:fs'
import { build, checkout, fixedArchive, load } from './bench-identical.ts'
import { median, renderTime } from './bench-render.ts'
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
  const [before, after] = await Promise.all([build(dir), build(ROOT)].map(load))
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
  env.DB.close()
  console.log(
    `Uncached render, median µs of ${ROUNDS} alternating rounds of 300 renders (CPU: mean per render)`,
  )
  console.table(rows)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

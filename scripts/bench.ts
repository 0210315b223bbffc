// `npm run bench`: what a page costs and weighs, measured on this machine in one run (see BENCHMARKS.md).
//  1. server render cost per page and language, uncached, in µs (the built Worker bundle run in Node);
//  2. throughput and p99 of the cached article beside a static asset, both from one `wrangler dev`;
//  3. page weights (raw, gzip, brotli) and request counts, and the Worker bundle size;
//  4. Lighthouse mobile scores for the article, where Chromium is installed.
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { startSite } from '../test/browser/support/server.ts'
import { benchArchive } from './bench-archive.ts'
import { hitTime, memoryEnv, renderTime, startupCost } from './bench-render.ts'
import { prepare } from './publish/pipeline.ts'

const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
const LANGUAGES = ['kk', 'ru', 'en'] as const
const SIZES = ['xs', 'sm', 'md', 'lg'] as const
const ARTICLE = (lang: string) => `/${lang}/articles/kazakhstan-contradictory-death-tolls-unrest`
const PAGES = {
  front: (l: string) => `/${l}/`,
  article: ARTICLE,
  notice: (l: string) => `/${l}/notice`,
  notFound: (l: string) => `/${l}/missing`,
  feed: (l: string) => `/${l}/feed.xml`,
  sitemap: () => '/sitemaps/stories-0.xml',
}
const CHROMIUM = '/usr/bin/chromium'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const gzip = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).byteLength
const brotli = (bytes: Buffer) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
const table = (rows: Record<string, unknown>[]) => console.table(rows)

// 0. Build the Worker as it would be deployed.
const out = mkdtempSync(join(tmpdir(), 'azattyq-bench-'))
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', out],
  {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  },
)
const bundle = readFileSync(join(out, 'index.js'))

const worker = (await import(pathToFileURL(join(out, 'index.js')).href)).default as {
  fetch: (request: Request, env: unknown) => Promise<Response>
}

console.log(
  '\n## 1. Server render cost, uncached (400 renders after 100 warm-ups: median µs, of it SQLite, mean CPU µs; the archive in memory)\n',
)
{
  // The stories of content/articles, as `npm start` has them, in an in-memory SQLite with D1's surface: the time
  // is the Worker's own (and SQLite's, shown apart), not round trips to wrangler's local proxy.
  const published = await prepare([join(ROOT, 'content/articles')], new Date().toISOString())
  const env = memoryEnv(published.batches.flat())
  // One pass over every page first, not recorded: otherwise the first page measured pays for the code's tiering up
  // (measured: the Kazakh front page, first in line, at 529 µs, then 292 µs on a second pass in the same process).
  for (const path of Object.values(PAGES))
    for (const lang of LANGUAGES) await renderTime(worker, env, path(lang), 100)
  const rows: Record<string, unknown>[] = []
  for (const [page, path] of Object.entries(PAGES)) {
    const row: Record<string, unknown> = { page }
    for (const lang of LANGUAGES) {
      const { us, sqlUs, cpuUs } = await renderTime(worker, env, path(lang))
      row[`${lang} µs`] = us
      row[`${lang} SQLite`] = sqlUs
      row[`${lang} CPU`] = cpuUs
    }
    rows.push(row)
  }
  table(rows)
  console.log('budget: 500 µs a page (issue #15)')

  console.log(
    '\n## 1a. A fresh isolate: startup and first request, CPU ms (median of 9 fresh module instances)\n',
  )
  const startup = await startupCost(join(out, 'index.js'), env, ARTICLE('en'))
  table([
    { worker: 'this Worker (first request: the English article)', ...startup.app },
    { worker: 'a trivial Worker', ...startup.trivial },
  ])
  console.log("\n## 1b. A page-cache hit in Node: the Worker's own work per view (median µs of 5 000)\n")
  const hit = await hitTime(worker, env, `https://example.org${ARTICLE('en')}`)
  table([
    { what: 'cached article (HTTPS, so every header a reader gets)', µs: hit.page },
    { what: `bare handler, the same ${hit.bytes} bytes`, µs: hit.bare },
  ])
  env.DB.close()
}

console.log(
  '\n## 1c. The archive at scale: 1 story, then 10 000 (generated), uncached, median of 200 renders\n',
)
await benchArchive(worker)

const site = await startSite()
// The least a Worker can do, behind the same asset router: what is left between it and the cached page is the
// page's own per-request work; what is left between it and the static file is the Worker invocation.
const bare = await startSite({ config: join(ROOT, 'scripts/bench/bare-wrangler.toml') })
try {
  console.log(
    '\n## 2. Throughput: the cached article, a bare Worker and a static asset (one machine, 32 connections, 3 × 8 s each)\n',
  )
  const article = await (await fetch(site.url + ARTICLE('en'))).text()
  const css = /href="(\/site\.[0-9a-f]+\.css)"/.exec(article)?.[1]
  if (!css) throw new Error('no stylesheet link in the article')
  const bareUrl = `${bare.url}/?bytes=${Buffer.byteLength(article)}`
  // All three share the machine's two cores with the load generator: alternate them over three rounds, take medians.
  const run = async (url: string) => {
    const result = await autocannon({ url, connections: 32, duration: 8 })
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      bad: result.errors + result.non2xx,
    }
  }
  type Run = Awaited<ReturnType<typeof run>>
  const targets = {
    page: site.url + ARTICLE('en'),
    bare: bareUrl,
    asset: site.url + css,
  }
  const rounds: Record<keyof typeof targets, Run>[] = []
  for (let round = 0; round < 3; round++)
    rounds.push({
      page: await run(targets.page),
      bare: await run(targets.bare),
      asset: await run(targets.asset),
    })
  const summary = (which: keyof typeof targets, what: string) => ({
    what,
    'rps (median of 3)': Math.round(median(rounds.map((r) => r[which].rps))),
    'p50 ms': median(rounds.map((r) => r[which].p50)),
    'p99 ms': median(rounds.map((r) => r[which].p99)),
    'errors + non-2xx': rounds.reduce((total, r) => total + r[which].bad, 0),
  })
  const page = summary('page', `cached article ${ARTICLE('en')}`)
  const bareRow = summary('bare', `bare Worker, ${Buffer.byteLength(article)} bytes`)
  const asset = summary('asset', `static asset ${css}`)
  table([page, bareRow, asset])
  const ratio = (row: typeof page) => (row['rps (median of 3)'] / asset['rps (median of 3)']).toFixed(2)
  console.log(`cached article / static asset: ${ratio(page)}× (goal ≥ 0.9×)`)
  console.log(`bare Worker / static asset: ${ratio(bareRow)}×`)

  console.log('\n## 3. Page weights and requests (gzip -9, brotli 11; the JPEG is sent as is)\n')
  const rows: Record<string, unknown>[] = []
  for (const lang of LANGUAGES)
    for (const size of SIZES) {
      const html = Buffer.from(
        await (await fetch(site.url + ARTICLE(lang), { headers: { Cookie: `size=${size}` } })).arrayBuffer(),
      )
      const text = html.toString()
      const urls = [...text.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js|jpg|svg|png|webp))"/g)].map(
        (m) => m[1]!,
      )
      const resources = await Promise.all(
        urls.map(async (url) => Buffer.from(await (await fetch(site.url + url)).arrayBuffer())),
      )
      const sent = (bytes: Buffer, url: string) =>
        /\.(jpg|png|webp)$/.test(url) ? bytes.byteLength : gzip(bytes)
      const critical =
        gzip(html) + resources.reduce((t, b, i) => t + (/\.(css|js)$/.test(urls[i]!) ? gzip(b) : 0), 0)
      const total = gzip(html) + resources.reduce((t, b, i) => t + sent(b, urls[i]!), 0)
      // A phone takes the srcset's narrow photo instead of the full one.
      const narrow = /srcset="(\/[^" ]+\.jpg) /.exec(text)?.[1]
      const narrowBytes = narrow ? (await (await fetch(site.url + narrow)).arrayBuffer()).byteLength : 0
      const photo = resources.find((_, i) => urls[i]!.endsWith('.jpg'))?.byteLength ?? 0
      const phone = narrow ? total - photo + narrowBytes : total
      rows.push({
        lang,
        size,
        'html raw': html.byteLength,
        'html gzip': gzip(html),
        'html br': brotli(html),
        'critical gzip': kb(critical),
        'first load': kb(total),
        'first load, phone': kb(phone),
        requests: 1 + urls.length,
      })
    }
  table(rows)
  console.log(
    `Worker bundle: ${kb(bundle.byteLength)} raw, ${kb(gzip(bundle))} gzip (budget 52 KB gzip, scripts/bundle-budget.ts)`,
  )

  console.log('\n## 4. Lighthouse (mobile, default throttling)\n')
  if (!existsSync(CHROMIUM)) console.log(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`)
  else {
    const report = join(out, 'lighthouse.json')
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/lighthouse/cli/index.js'),
        site.url + ARTICLE('en'),
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: 'ignore' },
    )
    const result = JSON.parse(readFileSync(report, 'utf8'))
    const scores = Object.fromEntries(
      Object.entries(result.categories as Record<string, { score: number }>).map(([k, v]) => [
        k,
        Math.round(v.score * 100),
      ]),
    )
    const audit = (id: string) => result.audits[id]?.displayValue
    const failing = Object.entries(result.audits as Record<string, { score: number | null; title: string }>)
      .filter(([, a]) => a.score !== null && a.score < 1)
      .map(([id, a]) => `${id}: ${a.title}`)
    table([
      {
        ...scores,
        FCP: audit('first-contentful-paint'),
        LCP: audit('largest-contentful-paint'),
        CLS: audit('cumulative-layout-shift'),
        TBT: audit('total-blocking-time'),
      },
    ])
    console.log(failing.length > 0 ? `audits below 100: ${failing.join('; ')}` : 'every scored audit at 100')
  }
} finally {
  await Promise.all([site.stop(), bare.stop()])
  rmSync(out, { recursive: true, force: true })
}

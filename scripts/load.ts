// `npm run load`: a bounded load test on loopback — 64 connections for 20 s against `wrangler dev`, over the article
// and the other pages in every language, with varied preference cookies (every text size, the banner hidden, a
// chosen language, junk), so the page cache serves many variants at once.
// Fails (exit 1) on any error or any non-2xx answer, or if afterwards any variant is served with another's text
// size; prints throughput and latency percentiles.
import autocannon from 'autocannon'
import { startSite } from '../test/browser/support/server.ts'
import { LANGUAGES } from '../src/languages.ts'
import { TEXT_SIZES } from '../src/text-sizes.ts'

const ARTICLE = 'kazakhstan-contradictory-death-tolls-unrest'
const PATHS = LANGUAGES.flatMap((lang) => [`/${lang}/articles/${ARTICLE}`, `/${lang}/`, `/${lang}/notice`])
/** What readers' browsers send: nothing, each size, the banner hidden, a chosen language, and junk. */
const COOKIES = [
  '',
  ...TEXT_SIZES.map((size) => `size=${size}`),
  'banner=hidden',
  'size=lg; banner=hidden; lang=kk',
  'lang=ru',
  `size=huge; tracking=${'x'.repeat(200)}`,
]
const CONNECTIONS = 64
const SECONDS = 20

/**
 * Every path with every cookie: a different variant on each request of a connection. (GET only: autocannon's
 * parser waits for the body a HEAD answer's Content-Length announces; HEAD is proven in test/page-cache.test.ts.)
 */
const requests = PATHS.flatMap((path) =>
  COOKIES.map((cookie) => ({ method: 'GET' as const, path, ...(cookie ? { headers: { cookie } } : {}) })),
)

const sizeOf = (html: string) => /data-size="(\w+)"/.exec(html)?.[1]

const site = await startSite()
try {
  const result = await autocannon({ url: site.url, connections: CONNECTIONS, duration: SECONDS, requests })
  // The cache must never have handed one variant's copy to another.
  const mixedUp: string[] = []
  for (const path of PATHS)
    for (const size of TEXT_SIZES) {
      const html = await (await fetch(site.url + path, { headers: { cookie: `size=${size}` } })).text()
      if (sizeOf(html) !== size) mixedUp.push(`${path} with size=${size} came back as ${sizeOf(html)}`)
    }
  const report = {
    paths: PATHS.length,
    cookieVariants: COOKIES.length,
    connections: CONNECTIONS,
    seconds: SECONDS,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mixedUp,
  }
  console.log(JSON.stringify(report, null, 2))
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || mixedUp.length > 0) {
    console.error('load: FAILED — errors, timeouts, non-2xx answers or mixed-up variants under load')
    process.exitCode = 1
  } else
    console.log(
      `load: OK — 0 errors, 0 non-2xx in ${result.requests.total} requests over ${requests.length} variants, p99 ${result.latency.p99} ms`,
    )
} finally {
  await site.stop()
}

// `npm run load`: a bounded load test of the article on loopback — 64 connections for 20 s against `wrangler dev`.
// Fails (exit 1) on any error or any non-2xx answer; prints throughput and latency percentiles.
import autocannon from 'autocannon'
import { startSite } from '../test/browser/support/server.ts'

const ARTICLE = '/en/articles/kazakhstan-contradictory-death-tolls-unrest'
const CONNECTIONS = 64
const SECONDS = 20

const site = await startSite()
try {
  await (await fetch(site.url + ARTICLE)).text() // one render, so the run measures what readers get: the cache
  const result = await autocannon({ url: site.url + ARTICLE, connections: CONNECTIONS, duration: SECONDS })
  const report = {
    target: ARTICLE,
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
  }
  console.log(JSON.stringify(report, null, 2))
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    console.error('load: FAILED — errors, timeouts or non-2xx answers under load')
    process.exitCode = 1
  } else
    console.log(
      `load: OK — 0 errors, 0 non-2xx in ${result.requests.total} requests, p99 ${result.latency.p99} ms`,
    )
} finally {
  await site.stop()
}

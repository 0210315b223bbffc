import { env } from 'cloudflare:test'
import { Hono } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { app } from '../src/app'
import { requestLog } from '../src/request-log'
import { ARTICLE_SLUG } from './helpers'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Every line written to the console while `work` runs. */
const logged = async (work: () => unknown): Promise<string[]> => {
  const lines: string[] = []
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')))
  await work()
  return lines
}

/** Makes every request look slow: each reading of the clock is ten seconds after the one before. */
const slowClock = () => {
  let now = Date.parse('2026-11-29T12:00:00Z')
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 10_000))
}

const fetchApp = (path: string, init?: RequestInit) =>
  app.fetch(new Request(`http://localhost${path}`, init), env)

describe('the request log', () => {
  it('writes no line for a page read, however slow the answer', async () => {
    slowClock()
    const lines = await logged(async () => {
      for (const path of [
        `/kk/articles/${ARTICLE_SLUG}`,
        '/ru/',
        '/en/notice',
        '/en/feed.xml',
        '/sitemap.xml',
      ])
        expect((await fetchApp(path)).status, path).toBe(200)
    })
    expect(lines).toEqual([])
  })

  it('writes no line for a redirect, a 304 or a preference saved', async () => {
    const first = await fetchApp('/en/')
    const lines = await logged(async () => {
      expect((await fetchApp('/EN/')).status).toBe(301)
      expect((await fetchApp('/', { headers: { 'Accept-Language': 'kk' } })).status).toBe(302)
      const tag = first.headers.get('ETag')!
      expect((await fetchApp('/en/', { headers: { 'If-None-Match': tag } })).status).toBe(304)
      const saved = await fetchApp('/preferences', {
        method: 'POST',
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'size=lg&return=/en/',
      })
      expect(saved.status).toBe(303)
    })
    expect(lines).toEqual([])
  })

  it('writes one line for a refusal: method, path, status and duration, nothing else', async () => {
    const lines = await logged(() =>
      fetchApp('/en/nowhere?q=secret', {
        headers: { Cookie: 'size=lg', 'User-Agent': 'UA-fingerprint', 'CF-Connecting-IP': '203.0.113.7' },
      }),
    )
    expect(lines).toHaveLength(1)
    const line = JSON.parse(lines[0]!) as Record<string, unknown>
    expect(Object.keys(line).sort()).toEqual(['method', 'ms', 'path', 'status'])
    expect(line).toMatchObject({ method: 'GET', path: '/en/nowhere', status: 404 })
    expect(typeof line.ms).toBe('number')
  })

  it('logs from status 400 on, with the time taken, and cuts a long path to 256 characters', async () => {
    const site = new Hono()
    site.use(requestLog())
    site.get('/bad/*', (c) => c.text('bad', 400))
    site.get('/fine', (c) => c.text('fine', 399 as never))
    const long = `/bad/${'x'.repeat(600)}`
    slowClock()
    const lines = await logged(async () => {
      await site.request(long)
      await site.request('/fine')
    })
    expect(lines).toHaveLength(1)
    // The clock moves ten seconds per reading, and the log reads it twice: before and after the answer.
    expect(JSON.parse(lines[0]!)).toMatchObject({ status: 400, path: long.slice(0, 256), ms: 10_000 })
  })
})

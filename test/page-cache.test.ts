import { env } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { forgetBreakingNews } from '../src/breaking-news'
import { readEdition } from '../src/edition'
import { CACHE_STATUS_HEADER, cacheKeyFor, PAGE_MAX_AGE } from '../src/page-cache'
import ru from './fixtures/cf/ru.json'
import { ARTICLE_SLUG, request } from './helpers'

// Each test uses its own language or variant so that what an earlier test stored does not decide a later one.
// Each isolate keeps what it read from KV for a few seconds; these tests change KV and look at once.
beforeEach(() => forgetBreakingNews())

afterEach(async () => {
  await env.BREAKING.delete('kk')
})

const status = (response: Response) => response.headers.get(CACHE_STATUS_HEADER)

describe('the page cache', () => {
  it('serves the second request of a variant from the cache, without rendering', async () => {
    const path = `/kk/articles/${ARTICLE_SLUG}`
    const first = await request(path, { headers: { Cookie: 'size=md' } })
    const second = await request(path, { headers: { Cookie: 'size=md; lang=kk' } })
    expect(status(first)).toBe('miss')
    expect(status(second)).toBe('hit')
    expect(await second.text()).toBe(await first.text())
  })

  it('keeps a different text size as a different variant', async () => {
    const path = '/kk/notice'
    await request(path, { headers: { Cookie: 'size=xs' } })
    const other = await request(path, { headers: { Cookie: 'size=lg' } })
    expect(status(other)).toBe('miss')
    expect(await other.text()).toContain('data-size="lg"')
  })

  it('keeps the banner shown and hidden apart', async () => {
    const path = '/ru/notice'
    await request(path)
    const atRisk = await request(path, { cf: ru } as RequestInit<RequestInitCfProperties>)
    expect(status(atRisk)).toBe('miss')
    expect(await atRisk.text()).toContain('legal-banner-heading')
  })

  it('shows a new breaking item as a new variant, as soon as the isolate reads KV again', async () => {
    const path = '/kk/'
    await request(path)
    await env.BREAKING.put('kk', JSON.stringify({ text: 'Жаңа шұғыл хабар', url: '/kk/' }))
    forgetBreakingNews() // what ten seconds do in production
    const after = await request(path)
    expect(status(after)).toBe('miss')
    expect(await after.text()).toContain('Жаңа шұғыл хабар')
  })

  it('builds its key from the normalised variant, never from the raw cookie', async () => {
    const variant = {
      origin: 'https://reader.example',
      lang: 'en',
      textSize: 'lg',
      legalBanner: false,
      breaking: null,
    } as const
    const key = await cacheKeyFor('https://reader.example', '/en/', variant)
    expect(key).toMatch(
      /^https:\/\/reader\.example\/__page\/en\/\?size=lg&banner=0&breaking=-&edition=0&deployment=\w+$/,
    )
    const path = '/en/notice'
    await request(path, { headers: { Cookie: 'size=sm; tracking=abc' } })
    const junk = await request(path, { headers: { Cookie: 'other=1; size=bogus; x=' + 'y'.repeat(500) } })
    expect(status(junk)).toBe('hit')
  })

  it('does not cache what is not one of the site’s pages', async () => {
    await request('/en/nowhere')
    const again = await request('/en/nowhere')
    expect(again.status).toBe(404)
    expect(status(again)).toBeNull()
  })

  it('tells the reader’s browser to keep the page briefly and privately, varying by cookie', async () => {
    const response = await request('/ru/')
    expect(response.headers.get('Cache-Control')).toBe(`private, max-age=${PAGE_MAX_AGE}`)
    expect(response.headers.get('Vary')).toBe('Cookie')
    expect(PAGE_MAX_AGE).toBeLessThanOrEqual(60)
  })

  it('answers a revalidation with 304 Not Modified, from the cache or not', async () => {
    const path = `/ru/articles/${ARTICLE_SLUG}`
    const first = await request(path, { headers: { Cookie: 'size=sm' } })
    const tag = first.headers.get('ETag')
    expect(tag).toMatch(/^"[0-9a-f]+"$/)
    const again = await request(path, { headers: { Cookie: 'size=sm', 'If-None-Match': tag! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const changed = await request(path, { headers: { Cookie: 'size=lg', 'If-None-Match': tag! } })
    expect(changed.status).toBe(200)
  })
})

describe('the cache state', () => {
  it.each(['https://reader.example', 'http://reader.example'])(
    'is never told to a reader outside a developer’s machine (%s)',
    async (origin) => {
      const path = `${origin}/kk/articles/${ARTICLE_SLUG}`
      for (const response of [await request(path), await request(path)]) {
        expect(response.status).toBe(200)
        expect(response.headers.has(CACHE_STATUS_HEADER)).toBe(false)
      }
      const feed = await request(`${origin}/kk/feed.xml`)
      expect(feed.headers.has(CACHE_STATUS_HEADER)).toBe(false)
    },
  )

  it('is told on loopback, for tests and the benchmark', async () => {
    for (const origin of ['http://localhost', 'http://127.0.0.1', 'http://[::1]']) {
      await request(`${origin}/en/notice`)
      expect(status(await request(`${origin}/en/notice`)), origin).toBe('hit')
    }
  })
})

describe('HEAD', () => {
  it.each([
    `/en/articles/${ARTICLE_SLUG}`,
    '/kk/',
    '/ru/notice',
    '/en/feed.xml',
    '/sitemap.xml',
    '/robots.txt',
  ])('carries the headers GET does on %s, from the same cached copy', async (path) => {
    const get = await request(path, { headers: { Cookie: 'size=xs' } })
    const head = await request(path, { method: 'HEAD', headers: { Cookie: 'size=xs' } })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    for (const name of ['Cache-Control', 'Vary', 'ETag', 'Content-Type', 'Content-Security-Policy'])
      expect(head.headers.get(name), name).toBe(get.headers.get(name))
    expect(head.headers.get('Cache-Control')).toMatch(/max-age=60$/)
    expect(status(head)).toBe('hit')
  })

  it('is cached itself, so a run of HEADs renders once', async () => {
    const path = `/kk/articles/${ARTICLE_SLUG}`
    const first = await request(path, { method: 'HEAD', headers: { Cookie: 'size=lg; banner=hidden' } })
    const second = await request(path, { method: 'HEAD', headers: { Cookie: 'size=lg; banner=hidden' } })
    expect(status(first)).toBe('miss')
    expect(status(second)).toBe('hit')
    expect(second.headers.get('ETag')).toBe(first.headers.get('ETag'))
    const get = await request(path, { headers: { Cookie: 'size=lg' } })
    expect(status(get)).toBe('hit')
    expect(get.headers.get('ETag')).toBe(first.headers.get('ETag'))
  })

  it('answers a revalidation with 304, keeping Cache-Control and Vary', async () => {
    const path = '/en/'
    const tag = (await request(path, { headers: { Cookie: 'size=md' } })).headers.get('ETag')!
    const head = await request(path, { method: 'HEAD', headers: { Cookie: 'size=md', 'If-None-Match': tag } })
    expect(head.status).toBe(304)
    expect(head.headers.get('Cache-Control')).toBe(`private, max-age=${PAGE_MAX_AGE}`)
    expect(head.headers.get('Vary')).toBe('Cookie')
  })
})

describe('a 304 Not Modified', () => {
  it.each([false, true])(
    'keeps the page’s Cache-Control, Vary and ETag, so it stays private and per-cookie (cached: %s)',
    async (warm) => {
      const path = `/kk/articles/${ARTICLE_SLUG}`
      const cookie = warm ? 'size=md' : 'size=xs; banner=hidden'
      const tag = (await request(path, { headers: { Cookie: cookie } })).headers.get('ETag')!
      if (warm) await request(path, { headers: { Cookie: cookie } })
      const again = await request(path, { headers: { Cookie: cookie, 'If-None-Match': tag } })
      expect(again.status).toBe(304)
      expect(again.headers.get('Cache-Control')).toBe(`private, max-age=${PAGE_MAX_AGE}`)
      expect(again.headers.get('Vary')).toBe('Cookie')
      expect(again.headers.get('ETag')).toBe(tag)
    },
  )

  it('of a feed keeps it public for a minute', async () => {
    const tag = (await request('/ru/feed.xml')).headers.get('ETag')!
    const again = await request('/ru/feed.xml', { headers: { 'If-None-Match': tag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('Cache-Control')).toBe(`public, max-age=${PAGE_MAX_AGE}`)
  })
})

describe('a 404 page', () => {
  it.each(['/en/nowhere', '/de/', `/kk/articles/no-such-article`, '/%zz'])(
    'is kept by no cache and varies by cookie: it holds the reader’s size, banner and news (%s)',
    async (path) => {
      const response = await request(path, { headers: { Cookie: 'size=lg' } })
      expect(response.status).toBe(404)
      expect(response.headers.get('Cache-Control')).toBe('private, no-store')
      expect(response.headers.get('Vary')).toBe('Cookie')
      expect(await response.text()).toContain('data-size="lg"')
    },
  )

  it('answers HEAD the same way', async () => {
    const response = await request('/ru/nowhere', { method: 'HEAD' })
    expect(response.status).toBe(404)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(response.headers.get('Vary')).toBe('Cookie')
  })
})

describe('the stored copy', () => {
  it('holds no cookie, even when the reader’s own answer sets one', async () => {
    const origin = 'https://reader.example'
    const path = '/ru/notice'
    // Over HTTPS a left-over `lang` cookie is deleted on the reader's copy: the shared one must not carry that.
    const first = await request(`${origin}${path}`, { headers: { Cookie: 'lang=ru' } })
    expect(first.headers.getSetCookie().join()).toMatch(/^lang=;/)
    const variant = { origin, lang: 'ru', textSize: 'sm', legalBanner: false, breaking: null } as const
    const stored = await (
      await caches.open('pages')
    ).match(await cacheKeyFor(origin, path, variant, await readEdition(env)))
    expect(stored?.status).toBe(200)
    expect(stored?.headers.has('Set-Cookie')).toBe(false)
    expect(stored?.headers.get('Cache-Control')).toBe(`public, max-age=${PAGE_MAX_AGE}`)
  })
})

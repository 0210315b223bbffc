import { env } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { forgetBreakingNews } from '../src/breaking-news'
import { readEdition } from '../src/edition'
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { app } from '../src/app'
import type { AppEnv } from '../src/page'
import { CACHE_STATUS_HEADER, cacheKeyFor, PAGE_MAX_AGE, pageCache } from '../src/page-cache'
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

  it('shows a corrected breaking item as a new variant, and the same item, read again, as the same', async () => {
    const path = '/kk/notice'
    await env.BREAKING.put('kk', JSON.stringify({ text: 'Шұғыл хабар, қатемен', url: '/kk/' }))
    expect(await (await request(path)).text()).toContain('Шұғыл хабар, қатемен')
    await env.BREAKING.put('kk', JSON.stringify({ text: 'Шұғыл хабар, түзетілген', url: '/kk/' }))
    forgetBreakingNews()
    const corrected = await request(path)
    expect(status(corrected)).toBe('miss')
    expect(await corrected.text()).toContain('Шұғыл хабар, түзетілген')
    forgetBreakingNews() // a new object from KV, with the same item in it
    expect(status(await request(path))).toBe('hit')
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
    expect(await cacheKeyFor('https://reader.example', '/en/', { ...variant, legalBanner: true }, 7)).toMatch(
      /^https:\/\/reader\.example\/__page\/en\/\?size=lg&banner=1&breaking=-&edition=7&deployment=\w+$/,
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

describe('a copy from the Cache API', () => {
  // What Cloudflare's cache adds to what it hands back, and what any cache on the way might.
  const FOREIGN = { 'CF-Cache-Status': 'HIT', Age: '17', 'X-Added-By-A-Cache': 'yes' }

  it.each([
    ['/ru/notice', 1],
    [`/kk/articles/${ARTICLE_SLUG}`, 2],
  ])(
    'answers %s off loopback with the very headers of a miss: no Age, no CF-Cache-Status, nothing a cache added',
    async (path, n) => {
      const init = { cf: ru } as RequestInit<RequestInitCfProperties>
      // Two hosts off loopback: the first renders and stores its copy, which is then put in the Cache API under
      // the second's key with what Cloudflare's cache adds, as another isolate's copy is found there.
      const rendered = `https://oracle-${n}.example`
      const other = `https://oracle-${n}-fresh.example`
      const miss = await request(`${rendered}${path}`, init)
      expect(miss.status).toBe(200)
      const body = await miss.text()
      const lang = path.split('/')[1] as 'ru' | 'kk'
      const variant = (origin: string) =>
        ({ origin, lang, textSize: 'sm', legalBanner: true, breaking: null }) as const
      const edition = await readEdition(env)
      const cache = await caches.open('pages')
      const stored = await cache.match(await cacheKeyFor(rendered, path, variant(rendered), edition))
      expect(stored?.status).toBe(200)
      const headers = new Headers(stored!.headers)
      for (const [name, value] of Object.entries(FOREIGN)) headers.set(name, value)
      await cache.put(
        await cacheKeyFor(other, path, variant(other), edition),
        new Response(await stored!.arrayBuffer(), { headers }),
      )

      const hit = await request(`${other}${path}`, init)
      // The stored bytes, not a render for this host, whose links would name it.
      expect(await hit.text()).toBe(body)
      // Later views from this isolate's memory: the page copy, and (past it, with a tag that matches nothing) the
      // page cache's own.
      const later = await request(`${other}${path}`, init)
      const revalidated = await request(`${other}${path}`, {
        ...init,
        headers: { 'If-None-Match': '"other"' },
      })
      for (const [what, response] of [
        ['the Cache API hit', hit],
        ['a later hit', later],
        ['a later hit of the page cache', revalidated],
      ] as const) {
        expect(response.status, what).toBe(200)
        expect([...response.headers], what).toEqual([...miss.headers])
        for (const name of [...Object.keys(FOREIGN), CACHE_STATUS_HEADER])
          expect(response.headers.has(name), `${what}: ${name}`).toBe(false)
      }
      expect(await later.text()).toBe(body)
      expect(await revalidated.text()).toBe(body)
    },
  )
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
      // Twice: a 404 is never kept, so the second is no stored copy served as a page.
      for (const _ of [1, 2]) {
        const response = await request(path, { headers: { Cookie: 'size=lg' } })
        expect(response.status).toBe(404)
        expect(response.headers.get('Cache-Control')).toBe('private, no-store')
        expect(response.headers.get('Vary')).toBe('Cookie')
        expect(status(response)).toBeNull()
        expect(await response.text()).toContain('data-size="lg"')
      }
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

describe('the reader’s copy', () => {
  it('carries no Expires, which an HTTP/1.0 proxy would obey over Cache-Control: private', async () => {
    for (const path of ['/kk/notice', '/kk/notice', '/kk/feed.xml', '/kk/feed.xml']) {
      const response = await request(path, { headers: { Cookie: 'size=md; banner=hidden' } })
      expect(response.status).toBe(200)
      expect(response.headers.has('Expires'), path).toBe(false)
    }
  })

  it('of a feed, the sitemap or robots.txt varies on nothing: it is the same for every reader', async () => {
    for (const path of ['/en/feed.xml', '/sitemap.xml', '/robots.txt']) {
      for (const cookie of ['size=lg', 'size=xs', 'size=lg']) {
        const response = await request(path, { headers: { Cookie: cookie } })
        expect(response.status).toBe(200)
        expect(response.headers.get('Vary'), path).toBeNull()
        expect(response.headers.get('Cache-Control')).toBe(`public, max-age=${PAGE_MAX_AGE}`)
      }
    }
  })

  it('is tagged with the SHA-256 of the very bytes sent (its first 64 bits, in hex), on a miss and on a hit', async () => {
    // Several pages, so that some hash has a byte below 0x10, written with its leading zero.
    for (const path of ['/en/', '/kk/', '/ru/', '/en/notice', `/en/articles/${ARTICLE_SLUG}`, '/en/feed.xml'])
      for (const response of [await request(path), await request(path)]) {
        const body = await response.arrayBuffer()
        const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', body))
        const hex = Array.from(hash.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('')
        expect(response.headers.get('ETag'), path).toBe(`"${hex}"`)
      }
  })
})

describe('this isolate’s copies', () => {
  /** The Cache API as another data centre sees it: empty, so what is served as a hit came from this isolate. */
  const emptySharedCache = (stored?: () => Response) => {
    const puts: string[] = []
    const cache = {
      match: async () => stored?.(),
      put: async (key: string) => {
        puts.push(key)
      },
    } as unknown as Cache
    vi.spyOn(caches, 'open').mockResolvedValue(cache)
    return { puts }
  }
  afterEach(() => vi.restoreAllMocks())

  it('are served for a minute and not a moment longer, so a correction shows within the minute', async () => {
    emptySharedCache()
    // A whole second: Expires, which the copy is kept by, counts in seconds.
    const start = Math.ceil(Date.now() / 1000) * 1000
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start)
    const url = 'http://127.0.0.1:1/en/notice'
    expect(status(await request(url))).toBe('miss')
    clock.mockReturnValue(start + PAGE_MAX_AGE * 1000 - 1)
    expect(status(await request(url))).toBe('hit')
    clock.mockReturnValue(start + PAGE_MAX_AGE * 1000)
    expect(status(await request(url))).toBe('miss')
    expect(status(await request(url))).toBe('hit')
  })

  it('keep a copy from the Cache API only until its Expires, and one without Expires not at all', async () => {
    const start = Math.ceil(Date.now() / 1000) * 1000
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start)
    const page = (headers: Record<string, string>) => () =>
      new Response('the copy another isolate stored', {
        headers: { 'Content-Type': 'text/html', ...headers },
      })
    emptySharedCache(page({ Expires: new Date(start + 5_000).toUTCString() }))
    const url = 'http://127.0.0.1:2/en/notice'
    const first = await request(url)
    expect(status(first)).toBe('hit')
    expect(await first.text()).toBe('the copy another isolate stored')
    emptySharedCache()
    clock.mockReturnValue(start + 4_999)
    expect(await (await request(url)).text()).toBe('the copy another isolate stored')
    clock.mockReturnValue(start + 5_000)
    expect(status(await request(url))).toBe('miss')

    const other = 'http://127.0.0.1:3/en/notice'
    emptySharedCache(page({}))
    expect(status(await request(other))).toBe('hit')
    emptySharedCache()
    expect(status(await request(other))).toBe('miss')
  })

  it('are at most 256, the oldest going first, and a copy rendered again counts as new', async () => {
    emptySharedCache()
    const start = Math.ceil(Date.now() / 1000) * 1000
    const clock = vi.spyOn(Date, 'now')
    const url = (n: number) => `http://localhost:${10_000 + n}/robots.txt`
    // 256 copies, the second one stored half a minute before the others.
    for (let n = 0; n < 256; n++) {
      clock.mockReturnValue(n === 1 ? start : start + 30_000)
      expect(status(await request(url(n)))).toBe('miss')
    }
    expect(status(await request(url(2)))).toBe('hit')
    // The second has expired: rendered again, it goes to the back of the queue, and the first is still kept.
    clock.mockReturnValue(start + PAGE_MAX_AGE * 1000)
    expect(status(await request(url(1)))).toBe('miss')
    expect(status(await request(url(0)))).toBe('hit')
    // A 257th copy pushes out the oldest.
    expect(status(await request(url(256)))).toBe('miss')
    expect(status(await request(url(2)))).toBe('hit')
    expect(status(await request(url(0)))).toBe('miss')
  })
})

describe('the shared copy', () => {
  afterEach(() => vi.restoreAllMocks())

  it('is stored after the answer, where a Worker can wait for it, and is there once it has waited', async () => {
    const waited: Promise<unknown>[] = []
    const ctx = {
      waitUntil: (work: Promise<unknown>) => void waited.push(work),
      passThroughOnException: () => {},
      props: {},
    } as unknown as ExecutionContext
    const origin = 'http://127.0.0.1:4'
    const path = '/en/notice'
    const response = await app.request(new Request(`${origin}${path}`), undefined, env, ctx)
    expect(status(response)).toBe('miss')
    expect(waited).toHaveLength(1)
    await Promise.all(waited)
    const variant = { origin, lang: 'en', textSize: 'sm', legalBanner: false, breaking: null } as const
    const key = await cacheKeyFor(origin, path, variant, await readEdition(env))
    expect((await (await caches.open('pages')).match(key))?.status).toBe(200)
  })

  it('is stored before the answer where the runtime cannot wait (not a Worker)', async () => {
    const origin = 'http://127.0.0.1:5'
    const path = '/ru/notice'
    expect(status(await request(`${origin}${path}`))).toBe('miss')
    const variant = { origin, lang: 'ru', textSize: 'sm', legalBanner: false, breaking: null } as const
    const key = await cacheKeyFor(origin, path, variant, await readEdition(env))
    expect((await (await caches.open('pages')).match(key))?.status).toBe(200)
  })

  it('failing to read or store it never fails the page, and a failed store is logged without the page', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken = {
      match: () => Promise.reject(new Error('cache unavailable')),
      put: () => Promise.reject(new Error('cache full')),
    } as unknown as Cache
    vi.spyOn(caches, 'open').mockResolvedValue(broken)
    // An origin no other test uses: no copy of this page may be in the isolate's memory from before.
    const response = await request(`http://127.0.0.1:9/kk/articles/${ARTICLE_SLUG}`, {
      headers: { Cookie: 'size=xs' },
    })
    expect(response.status).toBe(200)
    expect(status(response)).toBe('miss')
    expect(await response.text()).toContain('data-size="xs"')
    // The fresh copy's failed store, and the kept copy's (once in this isolate, src/storage.ts).
    expect(logged.mock.calls.map(([line]) => JSON.parse(String(line)))).toEqual([
      { event: 'page-cache-put-failed', message: 'Error: cache full' },
      { event: 'storage-unavailable', store: 'cache', reason: 'error', message: 'Error: cache full' },
    ])
  })

  it('is never looked up for what is not one of the site’s pages', async () => {
    const open = vi.spyOn(caches, 'open')
    for (const path of [
      '/en/nowhere',
      `/en/articles/${ARTICLE_SLUG}/x`,
      `/en/${'a'.repeat(300)}`,
      '/en/notice/',
    ])
      expect((await request(path)).status, path).not.toBe(200)
    expect(open).not.toHaveBeenCalled()
  })

  it('is looked up for GET and HEAD only: another method is refused, never answered with the page', async () => {
    const path = `/ru/articles/${ARTICLE_SLUG}`
    expect((await request(path)).status).toBe(200)
    expect(status(await request(path))).toBe('hit')
    const open = vi.spyOn(caches, 'open')
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await request(path, { method })
      expect(response.status, method).toBe(405)
      expect(status(response)).toBeNull()
    }
    expect(open).not.toHaveBeenCalled()
  })

  it('is not needed: where there is no Cache API, pages are rendered every time', async () => {
    vi.stubGlobal('caches', undefined)
    try {
      for (const size of ['lg', 'lg']) {
        const response = await request('/kk/notice', { headers: { Cookie: `size=${size}` } })
        expect(response.status).toBe(200)
        expect(status(response)).toBeNull()
        expect(await response.text()).toContain(`data-size="${size}"`)
      }
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('never carries a cookie that the page’s own answer set, to another reader', async () => {
    // No page sets a cookie inside the cache today; the first to do so must not hand it to every reader.
    const site = new Hono<AppEnv>()
    site.use('/:lang/*', pageCache())
    site.get('/:lang/notice', (c) => {
      setCookie(c, 'reader', 'first')
      return c.html('<p>notice</p>')
    })
    const url = 'http://localhost:6/en/notice'
    const first = await site.request(url, undefined, env)
    expect(first.headers.get('Set-Cookie')).toMatch(/^reader=first/)
    const second = await site.request(url, undefined, env)
    expect(status(second)).toBe('hit')
    expect(await second.text()).toBe('<p>notice</p>')
    expect(second.headers.has('Set-Cookie')).toBe(false)
    for (const response of [first, second]) {
      expect(response.headers.get('Cache-Control')).toBe(`private, max-age=${PAGE_MAX_AGE}`)
      expect(response.headers.get('Vary')).toBe('Cookie')
    }
  })
})

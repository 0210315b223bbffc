// The page cache's front layer (servePageCopies in src/page-cache.ts): a repeat view is answered with the copy the
// same variant got before, ahead of every other middleware. What a reader gets must not change by a byte.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CACHE_STATUS_HEADER } from '../src/page-cache'
import ru from './fixtures/cf/ru.json'
import { ARTICLE_SLUG, request } from './helpers'

const everything = async (response: Response) => ({
  status: response.status,
  headers: [...response.headers].filter(([name]) => name !== CACHE_STATUS_HEADER.toLowerCase()),
  body: await response.text(),
})

describe('a repeat view of a page', () => {
  it.each([
    ['over HTTPS, with HSTS', `https://copies.example/ru/articles/${ARTICLE_SLUG}`, {}],
    ['for a reader at risk, with the banner', `https://copies.example/kk/`, { cf: ru }],
    ['with a text size', 'http://localhost/en/notice', { headers: { Cookie: 'size=lg' } }],
  ])('is the first view exactly: status, every header and the body (%s)', async (_, url, init) => {
    const first = await request(url, init as RequestInit<RequestInitCfProperties>)
    const again = await request(url, init as RequestInit<RequestInitCfProperties>)
    const third = await request(url, init as RequestInit<RequestInitCfProperties>)
    const expected = await everything(first)
    expect(expected.status).toBe(200)
    expect(expected.headers.map(([name]) => name)).toEqual(
      expect.arrayContaining(['content-security-policy', 'referrer-policy', 'etag', 'vary', 'cache-control']),
    )
    expect(await everything(again)).toEqual(expected)
    expect(await everything(third)).toEqual(expected)
  })

  it('is told apart on loopback, and only there', async () => {
    const url = 'http://localhost/kk/notice'
    expect((await request(url)).headers.get(CACHE_STATUS_HEADER)).toBe('miss')
    expect((await request(url)).headers.get(CACHE_STATUS_HEADER)).toBe('hit')
    const remote = 'https://copies.example/kk/notice'
    await request(remote)
    expect((await request(remote)).headers.has(CACHE_STATUS_HEADER)).toBe(false)
  })

  it('still deletes the old year-long language cookie of a reader who holds it', async () => {
    const url = `https://copies.example/en/articles/${ARTICLE_SLUG}`
    await request(url)
    await request(url)
    for (let view = 0; view < 2; view++) {
      const response = await request(url, { headers: { Cookie: 'lang=ru' } })
      expect(response.status).toBe(200)
      expect(response.headers.getSetCookie().join()).toMatch(/^lang=;.*Max-Age=0/)
      // Answered from the memory behind the front layer: still no cache state outside a developer's machine.
      expect(response.headers.has(CACHE_STATUS_HEADER)).toBe(false)
    }
  })

  it('answers a revalidation with 304 Not Modified, as the first view would', async () => {
    const url = 'https://copies.example/ru/notice'
    const first = await request(url)
    await request(url)
    const tag = first.headers.get('ETag')!
    const revalidated = await request(url, { headers: { 'If-None-Match': tag } })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'))
    expect(revalidated.headers.get('Content-Security-Policy')).toBe(
      first.headers.get('Content-Security-Policy'),
    )
  })

  it('is never another variant’s copy', async () => {
    const url = 'https://copies.example/en/'
    await request(url, { headers: { Cookie: '__Host-size=xs' } })
    await request(url, { headers: { Cookie: '__Host-size=xs' } })
    const other = await request(url, { headers: { Cookie: '__Host-size=md' } })
    expect(await other.text()).toContain('data-size="md"')
  })

  describe('behind the isolate’s other copies', () => {
    afterEach(() => vi.restoreAllMocks())

    it('is answered from its own copy when feeds and robots.txt have crowded the page out of the memory behind it', async () => {
      // No shared cache: a hit can only come from this isolate's memory.
      const empty = { match: async () => undefined, put: async () => {} } as unknown as Cache
      vi.spyOn(caches, 'open').mockResolvedValue(empty)
      const page = 'http://127.0.0.1:20/en/notice'
      const first = await request(page)
      expect(first.headers.get(CACHE_STATUS_HEADER)).toBe('miss')
      // 256 documents fill the memory that holds page and document copies alike; the front layer holds pages only.
      for (let n = 0; n < 256; n++) await request(`http://localhost:${30_000 + n}/robots.txt`)
      const again = await request(page)
      expect(again.headers.get(CACHE_STATUS_HEADER)).toBe('hit')
      expect(await everything(again)).toEqual(await everything(first))
    }, 60_000)
  })
})

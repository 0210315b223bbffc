import { env } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { forgetBreakingNews } from '../src/breaking-news'
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

  it('never stores or serves a reader’s cookie', async () => {
    const path = `/en/articles/${ARTICLE_SLUG}`
    const first = await request(path, { headers: { Cookie: 'size=xs; lang=ru' } })
    expect(first.headers.getSetCookie().join()).toMatch(/^lang=en/)
    const second = await request(path, { headers: { Cookie: 'size=xs; lang=en' } })
    expect(status(second)).toBe('hit')
    expect(second.headers.getSetCookie()).toEqual([])
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

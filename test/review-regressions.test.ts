// Served-site rows of the security review (../shared/review/security-review.md) that held and had no test of
// their own: each as the reviewer tried it, so that what held keeps holding (TESTING.md keeps the table).
import { describe, expect, it } from 'vitest'
import { ARTICLE_SLUG, fetchPage, request } from './helpers'

const ARTICLE = `/en/articles/${ARTICLE_SLUG}`

describe('headers a proxy might add', () => {
  it.each([
    ['X-Forwarded-Host', 'evil.example'],
    ['X-Forwarded-Proto', 'gopher'],
    ['Forwarded', 'for=1.2.3.4;host=evil.example;proto=https'],
    ['X-Forwarded-For', '1.2.3.4, evil.example'],
  ])('are ignored: %s', async (name, value) => {
    const plain = await fetchPage(`https://reader.example${ARTICLE}`)
    const forwarded = await fetchPage(`https://reader.example${ARTICLE}`, { headers: { [name]: value } })
    expect(forwarded.response.status).toBe(200)
    expect(forwarded.html).not.toContain('evil.example')
    expect(forwarded.html).not.toContain('gopher')
    expect(forwarded.document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `https://reader.example${ARTICLE}`,
    )
    expect(forwarded.html).toBe(plain.html)
  })
})

describe('range requests', () => {
  const photo = async () => {
    const { document } = await fetchPage(ARTICLE)
    return document.querySelector('article figure img')!.getAttribute('src')!
  }

  it.each([
    'bytes=0-10',
    'bytes=-5',
    'bytes=100-',
    'bytes=0-0,2-2,4-4',
    `bytes=${Array.from({ length: 500 }, (_, i) => `${i * 2}-${i * 2}`).join(',')}`,
    'bytes=99999999-',
    'bytes=5-1',
    'lines=0-1',
    'bytes=abc',
  ])('get the whole page and the whole photo, with a 200: %s', async (range) => {
    for (const path of [ARTICLE, await photo()]) {
      const whole = await request(path)
      const ranged = await request(path, { headers: { Range: range, 'If-Range': 'W/"x"' } })
      expect(ranged.status, path).toBe(200)
      expect(ranged.headers.get('Content-Range'), path).toBeNull()
      expect((await ranged.arrayBuffer()).byteLength, path).toBe((await whole.arrayBuffer()).byteLength)
    }
  })
})

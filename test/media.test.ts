import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/languages'
import { ARTICLE_SLUG, fetchPage, jpegSize, request } from './helpers'

const KB = 1024

/** The photo as the article page offers it: each `srcset` candidate, and the size the page declares. */
const photoOf = async (lang: string) => {
  const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`)
  const img = document.querySelector('article figure img')!
  const candidates = (img.getAttribute('srcset') ?? '').split(',').map((c) => {
    const [url, width] = c.trim().split(/\s+/)
    return { url: url!, width: Number(width!.replace(/w$/, '')) }
  })
  return {
    src: img.getAttribute('src')!,
    candidates,
    width: Number(img.getAttribute('width')),
    height: Number(img.getAttribute('height')),
  }
}

describe('story photos, from R2', () => {
  it.each(LANGUAGES)(
    'are offered in %s at 480 and 960 px, the widest as src with its real size',
    async (lang) => {
      const photo = await photoOf(lang)
      expect(photo.candidates.map((c) => c.width)).toEqual([480, 960])
      expect(photo.src).toBe(photo.candidates.at(-1)!.url)
      const main = jpegSize(await (await request(photo.src)).arrayBuffer())
      expect(main).toEqual({ width: photo.width, height: photo.height })
    },
  )

  it('serve each width at the size the srcset says, in the same proportions, small enough for a phone', async () => {
    const photo = await photoOf('en')
    for (const candidate of photo.candidates) {
      const response = await request(candidate.url)
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('image/jpeg')
      const bytes = await response.arrayBuffer()
      const size = jpegSize(bytes)
      expect(size.width).toBe(candidate.width)
      expect(size.height).toBe(Math.round((candidate.width * photo.height) / photo.width))
      expect(bytes.byteLength).toBeLessThan((candidate.width === 480 ? 16 : 30) * KB)
    }
  })

  it('are kept for a year, unchanged, by browsers and the edge, and revalidate with 304', async () => {
    const { src } = await photoOf('en')
    const response = await request(src)
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    const tag = response.headers.get('ETag')!
    expect(tag).toMatch(/\S/)
    const again = await request(src, { headers: { 'If-None-Match': tag } })
    expect(again.status).toBe(304)
  })

  it('answer 404 for a photo that is not stored, and for any other path under /media/', async () => {
    const { src } = await photoOf('en')
    for (const path of [
      src.replace(/-960\.jpg$/, '-720.jpg'),
      src.replace(/[0-9a-f]{16}/, '0000000000000000'),
      '/media/images/../wrangler.toml',
      '/media/site.css',
      `/media/${'a'.repeat(300)}`,
    ]) {
      const response = await request(path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('Content-Type'), path).toMatch(/^text\/html/)
    }
  })
})

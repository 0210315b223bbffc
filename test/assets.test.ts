import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import manifest from '../src/asset-manifest.json'
import { ARTICLES } from '../src/content/articles'
import { TEXT_SIZES, TEXT_SIZE_SCALE } from '../src/text-sizes'

const fetchAsset = (path: string) => env.ASSETS.fetch(new Request(new URL(path, 'http://localhost')))

const sha256 = async (bytes: ArrayBuffer) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')

describe('static assets', () => {
  it.each(Object.entries(manifest))(
    'serves %s under a name carrying its content hash',
    async (_name, path) => {
      const response = await fetchAsset(path)
      expect(response.status).toBe(200)
      const hash = /\.([0-9a-f]{10})\.\w+$/.exec(path)?.[1]
      expect(hash).toBeDefined()
      expect((await sha256(await response.arrayBuffer())).slice(0, 10)).toBe(hash)
    },
  )

  it('scales the root font size for every text size as src/text-sizes.ts says', async () => {
    const css = await (await fetchAsset(manifest['site.css'])).text()
    for (const size of TEXT_SIZES) {
      if (TEXT_SIZE_SCALE[size] === 1) continue
      const rule = new RegExp(
        `html\\[data-size='${size}'\\]\\s*\\{\\s*font-size:\\s*${TEXT_SIZE_SCALE[size] * 100}%`,
      )
      expect(css, size).toMatch(rule)
    }
  })

  it('sizes text in rem and em only, never in px', async () => {
    const css = await (await fetchAsset(manifest['site.css'])).text()
    expect(css).not.toMatch(/font-size:\s*[\d.]+px/)
    expect(css).not.toMatch(/@import|url\(\s*['"]?https?:/)
  })

  it('keeps the stand-in photo well under 30 KB', async () => {
    const bytes = await (await fetchAsset(manifest['images/unrest-illustration.jpg'])).arrayBuffer()
    expect(bytes.byteLength).toBeLessThan(30 * 1024)
  })

  it.each(ARTICLES.map((a) => [a.slug, a.image] as const))(
    'gives %s photos the size the page declares',
    async (_slug, image) => {
      const main = jpegSize(await (await fetchAsset(manifest[image.asset])).arrayBuffer())
      expect(main).toEqual({ width: image.width, height: image.height })
      if (image.narrow) {
        const narrow = jpegSize(await (await fetchAsset(manifest[image.narrow.asset])).arrayBuffer())
        // Same proportions, so the box the page reserves fits whichever the browser picks.
        expect(narrow.width).toBe(image.narrow.width)
        expect(narrow.height).toBe(Math.round((image.narrow.width * image.height) / image.width))
      }
    },
  )
})

/** Width and height from a JPEG's start-of-frame segment. */
const jpegSize = (buffer: ArrayBuffer): { width: number; height: number } => {
  const bytes = new DataView(buffer)
  let offset = 2
  while (offset < bytes.byteLength) {
    const marker = bytes.getUint16(offset)
    const length = bytes.getUint16(offset + 2)
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xffc0 && marker <= 0xffcf && ![0xffc4, 0xffc8, 0xffcc].includes(marker))
      return { height: bytes.getUint16(offset + 5), width: bytes.getUint16(offset + 7) }
    offset += 2 + length
  }
  throw new Error('no start-of-frame segment')
}

describe('asset caching', () => {
  it.each(Object.values(manifest))(
    'lets browsers and the edge keep %s for a year, unchanged',
    async (path) => {
      const response = await fetchAsset(path)
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    },
  )
})

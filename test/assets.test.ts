import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import manifest from '../src/asset-manifest.json'
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
})

describe('asset caching', () => {
  it.each(Object.values(manifest))(
    'lets browsers and the edge keep %s for a year, unchanged',
    async (path) => {
      const response = await fetchAsset(path)
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    },
  )
})

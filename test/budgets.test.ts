import { env } from 'cloudflare:test'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/languages'
import { TEXT_SIZES } from '../src/text-sizes'
import { ARTICLE_SLUG, request } from './helpers'

const KB = 1024

/** Bytes after gzip, as the edge would send them. */
const gzipped = async (bytes: ArrayBuffer): Promise<number> =>
  (await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer())
    .byteLength

/** Static assets from Workers Static Assets; story photos from the Worker's media route (R2). */
const fetchAsset = async (path: string) =>
  (path.startsWith('/media/')
    ? await request(path)
    : await env.ASSETS.fetch(new Request(new URL(path, 'http://localhost')))
  ).arrayBuffer()

/** Everything the article's first load fetches, from its HTML: the page, then each subresource it names. */
const firstLoad = async (lang: string, size: string) => {
  const response = await request(`/${lang}/articles/${ARTICLE_SLUG}`, { headers: { Cookie: `size=${size}` } })
  const html = await response.arrayBuffer()
  const { document } = parseHTML(new TextDecoder().decode(html))
  const urls = [
    ...[...document.querySelectorAll('link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preload"]')].map(
      (l) => l.getAttribute('href'),
    ),
    ...[...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
    ...[...document.querySelectorAll('img[src]')].map((i) => i.getAttribute('src')),
  ].filter((url): url is string => url !== null && !url.startsWith('data:'))
  // JSON-LD is data, not script: nothing runs it.
  const inlineScripts = [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')]
    .length
  const inlineStyles = [...document.querySelectorAll('style')].length
  const resources = await Promise.all(
    urls.map(async (url) => {
      const bytes = await fetchAsset(url)
      const text = !/\.(jpe?g|png|webp|avif|gif)$/.test(url)
      return { url, raw: bytes.byteLength, transferred: text ? await gzipped(bytes) : bytes.byteLength }
    }),
  )
  return {
    html: { raw: html.byteLength, transferred: await gzipped(html) },
    resources,
    inlineScripts,
    inlineStyles,
  }
}

describe.each(LANGUAGES)('the article’s weight in %s', (lang) => {
  it.each(TEXT_SIZES)('stays within the budgets at text size %s', async (size) => {
    const load = await firstLoad(lang, size)
    const css = load.resources.filter((r) => r.url.endsWith('.css'))
    const js = load.resources.filter((r) => r.url.endsWith('.js'))
    const sum = (items: { transferred: number }[]) =>
      items.reduce((total, item) => total + item.transferred, 0)
    // The critical path (HTML and the CSS and JS it loads) fits the first round trip: 14 KB.
    expect(load.html.transferred + sum(css) + sum(js)).toBeLessThanOrEqual(14 * KB)
    // The whole first load, photo included: 50 KB in at most 4 requests.
    expect(load.html.transferred + sum(load.resources)).toBeLessThanOrEqual(50 * KB)
    expect(1 + load.resources.length).toBeLessThanOrEqual(4)
    // Only the enhancements are script, and they are small.
    expect(sum(js)).toBeLessThanOrEqual(2 * KB)
    expect(load.inlineScripts).toBe(0)
    expect(load.inlineStyles).toBe(0)
  })
})

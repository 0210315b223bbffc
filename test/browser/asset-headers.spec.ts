/**
 * Stylesheet and script come from Workers Static Assets, not the Worker: they must still carry every security
 * header a page does (assets/_headers, generated from src/security-headers.ts), and refuse other methods properly.
 * The Workers tier cannot prove this: its `env.ASSETS` does not apply `_headers`. The photo comes from R2 through
 * the Worker (`/media/…`), so it carries the page's own headers, HSTS included only over HTTPS as on a page.
 */
import type { Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openContext, useChromium, visit } from './support/browser'
import { PAGES } from './support/site'

const browser = useChromium()

/** The headers a page gets from the Worker's security middleware (HSTS aside: the test site is plain HTTP). */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'permissions-policy',
  'referrer-policy',
  'x-content-type-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
]

describe('static assets', () => {
  it('carry the page’s security headers, HSTS and a year’s immutable caching, as Chromium receives them', async () => {
    const context = await openContext(browser())
    const page = await context.newPage()
    const assets: Response[] = []
    page.on('response', (response) => {
      if (['stylesheet', 'script', 'image'].includes(response.request().resourceType())) assets.push(response)
    })
    const document = await visit(page, PAGES.article('en'))
    await page.waitForLoadState('load')
    const pageHeaders = await document.allHeaders()
    // One stylesheet, one script, one photo (the favicon is inline).
    expect(assets.map((a) => new URL(a.url()).pathname.split('.').at(-1)).sort()).toEqual([
      'css',
      'jpg',
      'js',
    ])
    for (const asset of assets) {
      const headers = await asset.allHeaders()
      const where = new URL(asset.url()).pathname
      expect(asset.status(), where).toBe(200)
      for (const name of SECURITY_HEADERS) {
        expect(pageHeaders[name], `${name} on the page`).toBeTruthy()
        expect(headers[name], `${name} on ${where}`).toBe(pageHeaders[name])
      }
      if (where.startsWith('/media/'))
        expect(headers['strict-transport-security'], where).toBe(pageHeaders['strict-transport-security'])
      else expect(headers['strict-transport-security'], where).toBe('max-age=63072000; includeSubDomains')
      expect(headers['cache-control'], where).toBe('public, max-age=31536000, immutable')
    }
    await context.close()
  })

  it('answer other methods with 405 and say which are allowed', async () => {
    const context = await openContext(browser())
    const page = await context.newPage()
    const [stylesheet] = await Promise.all([
      page.waitForResponse((response) => response.request().resourceType() === 'stylesheet'),
      visit(page, PAGES.article('en')),
    ])
    expect(stylesheet.status()).toBe(200)
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await page.request.fetch(stylesheet.url(), { method })
      expect(response.status(), method).toBe(405)
      expect(response.headers().allow, method).toBe('GET, HEAD')
      expect(response.headers()['x-content-type-options'], method).toBe('nosniff')
    }
    await context.close()
  })

  it.each([
    '/_headers',
    '/.env',
    '/wrangler.toml',
    '/package.json',
    '/src/index.ts',
    '/static/site.css',
    '/assets/',
  ])('never include the project’s own files: %s is a 404', async (path) => {
    const context = await openContext(browser())
    const page = await context.newPage()
    await visit(page, PAGES.article('en'))
    const response = await page.request.fetch(new URL(path, page.url()).href)
    expect(response.status()).toBe(404)
    expect(await response.text()).not.toMatch(/compatibility_date|"devDependencies"|^\/\*|import /m)
    await context.close()
  })
})

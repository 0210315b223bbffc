import { describe, expect, it } from 'vitest'
import { ARTICLE_SLUG, request } from './helpers'

const PAGES = [`/en/articles/${ARTICLE_SLUG}`, '/kk/', '/ru/notice', '/en/nowhere', '/de/']

/** Splits a CSP header into directive → sources. */
const parseCsp = (header: string | null): Record<string, string[]> =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  )

describe('security headers', () => {
  it.each(PAGES)('are on %s', async (path) => {
    const response = await request(path)
    const csp = parseCsp(response.headers.get('Content-Security-Policy'))
    expect(csp['default-src']).toEqual(["'self'"])
    expect(csp['script-src']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'none'"])
    expect(csp['form-action']).toEqual(["'self'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    for (const sources of Object.values(csp)) {
      expect(sources).not.toContain("'unsafe-inline'")
      expect(sources).not.toContain("'unsafe-eval'")
      for (const source of sources) expect(source).toMatch(/^('self'|'none'|data:)$/)
    }
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin')
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin')
    const permissions = response.headers.get('Permissions-Policy') ?? ''
    for (const feature of ['camera', 'microphone', 'geolocation', 'browsing-topics'])
      expect(permissions).toContain(`${feature}=()`)
  })

  it('are on the error page too', async () => {
    // The POST 415 and the 405 are answers of the same middleware stack.
    const response = await request('/en/', { method: 'PUT' })
    expect(response.status).toBe(405)
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
  })

  it('ask for HTTPS for two years, subdomains included, only over HTTPS', async () => {
    const secure = await request('https://reader.example/en/')
    expect(secure.headers.get('Strict-Transport-Security')).toBe('max-age=63072000; includeSubDomains')
    const local = await request('/en/')
    expect(local.headers.get('Strict-Transport-Security')).toBeNull()
  })
})

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s on a page with 405 and Allow', async (method) => {
    const response = await request(`/kk/articles/${ARTICLE_SLUG}`, { method })
    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('GET, HEAD')
  })

  it('answers GET on the preferences endpoint with 405 and Allow: POST', async () => {
    const response = await request('/preferences')
    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('POST')
  })
})

const postPreferences = (body: BodyInit, headers: Record<string, string>) =>
  request('/preferences', { method: 'POST', body, headers: { Origin: 'http://localhost', ...headers } })

describe('the preferences endpoint refuses', () => {
  it('a body over a few KB with 413', async () => {
    const response = await postPreferences(`size=lg&return=/en/&pad=${'x'.repeat(4096)}`, {
      'Content-Type': 'application/x-www-form-urlencoded',
    })
    expect(response.status).toBe(413)
  })

  it.each(['application/json', 'text/plain', 'multipart/form-data; boundary=x'])(
    'the content type %s with 415',
    async (type) => {
      const response = await postPreferences('{"size":"lg"}', { 'Content-Type': type })
      // Same origin, so CSRF protection lets it through and the content type decides.
      expect(response.status).toBe(415)
    },
  )

  it('a cross-site POST with 403, whatever its content type claims', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await request('/preferences', {
        method: 'POST',
        body: 'size=lg',
        headers: { Origin: 'https://evil.example', 'Content-Type': type },
      })
      expect(response.status, type).toBe(403)
    }
  })

  it('a same-site POST from another origin, by Sec-Fetch-Site', async () => {
    const response = await request('/preferences', {
      method: 'POST',
      body: 'size=lg',
      headers: { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status).toBe(403)
  })
})

describe('canonical URLs', () => {
  it.each([
    ['/en', '/en/'],
    ['/EN/', '/en/'],
    [`/en/articles/${ARTICLE_SLUG}/`, `/en/articles/${ARTICLE_SLUG}`],
    [`/RU/Articles/${ARTICLE_SLUG.toUpperCase()}`, `/ru/articles/${ARTICLE_SLUG}`],
    ['/kk/notice/', '/kk/notice'],
  ])('redirects %s to %s', async (from, to) => {
    const response = await request(from)
    expect(response.status).toBe(301)
    expect(response.headers.get('Location')).toBe(to)
  })
})

describe('cookies', () => {
  it('hold preferences only, and only Lax, HttpOnly, Secure ones over HTTPS', async () => {
    const responses = await Promise.all([
      request('https://reader.example/kk/'),
      request('https://reader.example/preferences', {
        method: 'POST',
        headers: { Origin: 'https://reader.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'size=lg&banner=hidden&lang=kk&return=/kk/',
      }),
    ])
    const cookies = responses.flatMap((r) => r.headers.getSetCookie())
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual([
      '__Host-banner',
      '__Host-lang',
      '__Host-size',
    ])
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__Host-(lang=(kk|ru|en)|size=(xs|sm|md|lg)|banner=hidden);/)
      expect(cookie).toMatch(/; Secure/)
      expect(cookie).toMatch(/; HttpOnly/)
      expect(cookie).toMatch(/; SameSite=Lax/)
    }
  })
})

describe('odd paths', () => {
  it.each([
    ['bad percent-encoding', '/en/%E0%A4%A/%zz'],
    ['a NUL byte', '/ru/%00'],
    ['an 8 KB path', `/kk/${'a'.repeat(8 * 1024)}`],
    ['a 16 KB path under no language', `/${'b/'.repeat(8 * 1024)}`],
    ['dot segments', '/en/articles/%2e%2e/%2e%2e/etc/passwd'],
  ])('answer %s with the 404 page, in the path’s language', async (_case, path) => {
    const response = await request(path)
    expect(response.status).toBe(404)
    const html = await response.text()
    const lang = /^\/(kk|ru|en)\//.exec(path)?.[1] ?? 'en'
    expect(html).toContain(`<html lang="${lang}"`)
    expect(html.length).toBeLessThan(20_000)
  })
})

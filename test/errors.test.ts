import { env } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { app } from '../src/app'
import { parseHTML } from 'linkedom'
import { translator } from '../src/i18n'
import { ARTICLE_SLUG, textOf } from './helpers'

/** A request whose `cf` blows up when read: an unexpected failure in the middle of building a page. */
const brokenRequest = (path: string, headers: Record<string, string> = {}) => {
  const request = new Request(`http://localhost${path}`, { headers })
  Object.defineProperty(request, 'cf', {
    get() {
      throw new Error('secret internal detail at worker.js:12:34')
    },
  })
  return request
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('an unexpected exception', () => {
  it.each([
    ['kk', 'Ақаулық орын алды'],
    ['ru', 'Что-то пошло не так'],
    ['en', 'Something went wrong'],
  ])('renders a 500 error page in %s, without a stack trace', async (lang, title) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await app.fetch(brokenRequest(`/${lang}/articles/${ARTICLE_SLUG}`), env)
    expect(response.status).toBe(500)
    const html = await response.text()
    expect(html).toContain(`<html lang="${lang}"`)
    expect(html).toContain(`<h1>${title}</h1>`)
    expect(html).not.toContain('secret internal detail')
    expect(html).not.toMatch(/at \S+:\d+:\d+/)
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
    // It is logged, with the path and the message, and nothing about the reader.
    const logged = errors.mock.calls.map((call) => call.join(' ')).join('\n')
    expect(logged).toContain('unhandled-error')
    expect(logged).toContain(`/${lang}/articles/${ARTICLE_SLUG}`)
  })

  it.each(['kk', 'ru', 'en'] as const)(
    'says what happened in %s, offers the front page, and asks not to be indexed',
    async (lang) => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      const t = translator(lang)
      const response = await app.fetch(brokenRequest(`/${lang}/articles/${ARTICLE_SLUG}`), env)
      const { document } = parseHTML(await response.text())
      expect(document.title).toBe(t('site.pageTitle', { page: t('error.title'), site: t('site.name') }))
      expect([...document.querySelectorAll('main p')].map((p) => textOf(p))).toEqual([
        t('error.body'),
        t('error.home'),
      ])
      expect(document.querySelector('main a')?.getAttribute('href')).toBe(`/${lang}/`)
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex')
      // Where the reader is could not be read: no banner is made up, and the footer carries the notice.
      expect(document.querySelector('#legal-banner-heading')).toBeNull()
      expect(document.querySelector('footer')?.textContent).toContain(t('notice.declared'))
    },
  )

  it('logs nothing that identifies the reader', async () => {
    const lines: string[] = []
    for (const method of ['log', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')))
    const headers = {
      Cookie: 'size=lg; lang=kk',
      'CF-Connecting-IP': '203.0.113.7',
      'User-Agent': 'UA-fingerprint',
    }
    await app.fetch(brokenRequest('/en/', headers), env)
    await app.fetch(new Request('http://localhost/kk/', { headers }), env)
    expect(lines.length).toBeGreaterThan(0)
    const all = lines.join('\n')
    expect(all).not.toContain('203.0.113.7')
    expect(all).not.toContain('size=lg')
    expect(all).not.toContain('UA-fingerprint')
  })
})

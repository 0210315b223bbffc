import { parseHTML } from 'linkedom'
import { describe, expect, it, vi } from 'vitest'
import { translator } from '../src/i18n'
import { LANGUAGES, type Language } from '../src/languages'
import { ARTICLE_SLUG, fetchPage, request, textOf } from './helpers'

describe('GET /', () => {
  const redirectFor = async (headers: Record<string, string>) => {
    const response = await request('/', { headers })
    expect(response.status).toBe(302)
    expect(response.headers.get('Vary')).toBe('Accept-Language, Cookie')
    return response.headers.get('Location')
  }

  it('sends a reader with no preferences to English', async () => {
    expect(await redirectFor({})).toBe('/en/')
  })

  it('follows the browser language, counting kk-KZ as kk', async () => {
    expect(await redirectFor({ 'Accept-Language': 'ru-RU,ru;q=0.9' })).toBe('/ru/')
    expect(await redirectFor({ 'Accept-Language': 'kk-KZ' })).toBe('/kk/')
  })

  it('honours q-values rather than the order languages are listed in', async () => {
    expect(await redirectFor({ 'Accept-Language': 'en;q=0.3, de, kk;q=0.8, ru;q=0.5' })).toBe('/kk/')
    expect(await redirectFor({ 'Accept-Language': 'ru;q=0, en-GB;q=0.2' })).toBe('/en/')
  })

  it('falls back to English when no listed language is published', async () => {
    expect(await redirectFor({ 'Accept-Language': 'de-DE, fr;q=0.8' })).toBe('/en/')
  })

  it('prefers the language cookie over the browser language', async () => {
    expect(await redirectFor({ Cookie: 'lang=kk', 'Accept-Language': 'ru' })).toBe('/kk/')
  })

  it('ignores a language cookie it does not publish', async () => {
    expect(await redirectFor({ Cookie: 'lang=de', 'Accept-Language': 'ru' })).toBe('/ru/')
    expect(await redirectFor({ Cookie: 'lang=%E0%A4%A', 'Accept-Language': 'kk' })).toBe('/kk/')
  })
})

describe('pages', () => {
  it.each(LANGUAGES)('serves the front page and the article in %s', async (lang) => {
    for (const path of [`/${lang}/`, `/${lang}/articles/${ARTICLE_SLUG}`, `/${lang}/notice`]) {
      const response = await request(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    }
  })

  it('answers HEAD wherever it answers GET, without a body', async () => {
    const response = await request(`/kk/articles/${ARTICLE_SLUG}`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })
})

describe('not found', () => {
  it.each([
    ['/nowhere', 'en'],
    ['/ru/nowhere', 'ru'],
    ['/kk/articles/no-such-article', 'kk'],
    ['/de/articles/kazakhstan-contradictory-death-tolls-unrest', 'en'],
    ['/de/', 'en'],
  ])('answers %s with a 404 page in %s', async (path, lang) => {
    const { response, document } = await fetchPage(path)
    expect(response.status).toBe(404)
    expect(document.documentElement.getAttribute('lang')).toBe(lang)
    expect(document.querySelectorAll('h1')).toHaveLength(1)
    expect(document.querySelector('main#main-content')).not.toBeNull()
    expect(document.querySelector('footer')).not.toBeNull()
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex')
  })

  it('says the same thing in each language, translated', async () => {
    const titles = await Promise.all(
      LANGUAGES.map(
        async (lang) => (await fetchPage(`/${lang}/missing`)).document.querySelector('h1')?.textContent,
      ),
    )
    expect(new Set(titles).size).toBe(LANGUAGES.length)
  })
})

describe('a page that answers a refusal or a missing page', () => {
  /** What such a page offers a reader besides its message: its title, the language links and the size form. */
  const frameOf = (document: Document) => ({
    title: document.title,
    message: [...document.querySelectorAll('main p')].map((p) => textOf(p)),
    languages: [...document.querySelectorAll('ul.languages a')].map((a) => a.getAttribute('href')),
    returnTo: document.querySelector('input[name="return"]')?.getAttribute('value'),
  })
  const frameFor = (lang: Language, key: 'notFound' | 'formRefused', body: string) => {
    const t = translator(lang)
    return {
      title: t('site.pageTitle', { page: t(`${key}.title`), site: t('site.name') }),
      message: [t(body), t(`${key}.home`)],
      languages: LANGUAGES.map((other) => `/${other}/`),
      returnTo: `/${lang}/`,
    }
  }

  it.each([
    ['/ru/nowhere', 'ru'],
    ['/kk/articles/no-such-article', 'kk'],
    ['/nowhere', 'en'],
  ] as const)(
    '%s: its title, links to each language’s front page, the size control back to the front',
    async (path, lang) => {
      const { response, document } = await fetchPage(path)
      expect(response.status).toBe(404)
      expect(frameOf(document)).toEqual(frameFor(lang, 'notFound', 'notFound.body'))
      // It shows the reader's size, banner and news: theirs alone, kept nowhere.
      expect(response.headers.get('Cache-Control')).toBe('private, no-store')
      expect(response.headers.get('Vary')).toBe('Cookie')
    },
  )

  it.each([
    [403, { Origin: 'https://evil.example' }, 'size=lg', 'formRefused.crossSite'],
    [413, { Origin: 'http://localhost' }, `size=lg&pad=${'x'.repeat(4096)}`, 'formRefused.malformed'],
  ] as const)('a refused form (%s), in the reader’s language', async (status, headers, body, reason) => {
    const { response, document } = await fetchPage('/preferences', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'lang=ru', ...headers },
      body,
    })
    expect(response.status).toBe(status)
    expect(frameOf(document)).toEqual(frameFor('ru', 'formRefused', reason))
  })
})

describe('canonical redirects', () => {
  it('are for GET and HEAD only: another method at a variant path is not sent elsewhere', async () => {
    expect((await request('/EN/', { method: 'HEAD' })).status).toBe(301)
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await request('/EN/', { method })
      expect(response.status, method).toBe(404)
      expect(response.headers.has('Location')).toBe(false)
    }
  })

  it.each([
    '/EN/articles/no-such-article',
    '/en/articles/no-such-article/',
    // An archive page past the oldest story is a page's shape but no page: never a redirect to itself.
    '/en/older/19700101T000000Z-1',
    '/en/OLDER/19700101T000000Z-1',
  ])('never lead to a page that does not exist: %s is a 404', async (path) => {
    const response = await request(path)
    expect(response.status).toBe(404)
    expect(response.headers.has('Location')).toBe(false)
  })
})

describe('the preference form', () => {
  const post = (headers: Record<string, string>, body: string | ArrayBuffer) =>
    request('/preferences', { method: 'POST', headers: { Origin: 'http://localhost', ...headers }, body })

  it('takes its media type as HTTP does: any case, parameters and spaces around them', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'Application/X-WWW-Form-URLEncoded;charset=UTF-8',
      'application/x-www-form-urlencoded ; charset=UTF-8',
    ]) {
      const response = await post({ 'Content-Type': type }, 'size=md&return=/ru/')
      expect(response.status, type).toBe(303)
      expect(response.headers.get('Location')).toBe('/ru/#text-size')
    }
  })

  it('refuses a body with no media type, or another one, with 415', async () => {
    for (const headers of [{}, { 'Content-Type': 'text/plain' }, { 'Content-Type': '' }] as Record<
      string,
      string
    >[]) {
      const response = await post(headers, 'size=md&return=/ru/')
      expect(response.status, JSON.stringify(headers)).toBe(415)
      expect(response.headers.getSetCookie()).toEqual([])
    }
    // A text body gets `text/plain` from the Request itself; bytes go with no Content-Type at all.
    const untyped = await post({}, new TextEncoder().encode('size=md&return=/ru/').buffer as ArrayBuffer)
    expect(untyped.status).toBe(415)
    expect(untyped.headers.getSetCookie()).toEqual([])
  })

  it.each(['utf-16', 'UTF-16LE', 'bogus', 'iso-8859-1', 'koi8-r', '', '"utf-16"', 'utf-8; charset=utf-16'])(
    'refuses a form in another charset (%s) with 415 in the reader’s language, never a 500',
    async (charset) => {
      const logged = vi.spyOn(console, 'error')
      try {
        const response = await post(
          { 'Content-Type': `application/x-www-form-urlencoded; charset=${charset}`, Cookie: 'lang=ru' },
          'size=md&return=/ru/',
        )
        expect(response.status).toBe(415)
        expect(response.headers.getSetCookie()).toEqual([])
        const { document } = parseHTML(await response.text())
        expect(document.documentElement.getAttribute('lang')).toBe('ru')
        expect(document.querySelector('h1')?.textContent).toBe(translator('ru')('formRefused.title'))
        expect(logged).not.toHaveBeenCalled()
      } finally {
        logged.mockRestore()
      }
    },
  )

  it('takes a form in UTF-8 however the charset is written', async () => {
    for (const charset of ['utf-8', 'UTF-8', '"UTF-8"', '"utf-8"', 'utf-8 ; x=y', '"UTF-8";x="a;b"']) {
      const type = `application/x-www-form-urlencoded; charset=${charset}`
      const response = await post({ 'Content-Type': type }, 'size=lg&return=/kk/')
      expect(response.status, type).toBe(303)
      expect(response.headers.get('Location')).toBe('/kk/#text-size')
      expect(response.headers.getSetCookie().join()).toMatch(/^size=lg;/)
    }
  })

  it('sends the reader to / when it names no page to return to', async () => {
    const type = { 'Content-Type': 'application/x-www-form-urlencoded' }
    for (const body of ['size=md', 'size=md&return=https://evil.example/', 'size=md&return=/ru/nowhere']) {
      const response = await post(type, body)
      expect(response.status, body).toBe(303)
      expect(response.headers.get('Location')).toBe('/')
    }
  })
})

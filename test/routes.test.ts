import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/languages'
import { ARTICLE_SLUG, fetchPage, request } from './helpers'

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

import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { translator } from '../src/i18n'
import { ARTICLE_SLUG, request } from './helpers'

const ARTICLE = `/ru/articles/${ARTICLE_SLUG}`

/** A preference form as a browser or a text browser sends it, with only the headers given. */
const postForm = (headers: Record<string, string>, body = `size=lg&return=${encodeURIComponent(ARTICLE)}`) =>
  request('/preferences', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })

const OWN = 'http://localhost'

describe('the preference forms accept a POST from a page of this site', () => {
  it.each([
    ['a browser, by Sec-Fetch-Site', { 'Sec-Fetch-Site': 'same-origin', Origin: OWN }],
    ['a browser that sends only Origin', { Origin: OWN }],
    ['w3m or Lynx: no Origin, a Referer on this site', { Referer: `${OWN}${ARTICLE}` }],
    ['a no-referrer browser: Origin null, a Referer on this site', { Origin: 'null', Referer: `${OWN}/ru/` }],
  ])('from %s', async (_, headers) => {
    const response = await postForm(headers)
    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe(`${ARTICLE}#text-size`)
    expect(response.headers.getSetCookie().join()).toMatch(/^size=lg;/)
  })
})

describe('the preference forms refuse a POST from anywhere else', () => {
  it.each([
    [
      'a sibling subdomain, by Sec-Fetch-Site',
      { 'Sec-Fetch-Site': 'same-site', Origin: 'http://news.localhost' },
    ],
    ['a sibling subdomain, by Sec-Fetch-Site alone', { 'Sec-Fetch-Site': 'same-site' }],
    [
      'another site, by Sec-Fetch-Site, even with our Origin',
      { 'Sec-Fetch-Site': 'cross-site', Origin: OWN },
    ],
    ['another host, by Origin', { Origin: 'http://news.localhost' }],
    ['another site, by Origin, with our Referer', { Origin: 'https://evil.example', Referer: `${OWN}/ru/` }],
    ['another site, by Referer', { Referer: 'https://evil.example/ru/' }],
    ['a sibling subdomain, by Referer', { Referer: 'http://news.localhost/ru/' }],
    ['a Referer that is not a URL', { Referer: 'not a url' }],
    ['a request that says nothing of where it came from', {}],
  ])('from %s, with a 403 page that no cache keeps, and no cookie', async (_, headers) => {
    const response = await postForm(headers)
    expect(response.status).toBe(403)
    expect(response.headers.getSetCookie()).toEqual([])
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    // The page carries the reader's own size and banner, like a 404.
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
  })

  it("says so in the reader's language: their cookie first, then their browser's", async () => {
    const cases = [
      { headers: { Cookie: 'lang=kk', 'Accept-Language': 'ru' }, lang: 'kk' },
      { headers: { 'Accept-Language': 'ru-RU,ru;q=0.9' }, lang: 'ru' },
      { headers: {}, lang: 'en' },
    ] as const
    for (const { headers, lang } of cases) {
      const response = await postForm({ Origin: 'https://evil.example', ...headers })
      const { document } = parseHTML(await response.text())
      expect(document.documentElement.getAttribute('lang'), lang).toBe(lang)
      expect(document.querySelector('h1')?.textContent).toBe(translator(lang)('formRefused.title'))
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex')
    }
  })

  it('never repeats what was sent', async () => {
    const marker = 'zq-marker-7731'
    const response = await postForm(
      { Origin: `https://${marker}.example`, Referer: `https://${marker}.example/` },
      `size=${marker}&return=${marker}`,
    )
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain(marker)
  })
})

describe("other refusals of a form are pages in the reader's language too", () => {
  it('a body that is not a form: 415 in Kazakh', async () => {
    const response = await request('/preferences', {
      method: 'POST',
      headers: { Origin: OWN, 'Content-Type': 'application/json', Cookie: 'lang=kk' },
      body: '{"size":"lg"}',
    })
    expect(response.status).toBe(415)
    expect(await response.text()).toContain(translator('kk')('formRefused.malformed'))
  })

  it('a body too large: 413 in Russian', async () => {
    const response = await postForm(
      { Origin: OWN, 'Accept-Language': 'ru' },
      `size=lg&pad=${'x'.repeat(4096)}`,
    )
    expect(response.status).toBe(413)
    expect(await response.text()).toContain(translator('ru')('formRefused.malformed'))
  })
})

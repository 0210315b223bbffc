import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/languages'
import { CACHE_STATUS_HEADER } from '../src/page-cache'
import { ARTICLE_SLUG, request } from './helpers'

/** A small seeded generator, so a failing case can be replayed from its number. */
const generator = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const CASES = 400

const build = (i: number) => {
  const random = generator(i + 1)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  // A marker unique to this case: it must never come back in a page or a header.
  const marker = `fz${i}q${Math.floor(random() * 1e6)}`
  const segments = [
    ...LANGUAGES,
    'EN',
    'de',
    'articles',
    ARTICLE_SLUG,
    'notice',
    'preferences',
    '..',
    '.',
    '',
    '%',
    '%zz',
    '%E0%A4%A',
    '%00',
    '%2F%2Fevil.example',
    '\\evil.example',
    encodeURIComponent(`<script>${marker}</script>`),
    encodeURIComponent(`"><img src=x onerror=${marker}>`),
    marker,
    encodeURIComponent('Қазақша'),
    'x'.repeat(Math.floor(random() * 9000)),
    // Archive cursors: real ones, and digits in the right places that are no real time or story id.
    'older',
    'newer',
    '20220314T000000Z-1',
    '20200229T235959Z-7',
    '99999999T999999Z-1',
    '20209901T000000Z-1',
    '20200230T000000Z-1',
    '20200101T250000Z-1',
    '21000101T000000Z-1',
    '20200101T000000Z-01',
    `20200101T000000Z-${'9'.repeat(16)}`,
  ]
  // A quarter of the cases aim at the one endpoint that takes input, the rest at generated paths.
  const generated = `/${Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(segments)).join('/')}${pick(['', '/', '?q=' + marker, '#x'])}`
  const path = random() < 0.25 ? '/preferences' : generated
  const method =
    path === '/preferences'
      ? pick(['POST', 'POST', 'POST', 'GET', 'PUT'])
      : pick(['GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])
  const cookie = pick([
    '',
    `size=${marker}`,
    `lang=${marker}; lang=kk`,
    `size=lg; size=xs; banner=${marker}`,
    `lang="kk`,
    `=; ;; size`,
    `size=${'l'.repeat(5000)}`,
    `lang=%E0%A4%A; size=%zz`,
    `banner=hidden; ${marker}=1`,
    `__Host-size=${marker}; __Host-lang=${marker}; __Host-banner=${marker}`,
    `__Host-lang=kk; lang=${marker}`,
  ])
  const acceptLanguage = pick([
    '',
    'kk-KZ',
    `${marker};q=1`,
    'ru;q=abc, en;q=-1',
    ';;,,,q=',
    'x'.repeat(4000),
    '*',
    'kk;q=0.5, *;q=0.9',
  ])
  const contentType = pick([
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=utf-16',
    'application/x-www-form-urlencoded; charset="UTF-8"',
    `application/x-www-form-urlencoded; charset=${marker}`,
    'application/x-www-form-urlencoded; charset= utf-8',
    'multipart/form-data',
    'text/plain',
    'application/json',
    marker,
    '',
  ])
  const body = pick([
    '',
    `size=${marker}&return=${encodeURIComponent('https://evil.example/' + marker)}`,
    `size=lg&return=${encodeURIComponent('//evil.example')}`,
    `size=lg&return=${encodeURIComponent('/\\evil.example')}`,
    `return=${encodeURIComponent('javascript:' + marker)}&banner=hidden`,
    `size=lg&size=xs&return=/en/&return=${marker}`,
    `%%%&&&==${marker}`,
    `lang=${marker}&size=lg&return=/en/`,
    `lang=kk&lang=${marker}&banner=hidden&return=/kk/`,
    'x'.repeat(10_000),
  ])
  const headers: Record<string, string> = {}
  if (cookie) headers.Cookie = cookie
  if (acceptLanguage) headers['Accept-Language'] = acceptLanguage
  if (contentType) headers['Content-Type'] = contentType
  headers.Origin = pick(['http://localhost', 'http://localhost', 'https://evil.example', 'null', marker])
  const withBody = method !== 'GET' && method !== 'HEAD'
  // A quarter over HTTPS on a production-like host, where cookies are `__Host-` and no cache state is told.
  const origin = pick(['', '', '', 'https://reader.example'])
  if (origin && headers.Origin === 'http://localhost') headers.Origin = origin
  return {
    path,
    url: origin + path,
    origin,
    marker,
    init: { method, headers, ...(withBody ? { body } : {}) },
  }
}

describe('a fuzz of bad requests', () => {
  it(`answers ${CASES} generated bad requests with no 5xx, no reflected input and no off-site redirect`, async () => {
    const statuses = new Map<number, number>()
    for (let i = 0; i < CASES; i++) {
      const { path, url, origin, marker, init } = build(i)
      let response: Response
      try {
        response = await request(url, init)
      } catch (error) {
        throw new Error(`case ${i} (${init.method} ${path.slice(0, 80)}) threw: ${String(error)}`)
      }
      const body = await response.text()
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
      const where = `case ${i}: ${init.method} ${path.slice(0, 120)}`
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      expect(response.status, where).toBeLessThan(500)
      expect(body.includes(marker), `${where} reflected its input in the body`).toBe(false)
      expect(headers.includes(marker), `${where} reflected its input in a header`).toBe(false)
      const location = response.headers.get('Location')
      // A page of this site, with at most the fragment of a place on it (#text-size, #main-content).
      if (location !== null) expect(location, where).toMatch(/^\/(?![/\\])[\w/-]*(?:#[\w-]+)?$/)
      // No answer says anything of the cache's state off a developer's machine, a hit or a miss.
      for (const name of ['Age', 'CF-Cache-Status', ...(origin ? [CACHE_STATUS_HEADER] : [])])
        expect(response.headers.has(name), `${where} carried ${name}`).toBe(false)
      // A refusal or a missing page holds the reader's size, banner and news: no cache may keep it.
      if ([403, 404, 413, 415].includes(response.status)) {
        expect(response.headers.get('Cache-Control'), where).toBe('private, no-store')
        expect(response.headers.get('Vary'), where).toBe('Cookie')
      }
    }
    // The fuzz must reach every kind of answer, or it is not testing much.
    console.info(JSON.stringify(Object.fromEntries(statuses)))
    for (const status of [303, 403, 404, 405, 413, 415])
      expect(statuses.get(status) ?? 0, `${status}`).toBeGreaterThan(0)
  })
})

const SEARCH_CASES = 300

/** A hostile search: FTS5 syntax, markup, control characters, scripts mixed, lengths to the limit and past it. */
const buildSearch = (i: number) => {
  const random = generator(10_000 + i)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const marker = `sq${i}z${Math.floor(random() * 1e6)}`
  const pieces = [
    marker,
    '"',
    '*',
    'NEAR(',
    ')',
    '(',
    'AND',
    'OR',
    'NOT',
    '-',
    ':',
    '^',
    '{headline}',
    'lang:kk',
    '<script>',
    '"><img src=x onerror=1>',
    '&amp;',
    '\u0000',
    '\u0007',
    '\u202e',
    '\u00ad',
    '\ue000',
    '\ud800',
    '\uffff',
    'Қазақ',
    'ёжик',
    'protest',
    '🙂',
    '%',
    '+',
    ' ',
    'x'.repeat(Math.floor(random() * 1200)),
  ]
  const q = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(pieces)).join(pick(['', ' ']))
  const lang = pick(LANGUAGES)
  // Most through URLSearchParams, as a form sends it; some raw, with percent-encoding left broken.
  const query = random() < 0.8 ? new URLSearchParams({ q }).toString() : `q=${q.replace(/[#\s]/g, '+')}`
  const extra = pick([
    '',
    `&older=${marker}`,
    '&older=20220314T000000Z-1',
    `&q=${marker}`,
    '&older=99999999T999999Z-1',
    '&older=20200230T000000Z-1',
  ])
  return { path: `/${lang}/search?${query}${extra}`, marker, method: pick(['GET', 'GET', 'GET', 'HEAD']) }
}

describe('a fuzz of hostile searches', () => {
  it(`answers ${SEARCH_CASES} generated searches with no 5xx and the query only in the search box`, async () => {
    const statuses = new Map<number, number>()
    for (let i = 0; i < SEARCH_CASES; i++) {
      const { path, marker, method } = buildSearch(i)
      const where = `search case ${i}: ${method} ${path.slice(0, 120)}`
      let response: Response
      try {
        response = await request(path, { method })
      } catch (error) {
        throw new Error(`${where} threw: ${String(error)}`)
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      expect(response.status, where).toBeLessThan(500)
      expect([200, 400], where).toContain(response.status)
      const body = await response.text()
      // The box is the one place the query may be: take it out, and nothing of the query may be left.
      const outsideTheBox = body.replace(/<input type="search"[^>]*>/, '')
      expect(outsideTheBox.includes(marker), `${where} echoed its query outside the search box`).toBe(false)
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
      expect(headers.includes(marker), `${where} reflected its input in a header`).toBe(false)
      expect(response.headers.get('Cache-Control'), where).toBe('private, no-store')
    }
    console.info(JSON.stringify(Object.fromEntries(statuses)))
    for (const status of [200, 400]) expect(statuses.get(status) ?? 0, `${status}`).toBeGreaterThan(0)
  }, 60_000)
})

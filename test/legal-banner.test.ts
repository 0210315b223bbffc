import { env } from 'cloudflare:test'
import { parseHTML } from 'linkedom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { app } from '../src/app'
import { translator } from '../src/i18n'
import { LANGUAGES } from '../src/languages'
import { isAtLegalRisk, RUSSIA_CONTROLLED_UKRAINE_REGIONS } from '../src/legal-risk-regions'
import crimea from './fixtures/cf/crimea.json'
import donetsk from './fixtures/cf/donetsk.json'
import kz from './fixtures/cf/kz.json'
import lviv from './fixtures/cf/lviv.json'
import ru from './fixtures/cf/ru.json'
import tor from './fixtures/cf/tor.json'
import { ARTICLE_SLUG, fetchPage, request, textOf } from './helpers'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('isAtLegalRisk', () => {
  it('warns readers in Russia', () => {
    expect(isAtLegalRisk({ country: 'RU' })).toBe(true)
    expect(isAtLegalRisk({ country: 'RU', regionCode: 'MOW' })).toBe(true)
  })

  it.each([
    ['43', 'Crimea'],
    ['40', 'Sevastopol'],
    ['14', 'Donetsk'],
    ['09', 'Luhansk'],
    ['23', 'Zaporizhzhia'],
    ['65', 'Kherson'],
  ])('warns readers in UA-%s (%s), with or without the prefix', (code) => {
    expect(isAtLegalRisk({ country: 'UA', regionCode: code })).toBe(true)
    expect(isAtLegalRisk({ country: 'UA', regionCode: `UA-${code}` })).toBe(true)
  })

  it('lists exactly the six regions', () => {
    expect(Object.keys(RUSSIA_CONTROLLED_UKRAINE_REGIONS).sort()).toEqual([
      '09',
      '14',
      '23',
      '40',
      '43',
      '65',
    ])
  })

  it('warns readers behind Tor, whose location is unknown', () => {
    expect(isAtLegalRisk({ country: 'T1' })).toBe(true)
  })

  it.each([
    ['ru', { country: 'ru' }],
    ['Ru', { country: 'Ru' }],
    ['t1', { country: 't1' }],
    ['ua with ua-43', { country: 'ua', regionCode: 'ua-43' }],
    ['UA with Ua-14', { country: 'UA', regionCode: 'Ua-14' }],
  ])('warns whatever the case of the codes (%s)', (_case, cf) => {
    expect(isAtLegalRisk(cf)).toBe(true)
  })

  it.each([
    ['Kyiv', { country: 'UA', regionCode: '30' }],
    ['Lviv', { country: 'UA', regionCode: 'UA-46' }],
    ['Ukraine, region unknown', { country: 'UA' }],
    ['Ukraine, region not a string', { country: 'UA', regionCode: 43 }],
    ['Kazakhstan', { country: 'KZ', regionCode: '75' }],
    ['a region code 43 elsewhere', { country: 'KZ', regionCode: '43' }],
    ['a region that only ends in a listed code', { country: 'UA', regionCode: '143' }],
    ['a region with the prefix in the wrong place', { country: 'UA', regionCode: '43-UA' }],
    ['a region with the prefix inside it', { country: 'UA', regionCode: '4UA-3' }],
    ['an inherited name for a region', { country: 'UA', regionCode: 'toString' }],
    ['no country', {}],
    ['a country that is not a string', { country: ['RU'] }],
    ['no cf at all', undefined],
    ['null', null],
    ['a string', 'RU'],
  ])('does not warn for %s', (_case, cf) => {
    expect(isAtLegalRisk(cf)).toBe(false)
  })
})

const ARTICLE = `/en/articles/${ARTICLE_SLUG}`
const withCf = (cf: object, headers: Record<string, string> = {}) =>
  ({ cf, headers }) as RequestInit<RequestInitCfProperties>

describe('the legal banner', () => {
  it.each([
    ['Russia', ru],
    ['Crimea', crimea],
    ['Donetsk', donetsk],
    ['Tor', tor],
  ])(
    'shows for a reader in %s, right after the skip links and before the header and <main>',
    async (_place, cf) => {
      const { document } = await fetchPage(ARTICLE, withCf(cf))
      const children = [...document.body.children]
      const banner = children.findIndex((el) => el.tagName === 'SECTION' && el.querySelector('h2'))
      // The three skip links: main content, navigation, search.
      expect(banner).toBe(3)
      expect(children.slice(0, 3).every((el) => el.tagName === 'A')).toBe(true)
      expect(banner).toBeLessThan(children.findIndex((el) => el.tagName === 'MAIN'))
      const section = children[banner]!
      const heading = section.querySelector('h2')!
      expect(section.getAttribute('aria-labelledby')).toBe(heading.getAttribute('id'))
    },
  )

  it.each([
    ['Lviv', lviv],
    ['Kazakhstan', kz],
  ])('does not show for a reader in %s', async (_place, cf) => {
    const { document } = await fetchPage(ARTICLE, withCf(cf))
    expect(document.querySelector('body > section[aria-labelledby]')).toBeNull()
    expect(document.querySelector('footer a[href="/en/notice"]')).not.toBeNull()
  })

  it('does not show when request.cf is missing', async () => {
    const { document } = await fetchPage(ARTICLE)
    expect(document.querySelector('body > section[aria-labelledby]')).toBeNull()
  })

  it.each(LANGUAGES)(
    'speaks the page language in %s, with the notice and a link to the full notice',
    async (lang) => {
      const { document } = await fetchPage(`/${lang}/`, withCf(ru))
      const section = document.querySelector('body > section[aria-labelledby]')!
      const footer = document.querySelector('footer')!
      // The banner warns in a sentence and links to the full notice, which the footer carries word for word: a
      // screen reader no longer hears the whole notice twice before and after the article.
      const t = translator(lang)
      expect(textOf(section)).toContain(t('notice.brief'))
      // Heading and sentence share a line on screen; read as one run of text, a space still parts them.
      expect(section.textContent).toContain(`${t('notice.bannerHeading')} ${t('notice.brief')}`)
      expect(textOf(section)).not.toContain(t('notice.risk'))
      expect(textOf(section).length).toBeLessThan(t('notice.declared').length + t('notice.risk').length)
      expect(textOf(section.querySelector(`a[href="/${lang}/notice"]`))).toBe(t('notice.briefLink'))
      expect([...footer.querySelectorAll('p')].map(textOf)).toEqual(
        expect.arrayContaining([t('notice.declared'), t('notice.risk')]),
      )
      const hide = section.querySelector('form[method="post"][action="/preferences"] button[name="banner"]')
      expect(hide?.getAttribute('value')).toBe('hidden')
      expect(textOf(hide)).not.toBe('')
    },
  )

  it('describes its link instead of saying "click here"', async () => {
    for (const lang of LANGUAGES) {
      const { document } = await fetchPage(`/${lang}/`)
      const link = textOf(document.querySelector(`footer a[href="/${lang}/notice"]`))
      expect(link.length).toBeGreaterThan(30)
      expect(link.toLowerCase()).not.toMatch(/click here|нажмите здесь|осы жерді басыңыз/)
    }
  })

  it('hides for the rest of the visit with a session cookie, and stays in the footer', async () => {
    const response = await request('/preferences', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
      body: new URLSearchParams({ banner: 'hidden', return: ARTICLE }).toString(),
    })
    expect(response.status).toBe(303)
    // Back at the headline, not at the top of the page or somewhere in the story.
    expect(response.headers.get('Location')).toBe(`${ARTICLE}#main-content`)
    const [cookie = ''] = response.headers.getSetCookie()
    expect(cookie).toMatch(/^banner=hidden;/)
    expect(cookie.toLowerCase()).not.toMatch(/max-age|expires/)
    expect(cookie.toLowerCase()).toContain('samesite=lax')
    const { document } = await fetchPage(ARTICLE, withCf(ru, { Cookie: 'banner=hidden' }))
    expect(document.querySelector('body > section[aria-labelledby]')).toBeNull()
    expect(document.querySelector('footer a[href="/en/notice"]')).not.toBeNull()
  })

  it('ignores other values of the banner cookie', async () => {
    const { document } = await fetchPage(ARTICLE, withCf(ru, { Cookie: 'banner=yes' }))
    expect(document.querySelector('body > section[aria-labelledby]')).not.toBeNull()
  })
})

describe('the error page', () => {
  /**
   * A request whose `cf` fails while the page is worked out (the look-up for a stored copy, which then leaves the
   * request to the full path, and building the page), then reads as `cf` for the error page.
   */
  const failingOnce = (path: string, cf: object, headers: Record<string, string> = {}) => {
    const request = new Request(`http://localhost${path}`, { headers })
    let reads = 0
    Object.defineProperty(request, 'cf', {
      get() {
        if (reads++ < 2) throw new Error('the page failed')
        return cf
      },
    })
    return request
  }

  it.each([
    ['Russia', ru],
    ['Crimea', crimea],
    ['Tor', tor],
  ])('still warns a reader in %s first, and is kept by no cache', async (_place, cf) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await app.fetch(failingOnce(`/ru/articles/${ARTICLE_SLUG}`, cf), env)
    expect(response.status).toBe(500)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(response.headers.get('Vary')).toBe('Cookie')
    const { document } = parseHTML(await response.text())
    const banner = document.querySelector('body > section[aria-labelledby]')
    expect(banner).not.toBeNull()
    expect(textOf(banner)).toContain(translator('ru')('notice.brief'))
  })

  it('does not warn a reader elsewhere, or one who hid the banner', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const request of [failingOnce('/en/', kz), failingOnce('/en/', ru, { Cookie: 'banner=hidden' })]) {
      const response = await app.fetch(request, env)
      expect(response.status).toBe(500)
      const { document } = parseHTML(await response.text())
      expect(document.querySelector('body > section[aria-labelledby]')).toBeNull()
      expect(document.querySelector('footer a[href="/en/notice"]')).not.toBeNull()
    }
  })
})

describe('the notice page', () => {
  it.each(LANGUAGES)('holds the full notice in %s', async (lang) => {
    const { response, document } = await fetchPage(`/${lang}/notice`)
    expect(response.status).toBe(200)
    const main = textOf(document.querySelector('main'))
    for (const paragraph of [...document.querySelectorAll('footer p')].slice(0, 2).map(textOf))
      expect(main).toContain(paragraph)
    expect(document.querySelectorAll('h1')).toHaveLength(1)
  })
})

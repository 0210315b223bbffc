import { describe, expect, it } from 'vitest'
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
    ['Kyiv', { country: 'UA', regionCode: '30' }],
    ['Lviv', { country: 'UA', regionCode: 'UA-46' }],
    ['Ukraine, region unknown', { country: 'UA' }],
    ['Ukraine, region not a string', { country: 'UA', regionCode: 43 }],
    ['Kazakhstan', { country: 'KZ', regionCode: '75' }],
    ['a region code 43 elsewhere', { country: 'KZ', regionCode: '43' }],
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
      expect(banner).toBe(2)
      expect(children.slice(0, 2).every((el) => el.tagName === 'A')).toBe(true)
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

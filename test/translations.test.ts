import { env } from 'cloudflare:test'
import { XMLParser } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { translator } from '../src/i18n'
import { publish } from './archive'
import ru from './fixtures/cf/ru.json'
import { fetchPage, request, textOf } from './helpers'

// Story 9001 exists in Kazakh only, 9002 in Kazakh and Russian (generated, see vitest.config.ts).
const KK_ONLY = 'generated-story-09001'
const KK_RU = 'generated-story-09002'
const ORIGIN = 'https://reader.example'
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link', 'url', 'xhtml:link', 'sitemap'].includes(name),
})

beforeAll(() => publish(env.TEST_ARCHIVE.changes.partial))

const hreflangs = (document: Document) =>
  Object.fromEntries(
    [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [
      l.getAttribute('hreflang'),
      l.getAttribute('href'),
    ]),
  )

describe('a story in some languages only', () => {
  it('offers in the switcher only the versions that exist, and says so for the others in their language', async () => {
    const { document } = await fetchPage(`/kk/articles/${KK_RU}`)
    const switcher = document.querySelector(`ul[aria-label="${translator('kk')('language.switcherLabel')}"]`)!
    const links = [...switcher.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(links).toEqual([`/kk/articles/${KK_RU}`, `/ru/articles/${KK_RU}`])
    const unavailable = switcher.querySelector('[lang="en"]:not(a)')
    expect(unavailable).not.toBeNull()
    expect(textOf(unavailable?.querySelector('.visually-hidden'))).toBe(
      `English (${translator('en')('language.unavailable')})`,
    )
  })

  it('names only the existing versions in hreflang, x-default the first of them when there is no English', async () => {
    const { document } = await fetchPage(`${ORIGIN}/ru/articles/${KK_RU}`)
    expect(hreflangs(document)).toEqual({
      kk: `${ORIGIN}/kk/articles/${KK_RU}`,
      ru: `${ORIGIN}/ru/articles/${KK_RU}`,
      'x-default': `${ORIGIN}/kk/articles/${KK_RU}`,
    })
    const locales = [...document.querySelectorAll('meta[property="og:locale:alternate"]')].map((m) =>
      m.getAttribute('content'),
    )
    expect(locales).toEqual(['kk_KZ'])
  })

  it('links in JSON-LD only the translations that exist, the first language being the original', async () => {
    const data = async (lang: string, slug: string) =>
      JSON.parse(
        (await fetchPage(`${ORIGIN}/${lang}/articles/${slug}`)).document.querySelector(
          'script[type="application/ld+json"]',
        )!.textContent!,
      )
    const kk = await data('kk', KK_RU)
    expect(kk.translationOfWork).toBeUndefined()
    expect(kk.workTranslation.map((w: { url: string }) => w.url)).toEqual([`${ORIGIN}/ru/articles/${KK_RU}`])
    const ru = await data('ru', KK_RU)
    expect(ru.translationOfWork.url).toBe(`${ORIGIN}/kk/articles/${KK_RU}`)
    const only = await data('kk', KK_ONLY)
    expect(only.workTranslation).toBeUndefined()
    expect(only.translationOfWork).toBeUndefined()
  })

  it.each([
    ['en', KK_ONLY, ['kk']],
    ['ru', KK_ONLY, ['kk']],
    ['en', KK_RU, ['kk', 'ru']],
  ] as const)(
    'answers /%s/ for %s with a 404 in that language linking the versions there are',
    async (lang, slug, existing) => {
      const { response, document } = await fetchPage(`/${lang}/articles/${slug}`)
      expect(response.status).toBe(404)
      expect(document.documentElement.getAttribute('lang')).toBe(lang)
      expect(textOf(document.querySelector('h1'))).toBe(translator(lang)('missingTranslation.title'))
      const links = [...document.querySelectorAll('main a[hreflang]')].map((a) => a.getAttribute('href'))
      expect(links).toEqual(existing.map((other) => `/${other}/articles/${slug}`))
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex')
    },
  )

  it.each([
    ['http://localhost', 'size=lg'],
    [ORIGIN, '__Host-size=lg'],
  ])(
    'keeps that 404 out of every cache and varies it by cookie: it carries the reader’s size and banner (%s)',
    async (origin, cookie) => {
      // Twice: the second answer must not be a kept copy of the first either.
      for (const _ of [1, 2]) {
        const { response, html } = await fetchPage(`${origin}/en/articles/${KK_ONLY}`, {
          headers: { Cookie: cookie },
          cf: ru,
        } as RequestInit<RequestInitCfProperties>)
        expect(response.status).toBe(404)
        expect(html).toContain('data-size="lg"')
        expect(html).toContain('legal-banner-heading')
        expect(response.headers.get('Cache-Control')).toBe('private, no-store')
        expect(response.headers.get('Vary')).toBe('Cookie')
      }
    },
  )

  it('answers a story that does not exist in any language with the ordinary 404', async () => {
    const { response, document } = await fetchPage('/kk/articles/no-such-story')
    expect(response.status).toBe(404)
    expect(textOf(document.querySelector('h1'))).toBe(translator('kk')('notFound.title'))
  })

  it('is listed on the front pages and in the feeds of its languages only', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const { document } = await fetchPage(`/${lang}/`)
      const listed = [...document.querySelectorAll('main li h2 a')].map((a) => a.getAttribute('href'))
      const feed = xml.parse(await (await request(`${ORIGIN}/${lang}/feed.xml`)).text()).feed
      const ids = (feed.entry ?? []).map((e: { id: string }) => e.id)
      for (const [slug, languages] of [
        [KK_ONLY, ['kk']],
        [KK_RU, ['kk', 'ru']],
      ] as const) {
        const expected = (languages as readonly string[]).includes(lang)
        expect(listed.includes(`/${lang}/articles/${slug}`), `${lang} front page, ${slug}`).toBe(expected)
        expect(ids.includes(`${ORIGIN}/${lang}/articles/${slug}`), `${lang} feed, ${slug}`).toBe(expected)
      }
    }
  })

  it('links in each feed entry only the versions that exist, its own first', async () => {
    const feed = xml.parse(await (await request(`${ORIGIN}/ru/feed.xml`)).text()).feed
    const entry = feed.entry.find((e: { id: string }) => e.id.endsWith(KK_RU))
    expect(entry.link.map((l: Record<string, string>) => l['@hreflang'])).toEqual(['ru', 'kk'])
  })

  it('is in the sitemap in its languages only, each with only those alternates', async () => {
    const urlset = xml.parse(await (await request(`${ORIGIN}/sitemaps/stories-0.xml`)).text()).urlset
    const mine = urlset.url.filter((u: { loc: string }) => /generated-story-0900[12]$/.test(u.loc))
    expect(mine.map((u: { loc: string }) => u.loc).sort()).toEqual(
      [
        `${ORIGIN}/kk/articles/${KK_ONLY}`,
        `${ORIGIN}/kk/articles/${KK_RU}`,
        `${ORIGIN}/ru/articles/${KK_RU}`,
      ].sort(),
    )
    const ruVersion = mine.find((u: { loc: string }) => u.loc.includes('/ru/'))
    expect(ruVersion['xhtml:link'].map((l: Record<string, string>) => l['@hreflang'])).toEqual([
      'kk',
      'ru',
      'x-default',
    ])
    expect(ruVersion.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  })
})

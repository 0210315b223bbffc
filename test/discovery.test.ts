import { env } from 'cloudflare:test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { StorySummary } from '../src/content/story'
import { atomFeed } from '../src/feeds'
import { LANGUAGES } from '../src/languages'
import { serializeJsonLd } from '../src/structured-data'
import { ARTICLE, ARTICLE_SLUG, fetchPage, request, SOURCES } from './helpers'

const ORIGIN = 'https://reader.example'
const article = ARTICLE
/** The stand-in photo's own size (content/articles/…/unrest-illustration.jpg). */
const PHOTO = { width: 960, height: 540 }
const articleUrl = (lang: string) => `${ORIGIN}/${lang}/articles/${ARTICLE_SLUG}`
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link', 'url', 'xhtml:link'].includes(name),
})

const meta = (document: Document, key: string) =>
  [...document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) =>
    m.getAttribute('content'),
  )

describe.each(LANGUAGES)('the article in %s, for machines', (lang) => {
  const text = article.text[lang]
  const load = () => fetchPage(articleUrl(lang))

  it('carries NewsArticle JSON-LD with every field', async () => {
    const { document } = await load()
    const scripts = document.querySelectorAll('script[type="application/ld+json"]')
    expect(scripts).toHaveLength(1)
    const data = JSON.parse(scripts[0]!.textContent ?? '')
    expect(data['@context']).toBe('https://schema.org')
    expect(data['@type']).toBe('NewsArticle')
    expect(data.headline).toBe(text.headline)
    expect(data.description).toBe(text.summary)
    expect(data.datePublished).toBe('2022-03-14T00:00:00Z')
    expect(data.dateModified).toBeUndefined()
    expect(data.inLanguage).toBe(lang)
    expect(data.url).toBe(articleUrl(lang))
    expect(data.image.url).toMatch(
      new RegExp(`^${ORIGIN}/media/images/${ARTICLE_SLUG}/[0-9a-f]{16}-960\\.jpg$`),
    )
    expect(data.image.width).toBe(PHOTO.width)
    expect(data.image.height).toBe(PHOTO.height)
    expect(data.publisher.name).toBe(document.querySelector('header a')?.textContent)
    expect(data.isAccessibleForFree).toBe(true)
    if (lang === 'en') {
      expect(data.translationOfWork).toBeUndefined()
      expect(data.workTranslation.map((w: { url: string }) => w.url).sort()).toEqual([
        articleUrl('kk'),
        articleUrl('ru'),
      ])
    } else {
      expect(data.workTranslation).toBeUndefined()
      expect(data.translationOfWork.url).toBe(articleUrl('en'))
      expect(data.translationOfWork.inLanguage).toBe('en')
    }
  })

  it('describes itself for link previews, with the image and its size and alt text', async () => {
    const { document } = await load()
    const locale = { kk: 'kk_KZ', ru: 'ru_RU', en: 'en_US' }[lang]
    expect(meta(document, 'og:locale')).toEqual([locale])
    expect(meta(document, 'og:locale:alternate').sort()).toEqual(
      ['kk_KZ', 'ru_RU', 'en_US'].filter((l) => l !== locale).sort(),
    )
    expect(meta(document, 'og:type')).toEqual(['article'])
    expect(meta(document, 'og:title')[0]).toContain(text.headline)
    expect(meta(document, 'og:description')).toEqual([text.summary])
    expect(meta(document, 'description')).toEqual([text.summary])
    expect(meta(document, 'og:url')).toEqual([articleUrl(lang)])
    expect(meta(document, 'og:image')[0]).toMatch(new RegExp(`^${ORIGIN}/media/images/`))
    expect(meta(document, 'og:image:width')).toEqual([String(PHOTO.width)])
    expect(meta(document, 'og:image:height')).toEqual([String(PHOTO.height)])
    expect(meta(document, 'og:image:alt')).toEqual([text.image.alt])
    expect(meta(document, 'twitter:card')).toEqual(['summary_large_image'])
    expect(meta(document, 'twitter:image:alt')).toEqual([text.image.alt])
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(articleUrl(lang))
  })

  it('advertises its language’s Atom feed', async () => {
    const { document } = await load()
    const link = document.querySelector('link[rel="alternate"][type="application/atom+xml"]')
    expect(link?.getAttribute('href')).toBe(`${ORIGIN}/${lang}/feed.xml`)
  })
})

describe('absolute URLs', () => {
  it('come from the request’s origin, not a fixed host', async () => {
    const local = await fetchPage(`http://localhost:8787/kk/articles/${ARTICLE_SLUG}`)
    expect(local.document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `http://localhost:8787/kk/articles/${ARTICLE_SLUG}`,
    )
    const feed = await (await request('https://preview.reader.example/kk/feed.xml')).text()
    expect(feed).toContain('https://preview.reader.example/kk/articles/')
    expect(feed).not.toContain('localhost')
  })
})

describe('serializeJsonLd', () => {
  it('cannot be closed early by any field', () => {
    const hostile = { headline: '</script><script>alert(1)</script><!--', other: 'a & b > c\u2028d' }
    const out = serializeJsonLd(hostile)
    expect(out).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(out)).toEqual(hostile)
  })
})

describe.each(LANGUAGES)('the Atom feed in %s', (lang) => {
  it('is valid Atom with the language, dates, links and summaries', async () => {
    const response = await request(`${ORIGIN}/${lang}/feed.xml`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    const body = await response.text()
    expect(XMLValidator.validate(body)).toBe(true)
    const { feed } = xml.parse(body)
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed['@xml:lang']).toBe(lang)
    expect(feed.title).toMatch(/\S/)
    expect(feed.id).toBe(`${ORIGIN}/${lang}/feed.xml`)
    expect(Date.parse(feed.updated)).toBe(Date.parse('2022-03-14T00:00:00Z'))
    expect(feed.author.name).toMatch(/\S/)
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(
      `${ORIGIN}/${lang}/feed.xml`,
    )
    expect(feed.entry).toHaveLength(SOURCES.filter((s) => s.text[lang]).length)
    const [entry] = feed.entry
    expect(entry.title).toBe(article.text[lang].headline)
    expect(entry.summary).toBe(article.text[lang].summary)
    expect(entry.id).toBe(articleUrl(lang))
    expect(Date.parse(entry.updated)).not.toBeNaN()
    expect(Date.parse(entry.published)).toBe(Date.parse('2022-03-14T00:00:00Z'))
    expect(entry.link[0]['@href']).toBe(articleUrl(lang))
    expect(entry.link.map((l: Record<string, string>) => l['@hreflang']).sort()).toEqual(
      [...LANGUAGES].sort(),
    )
  })

  it('is linked from the front page, visibly', async () => {
    const { document } = await fetchPage(`/${lang}/`)
    expect(document.querySelector(`main a[href="/${lang}/feed.xml"]`)?.textContent).toMatch(/Atom/)
  })

  it('is cached like the pages: a minute, with an ETag that answers 304', async () => {
    const first = await request(`/${lang}/feed.xml`)
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=60')
    const tag = first.headers.get('ETag')!
    const again = await request(`/${lang}/feed.xml`, { headers: { 'If-None-Match': tag } })
    expect(again.status).toBe(304)
    expect(first.headers.getSetCookie()).toEqual([])
  })
})

/**
 * XML 1.0's `Char` production (§2.2), as the spec writes it: a document holding any other character is not
 * well-formed, whatever the escaping. fast-xml-parser's validator checks the structure, not this.
 */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u

describe('the Atom feed, whatever is stored', () => {
  // What text pasted from Word, a broken export or a bad copy can hold: each alone breaks a feed reader's parse.
  const HOSTILE = ['\u000b', '\u0000', '\u0007', '\u001b', '\b', '\f', '\ufffe', '\uffff', '\ud800', '\udfff']

  it.each(HOSTILE.map((ch) => [ch.codePointAt(0)!.toString(16).padStart(4, '0'), ch]))(
    'stays well-formed XML with U+%s in a headline and summary, keeping the words around it',
    (_, ch) => {
      const story = {
        slug: 'pasted',
        lang: 'en',
        headline: `Officials${ch} disagree`,
        summary: `A${ch}summary & more`,
        published: '2022-03-14T00:00:00Z',
        updated: null,
        languages: ['en'],
      } satisfies StorySummary
      const body = atomFeed(ORIGIN, 'en', [story])
      expect(XML_CHARS.test(body)).toBe(true)
      expect(XMLValidator.validate(body)).toBe(true)
      const { entry } = xml.parse(body).feed
      expect(entry[0].title).toBe('Officials disagree')
      expect(entry[0].summary).toBe('Asummary & more')
    },
  )

  it('keeps tab, newline, characters beyond the BMP and U+FFFD, which XML allows', () => {
    const headline = 'Tab\there, 🙂 and \ufffd'
    const story = {
      slug: 'ok',
      lang: 'en',
      headline,
      summary: 'S.',
      published: '2022-03-14T00:00:00Z',
      updated: null,
      languages: ['en'],
    } satisfies StorySummary
    const body = atomFeed(ORIGIN, 'en', [story])
    expect(body).toContain(`<title>${headline}</title>`)
  })

  it('stays well-formed with a vertical tab in a stored headline, as /en/feed.xml serves it', async () => {
    // A story written into D1 directly, as a publish step that let the character through would have.
    const id = 9700
    const origin = 'https://pasted-controls.example'
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO stories (id, slug, languages, image_key, image_width, image_height, image_widths)
         VALUES (?1, 'pasted-from-word', 'en', 'pasted', 960, 540, '960')`,
      ).bind(id),
      env.DB.prepare(
        `INSERT INTO story_versions (story_id, lang, headline, display_headline, summary, published, image_alt,
           image_caption, body_html, content_hash)
         VALUES (?1, 'en', ?2, ?2, ?3, '2099-01-01T00:00:00Z', 'A', 'C', '<p>B</p>', 'x')`,
      ).bind(id, 'Death\u000btolls disagree', 'Pasted\u000bfrom Word.'),
    ])
    try {
      const response = await request(`${origin}/en/feed.xml`)
      expect(response.status).toBe(200)
      const body = await response.text()
      expect(XML_CHARS.test(body)).toBe(true)
      expect(XMLValidator.validate(body)).toBe(true)
      const [newest] = xml.parse(body).feed.entry
      expect(newest.title).toBe('Deathtolls disagree')
      expect(newest.summary).toBe('Pastedfrom Word.')
    } finally {
      await env.DB.batch([
        env.DB.prepare('DELETE FROM story_versions WHERE story_id = ?1').bind(id),
        env.DB.prepare('DELETE FROM stories WHERE id = ?1').bind(id),
      ])
    }
  })
})

/** Every `<url>` of every sitemap the index names. */
const sitemapUrls = async (): Promise<{ loc: string; 'xhtml:link': Record<string, string>[] }[]> => {
  const index = xml.parse(await (await request(`${ORIGIN}/sitemap.xml`)).text()).sitemapindex
  const children = [index.sitemap].flat().map((s: { loc: string }) => s.loc)
  const sets = await Promise.all(
    children.map(async (loc: string) => xml.parse(await (await request(loc)).text()).urlset),
  )
  return sets.flatMap((set) => set.url)
}

describe('the sitemap', () => {
  it('is an index of the site’s pages and of the stories, block by block', async () => {
    const response = await request(`${ORIGIN}/sitemap.xml`)
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60')
    const body = await response.text()
    expect(XMLValidator.validate(body)).toBe(true)
    const { sitemapindex } = xml.parse(body)
    expect(sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect([sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc)).toEqual([
      `${ORIGIN}/sitemaps/pages.xml`,
      `${ORIGIN}/sitemaps/stories-0.xml`,
    ])
  })

  it('lists every page in every language with its alternates and x-default', async () => {
    for (const path of ['/sitemaps/pages.xml', '/sitemaps/stories-0.xml']) {
      const response = await request(`${ORIGIN}${path}`)
      expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=60')
      const body = await response.text()
      expect(XMLValidator.validate(body)).toBe(true)
      const { urlset } = xml.parse(body)
      expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
      expect(urlset['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml')
    }
    const urls = await sitemapUrls()
    const locs = urls.map((u) => u.loc)
    for (const lang of LANGUAGES)
      for (const path of [`/${lang}/`, `/${lang}/notice`, `/${lang}/articles/${ARTICLE_SLUG}`])
        expect(locs).toContain(`${ORIGIN}${path}`)
    for (const url of urls) {
      const hreflangs = url['xhtml:link'].map((l: Record<string, string>) => l['@hreflang'])
      expect(hreflangs).toEqual([...LANGUAGES, 'x-default'])
      expect(url['xhtml:link'].map((l: Record<string, string>) => l['@href'])).toContain(url.loc)
    }
  })

  it('answers 404 for a block of stories that does not exist', async () => {
    expect((await request(`${ORIGIN}/sitemaps/stories-7.xml`)).status).toBe(404)
    expect((await request(`${ORIGIN}/sitemaps/stories-01.xml`)).status).toBe(404)
  })

  it('is named in robots.txt', async () => {
    const response = await request(`${ORIGIN}/robots.txt`)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain/)
    expect(await response.text()).toMatch(new RegExp(`^Sitemap: ${ORIGIN}/sitemap\\.xml$`, 'm'))
  })
})

describe('every hreflang target', () => {
  it('answers 200', async () => {
    const targets = new Set<string>()
    for (const url of await sitemapUrls()) for (const link of url['xhtml:link']) targets.add(link['@href']!)
    for (const lang of LANGUAGES) {
      for (const path of [`/${lang}/`, `/${lang}/notice`, `/${lang}/articles/${ARTICLE_SLUG}`]) {
        const { document } = await fetchPage(`${ORIGIN}${path}`)
        for (const link of document.querySelectorAll('link[hreflang], a[hreflang]'))
          targets.add(new URL(link.getAttribute('href')!, ORIGIN).href)
      }
      const feed = xml.parse(await (await request(`${ORIGIN}/${lang}/feed.xml`)).text()).feed
      for (const entry of feed.entry) for (const link of entry.link) targets.add(link['@href']!)
    }
    expect(targets.size).toBe(9)
    for (const target of targets) expect((await request(target)).status, target).toBe(200)
  })
})

import { env } from 'cloudflare:test'
import { parseHTML } from 'linkedom'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app'
import { forgetEdition } from '../src/edition'
import { translator } from '../src/i18n'
import { publish } from './archive'
import { ARTICLE_SLUG, fetchPage, request, requestCountingRows } from './helpers'

// 45 generated English stories, an hour apart in 2020, under the real article of 2022: 46 in English, 1 elsewhere.
beforeAll(() => publish(env.TEST_ARCHIVE.changes.generated))

type ListPage = { path: string; slugs: string[]; next: string | null; prev: string | null; rowsRead: number }

/** A list page as a reader's browser gets it (uncached: each test text size is a fresh variant). */
const listPage = async (path: string, size = 'lg'): Promise<ListPage> => {
  forgetEdition()
  const { response, rowsRead } = await requestCountingRows(path, { headers: { Cookie: `size=${size}` } })
  expect(response.status, path).toBe(200)
  const { document } = parseHTML(await response.text())
  const slugs = [...document.querySelectorAll('main li h2 a')].map((a) =>
    a.getAttribute('href')!.split('/').at(-1)!,
  )
  return {
    path,
    slugs,
    next: document.querySelector('a[rel="next"]')?.getAttribute('href') ?? null,
    prev: document.querySelector('a[rel="prev"]')?.getAttribute('href') ?? null,
    rowsRead,
  }
}

const generated = (n: number) => `generated-story-${String(n).padStart(5, '0')}`

describe('the archive of a language', () => {
  it('lists 20 stories a page, newest first, and links older pages until every story has been shown once', async () => {
    const pages: ListPage[] = [await listPage('/en/')]
    while (pages.at(-1)!.next) pages.push(await listPage(pages.at(-1)!.next!))
    expect(pages.map((p) => p.slugs.length)).toEqual([20, 20, 6])
    const all = pages.flatMap((p) => p.slugs)
    const newestFirst = [ARTICLE_SLUG, ...Array.from({ length: 45 }, (_, i) => generated(45 - i))]
    expect(all).toEqual(newestFirst)
    expect(pages[0]!.prev).toBeNull()
    expect(pages.at(-1)!.next).toBeNull()
  })

  it('heads an older page with what it is, never with the name of a link on it', async () => {
    const front = await listPage('/en/')
    const { document } = await fetchPage(front.next!)
    const heading = document.querySelector('h1')?.textContent?.trim()
    expect(heading).toBe('Story archive')
    // A listener who hears "Older stories" as the heading and then as a link cannot tell where they are.
    const names = [...document.querySelectorAll('a')].map((a) => a.textContent?.trim())
    expect(names).toContain('Older stories')
    expect(names).not.toContain(heading)
  })

  it('pages by key: an older page is named by the last story above it, not by a number', async () => {
    const front = await listPage('/en/')
    expect(front.next).toMatch(/^\/en\/older\/2020010\dT\d{6}Z-\d+$/)
  })

  it('reads no more than 50 rows of D1 for any page, however far back', async () => {
    let page = await listPage('/en/', 'xs')
    const reads = [page.rowsRead]
    while (page.next) {
      page = await listPage(page.next, 'xs')
      reads.push(page.rowsRead)
    }
    console.info(`rows read per page: ${reads.join(', ')}`)
    for (const rows of reads) expect(rows).toBeGreaterThan(0)
    for (const rows of reads) expect(rows).toBeLessThanOrEqual(50)
  })

  it('links each older page back to the newer one, which shows the same stories as the page it came from', async () => {
    const front = await listPage('/en/', 'md')
    const second = await listPage(front.next!, 'md')
    const third = await listPage(second.next!, 'md')
    // Back from the third page: the second page's stories, under a `newer` address.
    expect(third.prev).toMatch(/^\/en\/newer\//)
    const back = await listPage(third.prev!, 'md')
    expect(back.slugs).toEqual(second.slugs)
    expect(back.next).toBe(second.next)
    // Back from the second page: the front page itself.
    const toFront = await request(second.prev!)
    expect(toFront.status).toBe(302)
    expect(toFront.headers.get('Location')).toBe('/en/')
  })

  it('answers a malformed cursor, or one past the oldest story, with a 404 in the page’s language', async () => {
    for (const path of [
      '/en/older/yesterday',
      '/en/older/20200101T000000Z-0',
      '/en/older/2020-01-01T00:00:00Z-1',
      `/en/older/20200101T000000Z-${'9'.repeat(16)}`,
      '/ru/older/19700101T000000Z-1',
      '/kk/newer/x',
    ]) {
      const { response, document } = await fetchPage(path)
      expect(response.status, path).toBe(404)
      expect(document.documentElement.getAttribute('lang'), path).toBe(path.split('/')[1])
    }
  })

  it.each([
    ['/en/older/99999999T999999Z-1', 'no date at all'],
    ['/en/older/99999999T999999Z-2', 'the same, another id'],
    ['/ru/older/20209901T000000Z-1', 'month 99'],
    ['/kk/older/20200001T000000Z-1', 'month 0'],
    ['/en/older/20201301T000000Z-1', 'month 13'],
    ['/en/older/20200132T000000Z-1', 'day 32'],
    ['/en/older/20200100T000000Z-1', 'day 0'],
    ['/ru/older/20200431T000000Z-1', 'April 31st'],
    ['/en/older/20210229T000000Z-1', 'February 29th of a common year'],
    ['/en/older/19000229T000000Z-1', 'February 29th of 1900'],
    ['/kk/older/20200101T250000Z-1', 'hour 25'],
    ['/en/older/20200101T240000Z-1', 'hour 24'],
    ['/en/older/20200101T006000Z-1', 'minute 60'],
    ['/en/older/20200101T000060Z-1', 'second 60'],
    ['/en/older/19521231T235959Z-1', 'the year before any story'],
    ['/en/older/21000101T000000Z-1', 'the year after any story'],
    ['/en/older/00000101T000000Z-1', 'year 0'],
    ['/en/older/20200101T000000Z-01', 'an id with a leading zero'],
    [`/en/older/20200101T000000Z-${'9'.repeat(16)}`, 'an id past the safe integers'],
    ['/en/newer/99999999T999999Z-1', 'a newer page, no date'],
    ['/ru/newer/20200230T120000Z-3', 'a newer page, February 30th'],
    ['/en/older/99999999T999999Z-1/', 'no date, with a slash after it'],
  ])('answers %s (%s) with a 404 in its language, reading nothing from D1', async (path) => {
    const prepared: string[] = []
    // A D1 that records what it is asked: the edition too must not be read for such a path (no cache key for it).
    const DB = {
      prepare: (sql: string) => (prepared.push(sql), env.DB.prepare(sql)),
    } as unknown as D1Database
    forgetEdition()
    const response = await app.request(new Request(`http://localhost${path}`), undefined, { ...env, DB })
    expect(response.status).toBe(404)
    const { document } = parseHTML(await response.text())
    const lang = path.split('/')[1] as 'kk' | 'ru' | 'en'
    expect(document.documentElement.getAttribute('lang')).toBe(lang)
    expect(document.querySelector('h1')?.textContent).toBe(translator(lang)('notFound.title'))
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(prepared).toEqual([])
  })

  it('still answers every real cursor its pages link, a leap day and the edges of the years a story can have', async () => {
    const front = await listPage('/en/')
    const second = await listPage(front.next!)
    expect(second.slugs).toHaveLength(20)
    expect((await listPage(second.next!)).slugs).toHaveLength(6)
    expect((await listPage('/en/older/20200229T235959Z-1')).slugs.length).toBeGreaterThan(0)
    expect((await listPage('/en/older/20991231T235959Z-999999999999999')).slugs).toHaveLength(20)
    // The first second a story can have: older than every story, so no page, but a cursor all the same, read from D1.
    const prepared: string[] = []
    const DB = {
      prepare: (sql: string) => (prepared.push(sql), env.DB.prepare(sql)),
    } as unknown as D1Database
    forgetEdition()
    const oldest = await app.request(new Request('http://localhost/en/older/19530101T000000Z-1'), undefined, {
      ...env,
      DB,
    })
    expect(oldest.status).toBe(404)
    expect(prepared.some((sql) => sql.includes('story_versions'))).toBe(true)
  })

  it('is not translated: an archive page links only itself in hreflang', async () => {
    const front = await listPage('/en/')
    const { document } = await fetchPage(`https://reader.example${front.next!}`)
    const langs = [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) =>
      l.getAttribute('hreflang'),
    )
    expect(langs).toEqual(['en', 'x-default'])
  })

  it('keeps the feed to the latest 20', async () => {
    const feed = await (await request('/en/feed.xml')).text()
    expect(feed.match(/<entry>/g)).toHaveLength(20)
  })
})

import { env } from 'cloudflare:test'
import { parseHTML } from 'linkedom'
import { beforeAll, describe, expect, it } from 'vitest'
import { forgetEdition } from '../src/edition'
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

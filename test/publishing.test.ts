import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { unpublishStatements } from '../scripts/publish/write.ts'
import { CACHE_STATUS_HEADER } from '../src/page-cache'
import { publish, writeBatches } from './archive'
import { ARTICLE_SLUG, fetchPage, request, textOf } from './helpers'

const KK_ONLY = 'generated-story-09001'
const cacheStatus = (response: Response) => response.headers.get(CACHE_STATUS_HEADER)
const frontSlugs = async (lang: string) =>
  [...(await fetchPage(`/${lang}/`)).document.querySelectorAll('main li h2 a')].map((a) =>
    a.getAttribute('href')!.split('/').at(-1),
  )
const jsonLd = async (path: string) =>
  JSON.parse(
    (await fetchPage(path)).document.querySelector('script[type="application/ld+json"]')!.textContent!,
  )

// The tests of this file run in order on one D1: publish, correct, unpublish.
describe('after a publish', () => {
  it('shows a new story on the front page and in the feed at once, though the old page was cached', async () => {
    await request('/kk/')
    expect(cacheStatus(await request('/kk/'))).toBe('hit')
    await request('/kk/feed.xml')
    expect(await frontSlugs('kk')).toEqual([ARTICLE_SLUG])

    await publish(env.TEST_ARCHIVE.changes.partial)

    const after = await request('/kk/')
    expect(cacheStatus(after)).toBe('miss')
    expect(await frontSlugs('kk')).toEqual(['generated-story-09002', KK_ONLY, ARTICLE_SLUG])
    expect(await (await request('/kk/feed.xml')).text()).toContain(`/kk/articles/${KK_ONLY}`)
    // Pages the publish did not touch are cached again under the new edition.
    expect(cacheStatus(await request('/kk/'))).toBe('hit')
  })

  it('shows a correction at once, as updated, with dateModified, in the language corrected only', async () => {
    const path = `/en/articles/${ARTICLE_SLUG}`
    await request(path)
    expect(textOf((await fetchPage(path)).document.querySelector('article .body'))).not.toContain(
      'earlier this year',
    )

    const { corrected } = env.TEST_ARCHIVE.changes
    await publish(corrected)

    const { document } = await fetchPage(path)
    expect(textOf(document.querySelector('article .body'))).toContain('said earlier this year that 227')
    const times = [...document.querySelectorAll('article .meta time')].map((t) => t.getAttribute('datetime'))
    expect(times).toEqual(['2022-03-14T00:00:00Z', corrected.at])
    expect((await jsonLd(path)).dateModified).toBe(corrected.at)
    // The same text published again is not a correction.
    expect((await jsonLd(`/kk/articles/${ARTICLE_SLUG}`)).dateModified).toBeUndefined()
    const feed = await (await request('/en/feed.xml')).text()
    expect(feed).toContain(`<updated>${corrected.at}</updated>`)
  })

  it('keeps a correction’s time when the same text is published again', async () => {
    const { corrected } = env.TEST_ARCHIVE.changes
    // The same statements, run a month later: only the time of the run differs (the last parameter).
    const later = corrected.batches.map((batch) =>
      batch.map((s) =>
        s.sql.includes('INSERT INTO story_versions')
          ? { ...s, params: [...s.params.slice(0, -1), '2026-12-02T00:00:00Z'] }
          : s,
      ),
    )
    await writeBatches(later)
    expect((await jsonLd(`/en/articles/${ARTICLE_SLUG}`)).dateModified).toBe(corrected.at)
  })

  it('removes an unpublished story from its pages, the front page, the feed and the sitemap at once', async () => {
    const path = `/kk/articles/${KK_ONLY}`
    expect((await request(path)).status).toBe(200)
    expect(cacheStatus(await request(path))).toBe('hit')

    await writeBatches([unpublishStatements(KK_ONLY)])

    expect((await request(path)).status).toBe(404)
    expect((await request(`/en/articles/${KK_ONLY}`)).status).toBe(404)
    expect(await frontSlugs('kk')).not.toContain(KK_ONLY)
    expect(await (await request('/kk/feed.xml')).text()).not.toContain(KK_ONLY)
    expect(await (await request('/sitemaps/stories-0.xml')).text()).not.toContain(KK_ONLY)
    const left = await env.DB.prepare(
      'SELECT count(*) AS n FROM story_versions v JOIN stories s ON s.id = v.story_id WHERE s.slug = ?1',
    )
      .bind(KK_ONLY)
      .first<{ n: number }>()
    expect(left?.n).toBe(0)
  })
})

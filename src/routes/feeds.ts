/** Feeds and discovery: each language's Atom feed, the sitemap index and its children, robots.txt. */
import { etag } from 'hono/etag'
import { atomFeed, pagesSitemap, robotsTxt, sitemapIndex, storiesSitemap } from '../feeds'
import type { AppEnv } from '../page'
import { documentCache } from '../page-cache'
import { PAGES_SITEMAP_PATH, SITEMAP_PATH } from '../paths'
import { openStore } from '../store'
import { LANG, routeLanguage, routeGroup } from './route-helpers'

export const feeds = routeGroup()

const XML = 'application/xml; charset=utf-8'
const origin = (url: string) => new URL(url).origin

// The same for every reader: cached publicly, revalidated by ETag.
feeds.use(`/${LANG}/feed.xml`, etag(), documentCache())
feeds.use('/sitemap.xml', etag(), documentCache())
feeds.use('/sitemaps/*', etag(), documentCache())
feeds.use('/robots.txt', etag(), documentCache())

feeds.get(`/${LANG}/feed.xml`, async (c) => {
  const lang = routeLanguage(c)
  const { stories } = await openStore(c.env).newest(lang)
  return c.body(atomFeed(origin(c.req.url), lang, stories), 200, {
    'Content-Type': 'application/atom+xml; charset=utf-8',
  })
})

feeds.get(SITEMAP_PATH, async (c) =>
  c.body(sitemapIndex(origin(c.req.url), await openStore(c.env).sitemapBlocks()), 200, {
    'Content-Type': XML,
  }),
)

feeds.get(PAGES_SITEMAP_PATH, (c) => c.body(pagesSitemap(origin(c.req.url)), 200, { 'Content-Type': XML }))

feeds.get('/sitemaps/:name{stories-(?:0|[1-9][0-9]{0,8})\\.xml}', async (c) => {
  const block = Number(/\d+/.exec(c.req.param('name'))![0])
  const versions = await openStore(c.env).sitemapBlock(block)
  if (versions.length === 0) return c.notFound()
  return c.body(storiesSitemap(origin(c.req.url), versions), 200, { 'Content-Type': XML })
})

feeds.get('/robots.txt', (c) => c.text(robotsTxt(origin(c.req.url))))

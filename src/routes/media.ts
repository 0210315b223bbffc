/** Media: story photos from R2, at the widths the publish step made. */
import type { AppEnv } from '../page'
import { openStore } from '../store'
import { routeGroup } from './route-helpers'

export const media = routeGroup()

/** A photo's name carries its content's hash, so a changed photo is a new URL and this one never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

media.get('/media/:key{images/[a-z0-9-]+/[0-9a-f]{16}-[1-9][0-9]{1,3}\\.jpg}', async (c) => {
  const object = await openStore(c.env).media(c.req.param('key'))
  if (!object) return c.notFound()
  const etag = object.httpEtag
  if (c.req.header('If-None-Match') === etag)
    return c.body(null, 304, { ETag: etag, 'Cache-Control': IMMUTABLE })
  return c.body(object.body, 200, {
    'Content-Type': object.httpMetadata?.contentType ?? 'image/jpeg',
    'Content-Length': String(object.size),
    'Cache-Control': IMMUTABLE,
    ETag: etag,
  })
})

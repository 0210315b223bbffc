/** Media: story photos from R2, at the widths the publish step made. */
import type { AppEnv } from '../page'
import { RETRY_AFTER_SECONDS, StorageUnavailable } from '../storage'
import { openStore } from '../store'
import { routeGroup } from './route-helpers'

export const media = routeGroup()

/** A photo's name carries its content's hash, so a changed photo is a new URL and this one never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

media.get('/media/:key{images/[a-z0-9-]+/[0-9a-f]{16}-[1-9][0-9]{1,3}\\.jpg}', async (c) => {
  let object: R2ObjectBody | null
  try {
    object = await openStore(c.env).media(c.req.param('key'))
  } catch (error) {
    if (!(error instanceof StorageUnavailable)) throw error
    // R2 is down or late: the page around the photo is whole (its box is reserved by its size), and the photo
    // itself is asked for again later. Nothing to render for an <img>.
    return c.body(null, 503, { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' })
  }
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

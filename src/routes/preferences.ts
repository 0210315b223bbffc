/** Preferences: the no-JavaScript path for the text-size buttons and the banner's "Hide". */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import type { AppEnv } from '../page'
import { isPagePath } from '../paths'
import { BANNER_HIDDEN, hideLegalBanner, rememberTextSize } from '../preferences'
import { isTextSize } from '../text-sizes'

/** Preference forms carry two short fields; anything near this size is not one of them. */
const MAX_PREFERENCES_BODY = 2 * 1024

export const preferences = new Hono<AppEnv>()

// Set the cookie, go back (303).
preferences.post(
  '/preferences',
  csrf(),
  bodyLimit({ maxSize: MAX_PREFERENCES_BODY, onError: (c) => c.text('Payload Too Large', 413) }),
  async (c) => {
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/x-www-form-urlencoded') return c.text('Unsupported Media Type', 415)
    const form = await c.req.parseBody()
    const { size, banner } = form
    if (isTextSize(size)) rememberTextSize(c, size)
    if (banner === BANNER_HIDDEN) hideLegalBanner(c)
    // Only a path shaped like one of this site's pages: never another host, so never an open redirect.
    const back = typeof form.return === 'string' && isPagePath(form.return) ? form.return : '/'
    return c.redirect(back, 303)
  },
)

/** The security headers every response from the Worker carries, 404 and error pages included. */
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * Only the site's own files may run, style or show; pages are cached, so no per-request nonce: the one script is
 * an external file. `data:` images are allowed for the inline favicon alone (it saves the page a request).
 */
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  // A click out of the site must not tell the next site what the reader was reading.
  referrerPolicy: 'no-referrer',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], browsingTopics: [] },
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  xFrameOptions: 'DENY',
  // Sent only over HTTPS, below: on plain-HTTP localhost it would mean nothing.
  strictTransportSecurity: false,
})

const TWO_YEARS = 2 * 365 * 24 * 60 * 60

export const securityHeaders = (): MiddlewareHandler => async (c, next) => {
  await headers(c, next)
  if (new URL(c.req.url).protocol === 'https:')
    c.res.headers.set('Strict-Transport-Security', `max-age=${TWO_YEARS}; includeSubDomains`)
}

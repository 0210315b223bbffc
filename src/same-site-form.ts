/**
 * Whether a form POST came from a page of this site: the CSRF check of the preference forms. Browsers say so in
 * `Sec-Fetch-Site` or `Origin`; text browsers (w3m, Lynx) send neither, only a `Referer`, so that is the last word.
 * `hono/csrf` accepts only the first two, which turned every text browser away; this adds the Referer and nothing
 * looser: a sibling subdomain (`same-site`) or any other host is refused, and so is a request that says nothing.
 */
import type { Context, MiddlewareHandler } from 'hono'

/** The origin of a URL, or undefined if it is not one (`null`, garbage). */
const originOf = (url: string): string | undefined => {
  try {
    const { origin } = new URL(url)
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

/** The most direct evidence the request carries decides: Sec-Fetch-Site, then Origin, then Referer. */
export const isSameOriginForm = (request: Request): boolean => {
  const own = new URL(request.url).origin
  const fetchSite = request.headers.get('Sec-Fetch-Site')
  if (fetchSite !== null) return fetchSite === 'same-origin'
  const origin = request.headers.get('Origin')
  // `Origin: null` is what a browser sends when it may not say (a no-referrer policy): look further.
  if (origin !== null && origin !== 'null') return origin === own
  const referer = request.headers.get('Referer')
  return referer !== null && originOf(referer) === own
}

/** Lets same-origin forms through; anything else gets `refuse(c)`, a page in the reader's language. */
export const sameSiteForm =
  (refuse: (c: Context) => Response | Promise<Response>): MiddlewareHandler =>
  async (c, next) => {
    if (!isSameOriginForm(c.req.raw)) return refuse(c)
    await next()
  }

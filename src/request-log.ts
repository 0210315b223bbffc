/** The request log: method, path, status and duration. Never addresses, cookies, headers or location. */
import type { MiddlewareHandler } from 'hono'

/** A request slower than this is logged even when it succeeded. */
const SLOW_MS = 500

/**
 * Logs what needs a maintainer's attention — refusals, errors, slow answers — as one structured line. Successful
 * page views are not logged: a line per page read would be a record of who-read-what-when, and traffic and status
 * counts come from the platform's metrics. The platform's own invocation logs are off (wrangler.toml).
 * (Hono's logger prints two coloured lines for every request, which is what this avoids.)
 */
export const requestLog = (): MiddlewareHandler => async (c, next) => {
  const start = Date.now()
  await next()
  const ms = Date.now() - start
  const status = c.res.status
  if (status >= 400 || ms >= SLOW_MS)
    console.log(JSON.stringify({ method: c.req.method, path: c.req.path.slice(0, 256), status, ms }))
}

/** The request log: method, path, status and duration of refusals and errors. Never addresses, cookies or headers. */
import type { MiddlewareHandler } from 'hono'

/**
 * Logs what needs a maintainer's attention — refusals and errors — as one structured line. A successful answer is
 * never logged, however slow: a line per page read would be a record of who-read-what-when (a busy minute makes
 * every read slow), and traffic, status and duration figures come from the platform's metrics. The platform's own
 * invocation logs are off (wrangler.toml). (Hono's logger prints two coloured lines for every request, which is
 * what this avoids.)
 */
export const requestLog = (): MiddlewareHandler => async (c, next) => {
  const start = Date.now()
  await next()
  const status = c.res.status
  // A 503 is the app's answer while a store fails, which src/storage.ts logs once per isolate: a line per reader
  // would flood the log in an outage, and record what each reader asked for while it lasted.
  if (status >= 400 && status !== 503)
    console.log(
      JSON.stringify({
        method: c.req.method,
        path: c.req.path.slice(0, 256),
        status,
        ms: Date.now() - start,
      }),
    )
}

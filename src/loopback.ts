/** Whether a request reached a developer's own machine: what may differ there, and only there. */
import type { Context } from 'hono'

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * True for `localhost`, `127.0.0.1` and `[::1]`. Cloudflare routes a request to the Worker by its host name, so in
 * production the URL's host is always the site's own: no request from outside can make this true.
 */
export const isLoopback = (c: Context): boolean => LOOPBACK_HOSTS.has(new URL(c.req.url).hostname)

/** Plain HTTP on a developer's machine: the one place a cookie cannot be `Secure` (nor `__Host-`). */
export const isPlainLocalHttp = (c: Context): boolean =>
  isLoopback(c) && new URL(c.req.url).protocol === 'http:'

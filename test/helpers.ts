/** Shared helpers for the Workers-runtime tests: requests through the app, and parsed pages to query. */
import { env } from 'cloudflare:test'
import { parseHTML } from 'linkedom'
import { app } from '../src/app'

export const ARTICLE_SLUG = 'kazakhstan-contradictory-death-tolls-unrest'

/** Sends a request through the app, with the test bindings, no server involved. */
export const request = (path: string, init?: RequestInit<RequestInitCfProperties>): Promise<Response> => {
  // Joined as text, not resolved: a path such as `//x` is a path on this host, as in an HTTP request line.
  const url = /^https?:/.test(path) ? path : `http://localhost${path}`
  return Promise.resolve(app.request(new Request(url, init), undefined, env))
}

/** Fetches a page and parses it. */
export const fetchPage = async (path: string, init?: RequestInit<RequestInitCfProperties>) => {
  const response = await request(path, init)
  const html = await response.text()
  const { document } = parseHTML(html)
  return { response, html, document }
}

/** An element's text as a reader sees it: spaces collapsed, and without the soft hyphens that only mark break points. */
export const textOf = (element: Element | null | undefined): string =>
  (element?.textContent ?? '')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim()

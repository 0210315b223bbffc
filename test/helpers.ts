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

/** Text with its white space (no-break spaces included) folded to single spaces, as a screen reader reads it. */
export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** An element's text as a reader hears it: spaces folded, and without the soft hyphens that only mark break points. */
export const textOf = (element: Element | null | undefined): string =>
  fold((element?.textContent ?? '').replace(/\u00ad/g, ''))

/**
 * Figures as written in running text: `20,000` (en), `20 000` with a no-break space, or `20 мың` / `20 тысяч` (the
 * outlet's way of writing Toqaev's quote in Kazakh and Russian) is one number.
 */
export const figures = (text: string): number[] =>
  [...text.matchAll(/(\d{1,3}(?:[,\u00a0]\d{3})+|\d+)(?:\s(мың|тысяч[аи]?)(?!\p{L}))?/gu)].map(
    ([, digits, thousand]) => Number(digits!.replace(/[,\u00a0]/g, '')) * (thousand ? 1000 : 1),
  )

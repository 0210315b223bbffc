// What a screen reader calls "current page": the links to the page the reader is on, and only those. A link to
// the page itself that is not marked sends a listener round in a circle; one marked on a page that answers
// instead (a 404, a refused form) tells them they are somewhere they are not.
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/languages'
import { ARTICLE_SLUG, fetchPage, request } from './helpers'
import ru from './fixtures/cf/ru.json'

const AT_RISK = { cf: ru } as RequestInit<RequestInitCfProperties>

/** Every link marked as the current page, as its target. */
const currentLinks = (document: Document): string[] =>
  [...document.querySelectorAll('[aria-current]')].map(
    (link) => `${link.getAttribute('aria-current')} ${link.getAttribute('href')}`,
  )

describe.each(LANGUAGES)('in %s', (lang) => {
  it('the front page: its language link and the site name, which both lead to it', async () => {
    const { document } = await fetchPage(`/${lang}/`)
    expect(currentLinks(document).sort()).toEqual([`page /${lang}/`, `page /${lang}/`])
    expect(document.querySelector('.site-name')?.getAttribute('aria-current')).toBe('page')
  })

  it('an article: its own language link alone', async () => {
    const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`)
    expect(currentLinks(document)).toEqual([`page /${lang}/articles/${ARTICLE_SLUG}`])
  })

  it('the notice page: its language link and the footer’s link to it', async () => {
    const { document } = await fetchPage(`/${lang}/notice`)
    expect(currentLinks(document)).toEqual([`page /${lang}/notice`, `page /${lang}/notice`])
    expect(document.querySelector('footer a')?.getAttribute('aria-current')).toBe('page')
  })

  it('the notice page with the legal banner: the banner’s link to it as well', async () => {
    const { document } = await fetchPage(`/${lang}/notice`, AT_RISK)
    expect(document.querySelector('.legal-banner a')?.getAttribute('aria-current')).toBe('page')
    expect(currentLinks(document)).toEqual(Array(3).fill(`page /${lang}/notice`))
    // Elsewhere the banner's link is an ordinary one.
    const front = await fetchPage(`/${lang}/`, AT_RISK)
    expect(front.document.querySelector('.legal-banner a')?.hasAttribute('aria-current')).toBe(false)
  })

  it('a page not found: none, though its links lead to the front pages', async () => {
    const { document, response } = await fetchPage(`/${lang}/articles/no-such-story`)
    expect(response.status).toBe(404)
    expect(currentLinks(document)).toEqual([])
    expect(document.querySelector(`nav a[hreflang="${lang}"]`)?.getAttribute('href')).toBe(`/${lang}/`)
    expect(document.querySelector(`nav a[hreflang="${lang}"] .text-only`)).toBeNull()
  })

  it('a refused form: none', async () => {
    const response = await request('/preferences', {
      method: 'POST',
      headers: {
        Origin: 'https://elsewhere.example',
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: `lang=${lang}`,
      },
      body: 'size=lg',
    })
    expect(response.status).toBe(403)
    const { document } = parseHTML(await response.text())
    expect(document.documentElement.getAttribute('lang')).toBe(lang)
    expect(currentLinks(document)).toEqual([])
  })
})

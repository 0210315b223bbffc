import { describe, expect, it } from 'vitest'
import { ARTICLE_SLUG, fetchPage } from './helpers'

const SOFT_HYPHEN = '\u00ad'

describe('the article as published', () => {
  it('carries soft hyphens in the long Russian words of its headline and body', async () => {
    const { document } = await fetchPage(`/ru/articles/${ARTICLE_SLUG}`)
    expect(document.querySelector('h1')?.textContent).toContain(`про${SOFT_HYPHEN}ти${SOFT_HYPHEN}во`)
    expect(document.querySelector('.body')?.textContent).toContain(`цен${SOFT_HYPHEN}траль`)
  })

  it('has none in Kazakh, which no hyphenation library has patterns for', async () => {
    const { html } = await fetchPage(`/kk/articles/${ARTICLE_SLUG}`)
    expect(html).not.toContain(SOFT_HYPHEN)
  })

  it('keeps them out of the title, previews, feeds and structured data, which are read, not laid out', async () => {
    const { document } = await fetchPage(`/ru/articles/${ARTICLE_SLUG}`)
    expect(document.title).not.toContain(SOFT_HYPHEN)
    for (const meta of document.querySelectorAll('meta[content]'))
      expect(meta.getAttribute('content')).not.toContain(SOFT_HYPHEN)
    expect(document.querySelector('script[type="application/ld+json"]')?.textContent).not.toContain(
      SOFT_HYPHEN,
    )
    const { html: feed } = await fetchPage('/ru/feed.xml')
    expect(feed).toContain('<entry>')
    expect(feed).not.toContain(SOFT_HYPHEN)
  })
})

import { env } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  breakingNewsKey,
  forgetBreakingNews,
  parseBreakingItem,
  readBreakingItem,
} from '../src/breaking-news'
import { LANGUAGES } from '../src/languages'
import { ARTICLE_SLUG, fetchPage, textOf } from './helpers'

const ARTICLE = `/ru/articles/${ARTICLE_SLUG}`
const item = { text: 'Срочно: новые данные о погибших', url: `/ru/articles/${ARTICLE_SLUG}` }

// Each isolate keeps what it read from KV for a few seconds; these tests change KV and look at once.
beforeEach(() => forgetBreakingNews())

afterEach(async () => {
  for (const lang of LANGUAGES) await env.BREAKING.delete(breakingNewsKey(lang))
})

describe('parseBreakingItem', () => {
  it('accepts text with a link on this site or an https address', () => {
    expect(parseBreakingItem(JSON.stringify(item))).toEqual(item)
    expect(parseBreakingItem(JSON.stringify({ text: ' x ', url: 'https://example.org/a' }))).toEqual({
      text: 'x',
      url: 'https://example.org/a',
    })
  })

  it.each([
    ['nothing', null],
    ['not JSON', '{text: "x"'],
    ['a string', '"breaking"'],
    ['no url', JSON.stringify({ text: 'x' })],
    ['empty text', JSON.stringify({ text: '  ', url: '/' })],
    ['text too long', JSON.stringify({ text: 'x'.repeat(281), url: '/' })],
    ['a javascript: link', JSON.stringify({ text: 'x', url: 'javascript:alert(1)' })],
    ['an http link', JSON.stringify({ text: 'x', url: 'http://example.org/' })],
    ['a protocol-relative link', JSON.stringify({ text: 'x', url: '//evil.example/' })],
    ['a backslash link', JSON.stringify({ text: 'x', url: '/\\evil.example/' })],
    ['an expired item', JSON.stringify({ ...item, until: '2020-01-01T00:00:00Z' })],
    ['a bad until', JSON.stringify({ ...item, until: 'tomorrow' })],
    // A browser strips tabs and newlines from a URL, so `/<tab>/evil.example` becomes `//evil.example`.
    ['a path with a tab', JSON.stringify({ text: 'x', url: '/\t/evil.example' })],
    ['a path with a CR', JSON.stringify({ text: 'x', url: '/\r/evil.example' })],
    ['a path with a LF', JSON.stringify({ text: 'x', url: '/\n/evil.example' })],
    ['a path with a space', JSON.stringify({ text: 'x', url: '/ru/ /x' })],
    ['a path with a NUL', JSON.stringify({ text: 'x', url: '/ru/\u0000' })],
    ['a path with a backslash inside', JSON.stringify({ text: 'x', url: '/ru\\/evil' })],
    ['an https link with a NUL', JSON.stringify({ text: 'x', url: 'https://example.org/\u0000' })],
    ['an https link with a DEL', JSON.stringify({ text: 'x', url: 'https://example.org/\u007f' })],
    ['an https link with a tab', JSON.stringify({ text: 'x', url: 'https://exa\tmple.org/' })],
    ['a user and password', JSON.stringify({ text: 'x', url: 'https://user:pass@evil.example/' })],
    ['a user alone', JSON.stringify({ text: 'x', url: 'https://rferl.org@evil.example/' })],
    ['a password alone', JSON.stringify({ text: 'x', url: 'https://:pass@evil.example/' })],
    ['the https: shorthand', JSON.stringify({ text: 'x', url: 'https:evil.example' })],
    ['the https:/ shorthand', JSON.stringify({ text: 'x', url: 'https:/evil.example' })],
    ['an upper-case scheme', JSON.stringify({ text: 'x', url: 'HTTPS://evil.example/' })],
    ['an https link with no host', JSON.stringify({ text: 'x', url: 'https://' })],
    ['a url of 513 characters', JSON.stringify({ text: 'x', url: `/ru/${'a'.repeat(509)}` })],
    ['a url of 200 KB', JSON.stringify({ text: 'x', url: `https://example.org/${'a'.repeat(200_000)}` })],
    ['a url that is not a string', JSON.stringify({ text: 'x', url: ['/ru/'] })],
    ['text that is not a string', JSON.stringify({ text: ['x'], url: '/ru/' })],
    ['an until that is not a string', JSON.stringify({ ...item, until: 4102444800000 })],
    ['null', 'null'],
  ])('refuses %s', (_case, raw) => {
    expect(parseBreakingItem(raw)).toBeNull()
  })

  it('accepts a url of up to 512 characters, and a path or address with a query and fragment', () => {
    const longest = `/ru/${'a'.repeat(508)}`
    expect(longest).toHaveLength(512)
    expect(parseBreakingItem(JSON.stringify({ text: 'x', url: longest }))?.url).toBe(longest)
    for (const url of ['/', '/ru/?a=1#b', 'https://www.rferl.org/a/x.html?a=1#b', 'https://example.org'])
      expect(parseBreakingItem(JSON.stringify({ text: 'x', url }))?.url).toBe(url)
  })

  it('keeps an item until its end time', () => {
    const raw = JSON.stringify({ ...item, until: '2030-01-01T00:00:00Z' })
    expect(parseBreakingItem(raw, new Date('2029-12-31T23:59:00Z'))).toEqual(item)
    expect(parseBreakingItem(raw, new Date('2030-01-01T00:00:01Z'))).toBeNull()
    // The end time itself is past.
    expect(parseBreakingItem(raw, new Date('2030-01-01T00:00:00Z'))).toBeNull()
  })
})

describe('readBreakingItem', () => {
  it('treats a missing binding as no item', async () => {
    expect(await readBreakingItem(undefined, 'en')).toBeNull()
  })

  it('treats a failing read as no item', async () => {
    const failing = { get: () => Promise.reject(new Error('KV is down')) } as unknown as KVNamespace
    expect(await readBreakingItem(failing, 'en')).toBeNull()
  })
})

describe('the breaking-news bar', () => {
  it('renders nothing when there is no item', async () => {
    const { document, html } = await fetchPage(ARTICLE)
    expect(document.querySelectorAll('body > section')).toHaveLength(0)
    expect(html).not.toContain('Срочные новости')
  })

  it('shows the item of the page language under the header, as a labelled region with its link', async () => {
    await env.BREAKING.put(breakingNewsKey('ru'), JSON.stringify(item))
    const { document } = await fetchPage(ARTICLE)
    const header = document.querySelector('body > header')!
    const bar = header.nextElementSibling!
    expect(bar.tagName).toBe('SECTION')
    const label = document.getElementById(bar.getAttribute('aria-labelledby')!)
    expect(textOf(label)).toBe('Срочно')
    const link = bar.querySelector('a')!
    expect(textOf(link)).toBe(item.text)
    expect(link.getAttribute('href')).toBe(item.url)
  })

  it('keeps each language to its own item', async () => {
    await env.BREAKING.put(breakingNewsKey('ru'), JSON.stringify(item))
    const { html } = await fetchPage(`/kk/articles/${ARTICLE_SLUG}`)
    expect(html).not.toContain(item.text)
  })

  it('ignores a malformed item rather than failing the page', async () => {
    await env.BREAKING.put(breakingNewsKey('ru'), '{"text": "half an item"')
    const { response, document } = await fetchPage(ARTICLE)
    expect(response.status).toBe(200)
    expect(document.querySelectorAll('body > section')).toHaveLength(0)
  })

  it('never lets a long or odd url into the page', async () => {
    const before = (await fetchPage(ARTICLE)).html.length
    for (const url of [
      `https://example.org/${'a'.repeat(200_000)}`,
      '/\t/evil.example',
      'https:evil.example',
    ]) {
      forgetBreakingNews()
      await env.BREAKING.put(breakingNewsKey('ru'), JSON.stringify({ text: 'Срочно', url }))
      const { html, document } = await fetchPage(ARTICLE)
      expect(document.querySelectorAll('body > section')).toHaveLength(0)
      expect(html.length).toBeLessThan(before + 100)
    }
  })

  it('escapes what an editor types', async () => {
    await env.BREAKING.put(
      breakingNewsKey('ru'),
      JSON.stringify({ text: '<img src=x onerror=alert(1)>', url: '/ru/' }),
    )
    const { html } = await fetchPage(ARTICLE)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})

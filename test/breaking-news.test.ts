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
  ])('refuses %s', (_case, raw) => {
    expect(parseBreakingItem(raw)).toBeNull()
  })

  it('keeps an item until its end time', () => {
    const raw = JSON.stringify({ ...item, until: '2030-01-01T00:00:00Z' })
    expect(parseBreakingItem(raw, new Date('2029-12-31T23:59:00Z'))).toEqual(item)
    expect(parseBreakingItem(raw, new Date('2030-01-01T00:00:01Z'))).toBeNull()
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

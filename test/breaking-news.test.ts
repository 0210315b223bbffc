import { env } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  breakingNewsKey,
  forgetBreakingNews,
  parseBreakingItem,
  readBreakingItem,
} from '../src/breaking-news'
import { LANGUAGES, type Language } from '../src/languages'
import { ARTICLE_SLUG, fetchPage, textOf } from './helpers'

const ARTICLE = `/ru/articles/${ARTICLE_SLUG}`
const item = { text: 'Срочно: новые данные о погибших', url: `/ru/articles/${ARTICLE_SLUG}` }

// Each isolate keeps what it read from KV for a few seconds; these tests change KV and look at once.
beforeEach(() => forgetBreakingNews())

afterEach(async () => {
  vi.restoreAllMocks()
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
    // Either would read as a date in 2099 if it were taken for text.
    ['an until that is a year as a number', JSON.stringify({ ...item, until: 2099 })],
    ['an until that is a list', JSON.stringify({ ...item, until: ['2099-01-01'] })],
    ['null', 'null'],
  ])('refuses %s', (_case, raw) => {
    expect(parseBreakingItem(raw)).toBeNull()
  })

  it('accepts text of up to 280 characters, counted after trimming', () => {
    const longest = 'ж'.repeat(280)
    expect(parseBreakingItem(JSON.stringify({ text: longest, url: '/' }))?.text).toBe(longest)
    expect(parseBreakingItem(JSON.stringify({ text: `  ${longest}\n`, url: '/' }))?.text).toBe(longest)
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
  /** A KV namespace holding an item per language, that notes every read and the options it was asked with. */
  const countingKv = (items: Partial<Record<Language, object>>) => {
    const reads: { key: string; options: unknown }[] = []
    const kv = {
      get: async (key: Language, options: unknown) => {
        reads.push({ key, options })
        return items[key] === undefined ? null : JSON.stringify(items[key])
      },
    } as unknown as KVNamespace
    return { kv, reads }
  }
  const at = (ms: number) => vi.spyOn(Date, 'now').mockReturnValue(ms)

  it('treats a missing binding as no item, which is no failure to log', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await readBreakingItem(undefined, 'en')).toBeNull()
    expect(logged).not.toHaveBeenCalled()
  })

  it('treats a failing read as no item, logs it, and tries again at the next page', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    let down = true
    const flaky = {
      get: async () => {
        if (down) throw new Error('KV is down')
        return JSON.stringify(item)
      },
    } as unknown as KVNamespace
    expect(await readBreakingItem(flaky, 'ru')).toBeNull()
    expect(logged).toHaveBeenCalledOnce()
    expect(JSON.parse(String(logged.mock.calls[0]![0]))).toEqual({
      event: 'breaking-news-read-failed',
      message: 'Error: KV is down',
    })
    down = false
    expect(await readBreakingItem(flaky, 'ru')).toEqual(item)
  })

  it('asks KV’s edge cache to keep the item no longer than 30 seconds, so a change shows within the minute', async () => {
    const { kv, reads } = countingKv({ ru: item })
    await readBreakingItem(kv, 'ru')
    expect(reads).toHaveLength(1)
    // 30 is the least KV allows; without it, KV keeps what it read at the edge for 60 seconds.
    expect(reads[0]!.options).toEqual({ cacheTtl: 30 })
  })

  it('reads KV once per language for ten seconds, not at every page view, then reads it again', async () => {
    const en = { text: 'Breaking', url: '/en/' }
    const { kv, reads } = countingKv({ ru: item, en })
    at(1_000_000)
    expect(await readBreakingItem(kv, 'ru')).toEqual(item)
    expect(await readBreakingItem(kv, 'en')).toEqual(en)
    expect(await readBreakingItem(kv, 'kk')).toBeNull()
    at(1_009_999)
    expect(await readBreakingItem(kv, 'ru')).toEqual(item)
    expect(await readBreakingItem(kv, 'en')).toEqual(en)
    expect(await readBreakingItem(kv, 'kk')).toBeNull()
    expect(reads.map((r) => r.key)).toEqual(['ru', 'en', 'kk'])
    at(1_010_000)
    expect(await readBreakingItem(kv, 'ru')).toEqual(item)
    expect(reads.map((r) => r.key)).toEqual(['ru', 'en', 'kk', 'ru'])
  })

  it('shows an editor’s change ten seconds after the last read at the latest', async () => {
    const items: Partial<Record<Language, object>> = { ru: item }
    const { kv } = countingKv(items)
    at(2_000_000)
    expect(await readBreakingItem(kv, 'ru')).toEqual(item)
    items.ru = { text: 'Исправлено', url: '/ru/' }
    at(2_005_000)
    expect(await readBreakingItem(kv, 'ru')).toEqual(item)
    at(2_010_000)
    expect(await readBreakingItem(kv, 'ru')).toEqual(items.ru)
    delete items.ru
    at(2_020_000)
    expect(await readBreakingItem(kv, 'ru')).toBeNull()
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

import { describe, expect, it } from 'vitest'
import { translator } from '../src/i18n'
import { LANGUAGES } from '../src/languages'
import { TEXT_SIZES, textSizeLabel } from '../src/text-sizes'
import { ARTICLE_SLUG, fetchPage, request } from './helpers'

const ARTICLE = `/en/articles/${ARTICLE_SLUG}`

/** A same-origin form POST, as a browser sends it. */
const post = (fields: Record<string, string>, { origin = 'http://localhost', url = '/preferences' } = {}) =>
  request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams(fields).toString(),
  })

/** Parses `Set-Cookie` headers into name → { value, attributes }. */
const cookiesOf = (response: Response) =>
  Object.fromEntries(
    response.headers.getSetCookie().map((line) => {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
      const [name = '', value = ''] = pair.split('=')
      return [name, { value, attributes: attributes.map((a) => a.toLowerCase()) }]
    }),
  )

describe('the text-size control', () => {
  it.each(LANGUAGES)('is a labelled group of four buttons labelled XS, SM, MD, LG in %s', async (lang) => {
    const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`)
    const form = document.querySelector('nav details > form[method="post"]')
    expect(form?.getAttribute('action')).toBe('/preferences')
    // Named once, by the group: no legend to be read a second time.
    expect(form?.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe(
      translator(lang)('textSize.label'),
    )
    expect(form?.querySelector('legend')).toBeNull()
    const buttons = [...(form?.querySelectorAll('button[name="size"]') ?? [])]
    expect(buttons.map((b) => b.getAttribute('value'))).toEqual([...TEXT_SIZES])
    for (const button of buttons) {
      const visible = button.textContent ?? ''
      expect(visible).toBe(textSizeLabel(button.getAttribute('value') as never))
      // The accessible name begins with the visible label and goes on to say what it means (WCAG 2.5.3).
      const name = button.getAttribute('aria-label') ?? ''
      expect(name.startsWith(`${visible}, `)).toBe(true)
      expect(name.length).toBeGreaterThan(visible.length + 3)
    }
    // A change is announced once, by the pressed state: no live region to repeat it, or to be read while empty.
    expect(document.querySelector('[role="status"], [aria-live]')).toBeNull()
  })

  it.each(LANGUAGES)(
    'says the current size on its closed disclosure, for text browsers too, in %s',
    async (lang) => {
      const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`, {
        headers: { Cookie: 'size=md' },
      })
      expect(document.querySelector('nav details > summary')?.textContent).toBe(
        translator(lang)('textSize.summary', { size: 'MD' }),
      )
      expect(document.querySelector('nav details')?.hasAttribute('open')).toBe(false)
    },
  )

  it('separates the buttons and the skip links with spaces, so text browsers do not print XSSMMDLG', async () => {
    const { document } = await fetchPage(ARTICLE)
    expect(document.querySelector('nav [role="group"]')?.textContent?.trim().split(/\s+/)).toEqual(
      TEXT_SIZES.map(textSizeLabel),
    )
    const skipLinks = [...document.querySelectorAll('body > a[href^="#"]')]
    // Main content, navigation, search.
    expect(skipLinks).toHaveLength(3)
    for (const link of skipLinks.slice(0, -1)) expect(link.nextSibling?.textContent).toBe(' ')
  })

  it('marks SM pressed by default, and only SM', async () => {
    const { document, html } = await fetchPage(ARTICLE)
    expect(document.querySelector('button[aria-pressed="true"]')?.getAttribute('value')).toBe('sm')
    expect(document.querySelectorAll('button[aria-pressed="true"]')).toHaveLength(1)
    expect(html).toContain('data-size="sm"')
  })

  it.each(TEXT_SIZES)('applies a %s cookie in the first render, with no flash', async (size) => {
    const { document } = await fetchPage(ARTICLE, { headers: { Cookie: `size=${size}` } })
    expect(document.documentElement.getAttribute('data-size')).toBe(size)
    expect(document.querySelector('button[aria-pressed="true"]')?.getAttribute('value')).toBe(size)
  })

  it.each(['huge', '', 'LG ', 'lg;', '<script>'])(
    'ignores a bad size cookie (%j) and shows SM',
    async (value) => {
      const { document } = await fetchPage(ARTICLE, {
        headers: { Cookie: `size=${encodeURIComponent(value)}` },
      })
      expect(document.documentElement.getAttribute('data-size')).toBe('sm')
    },
  )

  it('keeps the size across pages and languages', async () => {
    for (const path of ['/kk/', `/ru/articles/${ARTICLE_SLUG}`, '/en/notice', '/en/nowhere']) {
      const { document } = await fetchPage(path, { headers: { Cookie: 'size=lg' } })
      expect(document.documentElement.getAttribute('data-size'), path).toBe('lg')
    }
  })
})

describe('POST /preferences', () => {
  it('stores the size for a year, site-wide, Lax, out of reach of scripts, and goes back with 303', async () => {
    const response = await post({ size: 'lg', return: ARTICLE })
    expect(response.status).toBe(303)
    // Back at the control the reader used, not at the top of a tall page.
    expect(response.headers.get('Location')).toBe(`${ARTICLE}#text-size`)
    const { size } = cookiesOf(response)
    expect(size?.value).toBe('lg')
    expect(size?.attributes).toEqual(
      expect.arrayContaining(['max-age=31536000', 'path=/', 'samesite=lax', 'httponly']),
    )
    // On a developer's own machine the cookie cannot be Secure, or plain-HTTP localhost would lose it.
    expect(size?.attributes).not.toContain('secure')
  })

  it('marks the cookie Secure anywhere but localhost', async () => {
    const response = await post(
      { size: 'md', return: '/kk/' },
      { origin: 'https://reader.example', url: 'https://reader.example/preferences' },
    )
    expect(response.status).toBe(303)
    expect(cookiesOf(response)['__Host-size']?.attributes).toContain('secure')
  })

  it('ignores an unknown size', async () => {
    const response = await post({ size: 'xxl', return: ARTICLE })
    expect(response.status).toBe(303)
    expect(cookiesOf(response).size).toBeUndefined()
  })

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    'javascript:alert(1)',
    '/en/articles/../../evil',
    '/nowhere',
    '',
  ])('sends the reader to / rather than to %j', async (target) => {
    const response = await post({ size: 'lg', return: target })
    expect(response.status).toBe(303)
    expect(response.headers.get('Location')).toBe('/')
  })

  it('refuses a cross-site form', async () => {
    const response = await post({ size: 'lg', return: ARTICLE }, { origin: 'https://evil.example' })
    expect(response.status).toBe(403)
    expect(response.headers.getSetCookie()).toEqual([])
  })
})

describe('following the HTML alone, without JavaScript', () => {
  it('changes the text size through the form and comes back to the same page', async () => {
    const { document } = await fetchPage(`/kk/articles/${ARTICLE_SLUG}`)
    const form = document.querySelector('form:has(button[name="size"])')!
    const fields = Object.fromEntries(
      [...form.querySelectorAll('input[type="hidden"]')].map((input) => [
        input.getAttribute('name')!,
        input.getAttribute('value')!,
      ]),
    )
    const button = form.querySelector('button[value="lg"]')!
    const response = await post({ ...fields, [button.getAttribute('name')!]: button.getAttribute('value')! })
    expect(response.status).toBe(303)
    const back = response.headers.get('Location')!
    expect(back).toBe(`/kk/articles/${ARTICLE_SLUG}#text-size`)
    const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!
    const after = await fetchPage(back, { headers: { Cookie: cookie } })
    expect(after.document.documentElement.getAttribute('data-size')).toBe('lg')
    expect(after.document.querySelector('button[aria-pressed="true"]')?.getAttribute('value')).toBe('lg')
  })
})

describe('the language switcher', () => {
  it.each(LANGUAGES)('links this page in every language, each named in its own, in %s', async (lang) => {
    const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`)
    const links = [...document.querySelectorAll('nav a[hreflang]')]
    expect(links.map((a) => a.getAttribute('hreflang'))).toEqual([...LANGUAGES])
    expect(links.map((a) => a.getAttribute('lang'))).toEqual([...LANGUAGES])
    // Named in full; shown short, so the site name and the three fit one line of a phone.
    expect(links.map((a) => a.querySelector('.visually-hidden')?.textContent)).toEqual([
      'Қазақша',
      'Русский',
      'English',
    ])
    expect(links.map((a) => a.firstElementChild?.textContent?.trim())).toEqual(['Қаз', 'Рус', 'Eng'])
    // Text browsers show neither ARIA nor colours: the current language says so in words, hidden from the rest.
    const marker = document.querySelector('nav a[aria-current="page"] .text-only')
    expect(marker?.textContent?.trim()).toBe(translator(lang)('language.current'))
    expect(marker?.getAttribute('aria-hidden')).toBe('true')
    expect(document.querySelectorAll('nav a[hreflang] .text-only')).toHaveLength(1)
    for (const link of links)
      expect(link.getAttribute('href')).toBe(`/${link.getAttribute('lang')}/articles/${ARTICLE_SLUG}`)
    expect(document.querySelector('nav a[aria-current="page"]')?.getAttribute('lang')).toBe(lang)
    expect(document.querySelectorAll('nav a[aria-current]')).toHaveLength(1)
  })

  it('stores nothing when a page is read, in any language', async () => {
    for (const lang of LANGUAGES) {
      const read = await request(`/${lang}/articles/${ARTICLE_SLUG}`, {
        headers: { Cookie: 'lang=en; size=lg' },
      })
      expect(read.status).toBe(200)
      expect(read.headers.getSetCookie()).toEqual([])
    }
    expect((await request('/ru/nowhere')).headers.getSetCookie()).toEqual([])
  })
})

describe('the language a reader chooses', () => {
  it('is kept for the session only, and only when chosen through the preferences form', async () => {
    const response = await post({ lang: 'kk', return: '/kk/' })
    expect(response.status).toBe(303)
    const { lang } = cookiesOf(response)
    expect(lang?.value).toBe('kk')
    expect(lang?.attributes).toEqual(expect.arrayContaining(['path=/', 'samesite=lax', 'httponly']))
    expect(lang?.attributes.some((a) => a.startsWith('max-age') || a.startsWith('expires'))).toBe(false)
  })

  it('ignores a language the site does not have', async () => {
    const response = await post({ lang: 'de', return: '/en/' })
    expect(response.status).toBe(303)
    expect(cookiesOf(response).lang).toBeUndefined()
  })

  it('is where / sends the reader, ahead of the browser’s languages', async () => {
    const home = await request('/', { headers: { Cookie: 'lang=kk', 'Accept-Language': 'en' } })
    expect(home.headers.get('Location')).toBe('/kk/')
    const secure = await request('https://reader.example/', {
      headers: { Cookie: '__Host-lang=ru', 'Accept-Language': 'en' },
    })
    expect(secure.headers.get('Location')).toBe('/ru/')
  })
})

describe('cookies over HTTPS', () => {
  const secure = 'https://reader.example'

  it('are __Host- cookies: Secure, Path=/ and no Domain, so no other host can plant them', async () => {
    const response = await post(
      { size: 'lg', banner: 'hidden', lang: 'ru', return: '/ru/' },
      { origin: secure, url: `${secure}/preferences` },
    )
    expect(response.status).toBe(303)
    const cookies = cookiesOf(response)
    expect(Object.keys(cookies).sort()).toEqual(['__Host-banner', '__Host-lang', '__Host-size'])
    expect(cookies['__Host-size']?.attributes).toContain('max-age=31536000')
    for (const { attributes } of Object.values(cookies)) {
      expect(attributes).toEqual(expect.arrayContaining(['secure', 'path=/', 'httponly', 'samesite=lax']))
      expect(attributes.some((a) => a.startsWith('domain'))).toBe(false)
    }
  })

  it('are read only under their __Host- names: a plain banner=hidden from a sibling host hides nothing', async () => {
    const cf = { country: 'RU' }
    const path = `${secure}/en/articles/${ARTICLE_SLUG}`
    const planted = await fetchPage(path, { cf, headers: { Cookie: 'banner=hidden; size=lg' } } as never)
    expect(planted.document.querySelector('body > section[aria-labelledby]')).not.toBeNull()
    expect(planted.document.documentElement.getAttribute('data-size')).toBe('sm')
    const own = await fetchPage(path, {
      cf,
      headers: { Cookie: '__Host-banner=hidden; __Host-size=lg' },
    } as never)
    expect(own.document.querySelector('body > section[aria-labelledby]')).toBeNull()
    expect(own.document.documentElement.getAttribute('data-size')).toBe('lg')
    const home = await request(`${secure}/`, { headers: { Cookie: 'lang=kk', 'Accept-Language': 'en' } })
    expect(home.headers.get('Location')).toBe('/en/')
  })

  it('remove the year-long lang cookie earlier versions set on every read', async () => {
    const response = await request(`${secure}/kk/`, { headers: { Cookie: 'lang=kk' } })
    const { lang } = cookiesOf(response)
    expect(lang?.value).toBe('')
    expect(lang?.attributes).toEqual(expect.arrayContaining(['max-age=0', 'path=/', 'secure']))
    expect((await request(`${secure}/kk/`)).headers.getSetCookie()).toEqual([])
    // On a developer's machine `lang` is the current name, and is left alone.
    expect((await request('/kk/', { headers: { Cookie: 'lang=kk' } })).headers.getSetCookie()).toEqual([])
  })

  it('are plain, not Secure, on plain-HTTP localhost, where a browser would refuse the prefix', async () => {
    for (const origin of ['http://localhost', 'http://127.0.0.1']) {
      const response = await post({ size: 'xs', return: '/en/' }, { origin, url: `${origin}/preferences` })
      expect(Object.keys(cookiesOf(response)), origin).toEqual(['size'])
      expect(cookiesOf(response).size?.attributes).not.toContain('secure')
    }
  })

  it('are prefixed on any other host, even over plain HTTP, and over HTTPS on localhost', async () => {
    for (const origin of ['http://reader.example', 'https://localhost', 'https://127.0.0.1']) {
      const response = await post({ size: 'xs', return: '/en/' }, { origin, url: `${origin}/preferences` })
      expect(Object.keys(cookiesOf(response)), origin).toEqual(['__Host-size'])
    }
  })
})

describe('skip links', () => {
  it.each(LANGUAGES)(
    'come first in <body>, outside any landmark, and point at focusable targets in %s',
    async (lang) => {
      const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`)
      const [first, second] = [...document.body.children]
      expect(first?.tagName).toBe('A')
      expect(second?.tagName).toBe('A')
      expect(first?.getAttribute('href')).toBe('#main-content')
      expect(second?.getAttribute('href')).toBe('#navigation')
      expect(document.querySelector('main#main-content')?.getAttribute('tabindex')).toBe('-1')
      expect(document.querySelector('nav#navigation')?.getAttribute('tabindex')).toBe('-1')
      expect(document.querySelector('nav#navigation form button[name="size"]')).not.toBeNull()
      expect(first?.textContent).not.toBe(second?.textContent)
    },
  )

  it('are translated', async () => {
    const { document } = await fetchPage(`/kk/articles/${ARTICLE_SLUG}`)
    expect(document.querySelector('a[href="#main-content"]')?.textContent).toBe('Негізгі мазмұнға өту')
  })
})

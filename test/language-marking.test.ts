// Every change of language is marked, so a screen reader changes voice (WCAG 3.1.2): on a Kazakh or Russian page no
// Latin-script word, on an English page no Cyrillic word, stands outside an element whose `lang` is a language of
// that script. Measured over every page kind in every language, stories' words and the site's own alike.
import { parseHTML } from 'linkedom'
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { languageRuns } from '../src/language-runs'
import { LANGUAGES, type Language } from '../src/languages'
import { articlePath, frontPath, noticePath, olderPath, searchPath } from '../src/paths'
import { publish } from './archive'
import { ARTICLE_SLUG, fetchPage } from './helpers'

// The search story (vitest.config.ts) has a Latin word, `zebrafish`, in its Kazakh and Russian bodies.
beforeAll(() => publish(env.TEST_ARCHIVE.changes.searchable))

const LATIN = /\p{Script=Latin}+/gu
const CYRILLIC = /\p{Script=Cyrillic}+/gu
/** The script a language is written in here, and so what is foreign on its pages. */
const SCRIPT_OF: Record<Language, 'Latin' | 'Cyrillic'> = { kk: 'Cyrillic', ru: 'Cyrillic', en: 'Latin' }

/**
 * The deliberate exceptions: attributes, which cannot hold an element, so no part of them can be marked. The
 * text-size buttons' names start with their visible label (WCAG 2.5.3), XS · SM · MD · LG in every language; the
 * visible label itself is marked as English. The search box holds the reader's own words, in whatever they typed.
 */
const EXCEPTIONS: {
  where: string
  why: string
  matches: (element: Element, attribute: string) => boolean
}[] = [
  {
    where: 'a text-size button’s aria-label',
    why: 'an attribute cannot mark its first word; the label it starts with is marked',
    matches: (element, attribute) => attribute === 'aria-label' && element.matches('button[name="size"]'),
  },
]

const search = (lang: Language, q: string) => `${searchPath(lang)}?${new URLSearchParams({ q })}`

/** Every page kind, and the pages with a story's foreign words: the search story's body has `zebrafish`. */
const PAGES = (lang: Language): string[] => [
  frontPath(lang),
  articlePath(lang, ARTICLE_SLUG),
  articlePath(lang, 'generated-search-story'),
  noticePath(lang),
  search(lang, 'zebrafish'),
  search(lang, 'zzzqqqxxx'),
  olderPath(lang, '20220314T000000Z-1'),
  `/${lang}/no-such-page`,
]

/** Each word in a foreign script with the language it is marked as, or unmarked, and where it stands. */
const unmarked = (document: Document, page: Language): string[] => {
  const foreign = SCRIPT_OF[page] === 'Latin' ? CYRILLIC : LATIN
  const isMarked = (element: Element | null) => {
    const lang = element?.closest('[lang]')?.getAttribute('lang')
    return (
      lang !== undefined &&
      lang !== null &&
      lang in SCRIPT_OF &&
      SCRIPT_OF[lang as Language] !== SCRIPT_OF[page]
    )
  }
  const found: string[] = []
  const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement
    if (isMarked(element)) continue
    for (const [word] of (node.textContent ?? '').matchAll(foreign))
      found.push(`<${element?.tagName.toLowerCase()}> ${word}`)
  }
  for (const element of document.querySelectorAll('[aria-label], [alt], [title], [placeholder]'))
    for (const attribute of ['aria-label', 'alt', 'title', 'placeholder']) {
      const value = element.getAttribute(attribute)
      if (!value || isMarked(element) || EXCEPTIONS.some((e) => e.matches(element, attribute))) continue
      for (const [word] of value.matchAll(foreign)) found.push(`@${attribute} ${word}`)
    }
  return found
}

describe.each(LANGUAGES)('on a %s page', (lang) => {
  it.each(PAGES(lang))('%s: every word in another script is marked with its language', async (path) => {
    const { response, document } = await fetchPage(path)
    expect(response.status).toBe(path.includes('no-such-page') ? 404 : 200)
    expect(unmarked(document, lang)).toEqual([])
  })
})

describe('the words marked', () => {
  it('are the story’s foreign words in its body, search excerpt and the site’s own texts', async () => {
    const marked = async (path: string) =>
      [...(await fetchPage(path)).document.querySelectorAll('main [lang]')].map(
        (element) => `${element.getAttribute('lang')}: ${element.textContent}`,
      )
    expect(await marked(articlePath('ru', 'generated-search-story'))).toContain('en: zebrafish')
    expect(await marked(articlePath('kk', 'generated-search-story'))).toContain('en: zebrafish')
    expect(await marked(search('kk', 'zebrafish'))).toContain('en: zebrafish')
    expect(await marked(noticePath('ru'))).toEqual(['en: cookie'])
    // The English version has no foreign word: nothing is marked.
    expect(await marked(articlePath('en', 'generated-search-story'))).toEqual([])
  })

  it('shows the marking test would see an unmarked word', () => {
    const { document } = parseHTML(
      '<html lang="ru"><body><p>Файлы cookie и <span lang="en">Atom</span>, <span lang="kk">Atom</span></p></body></html>',
    )
    expect(unmarked(document, 'ru')).toEqual(['<p> cookie', '<span> Atom'])
  })
})

describe('a text cut where its language changes', () => {
  it.each([
    ['ru', 'Файлы cookie и лента Atom', [['Файлы '], ['cookie', 'en'], [' и лента '], ['Atom', 'en']]],
    [
      'ru',
      'По данным Human Rights Watch, 238 человек',
      [['По данным '], ['Human Rights Watch', 'en'], [', 238 человек']],
    ],
    ['kk', 'RSS-арна', [['RSS', 'en'], ['-арна']]],
    [
      'en',
      'Radio Azattyq (Азаттық) and Радио Свобода',
      [['Radio Azattyq ('], ['Азаттық', 'kk'], [') and '], ['Радио Свобода', 'ru']],
    ],
    ['en', 'No change at all.', [['No change at all.']]],
    ['kk', '', []],
  ] as const)('%s: %s', (lang, text, expected) => {
    expect(languageRuns(lang, text)).toEqual(
      expected.map(([part, language]) => (language ? { text: part, lang: language } : { text: part })),
    )
  })
})

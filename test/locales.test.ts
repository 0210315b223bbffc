import { describe, expect, it } from 'vitest'
import { resources, translator } from '../src/i18n'
import { LANGUAGES } from '../src/languages'

type Tree = { [key: string]: string | Tree }

const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[prefix + key, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  )

const keysOf = (lang: (typeof LANGUAGES)[number]) => flatten(resources[lang].translation as Tree)

/** A plural key (`search.count_few`) stands for its base (`search.count`), which `t()` is asked for. */
const PLURAL = /_(?:zero|one|two|few|many|other)$/
const baseKeysOf = (lang: (typeof LANGUAGES)[number]) =>
  [...new Set(Object.keys(keysOf(lang)).map((key) => key.replace(PLURAL, '')))].sort()

// Every source file, as text, to find the keys the code asks for (Vite reads them at test-build time).
const sources = import.meta.glob('../src/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

describe('locales', () => {
  it('have the same keys in every language, plurals aside', () => {
    const english = baseKeysOf('en')
    for (const lang of LANGUAGES) expect(baseKeysOf(lang), lang).toEqual(english)
  })

  it.each(LANGUAGES)('give each plural in %s exactly the CLDR categories of the language', (lang) => {
    const keys = Object.keys(keysOf(lang)).filter((key) => PLURAL.test(key))
    expect(keys.length).toBeGreaterThan(0)
    // Written out, not asked of Intl: workerd's Intl may lack a language's plural data (it lacks Kazakh dates).
    const categories = { kk: ['one', 'other'], ru: ['few', 'many', 'one', 'other'], en: ['one', 'other'] }[
      lang
    ]
    const bases = [...new Set(keys.map((key) => key.replace(PLURAL, '')))]
    for (const base of bases)
      expect(
        keys
          .filter((key) => key.replace(PLURAL, '') === base)
          .map((key) => key.slice(base.length + 1))
          .sort(),
        base,
      ).toEqual(categories)
  })

  it.each(LANGUAGES)('have no empty value in %s', (lang) => {
    const empty = Object.entries(keysOf(lang)).filter(([, value]) => value.trim() === '')
    expect(empty).toEqual([])
  })

  it('have every key the code asks for', () => {
    const known = new Set(baseKeysOf('en'))
    const asked = Object.values(sources).flatMap((source) =>
      [...source.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1]!),
    )
    expect(asked.length).toBeGreaterThan(10)
    expect(asked.filter((key) => !known.has(key))).toEqual([])
  })

  it('name each language in that language', () => {
    expect(LANGUAGES.map((lang) => keysOf(lang)['language.name'])).toEqual(['Қазақша', 'Русский', 'English'])
  })
})

describe('a translation given stored text', () => {
  // What an editor's headline could hold: i18next's interpolation and nesting syntax, and a key of its own.
  const HOSTILE = ['{{site}}', '{{- page}}', '$t(notice.declared)', '$t(site.name, {"x": 1})', 'site.name']

  it.each(LANGUAGES)('inserts it as it is written, never as i18next syntax, in %s', (lang) => {
    const t = translator(lang)
    for (const headline of HOSTILE) {
      const title = t('site.pageTitle', { page: headline, site: t('site.name') })
      expect(title, headline).toContain(headline)
      // Nothing was pulled in: the title is the headline and the site name, around the translation's own words.
      expect(title.replace(headline, 'P'), headline).toBe(
        t('site.pageTitle', { page: 'P', site: t('site.name') }),
      )
    }
  })
})

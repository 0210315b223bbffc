import { describe, expect, it } from 'vitest'
import { resources } from '../src/i18n'
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

// Every source file, as text, to find the keys the code asks for (Vite reads them at test-build time).
const sources = import.meta.glob('../src/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

describe('locales', () => {
  it('have the same keys in every language', () => {
    const english = Object.keys(keysOf('en')).sort()
    for (const lang of LANGUAGES) expect(Object.keys(keysOf(lang)).sort(), lang).toEqual(english)
  })

  it.each(LANGUAGES)('have no empty value in %s', (lang) => {
    const empty = Object.entries(keysOf(lang)).filter(([, value]) => value.trim() === '')
    expect(empty).toEqual([])
  })

  it('have every key the code asks for', () => {
    const known = new Set(Object.keys(keysOf('en')))
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

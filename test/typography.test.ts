import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/languages'
import { typeset } from '../src/typography'

/** Shows no-break spaces as `~`, so an expectation reads like the text a typographer marks up. */
const marked = (text: string) => text.replace(/\u00a0/g, '~')

describe('typeset', () => {
  it('groups thousands with no-break spaces in Kazakh and Russian', () => {
    expect(marked(typeset('ru', 'около 20 000 человек'))).toBe('около 20~000~человек')
    expect(marked(typeset('kk', '1 000 000 теңге'))).toBe('1~000~000~теңге')
    // A year is one number: nothing to group, and nothing is inserted into it.
    expect(marked(typeset('ru', 'в 2022 году'))).toBe('в~2022~году')
  })

  it('keeps a number with its month or counted noun in Kazakh and Russian', () => {
    expect(marked(typeset('ru', 'заявил 14 марта, что погибли 230 человек'))).toBe(
      'заявил 14~марта, что погибли 230~человек',
    )
    expect(marked(typeset('kk', '14 наурызда 230 адам, оның ішінде 19 полиция қызметкері'))).toBe(
      '14~наурызда 230~адам, оның ішінде 19~полиция қызметкері',
    )
  })

  it('keeps the year with «г.» and with «жылғы»', () => {
    expect(marked(typeset('ru', '14 марта 2022 г.'))).toBe('14~марта 2022~г.')
    expect(marked(typeset('kk', '2022 жылғы 14 наурыз'))).toBe('2022~жылғы 14~наурыз')
  })

  it('keeps a spaced dash on the line of the word before it, in every language', () => {
    expect(marked(typeset('ru', 'по словам омбудсмена — 238.'))).toBe('по словам омбудсмена~— 238.')
    expect(marked(typeset('kk', 'омбудсменнің айтуынша — 238 адам.'))).toBe(
      'омбудсменнің айтуынша~— 238~адам.',
    )
    expect(marked(typeset('en', 'NUR-SULTAN — Kazakh officials'))).toBe('NUR-SULTAN~— Kazakh officials')
    expect(marked(typeset('kk', 'тақырып – радио'))).toBe('тақырып~– радио')
  })

  it('does not end a Russian line with a one-letter preposition or conjunction', () => {
    expect(marked(typeset('ru', 'в ходе протестов и затем у власти, а также к ним'))).toBe(
      'в~ходе протестов и~затем у~власти, а~также к~ним',
    )
    // Letters inside words, and hyphenated names, are not words of their own.
    expect(marked(typeset('ru', 'Нур-Султан и Алматы'))).toBe('Нур-Султан и~Алматы')
  })

  it('binds an English month to its day, and leaves English numbers and words alone otherwise', () => {
    expect(marked(typeset('en', 'said on March 14 that 230 people'))).toBe('said on March~14 that 230 people')
    expect(marked(typeset('en', '"20,000 terrorists"'))).toBe('"20,000 terrorists"')
  })

  it('leaves hyphens and joined words alone', () => {
    expect(typeset('ru', 'Касым-Жомарт Токаев')).toBe('Касым-Жомарт Токаев')
    expect(typeset('kk', 'зорлық-зомбылық')).toBe('зорлық-зомбылық')
  })

  it.each(LANGUAGES)('changes only spaces, and is idempotent, in %s', (lang) => {
    const text = 'On March 14, 14 марта 2022 г. в 20 000 — 14 наурызда 230 адам – и а к'
    const once = typeset(lang, text)
    expect(once.replace(/\u00a0/g, ' ')).toBe(text)
    expect(typeset(lang, once)).toBe(once)
  })
})

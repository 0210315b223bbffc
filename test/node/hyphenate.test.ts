import { describe, expect, it } from 'vitest'
import { hyphenate, MAX_WORD_LETTERS, MIN_LETTERS, SOFT_HYPHEN } from '../../scripts/publish/hyphenate.ts'
import { blockTexts, markdown } from '../../scripts/publish/markdown.ts'
import { readStoryFolder } from '../../scripts/publish/read.ts'
import { validateStory } from '../../scripts/publish/validate.ts'
import { ARTICLE_DIR } from './story-folder.ts'

const versions = validateStory(readStoryFolder(ARTICLE_DIR)).versions
const textsOf = (version: (typeof versions)[number]) => [
  version.headline,
  ...blockTexts(markdown.parse(version.markdown, {})),
]

describe('hyphenation points, set at publish time', () => {
  it('go into long Russian and English words at syllable breaks', () => {
    expect(hyphenate('ru', 'антиправительственных')).toBe(
      ['ан', 'ти', 'пра', 'ви', 'тель', 'ствен', 'ных'].join(SOFT_HYPHEN),
    )
    expect(hyphenate('en', 'Contradicting')).toBe(['Con', 'tra', 'dict', 'ing'].join(SOFT_HYPHEN))
  })

  it('stay out of a "word" longer than any real one, which took the patterns seconds (100 000 letters: 28 s)', () => {
    const real = 'pneumonoultramicroscopicsilicovolcanoconiosis'
    const atLimit = real.padEnd(MAX_WORD_LETTERS, 'a')
    expect(hyphenate('en', real)).toContain(SOFT_HYPHEN)
    expect(hyphenate('en', atLimit)).toContain(SOFT_HYPHEN)
    expect(hyphenate('en', `${atLimit}a`)).toBe(`${atLimit}a`)
    const started = performance.now()
    expect(hyphenate('ru', 'я'.repeat(100_000))).toBe('я'.repeat(100_000))
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('stay out of short words, which fit any line, so a screen reader meets as few as possible', () => {
    expect(hyphenate('ru', 'погибших')).toBe('погибших')
    for (const version of versions)
      for (const text of textsOf(version))
        for (const unit of hyphenate(version.lang, text).split(/[^\p{L}\d\u00ad\u00a0]+/u))
          if (unit.includes(SOFT_HYPHEN))
            expect([...unit.replaceAll(SOFT_HYPHEN, '')].length).toBeGreaterThanOrEqual(MIN_LETTERS)
  })

  it('go into a shorter word that a no-break space ties to a number, making a unit too long for a line', () => {
    expect(hyphenate('ru', '19\u00a0сотрудников')).toBe(
      `19\u00a0со${SOFT_HYPHEN}труд${SOFT_HYPHEN}ни${SOFT_HYPHEN}ков`,
    )
    expect(hyphenate('ru', '19 сотрудников')).toBe('19 сотрудников')
  })

  it('change nothing but the break points', () => {
    for (const version of versions)
      for (const text of textsOf(version))
        expect(hyphenate(version.lang, text).replaceAll(SOFT_HYPHEN, '')).toBe(text)
  })

  it('are not made up for Kazakh, which no hyphenation library has patterns for', () => {
    expect(hyphenate('kk', 'шенеуніктерінің қаза тапқандардың')).toBe('шенеуніктерінің қаза тапқандардың')
  })
})

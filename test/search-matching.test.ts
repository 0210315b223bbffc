/**
 * How well search matches each language's words, measured on the real article: for each query, the forms of the
 * same word a reader would want found (written out by hand from the text), against the words the index marks.
 * Recall: the share of wanted forms found; precision: the share of found words that were wanted. README quotes the
 * figures this prints.
 */
import { describe, expect, it } from 'vitest'
import type { Language } from '../src/languages'
import { matchedForms } from './helpers'

/** Query → every form of that word in the article's headline, summary and body (the text search indexes). */
const PAIRS: Record<Language, [string, string[]][]> = {
  kk: [
    ['наразылық', ['наразылықтарда', 'наразылықтар', 'наразылықтардан', 'наразылықтарды', 'наразылыққа']],
    [
      'наразылықтарда',
      ['наразылықтарда', 'наразылықтар', 'наразылықтардан', 'наразылықтарды', 'наразылыққа'],
    ],
    ['Асылов', ['асылов', 'асыловтың']],
    ['толқу', ['толқуда', 'толқу', 'толқулар', 'толқудан', 'толқуларға']],
    ['толқуларда', ['толқуда', 'толқу', 'толқулар', 'толқудан', 'толқуларға']],
    ['шенеунік', ['шенеуніктері', 'шенеуніктер']],
    ['полиция', ['полиция']],
    ['қамау', ['қамауында', 'қамаудағы']],
    ['адам', ['адам', 'адамдардың', 'адамдар', 'адамдарды', 'адамның']],
    ['адамдар', ['адам', 'адамдардың', 'адамдар', 'адамдарды', 'адамның']],
    ['дәлел', ['дәлел', 'дәлелдер']],
    ['Алматы', ['алматыда']],
    ['айту', ['айтуынша', 'айтты', 'айтқан', 'айтып']],
    ['ел', ['елдің', 'елінің']],
    ['бас', ['бас', 'басында']],
    ['Тоқаев', ['тоқаев']],
  ],
  ru: [
    ['протест', ['протестов', 'протесты', 'протестам']],
    ['протестов', ['протестов', 'протесты', 'протестам']],
    ['Асылов', ['асылов', 'асылова']],
    ['погибшие', ['погибших']],
    ['беспорядки', ['беспорядков', 'беспорядки', 'беспорядками']],
    ['чиновник', ['чиновники', 'чиновниками']],
    ['задержанные', ['задержаны', 'задержанных']],
    ['полиция', ['полиции', 'полиция']],
    ['человек', ['человек', 'человека']],
    ['доказательство', ['доказательств', 'доказательства']],
    ['власть', ['власти']],
    ['страна', ['страны']],
    ['жестоко', ['жестоко', 'жестоким']],
    ['январь', ['января', 'январских']],
    ['Токаев', ['токаев']],
    ['жестко', ['жёстко']],
  ],
  en: [
    ['protest', ['protests']],
    ['protests', ['protests']],
    ['Asylov', ['asylov']],
    ['official', ['officials']],
    ['kill', ['killed']],
    ['die', ['died']],
    ['detain', ['detained']],
    ['police', ['police']],
    ['custody', ['custody']],
    ['arrest', ['arrested']],
    ['government', ['government']],
    ['Kazakh', ['kazakh']],
    ['evidence', ['evidence']],
    ['torture', ['tortured']],
    ['groups', ['groups']],
  ],
}

/** The thresholds the matching must keep: a little under what it measures today, so a regression fails. */
const AT_LEAST: Record<Language, { recall: number; precision: number }> = {
  kk: { recall: 0.85, precision: 0.95 },
  ru: { recall: 0.9, precision: 0.95 },
  en: { recall: 0.95, precision: 0.95 },
}

describe('matching on the real article', () => {
  it.each(['kk', 'ru', 'en'] as const)('has the recall and precision it promises in %s', async (lang) => {
    let wanted = 0
    let found = 0
    let right = 0
    const misses: string[] = []
    for (const [query, forms] of PAIRS[lang]) {
      // Words are counted once, whatever their case (`Наразылықтардан` opens a sentence).
      const matched = [
        ...new Set((await matchedForms(lang, query)).map((word) => word.toLocaleLowerCase(lang))),
      ]
      const expected = new Set(forms)
      wanted += expected.size
      found += matched.length
      const hits = matched.filter((word) => expected.has(word))
      right += hits.length
      const missed = forms.filter((form) => !matched.includes(form))
      const extra = matched.filter((word) => !expected.has(word))
      if (missed.length || extra.length)
        misses.push(`${query}: missed ${missed.join(' ')}; extra ${extra.join(' ')}`)
    }
    const recall = right / wanted
    const precision = found === 0 ? 0 : right / found
    console.info(
      `${lang}: ${PAIRS[lang].length} queries, recall ${(recall * 100).toFixed(1)} % (${right}/${wanted}), ` +
        `precision ${(precision * 100).toFixed(1)} % (${right}/${found})\n  ${misses.join('\n  ')}`,
    )
    expect(recall).toBeGreaterThanOrEqual(AT_LEAST[lang].recall)
    expect(precision).toBeGreaterThanOrEqual(AT_LEAST[lang].precision)
  })
})

// Computes the hyphenation points of the articles' long Russian and English words into src/content/hyphenation.json,
// with the `hyphen` library's TeX patterns, so the Worker ships a few hundred words instead of the patterns.
// Only words of MIN_LETTERS or more get points: shorter ones fit a 320 px line at every text size, and every soft
// hyphen is one more word NVDA may misread (nvaccess/nvda#9343). Kazakh has no patterns anywhere: its type scale
// keeps its longest words on one line instead (static/site.css). With --check it fails if the file is out of date.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const articlesDir = join(root, 'src', 'content', 'articles')
const outputPath = join(root, 'src', 'content', 'hyphenation.json')
const check = process.argv.includes('--check')

/** The shortest word that may not fit a 320 px line at LG (the bold headline is the tightest: ~0.7 em a letter). */
const MIN_LETTERS = 12
/** Written as a middle dot so the file reads (and diffs) as syllables; the Worker puts soft hyphens there. */
const POINT = '·'
const HYPHENATORS = { ru: require('hyphen/ru'), en: require('hyphen/en-us') }

/** The text of an article that is set as running text or headline (the dateline is optional): the words a reader sees wrap. */
const textsOf = (article) =>
  [
    article.headline,
    article.summary,
    article.dateline,
    article.image.caption,
    ...article.paragraphs,
    article.promo.title,
    article.promo.body,
  ].filter((text) => typeof text === 'string')

const result = {}
for (const [lang, { hyphenateSync }] of Object.entries(HYPHENATORS)) {
  const words = new Set()
  for (const slug of readdirSync(articlesDir).sort()) {
    const file = join(articlesDir, slug, `${lang}.json`)
    if (!existsSync(file)) continue
    for (const text of textsOf(JSON.parse(readFileSync(file, 'utf8'))))
      for (const [word] of text.matchAll(/\p{L}+/gu)) if ([...word].length >= MIN_LETTERS) words.add(word)
  }
  result[lang] = Object.fromEntries(
    [...words]
      .sort()
      .map((word) => [word, hyphenateSync(word, { hyphenChar: POINT, minWordLength: MIN_LETTERS })]),
  )
}

const text = `${JSON.stringify(result, null, 2)}\n`
if (check) {
  if (!existsSync(outputPath) || readFileSync(outputPath, 'utf8') !== text) {
    console.error(
      'src/content/hyphenation.json is out of date with the articles: run `npm run hyphenation` and commit it.',
    )
    process.exit(1)
  }
  console.log(
    `hyphenation: ${Object.values(result).reduce((n, words) => n + Object.keys(words).length, 0)} words up to date`,
  )
} else {
  writeFileSync(outputPath, text)
  console.log(`hyphenation: wrote ${outputPath}`)
}

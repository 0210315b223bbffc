/** The site under test as the browser specs see it: its languages, text sizes, pages and words, from src/ itself. */
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { generatedSlug } from '../../../scripts/publish/generate.ts'
import { GENERATED_STORIES } from './generated-stories.ts'
import { blockTexts, markdown } from '../../../scripts/publish/markdown.ts'
import { readStoryFolder } from '../../../scripts/publish/read.ts'
import { validateStory } from '../../../scripts/publish/validate.ts'
import { translator } from '../../../src/i18n'
import { typeset } from '../../../src/typography'
import { LANGUAGES, type Language } from '../../../src/languages'
import { articlePath, frontPath, noticePath, olderPath, searchPath } from '../../../src/paths'
import { TEXT_SIZES, textSizeLabel, type TextSize } from '../../../src/text-sizes'

export { LANGUAGES, TEXT_SIZES, textSizeLabel, translator, type Language, type TextSize }

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..')

/** The article as its editors wrote it in content/articles, read by the publish pipeline's first two stages. */
const source = validateStory(
  readStoryFolder(join(ROOT, 'content/articles/kazakhstan-contradictory-death-tolls-unrest')),
)
const photo = await sharp(source.image.bytes).metadata()

export const ARTICLE = {
  slug: source.slug,
  /** ISO 8601 UTC, as the page's `datetime`. */
  published: source.versions.find((v) => v.lang === 'en')!.published,
  image: { width: photo.width, height: photo.height },
  /** Each version's words, set in its language's typography as the publish step renders them. */
  text: Object.fromEntries(
    source.versions.map((v) => {
      const set = (text: string) => typeset(v.lang, text)
      return [
        v.lang,
        {
          headline: set(v.headline),
          summary: set(v.summary),
          ...(v.dateline ? { dateline: set(v.dateline) } : {}),
          image: { alt: set(v.image.alt), caption: set(v.image.caption), illustration: v.image.illustration },
          paragraphs: blockTexts(markdown.parse(v.markdown, {})).map(set),
        },
      ]
    }),
  ) as Record<
    Language,
    {
      headline: string
      summary: string
      dateline?: string
      image: { alt: string; caption: string; illustration: boolean }
      paragraphs: string[]
    }
  >,
}

export { GENERATED_STORIES } from './generated-stories.ts'

/** The generated story with a long word in each language's headline and first paragraph (generated-stories.ts). */
const longWords = GENERATED_STORIES.find((story) => story.longWords)!
export const LONG_WORDS_STORY = {
  path: (lang: Language) => articlePath(lang, generatedSlug(longWords.number)),
  words: longWords.longWords as Record<Language, string>,
}

/** A story that exists in the language but not in all three, and one that does not exist in it. */
const PARTIAL: Record<Language, string> = {
  kk: generatedSlug(9001),
  ru: generatedSlug(9002),
  en: generatedSlug(9003),
}
const MISSING: Record<Language, string> = {
  kk: generatedSlug(9003),
  ru: generatedSlug(9001),
  en: generatedSlug(9001),
}

/** A word of the article in each language, and a form of it the search finds (its results page marks it). */
export const SEARCH_WORDS: Record<Language, { query: string; form: string }> = {
  kk: { query: 'наразылық', form: 'наразылықтарда' },
  ru: { query: 'протест', form: 'протестов' },
  en: { query: 'protest', form: 'protests' },
}

/** The kinds of page, each with its path in a language. */
export const PAGES = {
  article: (lang: Language) => articlePath(lang, ARTICLE.slug),
  front: frontPath,
  notice: noticePath,
  notFound: (lang: Language) => `/${lang}/no-such-page`,
  // The stories older than the real one (published first, so its id is 1): an archive page in every language.
  archive: (lang: Language) => olderPath(lang, '20220314T000000Z-1'),
  partialStory: (lang: Language) => articlePath(lang, PARTIAL[lang]),
  missingTranslation: (lang: Language) => articlePath(lang, MISSING[lang]),
  search: (lang: Language) => `${searchPath(lang)}?${new URLSearchParams({ q: SEARCH_WORDS[lang].query })}`,
} as const satisfies Record<string, (lang: Language) => string>

export type PageName = keyof typeof PAGES

/** The pages that answer 404 on purpose: an unknown path, and a story in a language it was not published in. */
export const answersNotFound = (path: string): boolean =>
  path.includes('no-such-page') || LANGUAGES.some((lang) => PAGES.missingTranslation(lang) === path)

export const PAGE_NAMES = Object.keys(PAGES) as PageName[]

/** The preference cookies (src/preferences.ts), set directly to put a page in a state before it is loaded. */
export const COOKIES = { textSize: 'size', legalBanner: 'banner', language: 'lang' } as const

/** A text-size button's accessible name starts with its visible label (XS, SM, MD, LG): match on that alone. */
export const textSizeButtonName = (size: TextSize): RegExp => new RegExp(`^${textSizeLabel(size)}\\b`)

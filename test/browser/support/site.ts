/** The site under test as the browser specs see it: its languages, text sizes, pages and words, from src/ itself. */
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { blockTexts, markdown } from '../../../scripts/publish/markdown.ts'
import { readStoryFolder } from '../../../scripts/publish/read.ts'
import { validateStory } from '../../../scripts/publish/validate.ts'
import { translator } from '../../../src/i18n'
import { LANGUAGES, type Language } from '../../../src/languages'
import { articlePath, frontPath, noticePath } from '../../../src/paths'
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
  text: Object.fromEntries(
    source.versions.map((v) => [
      v.lang,
      {
        headline: v.headline,
        summary: v.summary,
        dateline: v.dateline ?? '',
        image: { alt: v.image.alt, caption: v.image.caption },
        paragraphs: blockTexts(markdown.parse(v.markdown, {})),
      },
    ]),
  ) as Record<
    Language,
    {
      headline: string
      summary: string
      dateline: string
      image: { alt: string; caption: string }
      paragraphs: string[]
    }
  >,
}

/** The four kinds of page, each with its path in a language. */
export const PAGES = {
  article: (lang: Language) => articlePath(lang, ARTICLE.slug),
  front: frontPath,
  notice: noticePath,
  notFound: (lang: Language) => `/${lang}/no-such-page`,
} as const satisfies Record<string, (lang: Language) => string>

export type PageName = keyof typeof PAGES

export const PAGE_NAMES = Object.keys(PAGES) as PageName[]

/** The preference cookies (src/preferences.ts), set directly to put a page in a state before it is loaded. */
export const COOKIES = { textSize: 'size', legalBanner: 'banner', language: 'lang' } as const

/** A text-size button's accessible name starts with its visible label (XS, SM, MD, LG): match on that alone. */
export const textSizeButtonName = (size: TextSize): RegExp => new RegExp(`^${textSizeLabel(size)}\\b`)

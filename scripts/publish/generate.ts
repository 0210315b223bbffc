/**
 * Generated stories, for the tests and the benchmark only: clearly marked as generated in their slug, headline and
 * text, never published anywhere an editor's stories are.
 */
import type { Language, StoryFiles } from './story.ts'

export type GeneratedOptions = {
  /** 1-based; stories with a higher number are newer. */
  number: number
  languages: readonly Language[]
  /** The photo every generated story uses (the real stand-in, so sharp has real work to do). */
  image: Buffer
  /** The first story's time; each next one is an hour later. */
  from?: string
  /** A long word per language, put in the headline and the first paragraph, so a phone has to fit it on a line. */
  longWords?: Partial<Record<Language, string>>
}

const pad = (n: number) => String(n).padStart(5, '0')

export const generatedSlug = (number: number): string => `generated-story-${pad(number)}`

/** A story folder as read from disk, made in memory: one `{lang}.md` per language and the photo. */
export const generatedStory = ({
  number,
  languages,
  image,
  from = '2020-01-01T00:00:00Z',
  longWords = {},
}: GeneratedOptions): StoryFiles => {
  const long = (lang: Language) => (longWords[lang] ? ` ${longWords[lang]}` : '')
  const published = new Date(Date.parse(from) + number * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const texts = Object.fromEntries(
    languages.map((lang) => [
      lang,
      {
        file: `${generatedSlug(number)}/${lang}.md`,
        source: [
          '---',
          `headline: "Generated story ${number} (${lang}),${long(lang)} not real news"`,
          `summary: "A generated story, number ${number}, for measuring and testing the archive."`,
          `published: ${published}`,
          'dateline: GENERATED',
          'image:',
          '  file: photo.jpg',
          '  alt: "Illustration: a crowd of dark silhouettes in a snowy square before a large columned building."',
          '  caption: A generated caption.',
          '---',
          '',
          `This generated story is number ${number}.${long(lang)} It exists only to measure and test the archive.`,
          '',
          '## A subheading',
          '',
          'A second paragraph, with *emphasis* and a [link to the notice](/en/notice).',
          '',
        ].join('\n'),
      },
    ]),
  )
  return {
    slug: generatedSlug(number),
    dir: generatedSlug(number),
    texts,
    others: new Map([['photo.jpg', () => image]]),
  }
}

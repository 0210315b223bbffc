/** Stage 2 of publishing: check everything an editor wrote, and say what is wrong with which file. */
import matter from 'gray-matter'
import { join } from 'node:path'
import YAML from 'yaml'
import { problemsWithCharacters, problemsWithDecodedText, withoutBreakHints } from './characters.ts'
import { figures, sameFigures } from './figures.ts'
import { blockTexts, markdown, problemsWithMarkdown } from './markdown.ts'
import {
  LANGUAGES,
  PublishRefused,
  type Language,
  type Refusal,
  type StoryFiles,
  type ValidStory,
  type ValidVersion,
} from './story.ts'

/** A slug is part of every URL of the story: lowercase words joined by hyphens, nothing to encode. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const FIELDS = new Set(['headline', 'summary', 'published', 'updated', 'dateline', 'image'])
const IMAGE_FIELDS = new Set(['file', 'alt', 'caption', 'illustration'])
/** What sharp reads and the page can show as a photo. */
const IMAGE_FILE = /^[\w.-]+\.(jpe?g|png|webp)$/i

/** ISO 8601 date-time with a time zone: `2022-03-14T09:30:00+06:00`, `2022-03-14T03:30Z`. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|([+-])(\d{2}):(\d{2}))$/

/** The offsets clocks use: from Baker Island's -12:00 to Kiribati's +14:00. */
const MIN_OFFSET_MINUTES = -12 * 60
const MAX_OFFSET_MINUTES = 14 * 60

/**
 * The years a story's dates may fall in: Radio Liberty first broadcast in 1953, and nothing is published for after
 * 2099. Every stored date is then `YYYY-MM-DDTHH:MM:SSZ` with four digits, which the archive's order and its
 * cursors rely on (a year +10000 was stored as `+010000-…` and broke every page that listed it).
 */
export const FIRST_YEAR = 1953
export const LAST_YEAR = 2099

/**
 * The moment as `YYYY-MM-DDTHH:MM:SSZ`, or undefined if it is not a real date-time (30 February, hour 25, an offset
 * no clock uses) or falls outside FIRST_YEAR–LAST_YEAR.
 */
export const normaliseDateTime = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined
  const match = DATE_TIME.exec(value)
  if (!match) return undefined
  const [year, month, day, hour, minute, second = 0] = match
    .slice(1, 7)
    .map((n) => (n === undefined ? undefined : Number(n)))
  const calendar = new Date(Date.UTC(year!, month! - 1, day!, hour, minute, second))
  const real =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month! - 1 &&
    calendar.getUTCDate() === day &&
    calendar.getUTCHours() === hour &&
    calendar.getUTCMinutes() === minute &&
    second < 60
  if (!real) return undefined
  const [, , , , , , , sign, offsetHours, offsetMinutes] = match
  if (sign !== undefined) {
    const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes))
    if (Number(offsetMinutes) > 59 || offset < MIN_OFFSET_MINUTES || offset > MAX_OFFSET_MINUTES)
      return undefined
  }
  const moment = new Date(Date.parse(value))
  const utcYear = moment.getUTCFullYear()
  if (utcYear < FIRST_YEAR || utcYear > LAST_YEAR) return undefined
  return moment.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * The longest each text may be, in characters: room for the longest real ones in Kazakh (the wordiest of the three),
 * small enough that no page grows past its weight budget. The body's real bound is D1's (a 100 KB statement, checked
 * when the statements are made); this one says it first.
 */
export const MAX_LENGTHS = {
  headline: 200,
  summary: 500,
  dateline: 60,
  'image.alt': 500,
  'image.caption': 500,
  body: 50_000,
} as const

const length = (text: string) => [...text].length

/** What follows the opening `---`: nothing, or the file asks gray-matter for another parser (`---js` runs code). */
const OPENING = /^---(?<language>[^\r\n]*)/

const refuseLanguage = (name: string) => () => {
  throw new Error(`the front matter may only be YAML, not ${name}`)
}

const DATE_PROBLEM = `is not an ISO 8601 date-time in ${FIRST_YEAR}–${LAST_YEAR} with a time zone from -12:00 to +14:00`

const isFilled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/**
 * YAML 1.2 core schema: `2022-03-14T…` stays the string the editor wrote, never a Date in some time zone. gray-matter
 * merges its own engines into the ones given, and its `javascript` engine calls `eval`: each is replaced by one that
 * refuses, behind the check of the opening line in validateVersion.
 */
export const parseFrontMatter = (source: string) =>
  matter(source, {
    language: 'yaml',
    engines: {
      yaml: (text: string) => YAML.parse(text) as object,
      json: refuseLanguage('JSON'),
      javascript: refuseLanguage('JavaScript'),
      coffee: refuseLanguage('CoffeeScript'),
    },
  })

/** Checks one language file on its own: its front matter and its Markdown. */
const validateVersion = (
  lang: Language,
  file: string,
  source: string,
  refuse: (problem: string) => void,
): ValidVersion | undefined => {
  const written = problemsWithCharacters(source)
  for (const text of written) refuse(text)
  const language = OPENING.exec(source)?.groups?.language
  if (language !== undefined && language.trim() !== '') {
    refuse(`the front matter must be YAML: its first line must be --- alone, not "---${language.trim()}"`)
    return undefined
  }
  let parsed: ReturnType<typeof parseFrontMatter>
  try {
    parsed = parseFrontMatter(source)
  } catch (error) {
    refuse(`the front matter is not valid YAML (${String((error as Error).message).split('\n')[0]})`)
    return undefined
  }
  const data = (parsed.data ?? {}) as Record<string, unknown>
  const before = { count: 0 }
  const problem = (text: string) => {
    before.count++
    refuse(text)
  }
  if (!parsed.matter.trim())
    problem('no front matter (a `---` block with headline, summary, published, image)')
  for (const key of Object.keys(data)) if (!FIELDS.has(key)) problem(`unknown field "${key}"`)
  const image = data.image as Record<string, unknown> | undefined
  for (const key of ['headline', 'summary'] as const)
    if (!isFilled(data[key])) problem(`${key} is missing or empty`)
  if (data.dateline !== undefined && !isFilled(data.dateline)) problem('dateline is empty')
  const published = normaliseDateTime(data.published)
  if (data.published === undefined) problem('published is missing')
  else if (!published) problem(`published ${DATE_PROBLEM}, e.g. 2022-03-14T09:30:00+06:00`)
  const updated = data.updated === undefined ? undefined : normaliseDateTime(data.updated)
  if (data.updated !== undefined && !updated) problem(`updated ${DATE_PROBLEM}, e.g. 2022-03-15T12:00:00Z`)
  if (published && updated && updated < published) problem('updated is before published')
  if (typeof image !== 'object' || image === null) problem('image is missing (file, alt, caption)')
  else {
    for (const key of Object.keys(image)) if (!IMAGE_FIELDS.has(key)) problem(`unknown field "image.${key}"`)
    if (!isFilled(image.file)) problem('image.file is missing')
    else if (!IMAGE_FILE.test(image.file))
      problem('image.file must be a .jpg, .png or .webp file beside the text, named without a folder')
    if (!isFilled(image.alt))
      problem('image.alt is missing or empty: describe the picture for readers who cannot see it')
    if (!isFilled(image.caption)) problem('image.caption is missing or empty')
    if (image.illustration !== undefined && typeof image.illustration !== 'boolean')
      problem('image.illustration must be true or false')
  }
  if (!parsed.content.trim()) problem('the body is empty')
  const tokens = markdown.parse(parsed.content, {})
  const texts = {
    headline: data.headline,
    summary: data.summary,
    dateline: data.dateline,
    'image.alt': image?.alt,
    'image.caption': image?.caption,
    body: parsed.content,
  }
  // Checked as read only when the file as written is clean, so no character is reported twice.
  if (written.length === 0) {
    for (const [field, text] of Object.entries(texts))
      if (field !== 'body' && typeof text === 'string')
        for (const p of problemsWithDecodedText(field, text)) problem(p)
    blockTexts(tokens).forEach((text, i) => {
      for (const p of problemsWithDecodedText(`paragraph ${i + 1} of the body`, text)) problem(p)
    })
  }
  for (const [field, limit] of Object.entries(MAX_LENGTHS)) {
    const text = texts[field as keyof typeof texts]
    if (typeof text !== 'string') continue
    const count = length(text.trim())
    if (count > limit) problem(`${field} is ${count} characters, over the limit of ${limit}: shorten it`)
  }
  for (const text of problemsWithMarkdown(tokens)) problem(`in the body, ${text}`)
  if (before.count > 0) return undefined
  // Break hints go here, written or escaped; the body's entities (`&shy;`) are decoded and cleaned when rendered.
  const clean = (text: unknown) => withoutBreakHints((text as string).trim())
  return {
    lang,
    file,
    headline: clean(data.headline),
    summary: clean(data.summary),
    ...(isFilled(data.dateline) ? { dateline: clean(data.dateline) } : {}),
    published: published!,
    ...(updated ? { updated } : {}),
    image: {
      file: (image!.file as string).trim(),
      alt: clean(image!.alt),
      caption: clean(image!.caption),
      illustration: image!.illustration === true,
    },
    markdown: withoutBreakHints(parsed.content),
    // The same text with or without Word's hints is the same story: removing them is not a correction.
    source: withoutBreakHints(source),
  }
}

/** Holds each translation to its source's figures: the summary, the caption and each block, in order. */
const compareFigures = (source: ValidVersion, other: ValidVersion, refuse: (problem: string) => void) => {
  const name = `${source.lang}.md`
  const list = (text: string) => figures(text).join(', ') || 'none'
  if (!sameFigures(other.summary, source.summary))
    refuse(`the summary's figures (${list(other.summary)}) differ from ${name}'s (${list(source.summary)})`)
  if (!sameFigures(other.image.caption, source.image.caption))
    refuse(
      `the caption's figures (${list(other.image.caption)}) differ from ${name}'s (${list(source.image.caption)})`,
    )
  const ours = blockTexts(markdown.parse(other.markdown, {}))
  const theirs = blockTexts(markdown.parse(source.markdown, {}))
  if (ours.length !== theirs.length) {
    refuse(`the body has ${ours.length} paragraphs and subheadings, ${name} has ${theirs.length}`)
    return
  }
  ours.forEach((text, i) => {
    const original = theirs[i]!
    if (!sameFigures(text, original))
      refuse(`paragraph ${i + 1}'s figures (${list(text)}) differ from ${name}'s (${list(original)})`)
  })
}

/** Checks a story folder; throws PublishRefused listing every problem in every file, or returns the story. */
export const validateStory = (story: StoryFiles): ValidStory => {
  const refusals: Refusal[] = [...(story.refusals ?? [])]
  const refuseFor = (file: string) => (problem: string) => refusals.push({ file, problem })
  if (!SLUG.test(story.slug))
    refuseFor(story.dir)('the folder name is the slug: lowercase letters, digits and single hyphens only')
  for (const name of story.others.keys())
    if (name.endsWith('.md'))
      refuseFor(join(story.dir, name))(
        `not a language of the site (${LANGUAGES.map((l) => `${l}.md`).join(', ')})`,
      )
  const versions = LANGUAGES.flatMap((lang) => {
    const text = story.texts[lang]
    if (!text) return []
    const version = validateVersion(lang, text.file, text.source, refuseFor(text.file))
    return version ? [version] : []
  })
  if (Object.keys(story.texts).length === 0 && refusals.length === 0)
    refuseFor(story.dir)(`no language file (${LANGUAGES.map((l) => `${l}.md`).join(', ')})`)
  // English is the source text when there is one; a desk's own story is held to its first language.
  const source = versions.find((v) => v.lang === 'en') ?? versions[0]
  for (const version of versions) {
    const refuse = refuseFor(version.file)
    if (!story.others.has(version.image.file))
      refuse(`image.file "${version.image.file}" is not in ${story.dir}`)
    if (source && version !== source) {
      if (version.image.file !== source.image.file)
        refuse(`image.file "${version.image.file}" differs from ${source.lang}.md's "${source.image.file}"`)
      if (version.image.illustration !== source.image.illustration)
        refuse(
          `image.illustration differs from ${source.lang}.md's: it is the same picture in every language`,
        )
      compareFigures(source, version, refuse)
    }
  }
  const photo = source && refusals.length === 0 ? readPhoto(story, source.image.file, refusals) : undefined
  if (refusals.length > 0 || !photo) throw new PublishRefused(refusals)
  const { file, illustration } = source!.image
  return { slug: story.slug, dir: story.dir, versions, image: { file, bytes: photo, illustration } }
}

/** The photo's bytes, read only now that every text naming it has passed; a refusal if it cannot be read. */
const readPhoto = (story: StoryFiles, file: string, refusals: Refusal[]): Buffer | undefined => {
  try {
    return story.others.get(file)!()
  } catch (error) {
    if (!(error instanceof PublishRefused)) throw error
    refusals.push(...error.refusals)
    return undefined
  }
}

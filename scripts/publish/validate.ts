/** Stage 2 of publishing: check everything an editor wrote, and say what is wrong with which file. */
import matter from 'gray-matter'
import { join } from 'node:path'
import YAML from 'yaml'
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
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** The moment as `YYYY-MM-DDTHH:MM:SSZ`, or undefined if it is not a real date-time (30 February, hour 25…). */
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
  return new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const isFilled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** YAML 1.2 core schema: `2022-03-14T…` stays the string the editor wrote, never a Date in some time zone. */
const parseFile = (source: string) =>
  matter(source, { engines: { yaml: (text: string) => YAML.parse(text) as object } })

/** Checks one language file on its own: its front matter and its Markdown. */
const validateVersion = (
  lang: Language,
  file: string,
  source: string,
  refuse: (problem: string) => void,
): ValidVersion | undefined => {
  let parsed: ReturnType<typeof parseFile>
  try {
    parsed = parseFile(source)
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
  for (const key of ['headline', 'summary'] as const)
    if (!isFilled(data[key])) problem(`${key} is missing or empty`)
  if (data.dateline !== undefined && !isFilled(data.dateline)) problem('dateline is empty')
  const published = normaliseDateTime(data.published)
  if (data.published === undefined) problem('published is missing')
  else if (!published)
    problem('published is not an ISO 8601 date-time with a time zone, e.g. 2022-03-14T09:30:00+06:00')
  const updated = data.updated === undefined ? undefined : normaliseDateTime(data.updated)
  if (data.updated !== undefined && !updated)
    problem('updated is not an ISO 8601 date-time with a time zone, e.g. 2022-03-15T12:00:00Z')
  if (published && updated && updated < published) problem('updated is before published')
  const image = data.image as Record<string, unknown> | undefined
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
  for (const text of problemsWithMarkdown(markdown.parse(parsed.content, {}))) problem(`in the body, ${text}`)
  if (before.count > 0) return undefined
  return {
    lang,
    file,
    headline: (data.headline as string).trim(),
    summary: (data.summary as string).trim(),
    ...(isFilled(data.dateline) ? { dateline: data.dateline.trim() } : {}),
    published: published!,
    ...(updated ? { updated } : {}),
    image: {
      file: (image!.file as string).trim(),
      alt: (image!.alt as string).trim(),
      caption: (image!.caption as string).trim(),
      illustration: image!.illustration === true,
    },
    markdown: parsed.content,
    source,
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
  const refusals: Refusal[] = []
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
  if (Object.keys(story.texts).length === 0)
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
  if (refusals.length > 0) throw new PublishRefused(refusals)
  const { file, illustration } = source!.image
  return {
    slug: story.slug,
    dir: story.dir,
    versions,
    image: { file, bytes: story.others.get(file)!, illustration },
  }
}

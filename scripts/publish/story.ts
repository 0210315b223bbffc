/** What the publish pipeline passes from stage to stage: files read, a story validated, a story rendered. */

/** The languages a story may exist in: the app's one list (src/languages.ts), read by Node as it is. */
export { LANGUAGES, isLanguage, type Language } from '../../src/languages.ts'
import type { Language } from '../../src/languages.ts'

/** A refusal names the file and the problem, so an editor can fix it without reading code. */
export type Refusal = { file: string; problem: string }

/** Thrown by a stage when a story cannot be published; nothing has been written when it is. */
export class PublishRefused extends Error {
  readonly refusals: readonly Refusal[]
  constructor(refusals: readonly Refusal[]) {
    super(refusals.map((r) => `${r.file}: ${r.problem}`).join('\n'))
    this.name = 'PublishRefused'
    this.refusals = refusals
  }
}

/** One story folder as found on disk: its language files and every other file beside them. */
export type StoryFiles = {
  slug: string
  /** The folder, as the editor named it (refusals name files under it). */
  dir: string
  /** `{lang}.md` files, by language. */
  texts: Partial<Record<Language, { file: string; source: string }>>
  /**
   * Every other file in the folder, by name, read only when a story names it (its photo): anything else an editor
   * left there is never opened. Reading throws PublishRefused naming the file (a link, too large, gone).
   */
  others: ReadonlyMap<string, () => Buffer>
  /** What reading the folder already refused: a language file that is a link, too large, or not UTF-8. */
  refusals?: readonly Refusal[]
}

/** One language version, checked: the front matter's fields and the body's Markdown. */
export type ValidVersion = {
  lang: Language
  file: string
  headline: string
  summary: string
  dateline?: string
  /** ISO 8601 UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  published: string
  updated?: string
  /** `illustration`: the picture is a drawing standing in for the news photo, and the page says so. */
  image: { file: string; alt: string; caption: string; illustration: boolean }
  markdown: string
  /** The whole file as written, hashed to tell a correction from a re-publish of the same text. */
  source: string
}

export type ValidStory = {
  slug: string
  dir: string
  versions: ValidVersion[]
  image: { file: string; bytes: Buffer; illustration: boolean }
}

/** An image at one width, ready for R2. */
export type ImageObject = { key: string; bytes: Uint8Array; contentType: string }

export type RenderedVersion = Omit<ValidVersion, 'markdown' | 'image' | 'source' | 'file'> & {
  imageAlt: string
  imageCaption: string
  bodyHtml: string
  /** The body as plain text for the search index: the dateline and each block's words, without markup. */
  searchBody: string
  contentHash: string
}

export type RenderedStory = {
  slug: string
  image: { key: string; width: number; height: number; widths: number[]; illustration: boolean }
  imageObjects: ImageObject[]
  versions: RenderedVersion[]
}

/** Stage 3 of publishing: Markdown to sanitised HTML, and the photo at each width the page's srcset offers. */
import { createHash } from 'node:crypto'
import sanitizeHtml from 'sanitize-html'
import sharp from 'sharp'
import { join } from 'node:path'
import { languageRuns } from '../../src/language-runs.ts'
import { DATELINE_DASH, typeset } from '../../src/typography.ts'
import { withoutBreakHints } from './characters.ts'
import { blockTexts, markdown } from './markdown.ts'
import { imageObjectKey } from './write.ts'
import {
  PublishRefused,
  type ImageObject,
  type Language,
  type RenderedStory,
  type RenderedVersion,
  type ValidStory,
  type ValidVersion,
} from './story.ts'

/** Phones get the narrow copy (a slow network should not pay for pixels it cannot show); the column is 42rem. */
export const IMAGE_WIDTHS = [480, 960] as const

/** What a body may hold once rendered: the same list validate.ts enforces, applied again to the HTML itself. */
const SANITISE: sanitizeHtml.IOptions = {
  // `span lang` only as this step writes it: around words in another language than the story's (see languageMarked).
  allowedTags: ['p', 'h2', 'h3', 'blockquote', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'br', 'span'],
  allowedAttributes: {
    a: ['href'],
    ol: ['start'],
    span: [{ name: 'lang', multiple: false, values: ['kk', 'ru', 'en'] }],
  },
  allowedSchemes: ['https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/**
 * A text as HTML, each run of words in another language than the story's inside `<span lang>`, so a screen reader
 * reads `Human Rights Watch` in a Russian story with an English voice (src/language-runs.ts).
 */
const languageMarked = (lang: Language, text: string): string =>
  languageRuns(lang, text)
    .map((run) =>
      run.lang ? `<span lang="${run.lang}">${escapeHtml(run.text)}</span>` : escapeHtml(run.text),
    )
    .join('')

/**
 * The body as the page shows it: semantic HTML in the language's typography (the app's one typographic pass, on the
 * text only, never on markup), sanitised, the dateline opening its first paragraph. No break hint survives, even one
 * written as an entity (`&shy;`, decoded by now): the browser breaks lines (see characters.ts).
 */
export const renderBody = (lang: Language, body: string, dateline?: string): string => {
  const tokens = markdown.parse(body, {})
  for (const block of tokens)
    for (const child of block.children ?? [])
      if (child.type === 'text') {
        // Escaped here, as the renderer would have, and then marked: the sanitiser below checks the result.
        child.type = 'html_inline'
        child.content = languageMarked(lang, typeset(lang, withoutBreakHints(child.content)))
      }
  const html = sanitizeHtml(markdown.renderer.render(tokens, markdown.options, {}), SANITISE).trim()
  if (!dateline) return html
  const opening = `<span class="dateline">${languageMarked(lang, typeset(lang, dateline))}</span>${DATELINE_DASH}`
  return html.startsWith('<p>') ? `<p>${opening}${html.slice(3)}` : `<p>${opening}</p>${html}`
}

/**
 * The body's words as search indexes them: the dateline and each block's text, typeset as the page prints them (so
 * an excerpt reads as the story does) but without markup or break hints, which would split a word in two.
 */
export const searchBody = (lang: Language, body: string, dateline?: string): string =>
  [...(dateline ? [dateline] : []), ...blockTexts(markdown.parse(body, {}))]
    .map((text) => typeset(lang, withoutBreakHints(text)))
    .join('\n')

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')

const renderVersion = (version: ValidVersion, imageHash: string): RenderedVersion => {
  const set = (text: string) => typeset(version.lang, text)
  return {
    lang: version.lang,
    headline: set(version.headline),
    summary: set(version.summary),
    ...(version.dateline ? { dateline: set(version.dateline) } : {}),
    published: version.published,
    ...(version.updated ? { updated: version.updated } : {}),
    imageAlt: set(version.image.alt),
    imageCaption: set(version.image.caption),
    bodyHtml: renderBody(version.lang, version.markdown, version.dateline),
    searchBody: searchBody(version.lang, version.markdown, version.dateline),
    contentHash: sha256(`${version.source}\n${imageHash}`).slice(0, 32),
  }
}

/**
 * What a photo may be: sharp is allowed to decode JPEG, PNG and WebP and nothing else. Left to itself it reads SVG
 * (through librsvg, a whole XML renderer), GIF, TIFF, HEIF and more, whatever the file is named; the name only said
 * `.jpg`. This process publishes and nothing else, so the limit is set for all of it, once.
 */
sharp.block({ operation: ['VipsForeignLoad'] })
sharp.unblock({
  operation: ['VipsForeignLoadJpegBuffer', 'VipsForeignLoadPngBuffer', 'VipsForeignLoadWebpBuffer'],
})
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp'])

/** The same picture in one run (a folder of stories sharing a photo) is resized once. */
const resized = new Map<string, Promise<{ width: number; height: number; copies: [number, Buffer][] }>>()

/**
 * Each width up to the photo's own, never enlarged. Sizes are the photo's as shown, after its EXIF orientation: a
 * portrait phone photo is stored on its side with "turn me" in its EXIF, and was declared and resized as landscape.
 */
const resize = async (bytes: Buffer) => {
  const { format, autoOrient } = await sharp(bytes).metadata()
  if (!PHOTO_FORMATS.has(format))
    throw new Error(`a ${format.toUpperCase()} file, not a JPEG, PNG or WebP photo`)
  const { width: ownWidth, height: ownHeight } = autoOrient
  const widths = [
    ...IMAGE_WIDTHS.filter((w) => w < ownWidth),
    Math.min(ownWidth, IMAGE_WIDTHS.at(-1)!),
  ].filter((w, i, all) => all.indexOf(w) === i)
  const copies = await Promise.all(
    widths.map(async (width): Promise<[number, Buffer]> => [
      width,
      await sharp(bytes)
        .autoOrient()
        .resize({ width, withoutEnlargement: true })
        .jpeg({ quality: 78, mozjpeg: true })
        .toBuffer(),
    ]),
  )
  const width = widths.at(-1)!
  return { width, height: Math.round((ownHeight * width) / ownWidth), copies }
}

/** The photo as JPEG at each width up to its own; the widest is what the page declares as its size. */
const renderImage = async (slug: string, bytes: Buffer) => {
  const hash = sha256(bytes).slice(0, 16)
  if (!resized.has(hash)) resized.set(hash, resize(bytes))
  const { width, height, copies } = await resized.get(hash)!
  const key = `${slug}/${hash}`
  const objects: ImageObject[] = copies.map(([w, copy]) => ({
    key: imageObjectKey(key, w),
    contentType: 'image/jpeg',
    bytes: copy,
  }))
  return { hash, image: { key, width, height, widths: copies.map(([w]) => w) }, objects }
}

export const renderStory = async (story: ValidStory): Promise<RenderedStory> => {
  const rendered = await renderImage(story.slug, story.image.bytes).catch((error: unknown) => {
    throw new PublishRefused([
      {
        file: join(story.dir, story.image.file),
        problem: `not a JPEG, PNG or WebP photo that can be read (${(error as Error).message ?? String(error)})`,
      },
    ])
  })
  const { hash, image, objects } = rendered
  return {
    slug: story.slug,
    image: { ...image, illustration: story.image.illustration },
    imageObjects: objects,
    versions: story.versions.map((version) => renderVersion(version, hash)),
  }
}

/**
 * Stage 1 of publishing: find the story folders a path names and read their files. Nothing is followed and nothing
 * is read that a story does not name: a symbolic link is refused (a link could publish a file from anywhere on the
 * editor's machine), a stray file is never opened, and each file a story names is size-checked before it is read.
 */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  type Dirent,
} from 'node:fs'
import { basename, join } from 'node:path'
import { isLanguage, PublishRefused, type Language, type Refusal, type StoryFiles } from './story.ts'

/** A language file is text an editor wrote: far below this even for a long read (the body is capped lower). */
export const MAX_TEXT_BYTES = 1024 * 1024
/** A photo as a phone or a camera saves it; sharp bounds the pixels again when it decodes. */
export const MAX_PHOTO_BYTES = 40 * 1024 * 1024

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const entries = (dir: string): Dirent[] => readdirSync(dir, { withFileTypes: true })

const isStoryFolder = (dir: string): boolean =>
  entries(dir).some((entry) => entry.name.endsWith('.md') && !entry.isDirectory())

/** A story folder is one holding `.md` files; any other folder is a folder of story folders. */
export const findStoryFolders = (paths: readonly string[]): string[] =>
  paths.flatMap((path) => {
    // The paths the editor typed may be links; nothing inside them is followed.
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw new PublishRefused([{ file: path, problem: 'not a folder' }])
    if (isStoryFolder(path)) return [path]
    const found: string[] = []
    const refusals: Refusal[] = []
    for (const entry of entries(path).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const dir = join(path, entry.name)
      if (entry.isSymbolicLink())
        refusals.push({ file: dir, problem: 'is a symbolic link: put the story folder itself here' })
      else if (entry.isDirectory() && isStoryFolder(dir)) found.push(dir)
    }
    if (refusals.length > 0) throw new PublishRefused(refusals)
    return found
  })

/**
 * A file of a story folder, read whole if it is a plain file of at most `limit` bytes, or why not. It is opened
 * without following a link and checked through the open descriptor, so it cannot be swapped between check and read.
 */
const readCapped = (file: string, limit: number): Buffer | string => {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return 'is a symbolic link: put the file itself in the folder'
    if (code === 'ENOENT') return 'has gone from the folder'
    return `cannot be read (${code ?? String(error)})`
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return 'is not a file'
    if (stat.size > limit) return `is ${megabytes(stat.size)}, over the limit of ${megabytes(limit)}`
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** UTF-8 as written, or a refusal: a file in another encoding would publish as U+FFFD where its letters were. */
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads one story folder; the folder's name is the story's slug. Its `{lang}.md` files are read now; any other
 * file only if a story names it as its photo (`others`), and a file that cannot be read is a refusal, not a crash.
 */
export const readStoryFolder = (dir: string): StoryFiles => {
  const texts: Partial<Record<Language, { file: string; source: string }>> = {}
  const others = new Map<string, () => Buffer>()
  const refusals: Refusal[] = []
  for (const entry of entries(dir).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = join(dir, entry.name)
    const lang = entry.name.endsWith('.md') ? entry.name.slice(0, -3) : undefined
    if (lang !== undefined && isLanguage(lang)) {
      const bytes = readCapped(file, MAX_TEXT_BYTES)
      if (typeof bytes === 'string') refusals.push({ file, problem: bytes })
      else
        try {
          texts[lang] = { file, source: utf8.decode(bytes) }
        } catch {
          refusals.push({ file, problem: 'is not UTF-8 text: save it as UTF-8' })
        }
    } else if (!entry.isDirectory())
      others.set(entry.name, () => {
        const bytes = readCapped(file, MAX_PHOTO_BYTES)
        if (typeof bytes === 'string') throw new PublishRefused([{ file, problem: bytes }])
        return bytes
      })
  }
  return { slug: basename(dir), dir, texts, others, refusals }
}

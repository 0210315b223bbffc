/** Stage 1 of publishing: find the story folders a path names and read their files. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { isLanguage, PublishRefused, type Language, type StoryFiles } from './story.ts'

const isStoryFolder = (dir: string): boolean => readdirSync(dir).some((name) => name.endsWith('.md'))

/** A story folder is one holding `.md` files; any other folder is a folder of story folders. */
export const findStoryFolders = (paths: readonly string[]): string[] =>
  paths.flatMap((path) => {
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw new PublishRefused([{ file: path, problem: 'not a folder' }])
    if (isStoryFolder(path)) return [path]
    return readdirSync(path)
      .sort()
      .map((name) => join(path, name))
      .filter((dir) => statSync(dir).isDirectory() && isStoryFolder(dir))
  })

/** Reads one story folder; the folder's name is the story's slug. */
export const readStoryFolder = (dir: string): StoryFiles => {
  const texts: Partial<Record<Language, { file: string; source: string }>> = {}
  const others = new Map<string, Buffer>()
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name)
    if (!statSync(file).isFile()) continue
    const lang = name.endsWith('.md') ? name.slice(0, -3) : undefined
    if (lang !== undefined && isLanguage(lang)) texts[lang] = { file, source: readFileSync(file, 'utf8') }
    else others.set(name, readFileSync(file))
  }
  return { slug: basename(dir), dir, texts, others }
}

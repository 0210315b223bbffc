/** Story folders for the pipeline's tests: the real article, copied to a temporary folder and changed there. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readStoryFolder } from '../../scripts/publish/read.ts'
import { PublishRefused, type Refusal } from '../../scripts/publish/story.ts'
import { validateStory } from '../../scripts/publish/validate.ts'

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..')
export const ARTICLE_SLUG = 'kazakhstan-contradictory-death-tolls-unrest'
export const ARTICLE_DIR = join(ROOT, 'content/articles', ARTICLE_SLUG)

/** A copy of the real article under a fresh folder, named `slug`; `edit` changes one of its files' text. */
export const copyOfArticle = (slug = ARTICLE_SLUG) => {
  const parent = mkdtempSync(join(tmpdir(), 'azattyq-story-'))
  const dir = join(parent, slug)
  cpSync(ARTICLE_DIR, dir, { recursive: true })
  return {
    parent,
    dir,
    file: (name: string) => join(dir, name),
    edit: (name: string, change: (text: string) => string) => {
      const path = join(dir, name)
      const before = readFileSync(path, 'utf8')
      const after = change(before)
      if (after === before) throw new Error(`the edit changed nothing in ${name}`)
      writeFileSync(path, after)
    },
    remove: () => rmSync(parent, { recursive: true, force: true }),
  }
}

/** The refusals reading and checking a folder gives, as `file name: problem`; [] if it passes. */
export const refusalsOf = (dir: string): string[] => {
  try {
    validateStory(readStoryFolder(dir))
  } catch (error) {
    if (error instanceof PublishRefused) return namedRefusals(error)
    throw error
  }
  return []
}

/** A refusal's lines as `file name: problem`. */
export const namedRefusals = (error: PublishRefused): string[] =>
  error.refusals.map((r: Refusal) => `${r.file.split('/').at(-1)}: ${r.problem}`)

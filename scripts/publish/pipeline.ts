/** The publish pipeline end to end, short of writing: read, validate, render, and the statements that would write. */
import { findStoryFolders, readStoryFolder } from './read.ts'
import { renderStory } from './render.ts'
import {
  PublishRefused,
  type ImageObject,
  type RenderedStory,
  type Refusal,
  type StoryFiles,
  type ValidStory,
} from './story.ts'
import { validateStory } from './validate.ts'
import { join } from 'node:path'
import { isLanguage } from './story.ts'
import { publishStatements, toSqlFile, type Statement } from './write.ts'

/**
 * D1's limit on one SQL statement, in bytes. A remote publish sends each statement with its values written into it
 * (toSqlFile), so a long body is a long statement: 4 000 words of Russian already make 63 KB.
 */
export const D1_MAX_STATEMENT_BYTES = 100_000

/** Each statement that D1 would refuse, named by the language file whose text made it too long. */
const oversized = (story: ValidStory, statements: readonly Statement[]): Refusal[] =>
  statements.flatMap((statement) => {
    const bytes = Buffer.byteLength(toSqlFile([statement]))
    if (bytes <= D1_MAX_STATEMENT_BYTES) return []
    const lang = statement.params[1]
    const file = typeof lang === 'string' && isLanguage(lang) ? join(story.dir, `${lang}.md`) : story.dir
    const kb = (n: number) => `${Math.ceil(n / 1000)} KB`
    return [
      {
        file,
        problem: `the story makes a database statement of ${kb(bytes)}, over D1's limit of ${kb(D1_MAX_STATEMENT_BYTES)}: shorten the body or split the story`,
      },
    ]
  })

export type Prepared = {
  /** The stories as the editors wrote them, checked. */
  valid: ValidStory[]
  stories: RenderedStory[]
  /** The statements of each story; `npm run publish` writes them all in one batch, so a run is whole or nothing. */
  batches: Statement[][]
  objects: ImageObject[]
}

/** Validates every story, gathering every refusal of every story into one. */
export const validateAll = (stories: readonly StoryFiles[]): ValidStory[] => {
  const refusals: Refusal[] = []
  const valid: ValidStory[] = []
  const seen = new Map<string, string>()
  for (const story of stories) {
    const earlier = seen.get(story.slug)
    if (earlier) refusals.push({ file: story.dir, problem: `the same slug as ${earlier}` })
    seen.set(story.slug, story.dir)
    try {
      valid.push(validateStory(story))
    } catch (error) {
      if (!(error instanceof PublishRefused)) throw error
      refusals.push(...error.refusals)
    }
  }
  if (refusals.length > 0) throw new PublishRefused(refusals)
  return valid
}

/** Reads and checks every story first: one refused story stops them all, before anything is written. */
export const prepare = (paths: readonly string[], now: string): Promise<Prepared> =>
  prepareStories(findStoryFolders(paths).map(readStoryFolder), now)

/** The same, from stories already read (generated ones, for the tests and the benchmark). */
export const prepareStories = async (files: readonly StoryFiles[], now: string): Promise<Prepared> => {
  const valid = validateAll(files)
  const stories: RenderedStory[] = []
  for (const story of valid) stories.push(await renderStory(story))
  const batches = stories.map((story) => publishStatements(story, now))
  const refusals = batches.flatMap((batch, i) => oversized(valid[i]!, batch))
  if (refusals.length > 0) throw new PublishRefused(refusals)
  return { valid, stories, batches, objects: stories.flatMap((story) => story.imageObjects) }
}

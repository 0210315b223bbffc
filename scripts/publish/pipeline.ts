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
import { publishStatements, type Statement } from './write.ts'

export type Prepared = {
  /** The stories as the editors wrote them, checked. */
  valid: ValidStory[]
  stories: RenderedStory[]
  /** One batch per story: a story is written whole or not at all. */
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
  return {
    valid,
    stories,
    batches: stories.map((story) => publishStatements(story, now)),
    objects: stories.flatMap((story) => story.imageObjects),
  }
}

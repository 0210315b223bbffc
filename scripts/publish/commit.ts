/**
 * Stage 5 of publishing (no Node module here: the Workers tier runs it on a test file's own bindings): write what was prepared to a target, whole or not at all, and leave no photo behind that
 * no story shows. A replaced photo (a correction) and an unpublished story's photos are deleted: a photo that
 * identifies someone must not stay online at its old address after an editor took it down.
 */
import type { Target } from './bindings-target.ts'
import type { ImageObject } from './story.ts'
import { imageObjectKey, storyObjectPrefix, unpublishStatements, type Statement } from './write.ts'

/** What a run writes: the pipeline's Prepared, or the same made in Node and handed to a Workers test. */
export type Run = {
  stories: readonly { slug: string }[]
  batches: readonly Statement[][]
  objects: readonly ImageObject[]
}

/** Thrown when the database refused the write; nothing of the run is in it then. */
export class WriteFailed extends Error {
  override name = 'WriteFailed'
}

/** The keys of the photo objects the database names for each of these stories. */
const photosInDatabase = async (target: Target, slugs: readonly string[]): Promise<Map<string, string[]>> => {
  const photos = new Map<string, string[]>()
  // D1 binds at most 100 parameters a statement.
  for (let i = 0; i < slugs.length; i += 90) {
    const chunk = slugs.slice(i, i + 90)
    const rows = await target.all(
      `SELECT slug, image_key, image_widths FROM stories WHERE slug IN (${chunk.map((_, n) => `?${n + 1}`).join(', ')})`,
      chunk,
    )
    for (const row of rows)
      photos.set(
        String(row.slug),
        String(row.image_widths)
          .split(',')
          .map((w) => imageObjectKey(String(row.image_key), Number(w))),
      )
  }
  return photos
}

/** Every object of a story: listed where the target can list (local R2), else the ones the database names. */
const objectsOfStories = async (target: Target, slugs: readonly string[]): Promise<string[]> => {
  const named = await photosInDatabase(target, slugs)
  const keys: string[] = []
  for (const slug of slugs)
    keys.push(...((await target.listObjects(storyObjectPrefix(slug))) ?? named.get(slug) ?? []))
  return [...new Set(keys)]
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0]

/**
 * Uploads the photos, writes every story in one batch, then deletes the photos no story shows any more. If the
 * write fails, the photos this run uploaded are deleted again (not those the live stories still show) and
 * WriteFailed says why. Returns the keys of the old photos deleted.
 */
export const commit = async (target: Target, prepared: Run): Promise<string[]> => {
  const slugs = prepared.stories.map((story) => story.slug)
  const live = new Set([...(await photosInDatabase(target, slugs)).values()].flat())
  await target.putObjects(prepared.objects)
  try {
    await target.write([prepared.batches.flat()])
  } catch (error) {
    await target.deleteObjects(prepared.objects.map((o) => o.key).filter((key) => !live.has(key)))
    throw new WriteFailed(`the database refused the write, so nothing was written (${firstLine(error)})`)
  }
  // A story published again under a slug that was taken down is back: its pages may be kept again.
  const takenDown = await target.takedowns()
  if (slugs.some((slug) => takenDown.includes(slug)))
    await target.setTakedowns(takenDown.filter((slug) => !slugs.includes(slug)))
  const current = new Set(prepared.objects.map((o) => o.key))
  const stale = (await objectsOfStories(target, slugs)).filter((key) => !current.has(key))
  await target.deleteObjects(stale)
  return stale
}

/**
 * Removes stories: first into the takedown list (KV), so that no copy the Worker kept of a page showing them is
 * served while D1 fails (src/takedowns.ts); then from the database; then every object of theirs. Returns the slugs
 * that were not there: those are left alone, the others are removed.
 */
export const unpublish = async (target: Target, slugs: readonly string[]): Promise<string[]> => {
  const present = await photosInDatabase(target, slugs)
  const found = slugs.filter((slug) => present.has(slug))
  const objects = await objectsOfStories(target, found)
  if (found.length > 0) {
    const takenDown = await target.takedowns()
    await target.setTakedowns([...new Set([...takenDown, ...found])])
    await target.write([found.flatMap(unpublishStatements)])
  }
  await target.deleteObjects(objects)
  return slugs.filter((slug) => !present.has(slug))
}

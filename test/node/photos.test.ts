// A photo that identifies someone must leave the site when an editor replaces it or takes the story down: through
// `npm run publish` and `npm run unpublish` themselves, on a local D1 and R2 of their own.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { commit, unpublish, WriteFailed } from '../../scripts/publish/commit.ts'
import { prepare } from '../../scripts/publish/pipeline.ts'
import type { ImageObject } from '../../scripts/publish/story.ts'
import { localTarget, type Target } from '../../scripts/publish/targets.ts'
import { storyObjectPrefix, type Statement } from '../../scripts/publish/write.ts'
import { copyOfArticle, ROOT } from './story-folder.ts'

const SLUG = 'a-story-with-a-photo'
const PHOTO = 'unrest-illustration.jpg'
const copy = copyOfArticle(SLUG)
const other = copyOfArticle('a-story-with-a-photo-too')
const state = mkdtempSync(join(tmpdir(), 'azattyq-photos-'))
afterAll(() => {
  copy.remove()
  other.remove()
  rmSync(state, { recursive: true, force: true })
})

const run = (script: string, args: string[]) =>
  promisify(execFile)(process.execPath, [join(ROOT, script), ...args, '--persist-to', state], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  })

/** What the local R2 holds under a story's prefix, and the stories row, read through the publish step's target. */
const stored = async (slug: string) => {
  const target = await localTarget(state)
  try {
    const objects = (await target.listObjects(storyObjectPrefix(slug)))!.sort()
    const [row] = await target.all('SELECT image_key FROM stories WHERE slug = ?1', [slug])
    return { objects, imageKey: row?.image_key as string | undefined }
  } finally {
    await target.close()
  }
}

const photo = (background: string) =>
  sharp({ create: { width: 1200, height: 675, channels: 3, background } })
    .jpeg()
    .toBuffer()

describe('a story’s photos in R2', () => {
  let first: string[] = []

  it('are the two widths of the photo the story shows once it is published', async () => {
    await run('scripts/publish.ts', [copy.dir])
    const { objects, imageKey } = await stored(SLUG)
    expect(objects).toEqual([`images/${imageKey}-480.jpg`, `images/${imageKey}-960.jpg`])
    first = objects
  })

  it('lose the old photo when a correction replaces it, and keep it when the photo is unchanged', async () => {
    await run('scripts/publish.ts', [copy.dir])
    expect((await stored(SLUG)).objects).toEqual(first)
    writeFileSync(copy.file(PHOTO), await photo('#642'))
    const { stdout } = await run('scripts/publish.ts', [copy.dir])
    expect(stdout).toContain('removed 2 copies of photos no story shows any more')
    const { objects, imageKey } = await stored(SLUG)
    expect(objects).toEqual([`images/${imageKey}-480.jpg`, `images/${imageKey}-960.jpg`])
    expect(objects.filter((key) => first.includes(key))).toEqual([])
  })

  it('are all gone when the story is unpublished, even one an earlier version of the step left behind', async () => {
    await run('scripts/publish.ts', [other.dir])
    const target = await localTarget(state)
    try {
      await target.putObjects([
        {
          key: `${storyObjectPrefix(SLUG)}0123456789abcdef-480.jpg`,
          bytes: await photo('#111'),
          contentType: 'image/jpeg',
        },
      ])
    } finally {
      await target.close()
    }
    const { stdout } = await run('scripts/unpublish.ts', [SLUG])
    expect(stdout).toContain(`unpublished ${SLUG}, with its photos`)
    expect(await stored(SLUG)).toEqual({ objects: [], imageKey: undefined })
    // The other story, whose slug begins with this one's, keeps its photo.
    expect((await stored('a-story-with-a-photo-too')).objects).toHaveLength(2)
  })
})

/** A target that keeps objects in memory, answers the photo query from `live`, and can fail its write. */
const fakeTarget = (
  live: Record<string, { image_key: string; image_widths: string }>,
  failWrite: boolean,
) => {
  const objects = new Set<string>()
  const writes: Statement[][][] = []
  const takenDown: string[] = []
  const target: Target = {
    write: async (batches) => {
      writes.push(batches.map((b) => [...b]))
      if (failWrite) throw new Error('D1_ERROR: string or blob too big: SQLITE_TOOBIG\n    at a stack trace')
    },
    putObjects: async (put: readonly ImageObject[]) => put.forEach((o) => objects.add(o.key)),
    deleteObjects: async (keys) => keys.forEach((key) => objects.delete(key)),
    all: async (_sql, params) =>
      params.flatMap((slug) => (live[String(slug)] ? [{ slug, ...live[String(slug)] }] : [])),
    listObjects: async (prefix) => [...objects].filter((key) => key.startsWith(prefix)),
    takedowns: async () => [...takenDown],
    setTakedowns: async (slugs) => {
      takenDown.splice(0, takenDown.length, ...slugs)
    },
    close: async () => {},
  }
  return { target, objects, writes, takenDown }
}

describe('one publish run', () => {
  it('writes every story in one batch', async () => {
    const prepared = await prepare([copy.dir, other.dir], '2026-12-01T00:00:00Z')
    const { target, writes } = fakeTarget({}, false)
    await commit(target, prepared)
    expect(writes).toHaveLength(1)
    expect(writes[0]).toHaveLength(1)
    expect(writes[0]![0]).toEqual(prepared.batches.flat())
    const slugs = writes[0]![0]!.flatMap((s) => (s.params.length > 0 ? [s.params[0]] : []))
    expect(new Set(slugs)).toEqual(new Set([SLUG, 'a-story-with-a-photo-too']))
  })

  it('that the database refuses says so plainly, and takes back the photos it uploaded but no live story shows', async () => {
    const prepared = await prepare([copy.dir, other.dir], '2026-12-01T00:00:00Z')
    const [mine, theirs] = prepared.stories
    // The other story is live with this very photo already: its objects must stay.
    const live = {
      [theirs!.slug]: { image_key: theirs!.image.key, image_widths: theirs!.image.widths.join(',') },
    }
    const { target, objects } = fakeTarget(live, true)
    const failure = await commit(target, prepared).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(WriteFailed)
    expect((failure as Error).message).toBe(
      'the database refused the write, so nothing was written (D1_ERROR: string or blob too big: SQLITE_TOOBIG)',
    )
    expect([...objects].sort()).toEqual(theirs!.imageObjects.map((o) => o.key).sort())
    expect([...objects].some((key) => key.startsWith(storyObjectPrefix(mine!.slug)))).toBe(false)
  })

  it('that unpublishes puts the story in the takedown list before the database forgets it, and a publish takes it out', async () => {
    const { target, writes, takenDown } = fakeTarget(
      { [SLUG]: { image_key: `${SLUG}/0123456789abcdef`, image_widths: '480,960' } },
      false,
    )
    const order: string[] = []
    const write = target.write
    target.write = async (batches) => {
      order.push(`write with takedowns ${JSON.stringify(takenDown)}`)
      return write(batches)
    }
    expect(await unpublish(target, [SLUG])).toEqual([])
    expect(order).toEqual([`write with takedowns ["${SLUG}"]`])
    expect(writes).toHaveLength(1)
    const prepared = await prepare([copy.dir], '2026-12-01T00:00:00Z')
    await commit(target, prepared)
    expect(takenDown).toEqual([])
  })

  it('that unpublishes a missing story removes nothing and says which', async () => {
    const { target, writes } = fakeTarget({}, false)
    expect(await unpublish(target, ['no-such-story'])).toEqual(['no-such-story'])
    expect(writes).toEqual([])
  })
})

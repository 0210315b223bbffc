// A photo that identifies someone must leave the site when an editor replaces it or takes the story down: what a
// reader gets at the old photo's address after the publish step's own commit and unpublish ran on this file's
// D1 and R2 (scripts/publish/commit.ts; test/node/photos.test.ts runs the same through the commands).
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { bindingsTarget, type D1, type KV, type R2 } from '../scripts/publish/bindings-target.ts'
import { commit, unpublish } from '../scripts/publish/commit.ts'
import { forgetEdition } from '../src/edition'
import { LANGUAGES } from '../src/languages'
import { imageObjects } from './archive'
import { ARTICLE_SLUG, fetchPage, request } from './helpers'

// The publish step names only the parts of the bindings it uses, which the full Workers types do not narrow to.
const target = bindingsTarget(
  env.DB as unknown as D1,
  env.MEDIA as unknown as R2,
  env.TAKEDOWNS as unknown as KV,
)

/** Every photo address the article's pages offer, in every language. */
const photoAddresses = async (): Promise<string[]> => {
  const addresses = new Set<string>()
  for (const lang of LANGUAGES) {
    const { document } = await fetchPage(`/${lang}/articles/${ARTICLE_SLUG}`)
    for (const candidate of document.querySelector('article figure img')!.getAttribute('srcset')!.split(','))
      addresses.add(candidate.trim().split(/\s+/)[0]!)
  }
  return [...addresses].sort()
}

const statuses = async (addresses: readonly string[]) =>
  Promise.all(addresses.map(async (address) => (await request(address)).status))

describe('a story’s photo, once an editor has replaced it or taken the story down', () => {
  let original: string[] = []
  let replacement: string[] = []

  it('answers 404 at its old addresses after a correction replaced it, and the new photo 200', async () => {
    original = await photoAddresses()
    expect(original).toHaveLength(2)
    expect(await statuses(original)).toEqual([200, 200])
    const change = env.TEST_ARCHIVE.changes.rephotographed
    const removed = await commit(target, {
      stories: [{ slug: ARTICLE_SLUG }],
      batches: change.batches,
      objects: imageObjects(change.objects),
    })
    forgetEdition()
    expect(removed.map((key) => `/media/${key}`).sort()).toEqual(original)
    replacement = await photoAddresses()
    expect(replacement.filter((address) => original.includes(address))).toEqual([])
    expect(await statuses(replacement)).toEqual([200, 200])
    expect(await statuses(original)).toEqual([404, 404])
  })

  it('answers 404 at every address it had after the story was unpublished', async () => {
    expect(await unpublish(target, [ARTICLE_SLUG])).toEqual([])
    forgetEdition()
    expect((await request(`/en/articles/${ARTICLE_SLUG}`)).status).toBe(404)
    expect(await statuses([...original, ...replacement])).toEqual([404, 404, 404, 404])
    expect((await env.MEDIA.list({ prefix: `images/${ARTICLE_SLUG}/` })).objects).toEqual([])
  })
})

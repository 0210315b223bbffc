/** The archive in a test file's D1 and R2: migrated, and holding what the publish pipeline made in Node. */
import { applyD1Migrations, env, type D1Migration } from 'cloudflare:test'
import type { Statement } from '../scripts/publish/write.ts'
import type { ValidVersion } from '../scripts/publish/story.ts'
import { forgetEdition } from '../src/edition'
import type { Language } from '../src/languages'

/** A language version as its editor wrote it: front matter, and the body's paragraphs as plain text. */
export type VersionSource = Omit<ValidVersion, 'markdown' | 'file' | 'source'> & { paragraphs: string[] }
export type StorySource = { slug: string; text: Partial<Record<Language, VersionSource>> }

/** What vitest.config.ts hands each test file: the pipeline's batches and R2 objects for content/articles. */
type Published = { batches: Statement[][]; objects: { key: string; contentType: string; base64: string }[] }

export type TestArchive = Published & {
  sources: StorySource[]
  /** Publishes a test makes on top of content/articles (see vitest.config.ts). */
  changes: {
    /** The real article with one English sentence corrected, published at `at`. */
    corrected: Published & { at: string }
    /** The real article with another photo in place of its own. */
    rephotographed: Published
    /** Generated stories 9001 (Kazakh only) and 9002 (Kazakh and Russian), newer than the real article. */
    partial: Published
    /** 45 generated stories in English only, an hour apart, older than the real article. */
    generated: Published
    /**
     * A generated story for search, in kk, ru and en (see vitest.config.ts), published 2021-06-01, after the
     * generated stories; its correction drops the ru version and moves its date to 2019-06-01, before them.
     */
    searchable: Published
    searchableCorrected: Published
  }
}

/** Publishes one of the prepared changes into this test file's D1 and R2. */
export const publish = async (change: Published): Promise<void> => {
  await putObjects(change.objects)
  await writeBatches(change.batches)
}

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[]
      TEST_ARCHIVE: TestArchive
    }
  }
}

/** Runs publish batches as `npm run publish` does locally: each batch whole or not at all. */
export const writeBatches = async (batches: readonly Statement[][]): Promise<void> => {
  for (const batch of batches) await env.DB.batch(batch.map((s) => env.DB.prepare(s.sql).bind(...s.params)))
  // This isolate would otherwise reuse the edition it read for a few seconds.
  forgetEdition()
}

/** The R2 objects of a prepared change, as the publish step has them. */
export const imageObjects = (objects: Published['objects']) =>
  objects.map((o) => ({
    key: o.key,
    contentType: o.contentType,
    bytes: Uint8Array.from(atob(o.base64), (ch) => ch.charCodeAt(0)),
  }))

export const putObjects = async (objects: Published['objects']): Promise<void> => {
  for (const o of imageObjects(objects))
    await env.MEDIA.put(o.key, o.bytes, { httpMetadata: { contentType: o.contentType } })
}

/** Migrates and seeds, once per test file (storage is kept between the tests of a file). */
export const setUpArchive = async (): Promise<void> => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
  const seeded = await env.DB.prepare('SELECT count(*) AS n FROM stories').first<{ n: number }>()
  if (seeded?.n) return
  await putObjects(env.TEST_ARCHIVE.objects)
  await writeBatches(env.TEST_ARCHIVE.batches)
}

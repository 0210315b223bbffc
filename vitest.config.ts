// Workers-runtime tests: every *.test.ts(x) under test/ runs inside workerd, with the bindings from wrangler.toml.
// Each test file's D1 and R2 start migrated and holding the real stories of content/articles, published through
// the same pipeline as `npm run publish` (rendered here, in Node; written by test/setup-archive.ts in workerd).
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { blockTexts, markdown } from './scripts/publish/markdown.ts'
import { readFileSync } from 'node:fs'
import { generatedStory } from './scripts/publish/generate.ts'
import { prepare, prepareStories, type Prepared } from './scripts/publish/pipeline.ts'
import { readStoryFolder } from './scripts/publish/read.ts'

/** A fixed moment for `updated` on re-publish, so tests do not depend on the clock. */
const PUBLISHED_AT = '2026-11-01T00:00:00Z'

const migrations = await readD1Migrations('migrations')
const archive = await prepare(['content/articles'], PUBLISHED_AT)

/**
 * Changes the tests publish on top, through the same pipeline: a correction of the real article, stories that
 * exist in some languages only, and generated stories (marked as such) to fill archive pages.
 */
const ARTICLE_DIR = 'content/articles/kazakhstan-contradictory-death-tolls-unrest'
const CORRECTED_AT = '2026-11-02T00:00:00Z'
const photo = readFileSync(`${ARTICLE_DIR}/unrest-illustration.jpg`)
const real = readStoryFolder(ARTICLE_DIR)
const corrected = await prepareStories(
  [
    {
      ...real,
      texts: {
        ...real.texts,
        en: {
          ...real.texts.en!,
          source: real.texts.en!.source.replace('said earlier that 227', 'said earlier this year that 227'),
        },
      },
    },
  ],
  CORRECTED_AT,
)
const partial = await prepareStories(
  [
    generatedStory({ number: 9001, languages: ['kk'], image: photo, from: '2026-01-01T00:00:00Z' }),
    generatedStory({ number: 9002, languages: ['kk', 'ru'], image: photo, from: '2026-01-01T00:00:00Z' }),
  ],
  PUBLISHED_AT,
)
const generated = await prepareStories(
  Array.from({ length: 45 }, (_, i) => generatedStory({ number: i + 1, languages: ['en'], image: photo })),
  PUBLISHED_AT,
)

/** What a test file receives: statements and R2 objects as base64 (bindings are JSON). */
const forTests = (prepared: Prepared) => ({
  batches: prepared.batches,
  objects: prepared.objects.map((o) => ({
    key: o.key,
    contentType: o.contentType,
    base64: o.bytes.toString('base64'),
  })),
})

/**
 * The Workers-tier configuration; `main` replaces wrangler.toml's entry point (vitest.mutate.config.ts loads an
 * empty one, so Stryker can switch a mutant on before the app's modules load).
 */
export const workersTestConfig = (main?: string) =>
  defineConfig({
    plugins: [
      cloudflareTest({
        ...(main ? { main } : {}),
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            TEST_ARCHIVE: {
              // What the editors wrote, read by the pipeline's first stages: what the pages must show.
              sources: archive.valid.map((story) => ({
                slug: story.slug,
                text: Object.fromEntries(
                  story.versions.map(({ markdown: body, file: _file, source: _source, ...fields }) => [
                    fields.lang,
                    { ...fields, paragraphs: blockTexts(markdown.parse(body, {})) },
                  ]),
                ),
              })),
              ...forTests(archive),
              changes: {
                corrected: { ...forTests(corrected), at: CORRECTED_AT },
                partial: forTests(partial),
                // Their photos are not needed: only lists show them.
                generated: { batches: generated.batches, objects: [] },
              },
            },
          },
        },
      }),
    ],
    test: {
      include: ['test/**/*.test.{ts,tsx}'],
      // The publish pipeline's own tests run in Node (test/node/vitest.config.ts).
      exclude: ['test/node/**', '**/node_modules/**'],
      setupFiles: ['test/setup-archive.ts'],
      // The request log is noise when a test passes and evidence when it fails.
      silent: 'passed-only',
    },
  })

export default workersTestConfig()

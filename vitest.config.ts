// Workers-runtime tests: every *.test.ts(x) under test/ runs inside workerd, with the bindings from wrangler.toml.
// Each test file's D1 and R2 start migrated and holding the real stories of content/articles, published through
// the same pipeline as `npm run publish` (rendered here, in Node; written by test/setup-archive.ts in workerd).
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { blockTexts, markdown } from './scripts/publish/markdown.ts'
import { prepare } from './scripts/publish/pipeline.ts'

/** A fixed moment for `updated` on re-publish, so tests do not depend on the clock. */
const PUBLISHED_AT = '2026-11-01T00:00:00Z'

const migrations = await readD1Migrations('migrations')
const archive = await prepare(['content/articles'], PUBLISHED_AT)

export default defineConfig({
  plugins: [
    cloudflareTest({
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
            batches: archive.batches,
            objects: archive.objects.map((o) => ({
              key: o.key,
              contentType: o.contentType,
              base64: o.bytes.toString('base64'),
            })),
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

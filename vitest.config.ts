// Workers-runtime tests: every *.test.ts(x) under test/ runs inside workerd, with the bindings from wrangler.toml.
// Each test file's D1 and R2 start migrated and holding the real stories of content/articles, published through
// the same pipeline as `npm run publish` (rendered here, in Node; written by test/setup-archive.ts in workerd).
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { blockTexts, markdown } from './scripts/publish/markdown.ts'
import { readFileSync } from 'node:fs'
import sharp from 'sharp'
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
/** The real article with its photo replaced (another picture: a correction of the photo, or a takedown of it). */
const rephotographed = await prepareStories(
  [
    {
      ...real,
      others: new Map([
        [
          'unrest-illustration.jpg',
          await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#456' } })
            .jpeg()
            .toBuffer()
            .then((bytes) => () => bytes),
        ],
      ]),
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

/**
 * A generated story for the search tests (test/search.test.ts), in three languages, with words the real article
 * lacks: every Kazakh letter's capital and small form (Һ among them), Russian `е` where a reader may type `ё` and the
 * reverse, characters that must reach the page escaped, and one word (`zebrafish`) that its correction replaces
 * (`okapi`) while dropping the Russian version and moving its date back two years.
 */
const SEARCH_SLUG = 'generated-search-story'
const ALTS = {
  kk: 'Иллюстрация: қарлы алаңдағы адамдардың қара сұлбалары.',
  ru: 'Иллюстрация: тёмные силуэты людей на заснеженной площади.',
  en: 'Illustration: a crowd of dark silhouettes in a snowy square.',
} as const
const searchStory = (corrected: boolean) => {
  const word = corrected ? 'okapi' : 'zebrafish'
  const version = (lang: 'kk' | 'ru' | 'en', headline: string, body: string) => ({
    file: `${SEARCH_SLUG}/${lang}.md`,
    source: [
      '---',
      `headline: "${headline}"`,
      `summary: "Generated for the search tests (${word}), not real news."`,
      // The correction also moves its date back, before the generated stories: the search order must follow.
      `published: ${corrected ? '2019-06-01T00:00:00Z' : '2021-06-01T00:00:00Z'}`,
      'image:',
      '  file: photo.jpg',
      // In the version's language: an alt is an attribute, and no part of it can be marked as another language.
      `  alt: "${ALTS[lang]}"`,
      '  caption: A generated caption.',
      '---',
      '',
      body,
      '',
    ].join('\n'),
  })
  return {
    slug: SEARCH_SLUG,
    dir: SEARCH_SLUG,
    texts: {
      kk: version(
        'kk',
        'ШАҺАРДАҒЫ ЖИҺАЗ КӨРМЕСІ: сынақ үшін жасалған мәтін, жаңалық емес',
        `Қаһарман гауһар ұстаған әжесіне үнсіз өлең оқыды: ғажап! Әзірге ҒАЖАП ӨЛЕҢ ҮНСІЗ ҰСТАҒАН ҚАҺАРМАН ІЗДЕДІ. ${word}`,
      ),
      ...(corrected
        ? {}
        : {
            ru: version(
              'ru',
              'Ёлка и ежик: сгенерированный текст для проверки поиска, не новость',
              `Еще одна проверка: ЁЖИК нашёл еЛКу, а Пётр — ещё и черный чёрный кот. ${word}`,
            ),
          }),
      en: version(
        'en',
        'Tom & Jerry: generated text for the search tests, not news',
        `A test of escaping: Tom & Jerry say "a < b" and 'c > d'. ${word}`,
      ),
    },
    others: new Map([['photo.jpg', () => photo]]),
  }
}
const searchable = await prepareStories([searchStory(false)], PUBLISHED_AT)
const searchableCorrected = await prepareStories([searchStory(true)], CORRECTED_AT)

/** What a test file receives: statements and R2 objects as base64 (bindings are JSON). */
const forTests = (prepared: Prepared) => ({
  batches: prepared.batches,
  objects: prepared.objects.map((o) => ({
    key: o.key,
    contentType: o.contentType,
    base64: Buffer.from(o.bytes).toString('base64'),
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
                rephotographed: forTests(rephotographed),
                partial: forTests(partial),
                // Their photos are not needed: only lists show them.
                generated: { batches: generated.batches, objects: [] },
                searchable: forTests(searchable),
                searchableCorrected: forTests(searchableCorrected),
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

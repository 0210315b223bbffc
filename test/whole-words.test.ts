// Every word whole (issue #22): NVDA reads a word holding a soft hyphen in pieces (nvaccess/nvda#9343), so no page
// has a break hint inside a word, and the article tells the stylesheet its longest word, so that on a phone the text
// stops growing where that word still fits the line instead of being cut mid-letter.
import { applyD1Migrations, env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { LANGUAGES, type Language } from '../src/languages'
import { articlePath, feedPath, frontPath, noticePath, olderPath, searchPath } from '../src/paths'
import { publish } from './archive'
import { ARTICLE, ARTICLE_SLUG, fetchPage, storeVersion } from './helpers'

beforeAll(async () => {
  await publish(env.TEST_ARCHIVE.changes.partial)
  await publish(env.TEST_ARCHIVE.changes.generated)
  await publish(env.TEST_ARCHIVE.changes.searchable)
})

/** A soft hyphen, a zero-width space or a word joiner, as a character or an entity, and `<wbr>`. */
const BREAK_HINT =
  /[\u00ad\u200b\u2060]|&(?:shy|ZeroWidthSpace|NoBreak);|&#(?:173|x0*ad|8203|x0*200b|8288|x0*2060);|<wbr/iu

const search = (lang: Language, q: string) => `${searchPath(lang)}?${new URLSearchParams({ q })}`

/** A story the language has no version of: generated stories 9001 (kk only) and 1 (en only). */
const MISSING_IN: Record<Language, string> = {
  kk: 'generated-story-00001',
  ru: 'generated-story-09001',
  en: 'generated-story-09001',
}

/** Every kind of page and feed, each with the status it answers. */
const PAGES = (lang: Language): [path: string, status: number][] => [
  [frontPath(lang), 200],
  [articlePath(lang, ARTICLE_SLUG), 200],
  [articlePath(lang, MISSING_IN[lang]), 404],
  [noticePath(lang), 200],
  [search(lang, 'zebrafish'), 200],
  [search(lang, 'zzzqqqxxx'), 200],
  [olderPath(lang, '20220314T000000Z-1'), 200],
  [`/${lang}/no-such-page`, 404],
  [feedPath(lang), 200],
]

describe.each(LANGUAGES)('every page in %s', (lang) => {
  it.each(PAGES(lang))(
    '%s has no break hint inside a word, in its text or its attributes',
    async (path, status) => {
      const { response, html } = await fetchPage(path)
      expect(response.status).toBe(status)
      expect(html).toMatch(/\p{L}{4}/u)
      expect(html.match(BREAK_HINT)?.[0]).toBeUndefined()
    },
  )
})

describe('the article’s longest word, for the stylesheet', () => {
  const id = 9700
  const slug = 'a-story-of-long-words'
  /** Stores a Russian story as the publish step would, and answers the `data-longest` of its article or its h1. */
  const longestOf = async (
    headline: string,
    bodyHtml: string,
    of = 'article',
  ): Promise<string | null | undefined> => {
    await storeVersion({
      id,
      slug,
      lang: 'ru',
      headline,
      summary: 'Кратко.',
      published: '2021-06-01T00:00:00Z',
      bodyHtml,
    })
    const { response, document } = await fetchPage(`https://long-words.example${articlePath('ru', slug)}`)
    expect(response.status).toBe(200)
    return document.querySelector(of)?.getAttribute('data-longest')
  }
  const WORD = 'широкомасштабного'

  it('counts the letters of the body’s longest word', async () => {
    expect(await longestOf('Кратко', `<p>Начало ${WORD} наступления.</p>`)).toBe(String([...WORD].length))
  })

  it('counts the headline’s words for the headline, the body’s for the body', async () => {
    expect(await longestOf(`Начало ${WORD} наступления`, '<p>Коротко.</p>', 'h1')).toBe(
      String([...WORD].length),
    )
    expect(await longestOf(`Начало ${WORD} наступления`, '<p>Коротко.</p>')).toBe('10')
    expect(await longestOf('Кратко', `<p>Начало ${WORD} наступления.</p>`, 'h1')).toBe('10')
  })

  it('counts a word as the reader sees it: across inline markup, not across blocks, with what it carries', async () => {
    expect(await longestOf('Кратко', '<p>широко<em>масштабного</em></p>')).toBe(String([...WORD].length))
    expect(await longestOf('Кратко', '<p>широко</p>\n<p>масштабного</p>')).toBe(
      String([...'масштабного'].length),
    )
    // `«` and `»,` take room on the word's line too.
    expect(await longestOf('Кратко', '<p>Слово «сотрудничества», сказал он.</p>')).toBe(
      String([...'«сотрудничества»,'].length),
    )
  })

  it('takes what no-break spaces tie as one, and breaks after a hyphen or a dash', async () => {
    expect(await longestOf('Кратко', '<p>Погибли 20\u00a0000\u00a0человек в январе.</p>')).toBe(
      String([...'20 000 человек'].length),
    )
    expect(await longestOf('Кратко', '<p>Северо-Казахстанская и Алматы—Астана.</p>')).toBe(
      String([...'Казахстанская'].length),
    )
  })

  it('stays within the sizes the stylesheet has: 10 to 24', async () => {
    expect(await longestOf('Кратко', '<p>Да и нет.</p>')).toBe('10')
    expect(await longestOf('Кратко', `<p>${'я'.repeat(40)}</p>`)).toBe('24')
  })

  it('gives each story on the front page its own, from its headline and summary', async () => {
    await longestOf(`Начало ${WORD} наступления`, '<p>Коротко.</p>')
    const { document } = await fetchPage('https://long-words.example/ru/')
    const item = (href: string) =>
      document.querySelector(`main li a[href="${href}"]`)?.closest('article')?.getAttribute('data-longest')
    expect(item(articlePath('ru', slug))).toBe(String([...WORD].length))
    // The real article's own: the longest word of its summary.
    const longest = 'антиправительственных'
    expect(ARTICLE.text.ru.summary).toContain(longest)
    expect(item(articlePath('ru', ARTICLE_SLUG))).toBe(String([...longest].length))
  })
})

describe('migration 0004', () => {
  const dirty = (word: string) => `${word.slice(0, 4)}\u00ad${word.slice(4, 8)}\u200b${word.slice(8)}\u2060`
  const WORD = 'антиправительственных'

  beforeAll(async () => {
    // The archive as the publish step stored it before: migrated to 0003, a version holding soft hyphens.
    for (const table of [
      'story_search',
      'story_search_text',
      'story_versions',
      'stories',
      'edition',
      'd1_migrations',
    ])
      await env.DB.prepare(`DROP TABLE ${table}`).run()
    const migrations = env.TEST_MIGRATIONS
    expect(migrations.at(-1)?.name).toMatch(/^0004_/)
    await applyD1Migrations(env.DB, migrations.slice(0, -1))
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO stories (id, slug, languages, image_key, image_width, image_height, image_widths)
         VALUES (1, 'a-dirty-story', 'ru', 'dirty', 960, 540, '960')`,
      ),
      env.DB.prepare(
        `INSERT INTO story_versions (story_id, lang, headline, display_headline, summary, dateline, published,
           image_alt, image_caption, body_html, content_hash)
         VALUES (1, 'ru', ?1, ?2, ?1, ?1, '2021-06-01T00:00:00Z', ?1, ?1, ?3, 'x')`,
      ).bind(`Протесты ${WORD}`, `Протесты ${dirty(WORD)}`, `<p>Протесты ${dirty(WORD)}</p>`),
      env.DB.prepare(
        `INSERT INTO story_search_text (id, story_id, lang, published, headline, summary, body)
         VALUES (-1, 1, 'ru', '2021-06-01T00:00:00Z', ?1, ?1, ?2)`,
      ).bind(`Протесты ${WORD}`, `Протесты ${dirty(WORD)}`),
    ])
    await applyD1Migrations(env.DB, migrations)
  })

  it('takes every break hint out of a stored version, and sets its display headline to its headline', async () => {
    const row = await env.DB.prepare('SELECT * FROM story_versions WHERE story_id = 1').first<
      Record<string, unknown>
    >()
    expect(row).toMatchObject({
      headline: `Протесты ${WORD}`,
      display_headline: `Протесты ${WORD}`,
      body_html: `<p>Протесты ${WORD}</p>`,
    })
    expect(
      Object.values(row!).filter((value) => typeof value === 'string' && BREAK_HINT.test(value)),
    ).toEqual([])
  })

  it('cleans the search text, and the index finds the whole word and no longer its pieces', async () => {
    const text = await env.DB.prepare('SELECT body FROM story_search_text WHERE story_id = 1').first<{
      body: string
    }>()
    expect(text?.body).toBe(`Протесты ${WORD}`)
    const matches = (query: string) =>
      env.DB.prepare('SELECT rowid FROM story_search WHERE story_search MATCH ?1').bind(query).all()
    expect((await matches(`body:${WORD}`)).results).toHaveLength(1)
    expect((await matches(`body:${WORD.slice(0, 4)}`)).results).toHaveLength(0)
  })
})

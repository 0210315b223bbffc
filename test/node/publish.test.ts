import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { prepare } from '../../scripts/publish/pipeline.ts'
import { readStoryFolder } from '../../scripts/publish/read.ts'
import { renderBody } from '../../scripts/publish/render.ts'
import { normaliseDateTime, validateStory } from '../../scripts/publish/validate.ts'
import { ARTICLE_DIR, copyOfArticle, refusalsOf, ROOT } from './story-folder.ts'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((clean) => clean()))

/** A changed copy of the real article; cleaned up after the test. */
const story = () => {
  const copy = copyOfArticle()
  cleanups.push(copy.remove)
  return copy
}

describe('the publish step’s checks', () => {
  it('pass the article as it is, in all three languages', () => {
    const valid = validateStory(readStoryFolder(ARTICLE_DIR))
    expect(valid.versions.map((v) => v.lang)).toEqual(['kk', 'ru', 'en'])
  })

  it('refuse a translation whose paragraph has other figures than the English, naming the file and paragraph', () => {
    const copy = story()
    copy.edit('ru.md', (text) => text.replaceAll('230', '231'))
    const refusals = refusalsOf(copy.dir)
    expect(refusals).toHaveLength(2)
    expect(refusals.join('\n')).toMatch(/^ru\.md: the summary's figures .* differ from en\.md's/m)
    expect(refusals.join('\n')).toMatch(
      /^ru\.md: paragraph 2's figures \(14, 19, 231\) differ from en\.md's \(14, 19, 230\)$/m,
    )
  })

  it('refuse a translation with a paragraph more or less than the English', () => {
    const copy = story()
    copy.edit('kk.md', (text) => `${text}\nҚосымша абзац.\n`)
    expect(refusalsOf(copy.dir)).toEqual(['kk.md: the body has 12 paragraphs and subheadings, en.md has 11'])
  })

  it('refuse a caption whose figures differ', () => {
    const copy = story()
    copy.edit('kk.md', (text) => text.replace(/(caption: .*?)10/, '$111'))
    expect(refusalsOf(copy.dir)).toEqual([
      expect.stringMatching(/^kk\.md: the caption's figures \(11\) differ/),
    ])
  })

  it.each([
    ['headline', /^headline: .*\n/m, 'en.md: headline is missing or empty'],
    ['summary', /^summary: .*\n/m, 'en.md: summary is missing or empty'],
    ['published', /^published: .*\n/m, 'en.md: published is missing'],
    [
      'alt text',
      /^ {2}alt: .*\n/m,
      'en.md: image.alt is missing or empty: describe the picture for readers who cannot see it',
    ],
  ])('refuse a missing %s', (_field, line, refusal) => {
    const copy = story()
    copy.edit('en.md', (text) => text.replace(line, ''))
    // English is the source: the translations are still compared with it only when it is valid.
    expect(refusalsOf(copy.dir)).toContain(refusal)
  })

  it.each([
    '2022-02-30T10:00:00Z',
    '2022-03-14',
    'yesterday',
    '2022-03-14T25:00:00+06:00',
    '2022-03-14T10:00:00',
    // Offsets no clock uses: these threw a RangeError with a stack trace.
    '2022-03-14T10:00:00+25:00',
    '2022-03-14T10:00:00+99:99',
    '2022-03-14T10:00:00+14:30',
    '2022-03-14T10:00:00-12:30',
    '2022-03-14T10:00:00+06:60',
    // Out of the archive's years: this one was stored as +010000-01-01T00:59:59Z and 500'd the pages listing it.
    '9999-12-31T23:59:59-01:00',
    '2099-12-31T23:30:00-01:00',
    '1952-12-31T23:59:59Z',
    '1953-01-01T05:00:00+06:00',
  ])('refuse a publication date of %s', (date) => {
    const copy = story()
    copy.edit('kk.md', (text) => text.replace(/^published: .*$/m, `published: "${date}"`))
    expect(refusalsOf(copy.dir)).toEqual([
      'kk.md: published is not an ISO 8601 date-time in 1953–2099 with a time zone from -12:00 to +14:00, e.g. 2022-03-14T09:30:00+06:00',
    ])
  })

  it.each([
    ['2022-03-14T10:00:00+14:00', '2022-03-13T20:00:00Z'],
    ['2022-03-14T10:00:00-12:00', '2022-03-14T22:00:00Z'],
    ['2022-03-14T10:00:00+05:45', '2022-03-14T04:15:00Z'],
    ['1953-01-01T00:00:00Z', '1953-01-01T00:00:00Z'],
    ['2099-12-31T23:59:59Z', '2099-12-31T23:59:59Z'],
    ['2100-01-01T05:00:00+06:00', '2099-12-31T23:00:00Z'],
  ])('accept %s as %s', (date, stored) => {
    expect(normaliseDateTime(date)).toBe(stored)
  })

  it('read a date-time with an offset as the same moment in UTC', () => {
    expect(normaliseDateTime('2022-03-14T09:30:00+06:00')).toBe('2022-03-14T03:30:00Z')
    expect(normaliseDateTime('2022-03-14T03:30Z')).toBe('2022-03-14T03:30:00Z')
    expect(normaliseDateTime('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00Z')
    expect(normaliseDateTime('2023-02-29T00:00:00Z')).toBeUndefined()
  })

  it('refuse an updated time before the publication', () => {
    const copy = story()
    copy.edit('en.md', (text) => text.replace(/^(published: .*)$/m, '$1\nupdated: 2022-03-13T00:00:00Z'))
    expect(refusalsOf(copy.dir)).toEqual(['en.md: updated is before published'])
  })

  it('refuse a photo that is not in the folder, and one that differs between languages', () => {
    const copy = story()
    copy.edit('en.md', (text) => text.replace('file: unrest-illustration.jpg', 'file: missing.jpg'))
    expect(refusalsOf(copy.dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^en\.md: image\.file "missing\.jpg" is not in /),
        'kk.md: image.file "unrest-illustration.jpg" differs from en.md\'s "missing.jpg"',
      ]),
    )
  })

  it('refuse an unknown field, so a typo is not silently ignored', () => {
    const copy = story()
    copy.edit('ru.md', (text) => text.replace('headline:', 'headlne: x\nheadline:'))
    expect(refusalsOf(copy.dir)).toEqual(['ru.md: unknown field "headlne"'])
  })

  it.each([
    ['a script', '<script>alert(1)</script>', 'raw HTML is not allowed'],
    ['inline HTML', 'Some <b>bold</b> words.', 'raw HTML is not allowed'],
    ['an http: link', 'A [link](http://example.com/).', 'link to "http://example.com/"'],
    ['a javascript: link', 'A [link](javascript:alert(1)).', 'link to'],
    ['a protocol-relative link', 'A [link](//evil.example/).', 'link to "//evil.example/"'],
    ['a mailto: link', 'Write to [us](mailto:a@b.example).', 'link to "mailto:a@b.example"'],
    ['an image', '![x](https://example.com/x.jpg)', 'an image in the body'],
    ['a code block', '```\ncode\n```', 'a code block is not allowed'],
    ['a first-level heading', '# Another headline', 'heading level 1 is not allowed'],
  ])('refuse %s in the body', (_what, markdown, problem) => {
    const copy = story()
    copy.edit('en.md', (text) => `${text}\n${markdown}\n`)
    const refusals = refusalsOf(copy.dir).filter((r) => r.startsWith('en.md: in the body'))
    expect(refusals).toEqual([expect.stringContaining(problem)])
  })

  it('allow https: links and paths on this site', () => {
    const copy = story()
    for (const lang of ['en', 'kk', 'ru'])
      copy.edit(
        `${lang}.md`,
        (text) => `${text}\nSee [the notice](/${lang}/notice) and [RFE/RL](https://www.rferl.org/).\n`,
      )
    expect(refusalsOf(copy.dir)).toEqual([])
  })

  it('refuse a folder name that cannot be a slug, and a Markdown file in no language of the site', () => {
    const copy = copyOfArticle('Bad_Slug')
    cleanups.push(copy.remove)
    writeFileSync(copy.file('de.md'), readFileSync(copy.file('en.md')))
    expect(refusalsOf(copy.dir)).toEqual([
      'Bad_Slug: the folder name is the slug: lowercase letters, digits and single hyphens only',
      'de.md: not a language of the site (kk.md, ru.md, en.md)',
    ])
  })
})

describe('rendering a body', () => {
  it('gives the same semantic HTML the page has: paragraphs, subheadings, quotes, lists, links, emphasis', () => {
    const html = renderBody(
      'en',
      [
        'First *words* and **strong** ones, [a link](https://www.rferl.org/) and [a page](/en/notice).',
        '## A subheading',
        '> A quote.',
        '- one\n- two',
        '1. first\n2. second',
      ].join('\n\n'),
      'ALMATY',
    )
    expect(html).toBe(
      [
        '<p><span class="dateline">ALMATY</span>\u00a0— First <em>words</em> and <strong>strong</strong> ones, <a href="https://www.rferl.org/">a link</a> and <a href="/en/notice">a page</a>.</p>',
        '<h2>A subheading</h2>',
        '<blockquote>\n<p>A quote.</p>\n</blockquote>',
        '<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
        '<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
      ].join('\n'),
    )
  })

  it('escapes a dateline and text that look like markup', () => {
    expect(renderBody('en', '1 < 2 & "quoted"', '<B>')).toBe(
      '<p><span class="dateline">&#60;B&#62;</span>\u00a0— 1 &lt; 2 &amp; "quoted"</p>',
    )
  })

  it('sets the text in the language’s typography, the same pass as the rest of the app', () => {
    expect(renderBody('ru', 'Погибли 20 000 человек — в январе, в Алматы.')).toBe(
      '<p>Погибли 20\u00a0000\u00a0человек\u00a0— в\u00a0январе, в\u00a0Алматы.</p>',
    )
  })
})

describe('publishing', () => {
  it('writes one batch per story, and makes each width of the photo at the size it declares', async () => {
    const prepared = await prepare([ARTICLE_DIR], '2026-11-01T00:00:00Z')
    expect(prepared.batches).toHaveLength(1)
    const [story] = prepared.stories
    expect(story!.image).toMatchObject({ width: 960, height: 540, widths: [480, 960] })
    expect(prepared.objects.map((o) => o.key)).toEqual([
      expect.stringMatching(/^images\/kazakhstan-contradictory-death-tolls-unrest\/[0-9a-f]{16}-480\.jpg$/),
      expect.stringMatching(/^images\/kazakhstan-contradictory-death-tolls-unrest\/[0-9a-f]{16}-960\.jpg$/),
    ])
  })

  it('stores no soft hyphen, zero-width space or word joiner that Word left in a story, written, escaped or as an entity', async () => {
    const copy = story()
    copy.edit('en.md', (text) =>
      text
        .replace(
          /^headline: Kazakh Officials Give Contradicting(.*)$/m,
          'headline: "Ka\\u00adzakh Officials Give Contra\u00addicting$1"',
        )
        .replace("summary: 'Kazakh officials", "summary: 'Kazakh\u200b offi\u2060cials")
        .replace('caption: A drawing', 'caption: A draw\u00ading')
        .replace("alt: 'Illustration:", "alt: 'Illus\u00adtration:")
        .replace('dateline: NUR-SULTAN', 'dateline: NUR-SUL\u00adTAN')
        .replace('\nKazakh officials have given', '\nKa&shy;zakh offi&#x200B;cials have gi\u00adven')
        .replace('Prosecutor-General', 'Prose\u2060cutor-Gene&#8288;ral'),
    )
    const { batches } = await prepare([copy.dir], '2026-11-01T00:00:00Z')
    const texts = batches.flat().flatMap((statement) => statement.params.filter((p) => typeof p === 'string'))
    expect(texts.filter((text) => /[\u00ad\u200b\u2060]|&shy;|&#x200b;|&#8288;/iu.test(text))).toEqual([])
    // Taken out, not replaced: each word is whole, as the editor meant it.
    for (const words of [
      'Kazakh Officials Give Contradicting',
      'Kazakh officials have given',
      'Prosecutor-General',
      'A drawing',
      'Illustration:',
      'NUR-SULTAN',
    ])
      expect(
        texts.some((text) => text.includes(words)),
        words,
      ).toBe(true)
  })

  it('refuses every story when one is refused, naming the file, and writes nothing', async () => {
    const good = copyOfArticle('a-good-story')
    const bad = copyOfArticle('a-bad-story')
    cleanups.push(good.remove, bad.remove)
    bad.edit('kk.md', (text) => text.replace('139', '140'))
    const state = mkdtempSync(join(tmpdir(), 'azattyq-state-'))
    cleanups.push(() => rmSync(state, { recursive: true, force: true }))
    const run = promisify(execFile)(
      process.execPath,
      [join(ROOT, 'scripts/publish.ts'), good.dir, bad.dir, '--persist-to', state],
      { cwd: ROOT },
    )
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toMatch(/^Nothing was published:$/m)
    expect(failure?.stderr).toContain(
      `${join(bad.dir, 'kk.md')}: paragraph 3's figures (140) differ from en.md's (139)`,
    )
    // Nothing was even opened: the local state is as empty as it was.
    expect(readdirSync(state)).toEqual([])
    expect(existsSync(join(state, 'v3'))).toBe(false)
  })
})

// The publish-step rows of the security review (../shared/review/security-review.md) that held when it was made:
// each input as the reviewer tried it, so that what held keeps holding (TESTING.md keeps the table and its status).
import { unlinkSync, writeFileSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { prepare } from '../../scripts/publish/pipeline.ts'
import { renderBody } from '../../scripts/publish/render.ts'
import { PublishRefused } from '../../scripts/publish/story.ts'
import { toSqlFile } from '../../scripts/publish/write.ts'
import { copyOfArticle, namedRefusals, refusalsOf } from './story-folder.ts'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((clean) => clean()))

const PHOTO = 'unrest-illustration.jpg'

/** The English file alone, changed by `edit`; its refusals through every stage short of writing. */
const englishOnly = (edit?: (text: string) => string, slug?: string) => {
  const copy = copyOfArticle(slug)
  cleanups.push(copy.remove)
  unlinkSync(copy.file('kk.md'))
  unlinkSync(copy.file('ru.md'))
  if (edit) copy.edit('en.md', edit)
  return copy
}

const prepared = async (dir: string) => {
  try {
    return { refusals: [] as string[], prepared: await prepare([dir], '2026-12-01T00:00:00Z') }
  } catch (error) {
    if (error instanceof PublishRefused) return { refusals: namedRefusals(error), prepared: undefined }
    throw error
  }
}

const field = (name: string, value: string) => (text: string) =>
  text.replace(new RegExp(`^(\\s*)${name}: .*$`, 'm'), `$1${name}: ${value}`)
const addToFrontMatter = (lines: string) => (text: string) => text.replace(/^---\n/, `---\n${lines}\n`)
const addToBody = (markdown: string) => (text: string) => `${text}\n${markdown}\n`

describe('YAML and front matter, as the review tried them', () => {
  const aliasBomb = Array.from({ length: 9 }, (_, level) =>
    level === 0
      ? 'a0: &a0 [x, x, x, x, x, x, x, x, x]'
      : `a${level}: &a${level} [${`*a${level - 1}, `.repeat(8)}*a${level - 1}]`,
  ).join('\n')

  it.each([
    [
      'an alias bomb',
      addToFrontMatter(aliasBomb),
      /^en\.md: the front matter is not valid YAML \(Excessive alias count/,
    ],
    [
      'duplicate keys',
      addToFrontMatter('headline: twice'),
      /^en\.md: the front matter is not valid YAML \(Map keys must be unique/,
    ],
    [
      'tabs as indentation',
      (t: string) => t.replace('\nsummary:', '\n\tsummary:'),
      /not valid YAML \(Tabs are not allowed/,
    ],
    [
      'flow nesting 20 000 deep',
      addToFrontMatter(`x: ${'['.repeat(20_000)}`),
      /^en\.md: the front matter is not valid YAML/,
    ],
    ['a headline that is a number', field('headline', '12'), /^en\.md: headline is missing or empty$/],
    ['a headline that is a list', field('headline', '[a, b]'), /^en\.md: headline is missing or empty$/],
    ['a headline that is a map', field('headline', '{a: b}'), /^en\.md: headline is missing or empty$/],
    ['a headline that is null', field('headline', '~'), /^en\.md: headline is missing or empty$/],
    ['a headline of spaces', field('headline', '"   "'), /^en\.md: headline is missing or empty$/],
    [
      'an image that is a string',
      (t: string) => t.replace(/^image:\n(?: {2}.*\n)+/m, 'image: photo.jpg\n'),
      /^en\.md: image is missing/,
    ],
    ['an image.file that is a list', field('file', `[${PHOTO}]`), /^en\.md: image\.file is missing$/],
    [
      'illustration: "yes"',
      field('illustration', '"yes"'),
      /^en\.md: image\.illustration must be true or false$/,
    ],
    [
      'illustration: yes',
      field('illustration', 'yes'),
      /^en\.md: image\.illustration must be true or false$/,
    ],
    [
      'a Unix time as the date',
      field('published', '1647216000'),
      /^en\.md: published is not an ISO 8601 date-time/,
    ],
    [
      'a date without a time',
      field('published', '2022-03-14'),
      /^en\.md: published is not an ISO 8601 date-time/,
    ],
    [
      '__proto__ at the top',
      addToFrontMatter('__proto__: {polluted: yes}'),
      /^en\.md: unknown field "__proto__"$/,
    ],
    [
      '__proto__ in the image',
      (t: string) => t.replace('image:\n', 'image:\n  __proto__: {polluted: yes}\n'),
      /^en\.md: unknown field "image\.__proto__"$/,
    ],
    ['constructor', addToFrontMatter('constructor: x'), /^en\.md: unknown field "constructor"$/],
    ['a merge key', addToFrontMatter('<<: {polluted: yes}'), /^en\.md: unknown field "<<"$/],
    ['a !!binary summary', field('summary', '!!binary aGVsbG8='), /^en\.md: summary is missing or empty$/],
    [
      'an empty front matter',
      (t: string) => t.replace(/^---\n[\s\S]*?\n---\n/, '---\n---\n'),
      /^en\.md: no front matter/,
    ],
    [
      'a front matter of comments',
      (t: string) => t.replace(/^---\n[\s\S]*?\n---\n/, '---\n# a comment\n---\n'),
      /^en\.md: headline is missing or empty$/,
    ],
    [
      'no front matter at all',
      (t: string) => t.replace(/^---\n[\s\S]*?\n---\n/, ''),
      /^en\.md: no front matter/,
    ],
  ])('refuse %s, naming the file', (_what, edit, refusal) => {
    const copy = englishOnly(edit)
    expect(refusalsOf(copy.dir)[0]).toMatch(refusal)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('publishes an alias into a real field, and tags it does not know as the text they tag', () => {
    const copy = englishOnly((t) =>
      field(
        'headline',
        '!!js/function "function () {}"',
      )(t.replace(/^( {2}alt: )/m, '$1&h ').replace(/^( {2}caption: ).*$/m, '$1*h')),
    )
    expect(refusalsOf(copy.dir)).toEqual([])
  })
})

describe('Markdown, as the review tried it', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', 'raw HTML is not allowed'],
    ['<a href="javascript:alert(1)">x</a>', 'raw HTML is not allowed'],
    ['<iframe src="https://evil.example/"></iframe>', 'raw HTML is not allowed'],
    ['<!-- a comment -->', 'raw HTML is not allowed'],
    ['<![CDATA[x]]>', 'raw HTML is not allowed'],
    ['<?php echo 1; ?>', 'raw HTML is not allowed'],
    ['[x](JaVaScRiPt:alert(1))', 'link to'],
    ['[x](&#106;avascript:alert(1))', 'link to "javascript:alert(1)"'],
    [
      '[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))',
      'link to "javascript:alert(1)"',
    ],
    ['[x](javascript&colon;alert(1))', 'link to "javascript:alert(1)"'],
    ['[x](<java\tscript:alert(1)>)', 'link to "java%09script:alert(1)"'],
    ['[x](java%0ascript:alert(1))', 'link to "java%0ascript:alert(1)"'],
    ['[x](< javascript:alert(1)>)', 'link to "javascript:alert(1)"'],
    ['[x](data:text/html,x)', 'link to "data:text/html,x"'],
    ['[x](vbscript:msgbox(1))', 'link to "vbscript:msgbox(1)"'],
    ['[x](/\\/evil.example)', 'link to "//evil.example"'],
    ['[x](https:evil.example)', 'link to "https:evil.example"'],
    ['<javascript:alert(1)>', 'link to'],
    ['<someone@evil.example>', 'link to "mailto:someone@evil.example"'],
    ['[x][r]\n\n[r]: javascript:alert(1)', 'link to "javascript:alert(1)"'],
    ['[x][r]\n\n[r]: data:text/html,x', 'link to "data:text/html,x"'],
    ['![x](https://www.rferl.org/x.jpg)', 'an image in the body'],
    ['---', 'not allowed'],
    ['    indented code', 'a code block is not allowed'],
    ['#### A fourth-level heading', 'heading level 4 is not allowed'],
  ])('refuse %s in the body', (markdown, problem) => {
    const copy = englishOnly(addToBody(markdown))
    expect(refusalsOf(copy.dir)).toEqual([expect.stringContaining(`en.md: in the body, `)])
    expect(refusalsOf(copy.dir)[0]).toContain(problem)
  })

  it.each([
    ['<svg/onload=alert(1)>', '&lt;svg/onload=alert(1)&gt;'],
    ['[x](/\\evil.example)', '<a href="/%5Cevil.example">x</a>'],
    ['[x](https://www.rferl.org/ "a \\"quoted\\" title")', '<a href="https://www.rferl.org/">x</a>'],
    [
      '[x](https://www.rferl.org/"onmouseover=alert(1))',
      '<a href="https://www.rferl.org/%22onmouseover=alert(1)">x</a>',
    ],
    ['<https://www.rferl.org/>', '<a href="https://www.rferl.org/">https://www.rferl.org/</a>'],
    ['A word.\n\n[unused]: https://evil.example/', '<p>A word.</p>'],
    ['1 &#0; 2', '1 \ufffd 2'],
  ])('publish %s as harmless HTML', (markdown, html) => {
    const copy = englishOnly(addToBody(markdown))
    expect(refusalsOf(copy.dir)).toEqual([])
    expect(renderBody('en', markdown)).toContain(html)
    expect(renderBody('en', markdown)).not.toMatch(/<svg|onmouseover="|title=|evil\.example\/"/)
  })

  it.each([
    ['50 000 [', '['.repeat(50_000)],
    ['20 000 *a **a', '*a **a'.repeat(20_000)],
    ['20 000 [a](b', '[a](b'.repeat(20_000)],
  ])('check %s in no time', (_what, markdown) => {
    const copy = englishOnly(addToBody(markdown))
    const started = performance.now()
    refusalsOf(copy.dir)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('the photo and the slug, as the review tried them', () => {
  it.each(['../x.jpg', '/etc/passwd', '/tmp/x.jpg', '"a b.jpg"', 'x.gif', '"x\\n.jpg"'])(
    'refuse image.file %s by its name',
    (name) => {
      const copy = englishOnly(field('file', name))
      expect(refusalsOf(copy.dir)).toEqual([
        'en.md: image.file must be a .jpg, .png or .webp file beside the text, named without a folder',
      ])
    },
  )

  it('refuse a name in another case than the file’s, and publish a file named ..jpg', () => {
    const other = englishOnly(field('file', 'Unrest-Illustration.JPG'))
    expect(refusalsOf(other.dir)).toEqual([
      expect.stringMatching(/^en\.md: image\.file "Unrest-Illustration\.JPG" is not in /),
    ])
    const dots = englishOnly(field('file', '..jpg'))
    writeFileSync(dots.file('..jpg'), Buffer.alloc(0))
    expect(refusalsOf(dots.dir)).toEqual([])
  })

  it.each([
    ['not an image', Buffer.from('just some text, not a picture')],
    ['empty', Buffer.alloc(0)],
    ['a truncated JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46])],
  ])('refuse a photo that is %s', async (_what, bytes) => {
    const copy = englishOnly()
    writeFileSync(copy.file(PHOTO), bytes)
    expect((await prepared(copy.dir)).refusals).toEqual([
      expect.stringMatching(
        new RegExp(`^${PHOTO}: not a JPEG, PNG or WebP photo that can be read \\(.+\\)$`),
      ),
    ])
  })

  it('strips the EXIF of the photo: no GPS position, no author', async () => {
    const copy = englishOnly()
    writeFileSync(
      copy.file(PHOTO),
      await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#345' } })
        .withExif({
          IFD0: { Artist: 'A photographer at risk' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 15/1 0/1' },
        })
        .jpeg()
        .toBuffer(),
    )
    const { prepared: result } = await prepared(copy.dir)
    for (const object of result!.objects) {
      const metadata = await sharp(object.bytes).metadata()
      expect(metadata.exif).toBeUndefined()
      expect(Buffer.from(object.bytes).includes('A photographer')).toBe(false)
    }
  })

  it('publish a slug of 240 characters', () => {
    const slug = `${'story-'.repeat(39)}end123`
    expect(slug).toHaveLength(240)
    expect(refusalsOf(englishOnly(undefined, slug).dir)).toEqual([])
  })

  it('write values with quotes, semicolons, comments and placeholders into the remote SQL file verbatim', () => {
    const values = ["it's", 'a; DROP TABLE t; --', '?1 and ?2', '$& $1', '/* not a comment */', "'); --"]
    const db = new DatabaseSync(':memory:')
    db.exec('CREATE TABLE t (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT)')
    db.exec(toSqlFile([{ sql: 'INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6)', params: values }]))
    expect(Object.values(db.prepare('SELECT * FROM t').all()[0]!)).toEqual(values)
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 })
  })
})

// What a careless or compromised editor account can hand the publish step (../shared/review/security-review.md):
// each finding of the review, refused with the file and the problem named, and never a crash, code run, a file
// from outside the folder or a page that later breaks.
import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { prepare, prepareStories } from '../../scripts/publish/pipeline.ts'
import { findStoryFolders, MAX_PHOTO_BYTES, MAX_TEXT_BYTES } from '../../scripts/publish/read.ts'
import { PublishRefused } from '../../scripts/publish/story.ts'
import { MAX_LENGTHS, parseFrontMatter } from '../../scripts/publish/validate.ts'
import { copyOfArticle, namedRefusals, refusalsOf, ROOT } from './story-folder.ts'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((clean) => clean()))

const story = (slug?: string) => {
  const copy = copyOfArticle(slug)
  cleanups.push(copy.remove)
  return copy
}

const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'azattyq-hostile-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const PHOTO = 'unrest-illustration.jpg'

/** The refusals of a folder through every stage short of writing (reading, checks, photo, statement sizes). */
const preparedRefusals = async (dir: string): Promise<string[]> => {
  try {
    await prepare([dir], '2026-12-01T00:00:00Z')
  } catch (error) {
    if (error instanceof PublishRefused) return namedRefusals(error)
    throw error
  }
  return []
}

/** A story with the English file alone (the translations' figures are not compared then). */
const englishOnly = (slug?: string) => {
  const copy = story(slug)
  unlinkSync(copy.file('kk.md'))
  unlinkSync(copy.file('ru.md'))
  return copy
}

const runPublish = (args: string[]) =>
  promisify(execFile)(process.execPath, [join(ROOT, 'scripts/publish.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  )

describe('front matter that asks for another parser', () => {
  /** A front matter in JavaScript that, if evaluated, leaves a file behind and still reads as a valid story. */
  const payload = (language: string, proof: string) =>
    [
      `---${language}`,
      `(require('fs').writeFileSync(${JSON.stringify(proof)}, 'ran'), {headline: 'Looks normal', summary: 'S.', published: '2022-03-14T00:00:00Z', image: {file: '${PHOTO}', alt: 'A', caption: 'C'}})`,
      '---',
      '',
      'A body.',
      '',
    ].join('\n')

  it.each(['js', 'javascript', 'JS', ' js'])(
    'is refused and never run: ---%s, through `npm run publish` itself',
    async (language) => {
      const copy = englishOnly()
      const proof = join(scratch(), 'pwned')
      writeFileSync(copy.file('en.md'), payload(language, proof))
      const state = scratch()
      const run = await runPublish([copy.dir, '--persist-to', state])
      expect(existsSync(proof)).toBe(false)
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(
        `${copy.file('en.md')}: the front matter must be YAML: its first line must be --- alone, not "---${language.trim()}"`,
      )
    },
  )

  it.each(['js', 'javascript', 'json', 'coffee'])(
    'is refused by the parser itself too, behind the opening-line check: ---%s',
    (language) => {
      const proof = join(scratch(), 'pwned')
      expect(() => parseFrontMatter(payload(language, proof))).toThrow(
        /the front matter may only be YAML, not /,
      )
      expect(existsSync(proof)).toBe(false)
    },
  )

  it.each(['json', 'yaml', 'coffee', '__proto__', 'constructor'])('is refused: ---%s', (language) => {
    const copy = englishOnly()
    copy.edit('en.md', (text) => text.replace(/^---\n/, `---${language}\n`))
    expect(refusalsOf(copy.dir)).toEqual([
      `en.md: the front matter must be YAML: its first line must be --- alone, not "---${language}"`,
    ])
  })

  it('is not mistaken for one when the opening line has trailing spaces, CRLF or a byte-order mark', () => {
    const copy = englishOnly()
    copy.edit('en.md', (text) => `\ufeff${text.replace(/^---\n/, '---  \n').replaceAll('\n', '\r\n')}`)
    expect(refusalsOf(copy.dir)).toEqual([])
  })
})

describe('characters no one can see', () => {
  it.each([
    [
      'a vertical tab in the headline',
      'headline: Kazakh',
      'headline: Kazakh\u000b',
      2,
      17,
      'U+000B (vertical tab',
    ],
    ['a NUL in the alt text', "alt: 'Illustration", "alt: 'Illus\u0000tration", 9, 14, 'U+0000 (null)'],
    [
      'a right-to-left override in the summary',
      "summary: 'Kazakh",
      "summary: '\u202eKazakh",
      3,
      11,
      'U+202E',
    ],
    [
      'a highlight marker of search in the caption',
      'caption: A drawing',
      'caption: A \ue000drawing',
      10,
      14,
      'U+E000',
    ],
    [
      'a byte-order mark in the body',
      '\nKazakh officials have',
      '\nKazakh\ufeff officials have',
      13,
      7,
      'U+FEFF',
    ],
    [
      'an escape in the body',
      '\nKazakh officials have',
      '\nKazakh\u001b[31m officials have',
      13,
      7,
      'U+001B',
    ],
    ['a noncharacter', '\nKazakh officials have', '\nKazakh\uffff officials have', 13, 7, 'U+FFFF'],
  ])(
    'refuse %s, naming the character, its line and its column',
    (_what, before, after, line, column, name) => {
      const copy = englishOnly()
      copy.edit('en.md', (text) => text.replace(before, after))
      const refusals = refusalsOf(copy.dir)
      expect(refusals).toEqual([
        expect.stringMatching(new RegExp(`^en\\.md: line ${line}, column ${column}: `)),
      ])
      expect(refusals[0]).toContain(name)
    },
  )

  it('name the kind of each character', () => {
    const copy = englishOnly()
    copy.edit('en.md', (text) =>
      text.replace('Kazakh officials', '\u000b\u202e\ue000\ufeff Kazakh officials'),
    )
    const [control, bidi, privateUse, invisible] = refusalsOf(copy.dir)
    expect(control).toMatch(/a control character/)
    expect(bidi).toMatch(/a bidirectional control/)
    expect(privateUse).toMatch(/a private-use character/)
    expect(invisible).toMatch(/an invisible formatting character/)
  })

  it.each([
    [
      'a YAML escape in the headline',
      /^headline: (.*)$/m,
      'headline: "$1\\v"',
      'headline holds U+000B (vertical tab',
    ],
    ['a YAML escape in the alt text', /^( {2}alt: )'(.*)'$/m, '$1"$2\\0"', 'image.alt holds U+0000 (null)'],
    ['an entity in the body', /^(Kazakh officials)/m, '$1&#x202E;', 'paragraph 1 of the body holds U+202E'],
    [
      'an entity in a subheading',
      /^(Kazakh officials)/m,
      '## A &#xE001; mark\n\n$1',
      'paragraph 1 of the body holds U+E001',
    ],
  ])('refuse %s, which the file as written does not show', (_what, line, replacement, refusal) => {
    const copy = englishOnly()
    copy.edit('en.md', (text) => text.replace(line, replacement))
    expect(refusalsOf(copy.dir)).toEqual([expect.stringContaining(`en.md: ${refusal}`)])
  })

  it('list five and count the rest', () => {
    const copy = englishOnly()
    copy.edit('en.md', (text) => text.replace('Kazakh officials', `Kazakh${'\u000b'.repeat(8)} officials`))
    const refusals = refusalsOf(copy.dir)
    expect(refusals).toHaveLength(6)
    expect(refusals[5]).toBe('en.md: and 3 more such characters')
  })

  it('allow tabs, the joiners, and the break hints Word leaves (taken out when published: publish.test.ts)', () => {
    const copy = englishOnly()
    copy.edit('en.md', (text) =>
      text.replace('Kazakh officials', 'Ka\u00adzakh\tof\u200bfi\u2060cials\u200d\u200c'),
    )
    expect(refusalsOf(copy.dir)).toEqual([])
  })

  it('refuse a file that is not UTF-8, which would publish U+FFFD where its letters were', () => {
    const copy = story()
    writeFileSync(copy.file('ru.md'), Buffer.from(readFileSync(copy.file('ru.md'), 'utf8'), 'latin1'))
    writeFileSync(copy.file('kk.md'), Buffer.concat([readFileSync(copy.file('kk.md')), Buffer.from([0xc3])]))
    expect(refusalsOf(copy.dir)).toEqual([
      'kk.md: is not UTF-8 text: save it as UTF-8',
      'ru.md: is not UTF-8 text: save it as UTF-8',
    ])
  })
})

describe('lengths', () => {
  it.each(Object.entries(MAX_LENGTHS).filter(([field]) => field !== 'body'))(
    'refuse a %s over %i characters and take one at the limit',
    (field, limit) => {
      const key = field.replace('image.', '')
      const line = new RegExp(`^(\\s*${key}): .*$`, 'm')
      const at = englishOnly()
      at.edit('en.md', (text) => text.replace(line, `$1: ${'я'.repeat(limit - 1)}.`))
      expect(refusalsOf(at.dir)).toEqual([])
      const over = englishOnly()
      over.edit('en.md', (text) => text.replace(line, `$1: ${'я'.repeat(limit)}.`))
      expect(refusalsOf(over.dir)).toEqual([
        `en.md: ${field} is ${limit + 1} characters, over the limit of ${limit}: shorten it`,
      ])
    },
  )

  it('refuse a summary of a megabyte (it made a 4 MB article page)', () => {
    const copy = englishOnly()
    copy.edit('en.md', (text) => text.replace(/^summary: .*$/m, `summary: ${'word '.repeat(200_000)}`))
    expect(refusalsOf(copy.dir)).toEqual([
      expect.stringMatching(/^en\.md: summary is 999999 characters, over the limit of 500/),
    ])
  })

  it('refuse a body over the limit', () => {
    const copy = englishOnly()
    copy.edit('en.md', (text) => `${text}\n${'Words of a long read. '.repeat(2300)}\n`)
    expect(refusalsOf(copy.dir)).toEqual([
      expect.stringMatching(/^en\.md: body is \d+ characters, over the limit of 50000: shorten it$/),
    ])
  })

  it('refuse, before anything is written, a body short enough but too long for one D1 statement', async () => {
    // 40 000 characters pass the length check; a quotation in Chinese, three bytes a character in UTF-8, is over
    // 100 KB. (Cyrillic, two bytes a letter, no longer gets there under the cap: its soft hyphens did.)
    const copy = story()
    unlinkSync(copy.file('en.md'))
    unlinkSync(copy.file('kk.md'))
    copy.edit('ru.md', (text) => `${text}\n${'中华人民共和国外交部发言人表示，'.repeat(2500)}\n`)
    expect(refusalsOf(copy.dir)).toEqual([])
    // Two: the version's statement and its search text's, each holding the body.
    const tooLong = expect.stringMatching(
      /^ru\.md: the story makes a database statement of 1\d\d KB, over D1's limit of 100 KB: shorten the body or split the story$/,
    )
    expect(await preparedRefusals(copy.dir)).toEqual([tooLong, tooLong])
  })

  it('publish a 45 000-letter word in no time (hyphenating 100 000 letters took 28 s)', async () => {
    const copy = englishOnly()
    copy.edit('en.md', (text) => `${text}\n${'a'.repeat(45_000)}\n`)
    const started = performance.now()
    expect(await preparedRefusals(copy.dir)).toEqual([])
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('the folder', () => {
  it('refuse a photo that is a link, even to a real picture outside the folder', () => {
    const copy = story()
    const outside = join(scratch(), 'outside.jpg')
    writeFileSync(outside, readFileSync(copy.file(PHOTO)))
    unlinkSync(copy.file(PHOTO))
    symlinkSync(outside, copy.file(PHOTO))
    expect(refusalsOf(copy.dir)).toEqual([`${PHOTO}: is a symbolic link: put the file itself in the folder`])
  })

  it('refuse a language file that is a link', () => {
    const copy = story()
    const outside = join(scratch(), 'en.md')
    writeFileSync(outside, readFileSync(copy.file('en.md')))
    unlinkSync(copy.file('en.md'))
    symlinkSync(outside, copy.file('en.md'))
    expect(refusalsOf(copy.dir)).toEqual(['en.md: is a symbolic link: put the file itself in the folder'])
  })

  it('refuse a story folder that is a link inside a folder of stories', () => {
    const parent = scratch()
    const copy = story()
    symlinkSync(copy.dir, join(parent, 'linked-story'))
    expect(() => findStoryFolders([parent])).toThrow(
      expect.objectContaining({
        refusals: [
          {
            file: join(parent, 'linked-story'),
            problem: 'is a symbolic link: put the story folder itself here',
          },
        ],
      }),
    )
  })

  it('ignore what no story names: a broken link and a 3 GiB file are never opened', async () => {
    const copy = englishOnly()
    symlinkSync(join(copy.dir, 'gone'), copy.file('broken.jpg'))
    writeFileSync(copy.file('huge.bin'), '')
    truncateSync(copy.file('huge.bin'), 3 * 1024 ** 3)
    expect(await preparedRefusals(copy.dir)).toEqual([])
  })

  it('refuse a photo or a text over its size limit without reading it', () => {
    const copy = story()
    truncateSync(copy.file(PHOTO), MAX_PHOTO_BYTES + 1)
    truncateSync(copy.file('ru.md'), MAX_TEXT_BYTES + 1)
    expect(refusalsOf(copy.dir)).toEqual(['ru.md: is 1.0 MB, over the limit of 1.0 MB'])
    const photo = story()
    truncateSync(photo.file(PHOTO), MAX_PHOTO_BYTES + 1)
    expect(refusalsOf(photo.dir)).toEqual([`${PHOTO}: is 40.0 MB, over the limit of 40.0 MB`])
  })
})

describe('the photo', () => {
  const picture = (format: 'gif' | 'tiff' | 'png' | 'webp') =>
    sharp({ create: { width: 40, height: 20, channels: 3, background: '#336' } })
      [format]()
      .toBuffer()

  it.each([
    ['a GIF', () => picture('gif'), 'GIF'],
    ['a TIFF', () => picture('tiff'), 'TIFF'],
    [
      'an SVG',
      async () =>
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>',
        ),
      'SVG',
    ],
  ])('refuse %s named .jpg: the format is read from the bytes, not the name', async (_what, make) => {
    const copy = story()
    writeFileSync(copy.file(PHOTO), await make())
    expect(await preparedRefusals(copy.dir)).toEqual([
      expect.stringMatching(
        new RegExp(`^${PHOTO}: not a JPEG, PNG or WebP photo that can be read \\(.+\\)$`),
      ),
    ])
  })

  it.each(['png', 'webp'] as const)('take a %s photo whatever its name says', async (format) => {
    const copy = story()
    writeFileSync(copy.file(PHOTO), await picture(format))
    expect(await preparedRefusals(copy.dir)).toEqual([])
  })

  it('turns a phone photo upright before taking its size, and never enlarges it', async () => {
    // Stored 600 × 300 on its side, with EXIF orientation 6 (turn 90° clockwise): a 300 × 600 portrait.
    const copy = story('a-portrait-story')
    writeFileSync(
      copy.file(PHOTO),
      await sharp({ create: { width: 600, height: 300, channels: 3, background: '#963' } })
        .withMetadata({ orientation: 6 })
        .jpeg()
        .toBuffer(),
    )
    const [rendered] = (await prepare([copy.dir], '2026-12-01T00:00:00Z')).stories
    expect(rendered!.image).toMatchObject({ width: 300, height: 600, widths: [300] })
    const [object] = rendered!.imageObjects
    const served = await sharp(object!.bytes).metadata()
    expect([served.width, served.height, served.orientation]).toEqual([300, 600, undefined])
  })
})

describe('a publish fuzzed with hostile field values', () => {
  const HOSTILE = [
    '\u000b',
    '\u0000',
    '\u202e',
    '\ue000',
    '\ue001',
    '\ufffe',
    '"',
    "'",
    ': x',
    '{{site}}',
    '$t(notice.body)',
    '</script>',
    '\u2028',
    '\n  evil: 1',
    '+25:00',
    '9999-12-31T23:59:59-01:00',
    'я'.repeat(600),
    '&#0;',
  ]

  it('refuses or publishes each of 300 stories, never crashes, and publishes only clean text', async () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
    const source = readFileSync(englishOnly().file('en.md'), 'utf8')
    const photo = readFileSync(story().file(PHOTO))
    let refused = 0
    for (let i = 0; i < 300; i++) {
      const text = source
        .replace(/^(headline: .*)$/m, `$1${pick(HOSTILE)}`)
        .replace(
          /^(summary: )'(.*)'$/m,
          (_, key: string, value: string) => `${key}${JSON.stringify(value + pick(HOSTILE))}`,
        )
        .replace(
          /^published: .*$/m,
          `published: "${pick(['2022-03-14T00:00:00', '1953-01-01T00:00:00'])}${pick(['Z', '+25:00', '-12:00', '+14:01'])}"`,
        )
        .replace('\nKazakh officials have', `\nKazakh ${pick(HOSTILE)} officials have`)
      try {
        const [valid] = (
          await prepareStories(
            [
              {
                slug: `fuzz-${i}`,
                dir: `fuzz-${i}`,
                texts: { en: { file: 'en.md', source: text } },
                others: new Map([[PHOTO, () => photo]]),
              },
            ],
            '2026-12-01T00:00:00Z',
          )
        ).valid
        const version = valid!.versions[0]!
        expect(version.published).toMatch(/^(19[5-9]\d|20\d\d)-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
        expect(`${version.headline}${version.summary}${version.markdown}`).not.toMatch(
          /[\p{Cc}\p{Co}\p{Bidi_Control}\p{Noncharacter_Code_Point}](?<![\t\n\r])/u,
        )
      } catch (error) {
        if (!(error instanceof PublishRefused)) throw new Error(`case ${i}: ${String(error)}\n${text}`)
        refused++
      }
    }
    // Both outcomes are exercised.
    expect(refused).toBeGreaterThan(50)
    expect(refused).toBeLessThan(300)
  })
})

/**
 * The listening tier: every page kind read in kk, ru and en the way a screen reader reads it, through Chromium's
 * accessibility tree, kept as reviewed snapshots (`__snapshots__/listening/`) and held to what a listener needs.
 */
import { readFileSync } from 'node:fs'
import type { BrowserContext, CDPSession, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { generatedStory } from '../../scripts/publish/generate.ts'
import { openContext, siteUrl, useChromium, visit } from './support/browser'
import {
  followSkipLinks,
  headingsOf,
  isLandmark,
  landmarkLabel,
  landmarksOf,
  linksOf,
  listen,
  marksInsideWords,
  splitWords,
  tabThrough,
  transcript,
  visible,
  type Heard,
  type Reading,
} from './support/listening'
import { ARTICLE, COOKIES, LANGUAGES, PAGES, type Language } from './support/site'

const browser = useChromium()
const ROOT = new URL('../../', import.meta.url)

/** The site's words as translators wrote them: read from the locale files, not through the app's i18next. */
type Locale = Record<string, Record<string, string>>
const LOCALES = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    JSON.parse(readFileSync(new URL(`locales/${lang}/translation.json`, ROOT), 'utf8')) as Locale,
  ]),
) as Record<Language, Locale>
const say = (lang: Language, key: string): string => {
  const [group = '', entry = ''] = key.split('.')
  const text = LOCALES[lang][group]?.[entry]
  if (text === undefined) throw new Error(`no ${key} in locales/${lang}`)
  return text
}

/** A story file's front matter, as its editor wrote it. */
const frontMatter = (source: string): { headline: string } => parse(source.split(/^---$/m)[1] ?? '')

/** The headline an editor wrote for the real article, straight from its Markdown file. */
const articleHeadline = (lang: Language): string =>
  frontMatter(readFileSync(new URL(`content/articles/${ARTICLE.slug}/${lang}.md`, ROOT), 'utf8')).headline

/** A generated story's headline, from the file the test servers publish (support/server.ts). */
const generatedHeadline = (path: string, lang: Language): string => {
  const number = Number(path.split('-').pop())
  const story = generatedStory({ number, languages: [lang], image: Buffer.alloc(0) })
  return frontMatter(story.texts[lang]!.source).headline
}

/** A word no story has, in each language's script. */
const UNFOUND: Record<Language, string> = { kk: 'ксилофонтар', ru: 'ксилофонами', en: 'xylophones' }

/** A form posted to the preference endpoint the way no page of the site posts one: the refusal page that answers. */
const postRefused = async (page: Page, lang: Language, kind: 'crossSite' | 'plainText'): Promise<string> => {
  const isRefusal = (response: Response) =>
    new URL(response.url()).pathname === '/preferences' && response.request().method() === 'POST'
  let answered: Promise<Response>
  if (kind === 'crossSite') {
    // From a page of no site at all (a data: URL): Chromium says cross-site, and the site answers 403.
    const form = `<form method="post" action="${siteUrl()}/preferences"><input type="hidden" name="size" value="lg"><button>Send</button></form>`
    await page.goto(`data:text/html,${encodeURIComponent(form)}`)
    answered = page.waitForResponse(isRefusal)
    await page.getByRole('button').click()
  } else {
    // From a page of the site, but as text/plain, which no preference form sends: 415.
    await visit(page, PAGES.front(lang))
    answered = page.waitForResponse(isRefusal)
    await page.evaluate(() => {
      const form = Object.assign(document.createElement('form'), {
        method: 'post',
        action: '/preferences',
        enctype: 'text/plain',
      })
      form.append(Object.assign(document.createElement('input'), { name: 'size', value: 'lg' }))
      document.body.append(form)
      form.submit()
    })
  }
  const status = (await answered).status()
  // The answer is in; the page is read once it has replaced the one the form was sent from.
  await page.waitForURL(/\/preferences$/)
  const expected = kind === 'crossSite' ? 403 : 415
  if (status !== expected) throw new Error(`the ${kind} form was answered ${status}, not ${expected}`)
  return `POST /preferences ${kind === 'crossSite' ? 'from a data: page' : 'as text/plain'}, answered ${expected}`
}

type Kind = {
  /** Its snapshot's name, after the language. */
  file: string
  /** Opens the page; says what was opened, for the snapshot's first line. */
  open: (page: Page, lang: Language) => Promise<string>
  /** The page's one level-1 heading, from the locale files or the story's source. */
  headline: (lang: Language) => string
}

const at = (path: (lang: Language) => string, status?: number) => async (page: Page, lang: Language) => {
  await visit(page, path(lang), status)
  return path(lang)
}
const searchFor = (lang: Language) => `/${lang}/search?${new URLSearchParams({ q: UNFOUND[lang] })}`

const KINDS: Record<string, Kind> = {
  front: { file: 'front', open: at(PAGES.front), headline: (lang) => say(lang, 'front.heading') },
  article: { file: 'article', open: at(PAGES.article), headline: articleHeadline },
  partialStory: {
    file: 'partial-story',
    open: at(PAGES.partialStory),
    headline: (lang) => generatedHeadline(PAGES.partialStory(lang), lang),
  },
  missingTranslation: {
    file: 'missing-translation',
    open: at(PAGES.missingTranslation),
    headline: (lang) => say(lang, 'missingTranslation.title'),
  },
  notice: { file: 'notice', open: at(PAGES.notice), headline: (lang) => say(lang, 'notice.pageTitle') },
  search: { file: 'search', open: at(PAGES.search), headline: (lang) => say(lang, 'search.title') },
  searchNone: { file: 'search-none', open: at(searchFor), headline: (lang) => say(lang, 'search.title') },
  archive: { file: 'archive', open: at(PAGES.archive), headline: (lang) => say(lang, 'archive.heading') },
  notFound: { file: 'not-found', open: at(PAGES.notFound), headline: (lang) => say(lang, 'notFound.title') },
  crossSiteForm: {
    file: 'cross-site-form',
    open: (page, lang) => postRefused(page, lang, 'crossSite'),
    headline: (lang) => say(lang, 'formRefused.title'),
  },
  plainTextForm: {
    file: 'plain-text-form',
    open: (page, lang) => postRefused(page, lang, 'plainText'),
    headline: (lang) => say(lang, 'formRefused.title'),
  },
}
type KindName = keyof typeof KINDS

/** The pages that answer instead of the one asked for: a 404 and the refused forms (src/routes/message-page.tsx). */
const ANSWERS_INSTEAD: readonly string[] = ['notFound', 'crossSiteForm', 'plainTextForm']

/**
 * Every kind read without the banner (the reader hid it), fully: headings, landmarks, Tab by Tab, skip links. With
 * the banner (the shared site sees a reader in Russia), the front page and the article are read fully and kept as
 * snapshots too; every other kind is read once more for the banner alone.
 */
const READINGS = [
  ...Object.keys(KINDS).map((kind) => ({ kind, banner: false, full: true })),
  ...Object.keys(KINDS).map((kind) => ({ kind, banner: true, full: kind === 'front' || kind === 'article' })),
]

/** Text that says nothing out of context, in the links list of any of the three languages. */
const VAGUE_LINK_NAMES = new Set([
  ...['here', 'click here', 'more', 'read more', 'link', 'this', 'details', 'continue'],
  ...['тут', 'здесь', 'сюда', 'подробнее', 'ещё', 'еще', 'далее', 'ссылка', 'читать далее'],
  ...['мұнда', 'осында', 'толығырақ', 'тағы', 'әрі қарай', 'сілтеме', 'оқу'],
])

/** Names compared as a listener hears them: any run of spaces, no-break ones too, is one space. */
const spoken = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The characters no name or text may carry: they are read out, or break a word, in some screen readers. */
const FORBIDDEN = /[\u00ad\u200b\u2060\ufeff]/u

type PageReading = Reading & { splits: string[]; cutMarks: string[] }

describe.each(LANGUAGES)('in %s', (lang) => {
  describe.each(READINGS)('the $kind page, banner shown: $banner', ({ kind, banner, full }) => {
    const { file, open, headline } = KINDS[kind as KindName]!
    const answersInstead = ANSWERS_INSTEAD.includes(kind)
    let context: BrowserContext
    let cdp: CDPSession
    let reading: PageReading

    beforeAll(async () => {
      // The reader's browser asks for the page's language: a refused form answers in it.
      context = await openContext(browser(), { locale: lang })
      // "Hide" as the site itself stores it, SameSite=Lax: a cookie set without SameSite would go along with a
      // form from another site too (Chromium's Lax-allowing-unsafe rule), which the site's own cookie never does.
      if (!banner)
        await context.addCookies([
          { name: COOKIES.legalBanner, value: 'hidden', url: siteUrl(), sameSite: 'Lax', httpOnly: true },
        ])
      const page = await context.newPage()
      const path = await open(page, lang)
      cdp = await context.newCDPSession(page)
      const origin = siteUrl()
      const hearing = await listen(cdp, origin)
      const splits = await splitWords(page)
      const cutMarks = await marksInsideWords(page)
      const steps = full ? await tabThrough(page, cdp, origin) : []
      const skipLinks = hearing.nodes.slice(0, hearing.nodes.findIndex(isLandmark)).filter(isSkipLink)
      const skips = full ? await followSkipLinks(page, cdp, origin, skipLinks) : []
      reading = { path, hearing, steps, skips, splits, cutMarks }
    })
    afterAll(async () => {
      await context?.close()
    })

    if (full)
      it('is heard as its reviewed snapshot says', async () => {
        const about = `${lang}, ${banner ? 'legal banner shown' : 'legal banner hidden'}`
        await expect(transcript(reading, about)).toMatchFileSnapshot(
          `__snapshots__/listening/${lang}-${file}${banner ? '-banner' : ''}.txt`,
        )
      })

    it('has its headline as its one level-1 heading, heard whole and once', () => {
      const headings = headingsOf(reading.hearing)
      const top = headings.filter((h) => h.level === 1)
      expect(top.map((h) => visible(spoken(h.name)))).toEqual([visible(spoken(headline(lang)))])
      const named = [...headings, ...linksOf(reading.hearing)].filter(
        (node) => spoken(node.name) === spoken(top[0]!.name),
      )
      expect(named.map((node) => `${node.role} "${visible(node.name)}"`)).toHaveLength(1)
    })

    it('has no soft hyphen, zero-width space or word joiner in anything heard, and no word split apart', () => {
      const marked = reading.hearing.nodes
        .filter((node) => FORBIDDEN.test(node.name))
        .map((node) => `${node.role} "${visible(node.name)}"`)
      expect(marked).toEqual([])
      expect(reading.splits).toEqual([])
    })

    it('names each language in its own language, and the current one as the current page', () => {
      const switcher = reading.hearing.nodes.filter((node) =>
        node.within.some((label) => label === `navigation "${say(lang, 'navigation.label')}"`),
      )
      for (const other of LANGUAGES) {
        const links = switcher.filter((n) => n.role === 'link' && n.name === say(other, 'language.name'))
        const unavailable = switcher.filter((n) => n.name.includes(say(other, 'language.unavailable')))
        expect(links.length + unavailable.length, `${other}: one link, or one "not available"`).toBe(1)
        for (const node of [...links, ...unavailable]) expect(node.lang, node.name).toBe(other)
        for (const link of links)
          expect(link.current, link.name).toBe(other === lang && !answersInstead ? 'page' : undefined)
      }
      // On a story missing in this language, the language is said to be unavailable instead (above); on a page that
      // answers instead of the one asked for, every language link leads to a front page, none of them this page.
      const here = switcher.filter((n) => n.role === 'link' && n.current === 'page')
      expect(here.map((n) => n.lang)).toEqual(kind === 'missingTranslation' || answersInstead ? [] : [lang])
    })

    it('has links that make sense out of context: one target per name, none only "here" or "more"', () => {
      const targets = new Map<string, Set<string>>()
      for (const link of linksOf(reading.hearing)) {
        const name = spoken(link.name).toLowerCase()
        targets.set(name, (targets.get(name) ?? new Set()).add(link.target ?? ''))
      }
      const ambiguous = [...targets]
        .filter(([, to]) => to.size > 1)
        .map(([name, to]) => `${name} → ${[...to]}`)
      expect(ambiguous).toEqual([])
      const vague = [...targets.keys()].filter((name) =>
        VAGUE_LINK_NAMES.has(name.replace(/[.…:!?»]+$/u, '')),
      )
      expect(vague).toEqual([])
    })

    if (full) {
      it('announces the text-size control with its state, and each size as pressed or not', () => {
        const steps = reading.steps
        const summary = steps.findIndex((s) => s.node?.role === 'DisclosureTriangle')
        expect(summary, 'Tab reaches the text-size disclosure').toBeGreaterThanOrEqual(0)
        expect(steps[summary]!.node).toMatchObject({
          name: say(lang, 'textSize.summary').replace('{{size}}', 'SM'),
          expanded: false,
        })
        expect(steps[summary + 1]!.node).toMatchObject({ role: 'DisclosureTriangle', expanded: true })
        const sizes = steps.slice(summary + 2, summary + 6).map((s) => s.node)
        expect(sizes.map((n) => [n?.role, n?.name, n?.pressed])).toEqual(
          ['xs', 'sm', 'md', 'lg'].map((size) => [
            'button',
            `${size.toUpperCase()}, ${say(lang, `textSize.${size}`)}`,
            size === 'sm',
          ]),
        )
      })

      it('lands each skip link on its target, with the keyboard, and announces where it landed', () => {
        const expected = [
          { name: say(lang, 'skipLinks.mainContent'), id: 'main-content', role: 'main', label: '' },
          {
            name: say(lang, 'skipLinks.navigation'),
            id: 'navigation',
            role: 'navigation',
            label: say(lang, 'navigation.label'),
          },
          {
            name: say(lang, 'skipLinks.search'),
            id: 'search',
            role: 'search',
            label: say(lang, 'search.label'),
          },
        ]
        expect(
          reading.skips.map(({ link, focusedId, landed }) => ({
            name: link.name,
            id: focusedId,
            role: landed?.role,
            label: landed?.name,
          })),
        ).toEqual(expected)
        for (const { link, focusedId } of reading.skips)
          expect(link.target).toMatch(new RegExp(`#${focusedId}$`))
      })
    }

    if (banner)
      it('has the legal banner heard once, as a named region with its heading, before the header', () => {
        const heading = say(lang, 'notice.bannerHeading')
        const nodes = reading.hearing.nodes
        const regions = landmarksOf(reading.hearing).filter((l) => l.role === 'region' && l.name === heading)
        expect(regions).toHaveLength(1)
        const region = landmarkLabel(regions[0]!)
        const inRegion = (n: Heard) => n.within.includes(region)
        expect(headingsOf(reading.hearing).filter((h) => h.name === heading)).toMatchObject([{ level: 2 }])
        expect(inRegion(headingsOf(reading.hearing).find((h) => h.name === heading)!)).toBe(true)
        expect(nodes.filter((n) => n.role === 'StaticText' && n.name === heading)).toHaveLength(1)
        expect(nodes.indexOf(regions[0]!)).toBeLessThan(nodes.findIndex((n) => n.role === 'banner'))
        const hide = nodes.filter((n) => n.role === 'button' && inRegion(n))
        expect(hide.map((n) => n.name)).toEqual([say(lang, 'notice.hide')])
        // "Hide" alone would leave a listener who jumped to the button asking what it hides.
        expect(spoken(hide[0]!.name).split(' ').length).toBeGreaterThan(1)
      })
    else
      it('has no legal banner', () => {
        const heading = say(lang, 'notice.bannerHeading')
        const notOurs = kind === 'crossSiteForm'
        // A form from another site carries none of the reader's cookies, "Hide" included: the banner is back.
        expect(landmarksOf(reading.hearing).filter((l) => l.name === heading)).toHaveLength(notOurs ? 1 : 0)
      })

    if (kind === 'search')
      it('says how many stories were found before the results, each headline once, marks inside no word', () => {
        const headings = headingsOf(reading.hearing)
        const results = headings.filter((h) => h.level === 3)
        const count = headings.findIndex((h) => h.level === 2 && /\d/.test(h.name))
        expect(count).toBeGreaterThanOrEqual(0)
        expect(count).toBeLessThan(headings.indexOf(results[0]!))
        expect(Number(/\d+/.exec(headings[count]!.name)![0])).toBe(results.length)
        expect(results.map((h) => spoken(h.name))).toContain(spoken(articleHeadline(lang)))
        for (const result of results)
          expect(
            headings.filter((h) => h.name === result.name),
            result.name,
          ).toHaveLength(1)
        expect(reading.cutMarks).toEqual([])
      })

    if (kind === 'searchNone')
      it('says that nothing was found, and lists no results', () => {
        const headings = headingsOf(reading.hearing)
        expect(headings.filter((h) => h.name === say(lang, 'search.none'))).toHaveLength(1)
        expect(headings.filter((h) => h.level === 3)).toEqual([])
      })
  })
})

/** A link to a place on the page itself, before the first landmark: a skip link. */
function isSkipLink(node: Heard): boolean {
  return node.role === 'link' && (node.target ?? '').includes('#')
}

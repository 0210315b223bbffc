/** The reader's pages: the front page and its archive, stories, and the legal notice, in each language. */
import type { Context } from 'hono'
import { etag } from 'hono/etag'
import { translator } from '../i18n'
import type { Language } from '../languages'
import { buildPageChrome, variantOf, type AppEnv } from '../page'
import { keepFromCaches, pageCache } from '../page-cache'
import {
  absoluteUrl,
  alternatesOf,
  articlePath,
  frontPath,
  newerPath,
  noticePath,
  olderPath,
  someAlternatesOf,
} from '../paths'
import { forgetLegacyLanguage } from '../preferences'
import { cursorToken, openStore, parseCursor, type StoryPage } from '../store'
import { newsArticleData } from '../structured-data'
import { ArticlePage } from '../views/ArticlePage'
import { FrontPage } from '../views/FrontPage'
import { MissingTranslationPage } from '../views/MissingTranslationPage'
import { NoticePage } from '../views/NoticePage'
import { PromoBox } from '../views/PromoBox'
import { LANG, routeLanguage, routeGroup } from './route-helpers'

export const pages = routeGroup()

// The year-long `lang` cookie earlier versions set on every read: gone at the reader's next page (outside the
// cache, so only on their own copy).
pages.use(`/${LANG}/*`, async (c, next) => {
  await next()
  forgetLegacyLanguage(c)
})
pages.use(`/${LANG}/*`, etag())
pages.use(`/${LANG}/*`, pageCache())

/** The front page and each archive page: a list of stories with links to older and newer ones. */
const listPage = async (c: Context<AppEnv>, lang: Language, list: StoryPage, path: string) => {
  const variant = await variantOf(c, lang)
  const t = translator(lang)
  const isFront = path === frontPath(lang)
  const page = buildPageChrome(variant, {
    title: isFront ? t('front.heading') : t('archive.heading'),
    path,
    // An archive page's stories differ by language: it has no translation, only the front page has.
    alternates: isFront ? alternatesOf(frontPath) : { [lang]: path },
    indexable: true,
    description: t('front.description'),
    previewType: 'website',
  })
  const older = list.older && olderPath(lang, cursorToken(list.older))
  const newer =
    list.newer === 'front' ? frontPath(lang) : list.newer ? newerPath(lang, cursorToken(list.newer)) : null
  return c.render(
    <FrontPage t={t} lang={lang} isFront={isFront} stories={list.stories} older={older} newer={newer} />,
    { page },
  )
}

pages.get(`/${LANG}/`, async (c) => {
  const lang = routeLanguage(c)
  return listPage(c, lang, await openStore(c.env).newest(lang), frontPath(lang))
})

pages.get(`/${LANG}/older/:cursor`, async (c) => {
  const lang = routeLanguage(c)
  const cursor = parseCursor(c.req.param('cursor'))
  if (!cursor) return c.notFound()
  const list = await openStore(c.env).olderThan(lang, cursor)
  // Past the oldest story there is nothing to show: not a page.
  if (list.stories.length === 0) return c.notFound()
  // `rel="prev"` goes to the stories newer than this page's first; that route sends the reader to the front page
  // when they are the front page's, so this page reads no more than its own stories.
  return listPage(c, lang, list, olderPath(lang, c.req.param('cursor')))
})

pages.get(`/${LANG}/newer/:cursor`, async (c) => {
  const lang = routeLanguage(c)
  const cursor = parseCursor(c.req.param('cursor'))
  if (!cursor) return c.notFound()
  const list = await openStore(c.env).newerThan(lang, cursor)
  // No more than a page of newer stories: they are the front page's.
  if (list.newer === 'front') return c.redirect(frontPath(lang), 302)
  return listPage(c, lang, list, newerPath(lang, c.req.param('cursor')))
})

pages.get(`/${LANG}/articles/:slug`, async (c) => {
  const lang = routeLanguage(c)
  const slug = c.req.param('slug')
  const { story, languages } = await openStore(c.env).story(slug, lang)
  if (languages.length === 0) return c.notFound()
  const variant = await variantOf(c, lang)
  const alternates = someAlternatesOf(languages, (other) => articlePath(other, slug))
  if (!story) {
    // The story exists, not in this language: say so in this language, and link the versions there are.
    const t = translator(lang)
    const page = buildPageChrome(variant, {
      title: t('missingTranslation.title'),
      path: articlePath(lang, slug),
      alternates,
      indexable: false,
      description: t('missingTranslation.body'),
      previewType: 'website',
    })
    // A 404, like the other error pages, yet holding the reader's size, banner and breaking item: no cache may keep it
    // or answer it for another cookie.
    keepFromCaches(c)
    c.status(404)
    return c.render(<MissingTranslationPage t={t} lang={lang} alternates={alternates} />, { page })
  }
  const widest = story.photo.sources.at(-1)!
  const page = buildPageChrome(variant, {
    title: story.headline,
    path: articlePath(lang, slug),
    alternates,
    indexable: true,
    description: story.summary,
    previewType: 'article',
    image: {
      url: absoluteUrl(variant.origin, widest.path),
      width: story.photo.width,
      height: story.photo.height,
      alt: story.photo.alt,
    },
    structuredData: newsArticleData(variant.origin, story),
  })
  return c.render(<ArticlePage t={page.t} lang={lang} story={story} />, {
    page,
    aside: <PromoBox t={page.t} />,
  })
})

pages.get(`/${LANG}/notice`, async (c) => {
  const variant = await variantOf(c, routeLanguage(c))
  const t = translator(variant.lang)
  const page = buildPageChrome(variant, {
    title: t('notice.pageTitle'),
    path: noticePath(variant.lang),
    alternates: alternatesOf(noticePath),
    indexable: true,
    description: t('notice.declared'),
    previewType: 'website',
  })
  return c.render(<NoticePage t={t} lang={variant.lang} />, { page })
})

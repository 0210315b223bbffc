/** The article model: what an article is, in every language, apart from how it is shown. */
import type { AssetName } from '../assets'
import type { Language } from '../languages'
import { typeset } from '../typography'

/** An article's words in one language. English is the source text, word for word; the others are translations. */
export type ArticleText = {
  headline: string
  /** One or two sentences for the front page, feeds and previews. */
  summary: string
  /**
   * The place the story was filed from, in capitals, printed before the first paragraph; absent in languages whose
   * copy prints none (the outlet's own Kazakh and Russian pages start with the lede).
   */
  dateline?: string
  image: {
    /** What the picture shows, for readers who cannot see it. */
    alt: string
    /** The caption; while the picture is an illustration, it says what the original photo showed, as that. */
    caption: string
  }
  paragraphs: readonly string[]
  /** The box about the service that published the article. */
  promo: { title: string; body: string }
}

export type ArticleImage = {
  /** The image's name under `static/`; the served URL carries a content hash. */
  asset: AssetName
  width: number
  height: number
  /** The same picture at a smaller width, for phones: a slow network should not pay for pixels it cannot show. */
  narrow?: { asset: AssetName; width: number }
  /**
   * True while the picture is a drawn stand-in, not the news photo: the figure is then labelled as an illustration in
   * every language, so no reader takes the drawing for the event.
   */
  illustration: boolean
}

export type Article = {
  slug: string
  /** Calendar date of publication, `YYYY-MM-DD`. */
  published: string
  image: ArticleImage
  /** Where the English original was published. */
  originalUrl: string
  text: Record<Language, ArticleText>
}

/** Lists what is wrong with an article's text in one language; empty when it is publishable. */
export const problemsWithText = (text: unknown): string[] => {
  const problems: string[] = []
  const isFilled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
  if (typeof text !== 'object' || text === null) return ['not an object']
  const t = text as Record<string, unknown>
  for (const key of ['headline', 'summary'] as const) if (!isFilled(t[key])) problems.push(`${key} is empty`)
  if (t.dateline !== undefined && !isFilled(t.dateline)) problems.push('dateline is empty')
  const image = t.image as Record<string, unknown> | undefined
  if (!isFilled(image?.alt)) problems.push('image.alt is empty')
  if (!isFilled(image?.caption)) problems.push('image.caption is empty')
  const promo = t.promo as Record<string, unknown> | undefined
  if (!isFilled(promo?.title)) problems.push('promo.title is empty')
  if (!isFilled(promo?.body)) problems.push('promo.body is empty')
  if (!Array.isArray(t.paragraphs) || t.paragraphs.length === 0) problems.push('no paragraphs')
  else t.paragraphs.forEach((p, i) => isFilled(p) || problems.push(`paragraph ${i + 1} is empty`))
  return problems
}

/** An article's text set in its language's typography: every field a reader sees, in one pass (see typography.ts). */
export const typesetText = (lang: Language, text: ArticleText): ArticleText => {
  const set = (value: string) => typeset(lang, value)
  return {
    headline: set(text.headline),
    summary: set(text.summary),
    ...(text.dateline === undefined ? {} : { dateline: set(text.dateline) }),
    image: { alt: set(text.image.alt), caption: set(text.image.caption) },
    paragraphs: text.paragraphs.map(set),
    promo: { title: set(text.promo.title), body: set(text.promo.body) },
  }
}

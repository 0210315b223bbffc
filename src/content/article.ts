/** The article model: what an article is, in every language, apart from how it is shown. */
import type { AssetName } from '../assets'
import type { Language } from '../languages'

/** An article's words in one language. English is the source text, word for word; the others are translations. */
export type ArticleText = {
  headline: string
  /** One or two sentences for the front page, feeds and previews. */
  summary: string
  /** The place the story was filed from, in capitals, printed before the first paragraph. */
  dateline: string
  image: {
    /** What the picture shows, for readers who cannot see it. */
    alt: string
    /** The article's own caption. */
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
  for (const key of ['headline', 'summary', 'dateline'] as const)
    if (!isFilled(t[key])) problems.push(`${key} is empty`)
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

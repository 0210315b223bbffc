/** The story model: what a story is, in one language, apart from where it is stored and how it is shown. */
import type { Language } from '../languages'

/** A story as a list, a feed or the sitemap shows it, in one language. */
export type StorySummary = {
  slug: string
  lang: Language
  headline: string
  summary: string
  /** ISO 8601 UTC. */
  published: string
  updated: string | null
  /** Every language the story exists in, this one included. */
  languages: Language[]
}

/** A story's photo: the widths stored for it, narrowest first, the last being its declared size. */
export type StoryPhoto = {
  width: number
  height: number
  sources: { path: string; width: number }[]
  alt: string
  caption: string
  /**
   * True while the picture is a drawn stand-in, not the news photo: the figure is then labelled as an illustration in
   * every language, so no reader takes the drawing for the event.
   */
  illustration: boolean
}

/** One language version of a story, whole. */
export type Story = StorySummary & {
  dateline: string | null
  photo: StoryPhoto
  /** Rendered and sanitised when it was published (scripts/publish/render.ts). */
  bodyHtml: string
}

/**
 * Kept apart from site.ts, which imports the app's modules the way Vite resolves them: server.ts (and so
 * `npm run bench`, which runs in plain Node) needs only this list.
 */
import type { Language } from '../../../scripts/publish/story.ts'

/**
 * Generated stories the test servers publish beside the real one (support/server.ts), all older than it: one in
 * Kazakh only, one in Kazakh and Russian, one in English only, one in all three with a long word in its headline and
 * first paragraph, and 21 more in English to fill a second page.
 */
const OLDER = '2021-01-01T00:00:00Z'
export const GENERATED_STORIES: {
  number: number
  languages: Language[]
  from: string
  longWords?: Partial<Record<Language, string>>
}[] = [
  { number: 9001, languages: ['kk'], from: OLDER },
  { number: 9002, languages: ['kk', 'ru'], from: OLDER },
  { number: 9003, languages: ['en'], from: OLDER },
  {
    number: 9004,
    languages: ['kk', 'ru', 'en'],
    from: OLDER,
    // 20, 17 and 20 letters: longer than any word of the real article.
    longWords: { kk: 'жауапкершілігіміздің', ru: 'широкомасштабного', en: 'internationalization' },
  },
  ...Array.from({ length: 21 }, (_, i) => ({
    number: i + 1,
    languages: ['en'] as Language[],
    from: '2020-01-01T00:00:00Z',
  })),
]

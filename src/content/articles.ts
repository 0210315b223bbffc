/** Every article the reader publishes, newest first. Words live in JSON beside this file, one file per language. */
import type { Article } from './article'
import en from './articles/kazakhstan-contradictory-death-tolls-unrest/en.json'
import kk from './articles/kazakhstan-contradictory-death-tolls-unrest/kk.json'
import ru from './articles/kazakhstan-contradictory-death-tolls-unrest/ru.json'

export const ARTICLES: readonly Article[] = [
  {
    slug: 'kazakhstan-contradictory-death-tolls-unrest',
    published: '2022-03-14',
    image: {
      asset: 'images/unrest-illustration.jpg',
      width: 960,
      height: 540,
      narrow: { asset: 'images/unrest-illustration-480.jpg', width: 480 },
    },
    originalUrl: 'https://www.rferl.org/a/kazakhstan-contradictory-death-tolls-unrest/31752499.html',
    text: { en, kk, ru },
  },
]

export const findArticle = (slug: string): Article | undefined => ARTICLES.find((a) => a.slug === slug)

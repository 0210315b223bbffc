/** Every article the reader publishes, newest first. Words live in JSON beside this file, one file per language. */
import { typesetText, type Article } from './article'
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
      // A drawing standing in for the original photo, which is not part of the source.
      illustration: true,
    },
    originalUrl: 'https://www.rferl.org/a/kazakhstan-contradictory-death-tolls-unrest/31752499.html',
    // Typeset once, here: the page, its metadata, the JSON-LD and the feeds all read the same text.
    text: { en: typesetText('en', en), kk: typesetText('kk', kk), ru: typesetText('ru', ru) },
  },
]

export const findArticle = (slug: string): Article | undefined => ARTICLES.find((a) => a.slug === slug)

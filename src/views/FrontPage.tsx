/** The front page and each archive page: a page of stories in the page's language, newest first. */
import type { StorySummary } from '../content/story'
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { longestBucket } from '../longest-word'
import { articlePath, feedPath } from '../paths'
import { InLanguages } from './InLanguages'
import { PublicationDate } from './PublicationDate'

type Props = {
  t: Translate
  lang: Language
  /** The front page has the site's heading; an archive page says it holds older stories. */
  isFront: boolean
  stories: readonly StorySummary[]
  /** The page of older stories (`rel="next"`), and of newer ones (`rel="prev"`), where there are any. */
  older: string | null
  newer: string | null
}

export const FrontPage = ({ t, lang, isFront, stories, older, newer }: Props) => (
  <>
    <h1>{isFront ? t('front.heading') : t('archive.heading')}</h1>
    {stories.length === 0 ? (
      <p>{t('front.empty')}</p>
    ) : (
      <ul class="article-list">
        {stories.map((story) => (
          <li>
            {/* Each story's headline and summary stop growing where its longest word fits (static/site.css). */}
            <article data-longest={longestBucket(story.headline, story.summary)}>
              <h2>
                <a href={articlePath(lang, story.slug)}>
                  <InLanguages lang={lang} text={story.headline} />
                </a>
              </h2>
              <p class="meta">
                <PublicationDate lang={lang} date={story.published} />
              </p>
              <p>
                <InLanguages lang={lang} text={story.summary} />
              </p>
            </article>
          </li>
        ))}
      </ul>
    )}
    {(older || newer) && (
      <nav aria-label={t('archive.navigation')}>
        <ul class="pagination">
          {newer && (
            <li>
              <a href={newer} rel="prev">
                {t('archive.newer')}
              </a>
            </li>
          )}
          {older && (
            <li>
              <a href={older} rel="next">
                {t('archive.older')}
              </a>
            </li>
          )}
        </ul>
      </nav>
    )}
    <p>
      <a href={feedPath(lang)} type="application/atom+xml">
        <InLanguages lang={lang} text={t('feed.link')} />
      </a>
    </p>
  </>
)

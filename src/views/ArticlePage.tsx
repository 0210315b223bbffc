/**
 * One story: headline, dates, picture with caption (labelled if it is an illustration), and the body as it was
 * rendered when it was published.
 */
import { raw } from 'hono/html'
import type { Story } from '../content/story'
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { longestBucket, textOfHtml } from '../longest-word'
import { InLanguages } from './InLanguages'
import { PublicationDate } from './PublicationDate'

type Props = { t: Translate; lang: Language; story: Story }

export const ArticlePage = ({ t, lang, story }: Props) => {
  const { photo } = story
  const widest = photo.sources.at(-1)!
  const srcset =
    photo.sources.length > 1 ? photo.sources.map((s) => `${s.path} ${s.width}w`).join(', ') : undefined
  return (
    // The stylesheet stops the body and the headline growing where each one's longest word still fits a phone's line.
    <article class="article" data-longest={longestBucket(textOfHtml(story.bodyHtml))}>
      <h1 data-longest={longestBucket(story.headline)}>
        <InLanguages lang={lang} text={story.headline} />
      </h1>
      <p class="meta">
        {t('article.published')}: <PublicationDate lang={lang} date={story.published} />
        {story.updated && (
          <>
            {' · '}
            {t('article.updated')}: <PublicationDate lang={lang} date={story.updated} />
          </>
        )}
      </p>
      <figure>
        <img
          src={widest.path}
          srcset={srcset}
          // The column is 42rem at most, inside 1rem of padding a side: on a phone, the width of the screen.
          sizes={srcset && '(min-width: 44rem) 42rem, 100vw'}
          width={photo.width}
          height={photo.height}
          alt={photo.alt}
        />
        <figcaption>
          {photo.illustration && <>{t('article.illustration')}. </>}
          <InLanguages lang={lang} text={photo.caption} />
        </figcaption>
      </figure>
      {/* Sanitised when it was published (scripts/publish/render.ts): only paragraphs, subheadings, quotes, lists,
          emphasis and https: or on-site links can be in it. */}
      <div class="body">{raw(story.bodyHtml)}</div>
    </article>
  )
}

/** The front page: every article in the page's language, newest first. */
import type { Article } from '../content/article'
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { articlePath, feedPath } from '../paths'
import { PublicationDate } from './PublicationDate'

type Props = { t: Translate; lang: Language; articles: readonly Article[] }

export const FrontPage = ({ t, lang, articles }: Props) => (
  <>
    <h1>{t('front.heading')}</h1>
    <ul class="article-list">
      {articles.map((article) => {
        const text = article.text[lang]
        return (
          <li>
            <article>
              <h2>
                <a href={articlePath(lang, article.slug)}>{text.headline}</a>
              </h2>
              <p class="meta">
                <PublicationDate lang={lang} date={article.published} />
              </p>
              <p>{text.summary}</p>
            </article>
          </li>
        )
      })}
    </ul>
    <p>
      <a href={feedPath(lang)} type="application/atom+xml">
        {t('feed.link')}
      </a>
    </p>
  </>
)

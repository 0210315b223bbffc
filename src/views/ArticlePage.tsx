/** One article: headline, date, picture with caption (labelled if it is an illustration), dateline and body. */
import { assetUrl } from '../assets'
import type { Article } from '../content/article'
import { hyphenate } from '../content/hyphenation'
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { DATELINE_DASH } from '../typography'
import { PublicationDate } from './PublicationDate'

type Props = { t: Translate; lang: Language; article: Article }

export const ArticlePage = ({ t, lang, article }: Props) => {
  const text = article.text[lang]
  const [first = '', ...rest] = text.paragraphs.map((paragraph) => hyphenate(lang, paragraph))
  return (
    <article class="article">
      <h1>{hyphenate(lang, text.headline)}</h1>
      <p class="meta">
        {t('article.published')}: <PublicationDate lang={lang} date={article.published} />
      </p>
      <figure>
        <img
          src={assetUrl(article.image.asset)}
          srcset={
            article.image.narrow &&
            `${assetUrl(article.image.narrow.asset)} ${article.image.narrow.width}w, ${assetUrl(article.image.asset)} ${article.image.width}w`
          }
          // The column is 42rem at most, inside 1rem of padding a side: on a phone, the width of the screen.
          sizes={article.image.narrow && '(min-width: 44rem) 42rem, 100vw'}
          width={article.image.width}
          height={article.image.height}
          alt={text.image.alt}
        />
        <figcaption>
          {article.image.illustration && <>{t('article.illustration')}. </>}
          {text.image.caption}
        </figcaption>
      </figure>
      <div class="body">
        <p>
          {text.dateline && (
            <>
              <span class="dateline">{text.dateline}</span>
              {DATELINE_DASH}
            </>
          )}
          {first}
        </p>
        {rest.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </div>
    </article>
  )
}

/** One article: headline, date, photo with caption, dateline and body. */
import { assetUrl } from '../assets'
import type { Article } from '../content/article'
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { PublicationDate } from './PublicationDate'

type Props = { t: Translate; lang: Language; article: Article }

export const ArticlePage = ({ t, lang, article }: Props) => {
  const text = article.text[lang]
  const [first, ...rest] = text.paragraphs
  return (
    <article class="article">
      <h1>{text.headline}</h1>
      <p class="meta">
        {t('article.published')}: <PublicationDate lang={lang} date={article.published} />
      </p>
      <figure>
        <img
          src={assetUrl(article.image.asset)}
          width={article.image.width}
          height={article.image.height}
          alt={text.image.alt}
        />
        <figcaption>{text.image.caption}</figcaption>
      </figure>
      <div class="body">
        <p>
          <span class="dateline">{text.dateline}</span> -- {first}
        </p>
        {rest.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </div>
    </article>
  )
}

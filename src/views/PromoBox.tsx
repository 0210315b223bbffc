/** The complementary box about the service that published the article. */
import type { ArticleText } from '../content/article'

type Props = { promo: ArticleText['promo'] }

export const PromoBox = ({ promo }: Props) => (
  <aside class="promo" aria-labelledby="promo-heading">
    <h2 id="promo-heading">{promo.title}</h2>
    <p>{promo.body}</p>
  </aside>
)

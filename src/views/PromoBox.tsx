/** The complementary box about the service that publishes the stories. */
import type { Translate } from '../i18n'

type Props = { t: Translate }

export const PromoBox = ({ t }: Props) => (
  <aside class="promo" aria-labelledby="promo-heading">
    <h2 id="promo-heading">{t('promo.title')}</h2>
    <p>{t('promo.body')}</p>
  </aside>
)

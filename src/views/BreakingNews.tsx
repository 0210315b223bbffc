/** The breaking-news bar under the header; rendered only when there is an item, so no empty region is left. */
import type { BreakingItem } from '../breaking-news'
import type { Translate } from '../i18n'

type Props = { t: Translate; item: BreakingItem }

export const BreakingNews = ({ t, item }: Props) => (
  <section class="breaking" aria-labelledby="breaking-label">
    <h2 class="breaking-label" id="breaking-label">
      {t('breaking.label')}
    </h2>
    <p>
      <a href={item.url}>{item.text}</a>
    </p>
  </section>
)

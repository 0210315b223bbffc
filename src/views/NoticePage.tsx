/** The full legal notice that the footer and the banner link to. */
import type { Translate } from '../i18n'

type Props = { t: Translate }

export const NoticePage = ({ t }: Props) => (
  <article class="notice">
    <h1>{t('notice.pageTitle')}</h1>
    <p>{t('notice.declared')}</p>
    <p>{t('notice.risk')}</p>
    <h2>{t('notice.protectionHeading')}</h2>
    <p>{t('notice.protection')}</p>
  </article>
)

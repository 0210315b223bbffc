/** The full legal notice that the footer and the banner link to. */
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { InLanguages } from './InLanguages'

type Props = { t: Translate; lang: Language }

export const NoticePage = ({ t, lang }: Props) => (
  <article class="notice">
    <h1>{t('notice.pageTitle')}</h1>
    <p>{t('notice.declared')}</p>
    <p>{t('notice.risk')}</p>
    <h2>{t('notice.protectionHeading')}</h2>
    <p>
      {/* It names the cookie files: an English word in the Kazakh and Russian texts. */}
      <InLanguages lang={lang} text={t('notice.protection')} />
    </p>
  </article>
)

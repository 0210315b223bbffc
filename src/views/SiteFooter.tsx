/** The contentinfo landmark: the legal notice, on every page and for every reader, as on the original site. */
import type { Translate } from '../i18n'
import type { Language } from '../languages'

type Props = { t: Translate; lang: Language }

export const SiteFooter = ({ t, lang }: Props) => (
  <footer class="site-footer">
    <h2>{t('notice.footerHeading')}</h2>
    <p>{t('notice.declared')}</p>
    <p>{t('notice.risk')}</p>
    <p>
      <a href={`/${lang}/notice`}>{t('notice.moreLink')}</a>
    </p>
  </footer>
)

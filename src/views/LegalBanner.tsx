/** The legal-risk warning at the top of the page, for readers where sharing this outlet's content is punishable. */
import type { Translate } from '../i18n'
import type { Language } from '../languages'

type Props = { t: Translate; lang: Language; returnTo: string }

export const LegalBanner = ({ t, lang, returnTo }: Props) => (
  <section class="legal-banner" aria-labelledby="legal-banner-heading">
    <h2 id="legal-banner-heading">{t('notice.bannerHeading')}</h2>
    <p>{t('notice.declared')}</p>
    <p>{t('notice.risk')}</p>
    <p>
      <a href={`/${lang}/notice`}>{t('notice.moreLink')}</a>
    </p>
    <form method="post" action="/preferences">
      <input type="hidden" name="return" value={returnTo} />
      <button type="submit" name="banner" value="hidden">
        {t('notice.hide')}
      </button>
    </form>
  </section>
)

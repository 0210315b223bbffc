/**
 * The legal-risk warning at the top of the page, for readers where sharing this outlet's content is punishable: the
 * warning in a sentence, a link to the full notice (also in every footer), and "Hide". Brief, so the headline is
 * still on the first screen of a phone.
 */
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { noticePath } from '../paths'

type Props = { t: Translate; lang: Language; returnTo: string }

export const LegalBanner = ({ t, lang, returnTo }: Props) => (
  <section class="legal-banner" aria-labelledby="legal-banner-heading">
    <h2 id="legal-banner-heading">{t('notice.bannerHeading')}</h2>
    <p>{t('notice.brief')}</p>
    <div class="legal-banner-actions">
      <a href={noticePath(lang)}>{t('notice.briefLink')}</a>{' '}
      <form method="post" action="/preferences">
        <input type="hidden" name="return" value={returnTo} />
        <button type="submit" name="banner" value="hidden">
          {t('notice.hide')}
        </button>
      </form>
    </div>
  </section>
)

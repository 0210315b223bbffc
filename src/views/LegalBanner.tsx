/**
 * The legal-risk warning at the top of the page, for readers where sharing this outlet's content is punishable: the
 * warning in a sentence, a link to the full notice (also in every footer), and "Hide". Brief, so the headline is
 * still on the first screen of a phone.
 */
import { isCurrentPage, type PageChrome } from '../page'
import { noticePath } from '../paths'

type Props = { page: PageChrome }

export const LegalBanner = ({ page }: Props) => {
  const { t, lang } = page
  return (
    <section class="legal-banner" aria-labelledby="legal-banner-heading">
      {/* The space keeps heading and sentence apart wherever both are read as one run of text (they sit on one line). */}
      <h2 id="legal-banner-heading">{t('notice.bannerHeading')}</h2> <p>{t('notice.brief')}</p>
      <div class="legal-banner-actions">
        <a href={noticePath(lang)} aria-current={isCurrentPage(page, noticePath(lang)) ? 'page' : undefined}>
          {t('notice.briefLink')}
        </a>{' '}
        <form method="post" action="/preferences">
          <input type="hidden" name="return" value={page.path} />
          <button type="submit" name="banner" value="hidden">
            {t('notice.hide')}
          </button>
        </form>
      </div>
    </section>
  )
}

/** The contentinfo landmark: the legal notice, on every page and for every reader, as on the original site. */
import { isCurrentPage, type PageChrome } from '../page'
import { noticePath } from '../paths'

type Props = { page: PageChrome }

export const SiteFooter = ({ page }: Props) => {
  const { t, lang } = page
  return (
    <footer class="site-footer">
      <h2>{t('notice.footerHeading')}</h2>
      <p>{t('notice.declared')}</p>
      <p>{t('notice.risk')}</p>
      <p>
        <a href={noticePath(lang)} aria-current={isCurrentPage(page, noticePath(lang)) ? 'page' : undefined}>
          {t('notice.moreLink')}
        </a>
      </p>
    </footer>
  )
}

/** The banner landmark: the site's name, and the navigation with the language and text-size controls. */
import { frontPath } from '../paths'
import { isCurrentPage, type PageChrome } from '../page'
import { LanguageSwitcher } from './LanguageSwitcher'
import { TextSizeControl } from './TextSizeControl'

type Props = { page: PageChrome }

export const SiteHeader = ({ page }: Props) => {
  const { t, lang } = page
  return (
    <header class="site-header">
      <a
        class="site-name"
        href={frontPath(lang)}
        aria-current={isCurrentPage(page, frontPath(lang)) ? 'page' : undefined}
      >
        {t('site.name')}
      </a>
      <nav id="navigation" tabindex={-1} aria-label={t('navigation.label')}>
        <LanguageSwitcher page={page} />
        <TextSizeControl t={t} lang={lang} current={page.textSize} returnTo={page.path} />
      </nav>
    </header>
  )
}

/** The banner landmark: the site's name, and the navigation with the language and text-size controls. */
import type { PageChrome } from '../page'
import { LanguageSwitcher } from './LanguageSwitcher'
import { TextSizeControl } from './TextSizeControl'

type Props = { page: PageChrome }

export const SiteHeader = ({ page }: Props) => {
  const { t, lang } = page
  return (
    <header class="site-header">
      <a class="site-name" href={`/${lang}/`}>
        {t('site.name')}
      </a>
      <nav id="navigation" tabindex={-1} aria-label={t('navigation.label')}>
        <LanguageSwitcher t={t} lang={lang} alternates={page.alternates} />
        <TextSizeControl t={t} lang={lang} current={page.textSize} returnTo={page.path} />
      </nav>
    </header>
  )
}

/**
 * Links to this page in every language it exists in: a short label on screen, each named in full in its own
 * language; a language the page has no version in says so instead of linking.
 */
import { translator } from '../i18n'
import { LANGUAGES } from '../languages'
import { isCurrentPage, type PageChrome } from '../page'

type Props = { page: PageChrome }

export const LanguageSwitcher = ({ page }: Props) => {
  const { t, lang, alternates } = page
  return (
    <ul class="choices languages" aria-label={t('language.switcherLabel')}>
      {LANGUAGES.map((other) => {
        const name = translator(other)
        const href = alternates[other]
        const current = href !== undefined && isCurrentPage(page, href)
        return (
          <li>
            {href ? (
              /*
               * The short label (Қаз, Рус, Eng) is what is seen; the full name, which begins with it, is what is read
               * and what speech input matches. The space keeps the two apart in text browsers, which show both.
               */
              <a href={href} lang={other} hreflang={other} aria-current={current ? 'page' : undefined}>
                <span aria-hidden="true">{name('language.short')} </span>
                <span class="visually-hidden">{name('language.name')}</span>
                {current && (
                  // For text browsers, which show neither ARIA nor styles; screen readers hear aria-current instead.
                  <span class="text-only" aria-hidden="true" lang={lang}>
                    {' '}
                    {t('language.current')}
                  </span>
                )}
              </a>
            ) : (
              // Not a link: this page has no version in that language. Said in that language, for its readers.
              <span class="unavailable" lang={other}>
                <span aria-hidden="true">{name('language.short')} </span>
                <span class="visually-hidden">
                  {name('language.name')} ({name('language.unavailable')})
                </span>
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}

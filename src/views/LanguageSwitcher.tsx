/** Links to this page in every language: a short label on screen, each named in full in its own language. */
import { translator } from '../i18n'
import { LANGUAGES, type Language } from '../languages'
import type { Translate } from '../i18n'

type Props = { t: Translate; lang: Language; alternates: Record<Language, string> }

export const LanguageSwitcher = ({ t, lang, alternates }: Props) => (
  <ul class="choices languages" aria-label={t('language.switcherLabel')}>
    {LANGUAGES.map((other) => {
      const name = translator(other)
      return (
        <li>
          {/* The visible short label (Қаз, Рус, Eng) begins the full name, so speech users can say what they see. */}
          <a
            href={alternates[other]}
            lang={other}
            hreflang={other}
            aria-label={name('language.name')}
            aria-current={other === lang ? 'page' : undefined}
          >
            {name('language.short')}
            {other === lang && (
              // For text browsers, which show neither ARIA nor styles; screen readers hear aria-current instead.
              <span class="text-only" aria-hidden="true" lang={lang}>
                {' '}
                {t('language.current')}
              </span>
            )}
          </a>
        </li>
      )
    })}
  </ul>
)

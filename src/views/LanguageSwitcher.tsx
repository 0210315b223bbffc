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
          {/*
           * The short label (Қаз, Рус, Eng) is what is seen; the full name, which begins with it, is what is read
           * and what speech input matches. The space keeps the two apart in text browsers, which show both.
           */}
          <a
            href={alternates[other]}
            lang={other}
            hreflang={other}
            aria-current={other === lang ? 'page' : undefined}
          >
            <span aria-hidden="true">{name('language.short')} </span>
            <span class="visually-hidden">{name('language.name')}</span>
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

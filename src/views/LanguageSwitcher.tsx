/** Links to this page in every language it exists in, each named in its own language; the others say they are not. */
import { translator } from '../i18n'
import { LANGUAGES, type Language } from '../languages'
import type { Translate } from '../i18n'

type Props = { t: Translate; lang: Language; alternates: Partial<Record<Language, string>> }

export const LanguageSwitcher = ({ t, lang, alternates }: Props) => (
  <div class="control">
    {/* Seen by everyone; read once, as the list's name, not again as loose text before it. */}
    <span class="control-label" id="language-label" aria-hidden="true">
      {t('language.switcherLabel')}
    </span>
    <ul class="choices" aria-labelledby="language-label">
      {LANGUAGES.map((other) => {
        const href = alternates[other]
        const name = translator(other)('language.name')
        return (
          <li>
            {href ? (
              <a href={href} lang={other} hreflang={other} aria-current={other === lang ? 'page' : undefined}>
                {name}
              </a>
            ) : (
              // Not a link: this page has no version in that language. Said in that language, for its readers.
              <span class="unavailable" lang={other}>
                {name}
                <span class="visually-hidden"> ({translator(other)('language.unavailable')})</span>
              </span>
            )}
          </li>
        )
      })}
    </ul>
  </div>
)

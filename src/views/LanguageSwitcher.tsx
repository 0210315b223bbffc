/** Links to this page in every language, each named in its own language. */
import { translator } from '../i18n'
import { LANGUAGES, type Language } from '../languages'
import type { Translate } from '../i18n'

type Props = { t: Translate; lang: Language; alternates: Record<Language, string> }

export const LanguageSwitcher = ({ t, lang, alternates }: Props) => (
  <div class="control">
    {/* Seen by everyone; read once, as the list's name, not again as loose text before it. */}
    <span class="control-label" id="language-label" aria-hidden="true">
      {t('language.switcherLabel')}
    </span>
    <ul class="choices" aria-labelledby="language-label">
      {LANGUAGES.map((other) => (
        <li>
          <a
            href={alternates[other]}
            lang={other}
            hreflang={other}
            aria-current={other === lang ? 'page' : undefined}
          >
            {translator(other)('language.name')}
          </a>
        </li>
      ))}
    </ul>
  </div>
)

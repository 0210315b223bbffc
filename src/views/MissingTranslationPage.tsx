/** The 404 page for a story that exists, only not in this language: it links the versions that do exist. */
import { translator, type Translate } from '../i18n'
import { LANGUAGES, type Language } from '../languages'

type Props = { t: Translate; lang: Language; alternates: Partial<Record<Language, string>> }

export const MissingTranslationPage = ({ t, lang, alternates }: Props) => (
  <div class="message">
    <h1>{t('missingTranslation.title')}</h1>
    <p>{t('missingTranslation.body')}</p>
    {/* Each link a paragraph of its own: a target of its own size, as the other standalone links are. */}
    {LANGUAGES.filter((other) => alternates[other]).map((other) => (
      <p>
        <a href={alternates[other]} lang={other} hreflang={other}>
          {translator(other)('missingTranslation.readIn')}
        </a>
      </p>
    ))}
    <p>
      <a href={`/${lang}/`}>{t('notFound.home')}</a>
    </p>
  </div>
)

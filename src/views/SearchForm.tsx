/** The search landmark: one field and a button that ask `/{lang}/search?q=…`, so it works without JavaScript. */
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { searchPath } from '../paths'
import { MAX_QUERY_LENGTH } from '../search-query'

/** The skip link "skip to search" goes here (SkipLinks.tsx). */
export const SEARCH_ID = 'search'

type Props = {
  t: Translate
  lang: Language
  /** The reader's query, on the results page only: the one place it is shown again. */
  value?: string
  /** Why the query was not searched, said under the field and read with it. */
  problem?: string
}

// `autocomplete="off"`: the browser keeps no list of past searches to offer (and to show whoever holds the phone).
// `spellcheck={false}`: a browser's cloud spelling service (Chrome's "enhanced spell check") is never sent the words.
export const SearchForm = ({ t, lang, value, problem }: Props) => (
  <search id={SEARCH_ID} tabindex={-1} aria-label={t('search.label')} class="search">
    <form action={searchPath(lang)} method="get">
      <label for="search-query">{t('search.label')}</label>
      <span class="search-row">
        <input
          type="search"
          id="search-query"
          name="q"
          value={value}
          maxlength={MAX_QUERY_LENGTH}
          autocomplete="off"
          spellcheck={false}
          enterkeyhint="search"
          aria-describedby={problem ? 'search-problem' : undefined}
          aria-invalid={problem ? true : undefined}
        />
        <button type="submit">{t('search.submit')}</button>
      </span>
      {problem && (
        <p id="search-problem" class="search-problem">
          {problem}
        </p>
      )}
    </form>
  </search>
)

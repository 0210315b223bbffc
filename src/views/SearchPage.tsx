/** The search page: the form with the reader's query, then how many stories match and a page of them, newest first. */
import type { SearchMatches } from '../content/search'
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { longestBucket } from '../longest-word'
import { articlePath } from '../paths'
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, type ReadQuery } from '../search-query'
import { InLanguages } from './InLanguages'
import { MarkedText } from './MarkedText'
import { PublicationDate } from './PublicationDate'
import { SearchForm } from './SearchForm'

type Props = {
  t: Translate
  lang: Language
  query: ReadQuery
  /** The matches, when the query had words to search for. */
  results?: SearchMatches
  /** The next page of (older) results, `rel="next"`, if there is one. */
  older: string | null
}

/** Why a query was not searched, in the reader's language; nothing for one that was (or was empty). */
const problemOf = (t: Translate, query: ReadQuery): string | undefined => {
  switch (query.kind) {
    case 'noWords':
      return t('search.noWords')
    case 'tooLong':
      return t('search.tooLong', { max: MAX_QUERY_LENGTH })
    case 'tooManyWords':
      return t('search.tooManyWords', { max: MAX_QUERY_WORDS })
    default:
      return undefined
  }
}

/** What the box shows again: the reader's words, cut to what the box accepts. */
const boxValue = (query: ReadQuery): string | undefined =>
  query.kind === 'empty' ? undefined : [...query.text].slice(0, MAX_QUERY_LENGTH).join('')

export const SearchPage = ({ t, lang, query, results, older }: Props) => (
  <>
    <h1>{t('search.title')}</h1>
    <SearchForm t={t} lang={lang} value={boxValue(query)} problem={problemOf(t, query)} />
    {query.kind === 'empty' && <p>{t('search.intro')}</p>}
    {results &&
      (results.total === 0 ? (
        <>
          <h2>{t('search.none')}</h2>
          <p>{t('search.noneHelp')}</p>
        </>
      ) : (
        <>
          <h2>{t(results.more ? 'search.countMore' : 'search.count', { count: results.total })}</h2>
          <p>
            {t('search.newestFirst')}
            {results.more && ` ${t('search.narrow')}`}
          </p>
          <ol class="article-list search-results">
            {results.results.map((result) => (
              <li>
                <article data-longest={longestBucket(result.markedHeadline, result.excerpt)}>
                  <h3>
                    <a href={articlePath(lang, result.slug)}>
                      <MarkedText lang={lang} text={result.markedHeadline} />
                    </a>
                  </h3>
                  <p class="meta">
                    <PublicationDate lang={lang} date={result.published} />
                  </p>
                  <p>
                    <MarkedText lang={lang} text={result.excerpt} />
                  </p>
                </article>
              </li>
            ))}
          </ol>
          {older && (
            <nav aria-label={t('search.navigation')}>
              <ul class="pagination">
                <li>
                  <a href={older} rel="next">
                    {t('search.older')}
                  </a>
                </li>
              </ul>
            </nav>
          )}
        </>
      ))}
    <p class="search-privacy">
      <InLanguages lang={lang} text={t('search.privacy')} />
    </p>
  </>
)

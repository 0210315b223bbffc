/** The first things a keyboard or screen-reader user reaches: jumps past the page chrome. */
import type { Translate } from '../i18n'
import { SEARCH_ID } from './SearchForm'

type Props = { t: Translate }

// The space between the links is for text browsers (w3m, Lynx), which would otherwise print them as one word.
export const SkipLinks = ({ t }: Props) => (
  <>
    <a class="skip-link" href="#main-content">
      {t('skipLinks.mainContent')}
    </a>{' '}
    <a class="skip-link" href="#navigation">
      {t('skipLinks.navigation')}
    </a>{' '}
    <a class="skip-link" href={`#${SEARCH_ID}`}>
      {t('skipLinks.search')}
    </a>
  </>
)

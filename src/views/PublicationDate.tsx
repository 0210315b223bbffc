/** A publication date: machine-readable in `datetime`, written out in the page's language. */
import { formatLongDate } from '../dates'
import type { Language } from '../languages'

type Props = { lang: Language; date: string }

export const PublicationDate = ({ lang, date }: Props) => (
  <time datetime={date}>{formatLongDate(lang, date)}</time>
)

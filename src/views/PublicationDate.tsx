/** A publication date: the moment in `datetime`, the day written out in the page's language. */
import { formatLongDate } from '../dates'
import type { Language } from '../languages'

/** `date` is ISO 8601 UTC (`2022-03-14T09:30:00Z`); the day shown is the UTC day. */
type Props = { lang: Language; date: string }

export const PublicationDate = ({ lang, date }: Props) => (
  <time datetime={date}>{formatLongDate(lang, date.slice(0, 10))}</time>
)

/** A publication date: the moment in `datetime`, the day written out in the page's language. */
import { formatLongDate } from '../dates'
import type { Language } from '../languages'

/** `date` is ISO 8601 UTC (`2022-03-14T09:30:00Z`); the day shown is the UTC day. */
type Props = { lang: Language; date: string }

/** The form the publish step stores, to the second: the only one a `<time>` may claim, or its day be written from. */
const STORED_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

export const PublicationDate = ({ lang, date }: Props) =>
  STORED_FORM.test(date) ? (
    <time datetime={date}>{formatLongDate(lang, date.slice(0, 10))}</time>
  ) : (
    // Anything else (`+010000-01-01T00:59:59Z`, year 10 000, which an older publish step let through) is shown as it
    // was stored: one story's broken date must not make the article and every page listing it a 500.
    <>{date}</>
  )

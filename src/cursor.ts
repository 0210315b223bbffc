/**
 * A place in a language's list of stories, and how it is written in an archive URL. Only a place a story can have
 * is one: a cursor that is no real time, or no id a story can have, is no page, so it is answered 404 before any
 * read, and cannot make fresh renders and cache entries of pages no link leads to.
 */

/** A place in a language's list: stories strictly older (or newer) than this one. */
export type Cursor = { published: string; id: number }

/** The years a story's publication time can be in: what the publish step accepts. */
const FIRST_YEAR = 1953
const LAST_YEAR = 2099

/** A cursor in a URL: `20220314T000000Z-1`, readable and free of characters that need encoding. */
export const cursorToken = ({ published, id }: Cursor): string => `${published.replace(/[-:]/g, '')}-${id}`

/**
 * The cursor a token names, or undefined unless it is a real UTC time of the years above (the 31st of a month that
 * has one, the 29th of February in a leap year) and a story id: no leading zero, at most 15 digits, so always a
 * safe integer.
 */
export const parseCursor = (token: string): Cursor | undefined => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-([1-9]\d{0,14})$/.exec(token)
  if (!match) return undefined
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '', id = ''] = match
  const [year, month, day] = [Number(y), Number(mo), Number(d)]
  if (year < FIRST_YEAR || year > LAST_YEAR || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return undefined
  // Date.UTC carries a day or month past the end over (April 31st is May 1st, month 13 next January): a real date
  // is one that comes back as it was written.
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return { published: `${y}-${mo}-${d}T${h}:${mi}:${s}Z`, id: Number(id) }
}

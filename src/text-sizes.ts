/** The reader's text sizes, XS to LG: the one list the control, the cookie, the stylesheet and the tests derive from. */

export const TEXT_SIZES = ['xs', 'sm', 'md', 'lg'] as const

export type TextSize = (typeof TEXT_SIZES)[number]

/** SM is the reader's own browser setting, untouched. */
export const DEFAULT_TEXT_SIZE: TextSize = 'sm'

/**
 * How much each size scales the root font size. LG is 200 % so text reaches the size WCAG 1.4.4 asks a page to
 * survive (technique G178); the stylesheet holds the same figures and a test keeps the two in step.
 */
export const TEXT_SIZE_SCALE: Record<TextSize, number> = { xs: 0.875, sm: 1, md: 1.4, lg: 2 }

export const isTextSize = (value: unknown): value is TextSize =>
  typeof value === 'string' && (TEXT_SIZES as readonly string[]).includes(value)

/** The label printed on the button: exactly XS, SM, MD or LG. */
export const textSizeLabel = (size: TextSize): string => size.toUpperCase()

/** Figures in running text, so translations can be held to the source's numbers. */

/**
 * Figures as written in running text, sorted: `20,000` (en), `20 000` with a space or no-break space, or `20 мың` /
 * `20 тысяч` (the outlet's way of writing large round numbers in Kazakh and Russian) is one number.
 */
export const figures = (text: string): number[] =>
  [...text.matchAll(/(\d{1,3}(?:[,\u00a0 ]\d{3})+(?!\d)|\d+)(?:\s(мың|тысяч[аи]?)(?!\p{L}))?/gu)]
    .map(([, digits, thousand]) => Number(digits!.replace(/[,\u00a0 ]/g, '')) * (thousand ? 1000 : 1))
    .sort((a, b) => a - b)

export const sameFigures = (a: string, b: string): boolean => figures(a).join() === figures(b).join()

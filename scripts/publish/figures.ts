/** Figures in running text, so translations can be held to the source's numbers. */

/** `20,000` (en) or `20 000` with a no-break space (kk, ru) is one number; every other run of digits is one too. */
export const figures = (text: string): number[] =>
  (text.match(/\d{1,3}(?:[,\u00a0]\d{3})+|\d+/g) ?? [])
    .map((n) => Number(n.replace(/[,\u00a0]/g, '')))
    .sort((a, b) => a - b)

export const sameFigures = (a: string, b: string): boolean => figures(a).join() === figures(b).join()

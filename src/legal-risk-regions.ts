/** Who sees the legal-risk banner: readers in Russia, in the Russia-controlled parts of Ukraine, or behind Tor. */

/**
 * Ukrainian regions under full or partial Russian control, by ISO 3166-2:UA code (the part after `UA-`).
 * Cloudflare's `request.cf.regionCode` gives this code, sometimes with the `UA-` prefix.
 */
export const RUSSIA_CONTROLLED_UKRAINE_REGIONS = {
  '43': 'Crimea',
  '40': 'Sevastopol',
  '14': 'Donetsk',
  '09': 'Luhansk',
  '23': 'Zaporizhzhia',
  '65': 'Kherson',
} as const

/**
 * Whether the reader should be warned before anything else on the page. Tor (`T1`) counts: an exit node tells
 * nothing about where its user is, and Tor is how many readers in Russia reach blocked media. Anything missing
 * or unknown means no banner; the notice stays in every page's footer regardless.
 */
export const isAtLegalRisk = (cf: unknown): boolean => {
  // `request.cf` can be missing (local runs, tests, some edge cases), and its fields are not guaranteed.
  if (typeof cf !== 'object' || cf === null) return false
  const { country, regionCode } = cf as Record<string, unknown>
  const code = typeof country === 'string' ? country.toUpperCase() : undefined
  if (code === 'RU' || code === 'T1') return true
  if (code !== 'UA' || typeof regionCode !== 'string') return false
  const region = regionCode.toUpperCase().replace(/^UA-/, '')
  return Object.hasOwn(RUSSIA_CONTROLLED_UKRAINE_REGIONS, region)
}

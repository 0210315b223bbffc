/** The key of the takedown list in the TAKEDOWNS KV namespace: a JSON array of slugs (src/takedowns.ts). */
export const TAKEDOWNS_KEY = 'slugs'

/** The Nu Html Checker on every page in every language, with and without the legal banner: no errors. */
import { beforeAll, describe, expect, it } from 'vitest'
import { siteUrl } from './support/browser'
import { COOKIES, LANGUAGES, PAGE_NAMES, PAGES, type Language, type PageName } from './support/site'
import { checkHtml, type VnuMessage } from './support/vnu'

const BANNER_STATES = [
  { state: 'banner shown', cookie: '' },
  { state: 'banner hidden', cookie: `${COOKIES.legalBanner}=hidden` },
] as const

const nameOf = (lang: Language, page: PageName, state: string) => `${page} page in ${lang}, ${state}`

let results: Record<string, VnuMessage[]>

// One JVM for every document: starting the checker costs more than checking a page.
beforeAll(async () => {
  const documents: Record<string, string> = {}
  for (const lang of LANGUAGES)
    for (const page of PAGE_NAMES)
      for (const { state, cookie } of BANNER_STATES) {
        const response = await fetch(new URL(PAGES[page](lang), siteUrl()), { headers: { cookie } })
        documents[nameOf(lang, page, state)] = await response.text()
      }
  results = await checkHtml(documents)
}, 120_000)

describe.each(LANGUAGES)('in %s', (lang) => {
  it.each(PAGE_NAMES)('the %s page is valid HTML', (page) => {
    for (const { state } of BANNER_STATES) {
      const name = nameOf(lang, page, state)
      const messages = results[name]
      expect(messages, `${name} was not checked`).toBeDefined()
      const errors = messages!
        .filter(({ type }) => type !== 'info')
        .map(({ message, lastLine, extract }) => `line ${lastLine}: ${message}\n    ${extract ?? ''}`)
      expect(errors, name).toEqual([])
    }
  })
})

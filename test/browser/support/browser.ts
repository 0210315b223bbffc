/** Debian's Chromium through playwright-core, and pages opened on the site in a given state. */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { COOKIES, type TextSize } from './site'
import { answersNotFound } from './site'
import { CHROMIUM_PATH } from './tools'

/** The flags the issue asks for: no sandbox (CI runs as root), no GPU, and nothing that calls out to the network. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** `headless: true` is what adds `--headless` (with Playwright's own switches for driving the browser). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS })

/**
 * One Chromium for a spec file: launched before its tests, closed after them. Call at the top of the file and use
 * the getter inside hooks and tests: `const browser = useChromium()` … `openContext(browser())`.
 */
export const useChromium = (): (() => Browser) => {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('Chromium is not running: use the browser inside a hook or a test')
    return browser
  }
}

/** The site every spec shares, started once by global-setup.ts (as a reader in Russia: see there). */
export const siteUrl = (): string => inject('siteUrl')

/** A reader's state before the page loads: what the preference cookies hold. */
export type ReaderState = {
  textSize?: TextSize
  /** True: the reader pressed "Hide" earlier in this visit. */
  bannerHidden?: boolean
}

export type ContextOptions = BrowserContextOptions & ReaderState & { baseURL?: string }

/** A fresh browser context (its own cookies) on the site, with the preference cookies set as asked. */
export const openContext = async (
  browser: Browser,
  { textSize, bannerHidden, baseURL = siteUrl(), ...options }: ContextOptions = {},
): Promise<BrowserContext> => {
  const context = await browser.newContext({ baseURL, ...options })
  // Pages here are a few kilobytes from a local server: a wait this long means something is wrong, even on a busy
  // two-core machine.
  context.setDefaultTimeout(20_000)
  await setReaderState(context, baseURL, { textSize, bannerHidden })
  return context
}

export const setReaderState = async (
  context: BrowserContext,
  baseURL: string,
  { textSize, bannerHidden }: ReaderState,
): Promise<void> => {
  await context.clearCookies()
  const cookies = [
    ...(textSize ? [{ name: COOKIES.textSize, value: textSize, url: baseURL }] : []),
    ...(bannerHidden ? [{ name: COOKIES.legalBanner, value: 'hidden', url: baseURL }] : []),
  ]
  if (cookies.length > 0) await context.addCookies(cookies)
}

/** Opens a page at a path and fails on anything but the expected status. */
export const visit = async (page: Page, path: string, status = answersNotFound(path) ? 404 : 200) => {
  const response = await page.goto(path)
  if (response?.status() !== status) throw new Error(`${path} answered ${response?.status()}, not ${status}`)
  return response
}

const answered = (method: string, pathname: string) => (response: Response) =>
  response.request().method() === method && new URL(response.url()).pathname === pathname

/** Resolves when the site has answered a preference POST (a text size, the banner's "Hide"): the choice is stored. */
export const preferenceStored = (page: Page): Promise<Response> =>
  page.waitForResponse(answered('POST', '/preferences'))

/**
 * Presses a preference button and waits until the choice is stored and, without JavaScript, until the form's
 * redirect has brought the page back. With JavaScript the page applies the choice at once and does not wait for its
 * POST, so a reload at machine speed could otherwise overtake it; a reader cannot.
 */
export const pressPreference = async (
  page: Page,
  button: Locator,
  { javaScriptEnabled }: { javaScriptEnabled: boolean },
): Promise<void> => {
  const path = new URL(page.url()).pathname
  await Promise.all([
    preferenceStored(page),
    ...(javaScriptEnabled ? [] : [page.waitForResponse(answered('GET', path))]),
    button.click(),
  ])
  await page.waitForLoadState()
}

declare module 'vitest' {
  interface ProvidedContext {
    /** The base URL of the shared `wrangler dev`, e.g. `http://127.0.0.1:40123`. */
    siteUrl: string
  }
}

/**
 * Opens the text-size disclosure ("Text size: SM") if it is closed, as a reader taps it: its buttons are hidden
 * until then. A summary has no ARIA role of its own, so it is found as the navigation's one disclosure.
 */
export const openTextSize = async (page: Page): Promise<void> => {
  const closed = page.getByRole('navigation').locator('details:not([open]) > summary')
  if ((await closed.count()) > 0) await closed.click()
}

/** Whether an element's box lies within the first screen as the page is scrolled now. */
export const isOnScreen = (locator: Locator): Promise<boolean> =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect()
    // A pixel of slack: scrolling to a fragment puts the target's top at a fraction of a pixel above the screen.
    return box.top >= -1 && box.top < window.innerHeight && box.bottom > 0
  })

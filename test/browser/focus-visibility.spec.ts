/**
 * Focus is always visible: every control, reached with Tab, changes at least as many pixels as a 2 px outline
 * around it would, in light and dark colours and in forced colours (Windows High Contrast), where backgrounds and
 * shadows are dropped. In forced colours the current language and the pressed size stand out by more than weight.
 */
import type { BrowserContext, ElementHandle, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openContext, useChromium, visit } from './support/browser'
import { LANGUAGES, PAGES, textSizeButtonName, translator } from './support/site'

const SCHEMES = [
  { scheme: 'light', media: { colorScheme: 'light', forcedColors: 'none' } },
  { scheme: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' } },
  { scheme: 'forced colours', media: { colorScheme: 'light', forcedColors: 'active' } },
] as const

const browser = useChromium()
let context: BrowserContext
let page: Page
/** A blank page where screenshots are decoded and compared: the site's CSP rightly allows no such script. */
let decoder: Page

beforeAll(async () => {
  context = await openContext(browser(), { viewport: { width: 390, height: 844 }, isMobile: true })
  page = await context.newPage()
  decoder = await context.newPage()
})
afterAll(() => context.close())

/** How many pixels differ between each pair of PNG screenshots of the same area, decoded in one go. */
const differingPixels = (pairs: [Buffer, Buffer][]): Promise<number[]> =>
  decoder.evaluate(
    async (encoded) => {
      const pixels = async (base64: string) => {
        const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob())
        const canvas = new OffscreenCanvas(image.width, image.height)
        const context2d = canvas.getContext('2d')!
        context2d.drawImage(image, 0, 0)
        return context2d.getImageData(0, 0, image.width, image.height).data
      }
      return Promise.all(
        encoded.map(async ([a, b]) => {
          const [x, y] = await Promise.all([pixels(a), pixels(b)])
          let count = 0
          for (let i = 0; i < x.length; i += 4)
            if (
              Math.abs(x[i]! - y[i]!) + Math.abs(x[i + 1]! - y[i + 1]!) + Math.abs(x[i + 2]! - y[i + 2]!) >
              48
            )
              count++
          return count
        }),
      )
    },
    pairs.map(([a, b]) => [a.toString('base64'), b.toString('base64')] as [string, string]),
  )

describe.each(LANGUAGES)('in %s', (lang) => {
  const t = translator(lang)

  it('every control shows its focus at least as strongly as a 2 px outline, in light, dark and forced colours', async () => {
    const weak: string[] = []
    let reached = 0
    for (const { scheme, media } of SCHEMES) {
      await page.emulateMedia(media)
      await visit(page, PAGES.article(lang))
      // Opened from the keyboard, so the size buttons are reached too and focus is keyboard focus throughout.
      await page.getByRole('navigation').locator('summary').focus()
      await page.keyboard.press('Enter')
      await page.getByRole('link', { name: t('skipLinks.mainContent') }).focus()
      const shots: { name: string; outline: number; pair: [Buffer, Buffer] }[] = []
      for (let step = 0; step < 40; step++) {
        // Where focus is now, brought into view: its name and box, or nothing once Tab has left the page.
        const focused = await page.evaluate((margin) => {
          const element = document.activeElement
          if (!(element instanceof HTMLElement) || element === document.body) return null
          element.scrollIntoView({ block: 'center' })
          const box = element.getBoundingClientRect()
          return {
            name: element.textContent?.trim() ?? '',
            width: box.width,
            height: box.height,
            clip: {
              x: Math.max(0, box.x - margin),
              y: Math.max(0, box.y - margin),
              width: box.width + 2 * margin,
              height: box.height + 2 * margin,
            },
          }
        }, 8)
        if (!focused || shots.some(({ name }) => name === focused.name)) break
        const withFocus = await page.screenshot({ clip: focused.clip })
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement
          element.blur()
          // Kept so focus can come back to the same element.
          ;(window as unknown as { lastFocused: HTMLElement }).lastFocused = element
        })
        const withoutFocus = await page.screenshot({ clip: focused.clip })
        await page.evaluate(() => (window as unknown as { lastFocused: HTMLElement }).lastFocused.focus())
        // A 2 px outline around the box: (w + 4)(h + 4) − wh pixels.
        shots.push({
          name: focused.name,
          outline: 4 * (focused.width + focused.height) + 16,
          pair: [withFocus, withoutFocus],
        })
        await page.keyboard.press('Tab')
      }
      const changed = await differingPixels(shots.map(({ pair }) => pair))
      shots.forEach(({ name, outline }, index) => {
        if (changed[index]! < outline)
          weak.push(`${scheme}: ${name} changes ${changed[index]} px, a 2 px outline ${Math.round(outline)}`)
      })
      reached += shots.length
    }
    // The skip links, the banner's link and "Hide", the site name, three languages, the disclosure, four sizes and
    // the footer's link, in each scheme.
    expect(reached).toBeGreaterThanOrEqual(3 * 14)
    expect(weak).toEqual([])
  })

  it('in forced colours the current language and the pressed size differ from the others by more than weight', async () => {
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' })
    await visit(page, PAGES.article(lang))
    await page.getByRole('navigation').locator('summary').click()
    const looks = (handle: ElementHandle<Element> | null) =>
      handle!.evaluate((el) => {
        const style = getComputedStyle(el)
        return [style.backgroundColor, style.color, style.borderTopColor, style.textDecorationLine].join(' ')
      })
    const nav = page.getByRole('navigation')
    const other = LANGUAGES.find((candidate) => candidate !== lang)!
    const language = (code: typeof lang) =>
      nav.getByRole('link', { name: translator(code)('language.name'), exact: true }).elementHandle()
    expect(await looks(await language(lang))).not.toBe(await looks(await language(other)))
    const size = (name: 'sm' | 'lg') =>
      nav.getByRole('button', { name: textSizeButtonName(name) }).elementHandle()
    expect(await looks(await size('sm'))).not.toBe(await looks(await size('lg')))
    await page.emulateMedia({ forcedColors: 'none' })
  })
})

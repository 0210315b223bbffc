/**
 * What a screen reader hears on a page: Chromium's own accessibility tree (CDP `Accessibility.getFullAXTree`) read
 * the ways a listener moves through it (heading by heading, landmark by landmark, Tab by Tab, the links list), and
 * the same written out as plain text for a reviewed snapshot.
 */
import type { CDPSession, Page } from 'playwright-core'

/** The part of CDP's `Accessibility.AXNode` read here. */
type AXValue = { type: string; value?: unknown }
type AXNode = {
  nodeId: string
  ignored: boolean
  role?: AXValue
  name?: AXValue
  properties?: { name: string; value: AXValue }[]
  childIds?: string[]
  backendDOMNodeId?: number
}

/** The part of CDP's `DOM.Node` read here. */
type DOMNode = {
  backendNodeId: number
  nodeType: number
  nodeName: string
  attributes?: string[]
  children?: DOMNode[]
}

/** One object of the page as a screen reader meets it. */
export type Heard = {
  role: string
  name: string
  /** A heading's level. */
  level?: number
  /** A link's target, as a path on the site (or the whole address when it leaves the site). */
  target?: string
  expanded?: boolean
  pressed?: boolean
  /** `aria-current`, which CDP's tree does not carry: read from the element. */
  current?: string
  /** The language its voice speaks: the nearest `lang`, from the element up. */
  lang?: string
  focusable: boolean
  /** The element's `id`, where it has one (a skip link's target). */
  id?: string
  /** The landmarks it sits in, outermost first. */
  within: string[]
  backendNodeId?: number
}

/** Roles a screen reader lists as landmarks (a form or a region only when it has a name). */
const LANDMARK_ROLES = new Set(['banner', 'navigation', 'main', 'complementary', 'contentinfo', 'search'])
const NAMED_LANDMARK_ROLES = new Set(['region', 'form'])

export const isLandmark = (node: Pick<Heard, 'role' | 'name'>): boolean =>
  LANDMARK_ROLES.has(node.role) || (NAMED_LANDMARK_ROLES.has(node.role) && node.name !== '')

/** How a landmark is announced: its role, and its name in quotes when it has one. */
export const landmarkLabel = (node: Pick<Heard, 'role' | 'name'>): string =>
  node.name ? `${node.role} "${visible(node.name)}"` : node.role

/**
 * Characters a listener cannot see in a snapshot, written so a reviewer does: the soft hyphen and the other
 * invisible format characters by name, no-break spaces as ⍽ (U+237D, the usual sign for one), any other space,
 * control or format character by its code point.
 */
const INVISIBLE_NAMES: Record<string, string> = {
  '\u00ad': '⟨SHY⟩',
  '\u200b': '⟨ZWSP⟩',
  '\u200c': '⟨ZWNJ⟩',
  '\u200d': '⟨ZWJ⟩',
  '\u2060': '⟨WJ⟩',
  '\ufeff': '⟨BOM⟩',
  '\u00a0': '⍽',
  '\u202f': '⟨NNBSP⟩',
}
export const visible = (text: string): string =>
  text.replace(/[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]/gu, (character) =>
    character === ' '
      ? ' '
      : (INVISIBLE_NAMES[character] ??
        `⟨U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`),
  )

/** The legend at the top of every snapshot, so a reviewer knows what the signs stand for. */
export const LEGEND =
  'Invisible characters are shown: ⍽ no-break space, ⟨SHY⟩ soft hyphen, ⟨ZWSP⟩ zero-width space, ⟨WJ⟩ word joiner, ⟨U+XXXX⟩ any other.'

/** A page as read at one moment: its title and every object in reading order. */
export type Hearing = {
  title: string
  nodes: Heard[]
  byBackendId: Map<number, Heard>
}

const attributesOf = (node: DOMNode): Map<string, string> => {
  const attributes = new Map<string, string>()
  const list = node.attributes ?? []
  for (let i = 0; i + 1 < list.length; i += 2) attributes.set(list[i]!.toLowerCase(), list[i + 1]!)
  return attributes
}

/** Each DOM node's nearest `lang`, its `aria-current` and its `id`, by backend node id. */
const domFacts = async (cdp: CDPSession) => {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: DOMNode }
  const facts = new Map<number, { lang?: string; current?: string; id?: string }>()
  const walk = (node: DOMNode, inherited: string | undefined) => {
    const attributes = attributesOf(node)
    const lang = attributes.get('lang') ?? inherited
    facts.set(node.backendNodeId, {
      lang,
      current: attributes.get('aria-current'),
      id: attributes.get('id'),
    })
    for (const child of node.children ?? []) walk(child, lang)
  }
  walk(root, undefined)
  return facts
}

const property = (node: AXNode, name: string): unknown =>
  node.properties?.find((p) => p.name === name)?.value.value

/** Reads the page's accessibility tree as it is now, in reading order (the tree's own order). */
export const listen = async (cdp: CDPSession, origin: string): Promise<Hearing> => {
  const facts = await domFacts(cdp)
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] }
  const byId = new Map(nodes.map((node) => [node.nodeId, node]))
  const heard: Heard[] = []
  let title = ''
  const walk = (node: AXNode, within: string[]) => {
    const role = String(node.role?.value ?? '')
    const name = String(node.name?.value ?? '')
    let inside = within
    if (role === 'RootWebArea') title = name
    else if (!node.ignored && role !== 'InlineTextBox') {
      const dom = node.backendDOMNodeId === undefined ? undefined : facts.get(node.backendDOMNodeId)
      const url = property(node, 'url')
      const level = property(node, 'level')
      const expanded = property(node, 'expanded')
      const pressed = property(node, 'pressed')
      const item: Heard = {
        role,
        name,
        ...(role === 'heading' && typeof level === 'number' ? { level } : {}),
        ...(role === 'link' && typeof url === 'string' ? { target: onSite(url, origin) } : {}),
        ...(typeof expanded === 'boolean' ? { expanded } : {}),
        ...(pressed === undefined ? {} : { pressed: pressed === 'true' || pressed === true }),
        ...(dom?.current && dom.current !== 'false' ? { current: dom.current } : {}),
        ...(dom?.lang ? { lang: dom.lang } : {}),
        ...(dom?.id ? { id: dom.id } : {}),
        focusable: property(node, 'focusable') === true,
        within,
        ...(node.backendDOMNodeId === undefined ? {} : { backendNodeId: node.backendDOMNodeId }),
      }
      heard.push(item)
      if (isLandmark(item)) inside = [...within, landmarkLabel(item)]
    }
    for (const child of node.childIds ?? []) {
      const next = byId.get(child)
      if (next) walk(next, inside)
    }
  }
  if (nodes[0]) walk(nodes[0], [])
  const byBackendId = new Map<number, Heard>()
  for (const item of heard) if (item.backendNodeId !== undefined) byBackendId.set(item.backendNodeId, item)
  return { title, nodes: heard, byBackendId }
}

/** A link's target as a path when it stays on the site: the port of a test server changes from run to run. */
const onSite = (url: string, origin: string): string =>
  url.startsWith(`${origin}/`) ? url.slice(origin.length) : url

export const headingsOf = (hearing: Hearing): Heard[] => hearing.nodes.filter((n) => n.role === 'heading')
export const landmarksOf = (hearing: Hearing): Heard[] => hearing.nodes.filter(isLandmark)
export const linksOf = (hearing: Hearing): Heard[] => hearing.nodes.filter((n) => n.role === 'link')

/** The element that has focus, as the tree knows it; undefined when focus is on the page itself. */
export const focusedBackendId = async (cdp: CDPSession): Promise<number | undefined> => {
  const { result } = (await cdp.send('Runtime.evaluate', {
    expression: 'document.activeElement === document.body ? null : document.activeElement',
  })) as { result: { objectId?: string } }
  if (!result.objectId) return undefined
  const { node } = (await cdp.send('DOM.describeNode', { objectId: result.objectId })) as { node: DOMNode }
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId })
  return node.backendNodeId
}

/** What one focus says: role, name, state and voice, as a screen reader announces it on Tab. */
export const announcement = (node: Heard): string => {
  const states = [
    ...(node.level === undefined ? [] : [`level ${node.level}`]),
    ...(node.expanded === undefined ? [] : [node.expanded ? 'expanded' : 'collapsed']),
    ...(node.pressed === undefined ? [] : [node.pressed ? 'pressed' : 'not pressed']),
    ...(node.current ? [`current ${node.current}`] : []),
  ]
  return [
    `${node.role} "${visible(node.name)}"`,
    ...(states.length > 0 ? [`(${states.join(', ')})`] : []),
    ...(node.target === undefined ? [] : [`→ ${node.target}`]),
    `[${node.lang ?? 'no lang'}]`,
  ].join(' ')
}

/** One step of the Tab walk: what was announced, or what the reader did. */
export type Step = { said: string; node?: Heard }

/**
 * Tabs from the top of the page until focus leaves it or comes round again. On the text-size disclosure the
 * reader presses Enter, as one would to hear the sizes, and Tabs on through them.
 */
export const tabThrough = async (page: Page, cdp: CDPSession, origin: string): Promise<Step[]> => {
  let hearing = await listen(cdp, origin)
  const steps: Step[] = []
  const seen = new Set<number>()
  for (let i = 0; i < 100; i++) {
    await page.keyboard.press('Tab')
    const id = await focusedBackendId(cdp)
    if (id === undefined || seen.has(id)) break
    seen.add(id)
    const node = hearing.byBackendId.get(id)
    if (!node) {
      steps.push({ said: '(focus on something the accessibility tree does not have)' })
      continue
    }
    steps.push({ said: announcement(node), node })
    if (node.role === 'DisclosureTriangle' && node.expanded === false) {
      await page.keyboard.press('Enter')
      hearing = await listen(cdp, origin)
      const opened = hearing.byBackendId.get(id)
      steps.push({ said: `Enter: ${opened ? announcement(opened) : '(gone from the tree)'}`, node: opened })
    }
  }
  return steps
}

/** A skip link pressed with the keyboard: where focus went, and what is announced there. */
export type SkipResult = { link: Heard; focusedId?: string; landed?: Heard }

/** Focuses each skip link in turn, presses Enter and reads where focus lands. */
export const followSkipLinks = async (
  page: Page,
  cdp: CDPSession,
  origin: string,
  links: Heard[],
): Promise<SkipResult[]> => {
  const results: SkipResult[] = []
  for (const link of links) {
    await cdp.send('DOM.focus', { backendNodeId: link.backendNodeId })
    await page.keyboard.press('Enter')
    const id = await focusedBackendId(cdp)
    const hearing = await listen(cdp, origin)
    const landed = id === undefined ? undefined : hearing.byBackendId.get(id)
    const focusedId = await page.evaluate(() => document.activeElement?.id || undefined)
    results.push({ link, ...(focusedId ? { focusedId } : {}), ...(landed ? { landed } : {}) })
  }
  return results
}

/**
 * Words that a page's text splits with an element (a `<mark>`, a language's `<span>`) or a `<wbr>`: a screen
 * reader may say the two parts apart, or in two voices. Only text a reader hears counts, and only inside one line
 * of inline content (a block between the parts separates words anyway).
 */
export const splitWords = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const letter = /[\p{L}\p{M}]$/u
    const startsWithLetter = /^[\p{L}\p{M}]/u
    const heard = (text: Text) => {
      const element = text.parentElement
      return Boolean(element && element.checkVisibility() && !element.closest('[aria-hidden="true"]'))
    }
    // Phrasing elements laid out inline: a heading or a paragraph styled inline is still an object of its own to
    // a screen reader, and two words either side of it are two words.
    const phrasing =
      /^(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|label|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)$/
    const isInline = (element: Element) =>
      phrasing.test(element.localName) && getComputedStyle(element).display.startsWith('inline')
    const found: string[] = []
    for (const wbr of document.querySelectorAll('wbr'))
      found.push(`<wbr> in "${wbr.parentElement?.textContent?.trim().slice(0, 80)}"`)
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    let previous: Text | undefined
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text
      if (!heard(text) || text.data === '') continue
      if (previous && letter.test(previous.data) && startsWithLetter.test(text.data)) {
        // Every element between the two texts, up to the one holding both, is inline: they are one run of words.
        const range = document.createRange()
        range.setStartAfter(previous)
        range.setEndBefore(text)
        const common = range.commonAncestorContainer
        const path = (from: Node) => {
          const elements: Element[] = []
          for (let at = from.parentElement; at && at !== common; at = at.parentElement) elements.push(at)
          return elements
        }
        if (
          [...path(previous), ...path(text)].every(isInline) &&
          previous.parentElement !== text.parentElement
        ) {
          const before = previous.data.split(/\s/).pop()
          const after = text.data.split(/\s/)[0]
          found.push(`"${before}|${after}"`)
        }
      }
      previous = text
    }
    return found
  })

/** Every `<mark>` whose text starts or ends inside a word: the highlight cuts the word as it is heard. */
export const marksInsideWords = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('mark')].flatMap((mark) => {
      const range = document.createRange()
      range.selectNodeContents(mark.closest('p, h1, h2, h3, li') ?? mark.parentElement!)
      const whole = range.toString()
      range.setEndBefore(mark)
      const start = range.toString().length
      const end = start + (mark.textContent ?? '').length
      const letter = /[\p{L}\p{M}]/u
      const cut = letter.test(whole[start - 1] ?? '') || letter.test(whole[end] ?? '')
      return cut
        ? [`${whole.slice(Math.max(0, start - 10), start)}[${mark.textContent}]${whole.slice(end, end + 10)}`]
        : []
    }),
  )

/** The reading of one page, as written to its snapshot. */
export type Reading = {
  path: string
  hearing: Hearing
  steps: Step[]
  skips: SkipResult[]
}

const indent = (depth: number) => '  '.repeat(depth)

/** The snapshot: the page's title, then its headings, landmarks, figures, Tab stops, skip links and links list. */
export const transcript = ({ path, hearing, steps, skips }: Reading, about: string): string => {
  const lines = [
    `# What a screen reader hears on ${path} (${about})`,
    `# ${LEGEND}`,
    '',
    `Page title: ${visible(hearing.title)}`,
    '',
    '## Heading by heading',
    ...headingsOf(hearing).map((h) => `h${h.level} ${visible(h.name)}${h.lang ? ` [${h.lang}]` : ''}`),
    '',
    '## Landmark by landmark',
    ...landmarksOf(hearing).map((l) => `${indent(l.within.length)}${landmarkLabel(l)}`),
    '',
    '## Figures and images',
    ...hearing.nodes
      .filter((n) => n.role === 'figure' || n.role === 'image')
      .map(
        (n) =>
          `${n.role === 'image' ? '  ' : ''}${n.role} "${visible(n.name)}"${n.lang ? ` [${n.lang}]` : ''}`,
      ),
    '',
    '## Tab by Tab',
    ...steps.map((step, i) => `${String(i + 1).padStart(2)}. ${step.said}`),
    '',
    '## Skip links, pressed with Enter',
    ...skips.map(
      ({ link, focusedId, landed }) =>
        `"${visible(link.name)}" → focus on ${focusedId ? `#${focusedId}` : 'nothing with an id'}: ${
          landed ? announcement(landed) : '(nothing announced)'
        }`,
    ),
    '',
    '## Links list',
    ...linksOf(hearing).map(
      (l) => `${visible(l.name)} → ${l.target ?? '(no target)'}${l.current ? ' (current)' : ''}`,
    ),
    '',
  ]
  return lines.join('\n')
}

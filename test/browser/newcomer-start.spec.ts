/**
 * Issue #21's newcomer: on a fresh clone, `npx wrangler dev` first (what every Workers template says), stopped, then
 * `npm start` as the README says, and every page is 200. The first run leaves a local D1 file with no tables in it;
 * `npm start` must migrate and seed it anyway. Run in a copy of the project (its files as git sees them, and this
 * checkout's node_modules), so the developer's own `.wrangler/state` is never touched. No browser: Node's fetch.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { feedPath } from '../../src/paths'
import { freePort, serve } from './support/server'
import { LANGUAGES, PAGES } from './support/site'

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..')

/** A fresh clone, near enough: the files git tracks or would (the working tree's), and node_modules linked. */
const freshClone = (): string => {
  const clone = mkdtempSync(join(tmpdir(), 'azattyq-clone-'))
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT })
    .toString()
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(ROOT, file)))
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true })
    copyFileSync(join(ROOT, file), join(clone, file))
  }
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'))
  return clone
}

const D1_FILES = '.wrangler/state/v3/d1/miniflare-D1DatabaseObject'

describe("the newcomer's order: npx wrangler dev first, then npm start", () => {
  let clone: string
  beforeAll(() => {
    clone = freshClone()
  })
  afterAll(() => {
    if (clone) rmSync(clone, { recursive: true, force: true })
  })

  it('serves every page with a 200', async () => {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const env: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false' }
    delete env.CLOUDFLARE_CF_FETCH_PATH
    const listen = ['--port', String(port), '--ip', '127.0.0.1', '--show-interactive-dev-session=false']

    // The template's way: the Worker starts on an empty local D1, and a page read creates its file.
    const first = await serve({
      command: 'npx',
      args: ['wrangler', 'dev', ...listen],
      cwd: clone,
      env,
      url,
      name: 'npx wrangler dev',
      ready: () => true,
    })
    await first.stop()
    const d1 = join(clone, D1_FILES)
    expect(
      existsSync(d1) && readdirSync(d1).some((name) => name.endsWith('.sqlite')),
      'a local D1 file',
    ).toBe(true)

    // Then the README's way. `npm start -- …` hands the options to its `wrangler dev`.
    const second = await serve({
      command: 'npm',
      args: ['start', '--', ...listen],
      cwd: clone,
      env,
      url,
      name: 'npm start',
      ready: () => true,
    })
    try {
      const paths = [
        ...LANGUAGES.flatMap((lang) => [
          PAGES.front(lang),
          PAGES.article(lang),
          PAGES.notice(lang),
          feedPath(lang),
          PAGES.search(lang),
        ]),
        '/sitemap.xml',
      ]
      const statuses: Record<string, number> = {}
      for (const path of paths) {
        const response = await fetch(`${url}${path}`, {
          redirect: 'manual',
          signal: AbortSignal.timeout(10_000),
        })
        await response.body?.cancel()
        statuses[path] = response.status
      }
      console.log(`npm start after npx wrangler dev:\n${JSON.stringify(statuses, null, 2)}`)
      expect(statuses, second.output()).toEqual(Object.fromEntries(paths.map((path) => [path, 200])))
    } finally {
      await second.stop()
    }
  }, 120_000)
})

/** Starts the site with `wrangler dev` on a free loopback port, optionally as seen from a `request.cf` fixture. */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { generatedStory } from '../../../scripts/publish/generate.ts'
import { GENERATED_STORIES } from './generated-stories.ts'

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..')
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')
/** The project's pinned Node (the `node` devDependency): wrangler needs 22 or newer, and the machine may have 20. */
const NODE = existsSync(join(ROOT, 'node_modules/.bin/node'))
  ? join(ROOT, 'node_modules/.bin/node')
  : process.execPath

/** The `request.cf` fixtures in test/fixtures/cf/. */
export type CfFixture = 'ru' | 'crimea' | 'donetsk' | 'lviv' | 'kz' | 'tor'

export type Site = {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string
  /** Its own local state (`--persist-to`): D1, KV and R2, for a spec that changes them under the running server. */
  state: string
  stop: () => Promise<void>
}

/** Every server still running, so a crashed or interrupted run leaves no workerd behind. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL')
})

const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  try {
    // Negative pid: the whole process group, so the workerd processes wrangler started go too.
    if (child.pid !== undefined) process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      )
    })
  })

const answers = async (url: string, ready: (status: number) => boolean): Promise<boolean> => {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) })
    await response.body?.cancel()
    return ready(response.status)
  } catch {
    return false
  }
}

const STARTUP_TIMEOUT_MS = 60_000

/**
 * Local state holding content/articles, published once per process through `npm run publish`'s own script (the
 * wrangler proxy it uses takes seconds to start): each server gets a copy, so none sees another's writes.
 */
let published: Promise<string> | undefined
const publishedState = (): Promise<string> => {
  published ??= (async () => {
    const state = mkdtempSync(join(tmpdir(), 'azattyq-published-'))
    const generated = mkdtempSync(join(tmpdir(), 'azattyq-generated-'))
    process.once('exit', () => {
      rmSync(state, { recursive: true, force: true })
      rmSync(generated, { recursive: true, force: true })
    })
    // Generated stories (site.ts) as story folders beside the real one, so archive pages and stories in some
    // languages only are there to check; all older than the real article, which stays first on every front page.
    const photo = readFileSync(
      join(ROOT, 'content/articles/kazakhstan-contradictory-death-tolls-unrest/unrest-illustration.jpg'),
    )
    for (const options of GENERATED_STORIES) {
      const story = generatedStory({ ...options, image: photo })
      mkdirSync(join(generated, story.slug))
      for (const [lang, text] of Object.entries(story.texts))
        writeFileSync(join(generated, story.slug, `${lang}.md`), text.source)
      for (const [name, read] of story.others) writeFileSync(join(generated, story.slug, name), read())
    }
    await promisify(execFile)(
      NODE,
      [join(ROOT, 'scripts/publish.ts'), join(ROOT, 'content/articles'), generated, '--persist-to', state],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
    )
    return state
  })()
  return published
}

/**
 * Runs `wrangler dev` under the project's pinned Node, with its own local state in a temporary folder (the
 * published stories, and a KV no other server shares), and waits until a page answers.
 */
export const startSite = async ({
  fixture,
  breaking = {},
  config,
}: {
  fixture?: CfFixture
  /** Another Worker's wrangler.toml (the benchmark's bare Worker); the site's own by default. */
  config?: string
  /** Breaking-news items to put in the site's own local KV before it starts, by language. */
  breaking?: Partial<Record<string, { text: string; url: string }>>
} = {}): Promise<Site> => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const state = mkdtempSync(join(tmpdir(), 'azattyq-wrangler-'))
  cpSync(await publishedState(), state, { recursive: true })
  const env: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false' }
  if (fixture) env.CLOUDFLARE_CF_FETCH_PATH = join(ROOT, 'test/fixtures/cf', `${fixture}.json`)
  else delete env.CLOUDFLARE_CF_FETCH_PATH
  for (const [lang, item] of Object.entries(breaking)) {
    const args = ['kv', 'key', 'put', '--local', '--persist-to', state, '--binding', 'BREAKING', lang]
    execFileSync(NODE, [WRANGLER, ...args, JSON.stringify(item)], { cwd: ROOT, env, stdio: 'ignore' })
  }
  const args = [
    WRANGLER,
    'dev',
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    state,
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
    ...(config ? ['--config', config] : []),
  ]
  const server = await serve({
    command: NODE,
    args,
    cwd: ROOT,
    env,
    url,
    name: `wrangler dev${fixture ? ` (${fixture})` : ''}`,
    afterwards: () => rmSync(state, { recursive: true, force: true }),
  })
  return { url, state, stop: server.stop }
}

/**
 * Runs a command that serves the site (`wrangler dev`, `npm start`) in a process group of its own, and waits until
 * `url`'s English front page answers as `ready` wants (a 200 unless told). Throws with the command's output if it
 * exits or has not answered within a minute.
 */
export const serve = async ({
  command,
  args,
  cwd,
  env,
  url,
  name,
  ready = (status) => status === 200,
  afterwards = () => {},
}: {
  command: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  url: string
  name: string
  ready?: (status: number) => boolean
  /** Runs once the server is gone (removes its state). */
  afterwards?: () => void
}): Promise<{ stop: () => Promise<void>; output: () => string }> => {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM')
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
    // workerd may outlive wrangler's node process by a moment: make sure the group is gone.
    killGroup(child, 'SIGKILL')
    running.delete(child)
    afterwards()
  }

  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  while (!(await answers(`${url}/en/`, ready))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`${name} did not start on ${url}:\n${output}`)
    }
    await new Promise((done) => setTimeout(done, 200))
  }
  return { stop, output: () => output }
}

/** Runs wrangler under the project's pinned Node from the project root, as `npx wrangler` would; its output. */
export const runWrangler = async (args: string[]): Promise<string> => {
  const env: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false' }
  const { stdout } = await promisify(execFile)(NODE, [WRANGLER, ...args], { cwd: ROOT, env })
  return stdout
}

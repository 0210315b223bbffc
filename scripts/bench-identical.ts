// `npm run bench:identical -- REF`: proof that a change meant only to make the Worker smaller or faster changes no
// byte a reader gets. Builds the Worker at REF (a commit, branch or tag) and the working tree's, then requests every
// kind of page and document in every language and variant (text size, banner, breaking item, HEAD, a bad method)
// from both on the same in-memory archive, and compares status, headers and body. Exits 1 on any difference.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { memoryCacheApi, memoryEnv, type Worker } from './bench-render.ts'
import { generatedStory } from './publish/generate.ts'
import { prepare, prepareStories } from './publish/pipeline.ts'
import { ROOT } from './publish/targets.ts'

const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')
const SLUG = 'kazakhstan-contradictory-death-tolls-unrest'
const LANGUAGES = ['kk', 'ru', 'en'] as const
/** Stories fixed in time, so both Workers see the same archive: enough for an archive page and a child sitemap. */
const GENERATED = 45
const NOW = '2026-01-01T00:00:00Z'

/** Builds the Worker as deployed, from a checkout at `dir`, into a new folder; returns the bundle's path. */
export const build = (dir: string): string => {
  const out = mkdtempSync(join(tmpdir(), 'azattyq-identical-'))
  execFileSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', out], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  })
  return join(out, 'index.js')
}

/**
 * A fresh instance of a bundle (a new file name is a new module): the breaking item is remembered per isolate for
 * a few seconds, so the probes with one get Workers of their own.
 */
let instances = 0
export const load = async (bundle: string): Promise<Worker> => {
  const copy = bundle.replace(/\.js$/, `-${++instances}.mjs`)
  copyFileSync(bundle, copy)
  return (await import(pathToFileURL(copy).href)).default as Worker
}

/** The working tree at REF, with this checkout's node_modules, for building. */
export const checkout = (ref: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'azattyq-ref-'))
  execFileSync('sh', ['-c', `git archive --format=tar "$REF" | tar -x -C "$DIR"`], {
    cwd: ROOT,
    env: { ...process.env, REF: ref, DIR: dir },
  })
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  execFileSync(process.execPath, [join(dir, 'scripts/build-assets.mjs')], { cwd: dir, stdio: 'ignore' })
  return dir
}

type Probe = { path: string; method?: string; cookie?: string; country?: string; breaking?: boolean }

const probes = (): Probe[] => {
  const list: Probe[] = []
  const oldest = `20200101T010000Z-2`
  for (const lang of LANGUAGES) {
    const paths = [
      `/${lang}/`,
      `/${lang}/articles/${SLUG}`,
      `/${lang}/articles/generated-story-00007`,
      `/${lang}/notice`,
      `/${lang}/older/20200102T200000Z-45`,
      `/${lang}/newer/${oldest}`,
      `/${lang}/feed.xml`,
      `/${lang}/no-such-page`,
      `/${lang}/articles/no-such-story`,
      `/${lang}/search?q=generated`,
      `/${lang}/search?q=${encodeURIComponent('Қаңтар "NEAR( жестко*')}`,
      `/${lang}/search?q=`,
    ]
    for (const path of paths) {
      list.push({ path })
      for (const size of ['xs', 'lg']) list.push({ path, cookie: `size=${size}` })
      list.push({ path, country: 'RU' })
      list.push({ path, country: 'RU', cookie: 'banner=hidden' })
      list.push({ path, breaking: true })
      list.push({ path, method: 'HEAD' })
    }
  }
  for (const path of [
    '/',
    '/en',
    '/kk/notice/',
    '/sitemap.xml',
    '/sitemaps/stories-0.xml',
    '/robots.txt',
    '/nowhere',
    '/EN/',
  ])
    list.push({ path })
  list.push({ path: '/', cookie: 'lang=ru' })
  list.push({ path: '/en/', method: 'DELETE' })
  list.push({ path: '/preferences', method: 'POST' })
  return list
}

const BREAKING = JSON.stringify({ text: 'A breaking item', url: '/en/notice' })

const answer = async (
  worker: Worker,
  env: ReturnType<typeof memoryEnv>,
  probe: Probe,
  caches: ReturnType<typeof memoryCacheApi>,
) => {
  const request = new Request(`http://localhost${probe.path}`, {
    method: probe.method ?? 'GET',
    headers: probe.cookie ? { Cookie: probe.cookie } : {},
  })
  if (probe.country) Object.defineProperty(request, 'cf', { value: { country: probe.country } })
  const bindings = probe.breaking ? { ...env, BREAKING: { get: async () => BREAKING } } : env
  const pending: Promise<unknown>[] = []
  const context = {
    waitUntil: (work: Promise<unknown>) => pending.push(work),
    passThroughOnException: () => {},
  }
  Object.assign(globalThis, { caches })
  const response = await (worker.fetch as (r: Request, e: unknown, c: unknown) => Promise<Response>)(
    request,
    bindings,
    context,
  )
  await Promise.all(pending)
  return {
    status: response.status,
    headers: [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n'),
    body: await response.text(),
  }
}

/** The archive both Workers are asked about, in memory: the real stories and 45 generated ones, fixed in time. */
export const fixedArchive = async () => {
  const real = await prepare([join(ROOT, 'content/articles')], NOW)
  const photo = readFileSync(join(ROOT, `content/articles/${SLUG}/unrest-illustration.jpg`))
  const generated = await prepareStories(
    Array.from({ length: GENERATED }, (_, i) =>
      generatedStory({ number: i + 1, languages: i % 7 === 0 ? ['kk'] : ['kk', 'ru', 'en'], image: photo }),
    ),
    NOW,
  )
  return memoryEnv([...real.batches, ...generated.batches].flat())
}

export const compareOutputs = async (ref: string) => {
  const dir = checkout(ref)
  try {
    const bundles = [build(dir), build(ROOT)] as const
    const workers = await Promise.all(bundles.map(load))
    const withBreaking = await Promise.all(bundles.map(load))
    const env = await fixedArchive()
    const differences: string[] = []
    let compared = 0
    let hits = 0
    // The request log prints refusals; here they are expected, and the same from both.
    const log = console.log
    console.log = () => {}
    // A Cache API of its own for each Worker, so the second request of a probe is a hit from the page cache (from
    // the isolate's memory, or from this Cache API once memory has forgotten it) and is compared too.
    const caches = [memoryCacheApi(), memoryCacheApi()] as const
    for (const probe of probes())
      for (const visit of ['first', 'again'])
        for (const cookie of [probe.cookie, probe.cookie ?? 'size=sm']) {
          // The same request twice: rendered, then from the page cache. A cookie-free view and one with the same
          // preference spelled out are the same variant, and so the same copy.
          const asked = { ...probe, cookie }
          const [before, after] = probe.breaking ? withBreaking : workers
          const a = await answer(before!, env, asked, caches[0])
          const b = await answer(after!, env, asked, caches[1])
          compared++
          if (/^x-page-cache: hit$/m.test(b.headers)) hits++
          for (const part of ['status', 'headers', 'body'] as const)
            if (a[part] !== b[part]) differences.push(`${JSON.stringify(asked)} (${visit}): ${part} differs`)
        }
    console.log = log
    return { compared, hits, differences }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  const ref = process.argv[2]
  if (!ref) {
    console.error(
      'usage: npm run bench:identical -- REF   (a commit, branch or tag to compare the working tree with)',
    )
    process.exit(2)
  }
  const { compared, hits, differences } = await compareOutputs(ref)
  console.log(
    `${compared} responses compared with ${ref} (${hits} of them page-cache hits): ${differences.length} differ`,
  )
  for (const line of differences.slice(0, 50)) console.log(`  ${line}`)
  process.exit(differences.length > 0 ? 1 : 0)
}

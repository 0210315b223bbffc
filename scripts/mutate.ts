// `npm run mutate [module…] [--stryker-option…]`: StrykerJS over the modules that carry the reader's promises, one module at a time,
// each against its own test files only, then a table of mutation scores and every surviving mutant.
// Settings shared by every run are in stryker.config.json; how and why it runs this way is in TESTING.md.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'

type Module = {
  /** What the module promises, for the table. */
  promise: string
  /** The source to mutate: files, or `file:first-last` line ranges. */
  mutate: () => string[]
  /** The test files that are meant to hold it: the Workers tier's, or with `node`, the publish step's. */
  tests: string[]
  /** The publish step runs in Node: its mutants run under test/node/vitest.config.ts, not inside workerd. */
  node?: true
}

/** The lines of src/app.tsx that route bad input: from the line matching `from` to the one matching `to`. */
const appLines = (from: RegExp, to: RegExp): string => {
  const lines = readFileSync('src/app.tsx', 'utf8').split('\n')
  const first = lines.findIndex((line) => from.test(line)) + 1
  const last = lines.findIndex((line, index) => index >= first && to.test(line)) + 1
  if (first === 0 || last === 0)
    throw new Error(`src/app.tsx no longer has ${from} … ${to}: update scripts/mutate.ts`)
  return `src/app.tsx:${first}-${last}`
}

const MODULES: Record<string, Module> = {
  'security-headers': {
    promise: 'CSP and the other security headers on every response',
    mutate: () => ['src/security-headers.ts'],
    tests: ['test/security.test.ts'],
  },
  preferences: {
    promise: 'preference cookies: closed values, __Host-, Secure, HttpOnly, Lax; the lang cookie policy',
    mutate: () => ['src/preferences.ts', 'src/loopback.ts'],
    tests: [
      'test/preferences.test.ts',
      'test/security.test.ts',
      'test/routes.test.ts',
      'test/legal-banner.test.ts',
    ],
  },
  'page-cache': {
    promise: 'one copy per variant, no cookie shared, private to the reader, no cache-state oracle',
    mutate: () => ['src/page-cache.ts'],
    tests: [
      'test/page-cache.test.ts',
      'test/page-copies.test.ts',
      'test/storage-failure.test.ts',
      'test/kept-copies.test.ts',
    ],
  },
  'storage-failure': {
    promise:
      'a failing or late store: a deadline, the last edition known, one log line per kind, takedowns fail closed, a photo 503',
    mutate: () => ['src/storage.ts', 'src/edition.ts', 'src/takedowns.ts', 'src/routes/media.ts'],
    tests: [
      'test/storage-units.test.ts',
      'test/storage-failure.test.ts',
      'test/kept-copies.test.ts',
      'test/photo-takedown.test.ts',
      'test/media.test.ts',
    ],
  },
  'breaking-news': {
    promise: 'an editor’s item read defensively, never an off-site or oversized link',
    mutate: () => ['src/breaking-news.ts'],
    tests: ['test/breaking-news.test.ts'],
  },
  'legal-risk-regions': {
    promise: 'who sees the legal-risk banner',
    mutate: () => ['src/legal-risk-regions.ts'],
    tests: ['test/legal-banner.test.ts'],
  },
  'request-log': {
    promise: 'refusals and errors only: no line per page read',
    mutate: () => ['src/request-log.ts'],
    tests: ['test/request-log.test.ts', 'test/errors.test.ts'],
  },
  search: {
    promise: 'a reader’s words are never FTS5 syntax, never logged or cached; results newest first by date',
    mutate: () => ['src/search-query.ts', 'src/search-order.ts', 'src/routes/search.tsx'],
    tests: ['test/search.test.ts', 'test/search-matching.test.ts', 'test/fuzz.test.ts'],
  },
  'publish-checks': {
    promise:
      'an editor’s file is YAML and text only, named and sized, or refused naming the file and the problem',
    mutate: () => ['scripts/publish/characters.ts', 'scripts/publish/validate.ts', 'scripts/publish/read.ts'],
    tests: [
      'test/node/hostile-input.test.ts',
      'test/node/publish.test.ts',
      'test/node/review-regressions.test.ts',
    ],
    node: true,
  },
  'photo-lifecycle': {
    promise: 'a run is written whole or not at all, and no photo outlives its story',
    mutate: () => ['scripts/publish/commit.ts'],
    tests: ['test/node/photos.test.ts'],
    node: true,
  },
  routing: {
    promise: 'bad input gets a clear answer: 301/404/413/415/500, never an open redirect',
    mutate: () => [
      'src/routes/route-helpers.ts',
      'src/routes/message-page.tsx',
      'src/routes/preferences.tsx',
      'src/same-site-form.ts',
      appLines(/^const canonicalVariant = /, /^export \{ app \}/),
    ],
    tests: [
      'test/routes.test.ts',
      'test/security.test.ts',
      'test/errors.test.ts',
      'test/fuzz.test.ts',
      'test/preferences.test.ts',
      'test/legal-banner.test.ts',
      'test/same-site-form.test.ts',
    ],
  },
}

type Report = { files: Record<string, { mutants: Mutant[] }> }
type Mutant = {
  status: string
  mutatorName: string
  replacement?: string
  location: { start: { line: number; column: number } }
}

// Module names first; anything from the first `--option` on goes to Stryker (`npm run mutate -- page-cache --concurrency 1`).
const args = process.argv.slice(2)
const firstOption = args.findIndex((arg) => arg.startsWith('--'))
const asked = firstOption === -1 ? args : args.slice(0, firstOption)
const strykerOptions = firstOption === -1 ? [] : args.slice(firstOption)
const unknown = asked.filter((name) => !(name in MODULES))
if (unknown.length > 0) {
  console.error(
    `mutate: no module ${unknown.join(', ')}; the modules are: ${Object.keys(MODULES).join(', ')}`,
  )
  process.exit(2)
}
const names = asked.length > 0 ? asked : Object.keys(MODULES)
mkdirSync('reports/mutation', { recursive: true })

const rows: string[] = []
const survivors: string[] = []
let failed = false
for (const name of names) {
  const module = MODULES[name]!
  const reportFile = `reports/mutation/${name}.json`
  const config = `reports/mutation/${name}.stryker.json`
  writeFileSync(
    config,
    JSON.stringify({
      ...JSON.parse(readFileSync('stryker.config.json', 'utf8')),
      $schema: undefined,
      mutate: module.mutate(),
      testFiles: module.tests,
      ...(module.node ? { vitest: { configFile: 'test/node/vitest.config.ts', related: false } } : {}),
      jsonReporter: { fileName: reportFile },
      // A second run re-tests only the mutants whose code or covering tests changed.
      incremental: true,
      incrementalFile: `reports/mutation/${name}.incremental.json`,
      htmlReporter: { fileName: `reports/mutation/${name}.html` },
    }),
  )
  const started = Date.now()
  console.log(`\nmutate: ${name} (${module.mutate().join(', ')}) against ${module.tests.join(', ')}`)
  const run = spawnSync('stryker', ['run', config, ...strykerOptions], { stdio: 'inherit', shell: false })
  const minutes = ((Date.now() - started) / 60_000).toFixed(1)
  if (run.status !== 0) {
    failed = true
    rows.push(`| ${name} | failed (exit ${run.status}) | | | | | ${minutes} |`)
    continue
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report
  const count = (status: string) =>
    Object.values(report.files).reduce((n, f) => n + f.mutants.filter((m) => m.status === status).length, 0)
  const killed = count('Killed') + count('Timeout')
  const survived = count('Survived')
  const uncovered = count('NoCoverage')
  const ignored = count('Ignored')
  const score = (100 * killed) / Math.max(1, killed + survived + uncovered)
  rows.push(
    `| ${name} | ${score.toFixed(1)} % | ${killed} | ${survived} | ${uncovered} | ${ignored} | ${minutes} |`,
  )
  for (const [file, { mutants }] of Object.entries(report.files))
    for (const m of mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage'))
      survivors.push(
        `- ${name}: ${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${JSON.stringify((m.replacement ?? '').slice(0, 100))}`,
      )
}

console.log('\n| module | mutation score | killed | survived | no coverage | static (not run) | minutes |')
console.log('| --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) console.log(row)
console.log(survivors.length > 0 ? `\nSurvivors:\n${survivors.join('\n')}` : '\nNo survivors.')
if (failed) process.exitCode = 1

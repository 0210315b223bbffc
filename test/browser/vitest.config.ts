// Browser tests: vitest in Node drives Debian's Chromium (playwright-core) against `wrangler dev`, with axe-core
// for the WCAG rules and the Nu Html Checker for validity. Run by `npm run test:browser`, after the Workers tier.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { IN_CI, hasChromium, hasJava, loudly } from './support/tools.ts'

const ALL_SPECS = 'test/browser/*.spec.ts'
/** The one spec that needs no browser, only Java. */
const VNU_SPEC = 'test/browser/html-validity.spec.ts'

const chromium = hasChromium()
const java = hasJava()

// A missing tool skips the specs that need it, loudly, on a developer's machine. In CI it fails the run: a green
// run that checked nothing would hide the gap (.ci/run installs both tools).
const gaps = [
  ...(chromium ? [] : ['no Chromium at /usr/bin/chromium (apt-get install -y chromium): every browser spec']),
  ...(java ? [] : ['no Java (apt-get install -y default-jre-headless): the Nu Html Checker spec']),
]
if (gaps.length > 0) {
  const message = [
    `BROWSER TESTS ${IN_CI ? 'CANNOT RUN IN CI' : 'SKIPPED'}:`,
    ...gaps.map((gap) => `  - ${gap}`),
  ]
  if (IN_CI) throw new Error(loudly(message))
  console.warn(loudly(message))
  // Said again as the run ends, below the summary, where a green result would otherwise have the last word.
  process.once('exit', () => console.warn(loudly(message)))
}

const include = chromium ? [ALL_SPECS] : java ? [VNU_SPEC] : []
const exclude = java ? [] : [VNU_SPEC]

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'browser',
    environment: 'node',
    include,
    exclude,
    passWithNoTests: true,
    globalSetup: include.length > 0 ? ['test/browser/support/global-setup.ts'] : [],
    // Two cores: one spec file at a time, each with its own Chromium, beside one or two wrangler dev servers.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 90_000,
    // Snapshots are written on a developer's machine; in CI a missing or different one fails.
    update: IN_CI ? 'none' : undefined,
  },
})

// Workers-runtime tests as StrykerJS runs them (`npm run mutate`): the same as vitest.config.ts, but with an empty
// `main` Worker (test/mutation/entry.ts), so the app's modules load only when a test imports them, after Stryker's
// setup file has switched a mutant on. Otherwise module-level mutants would never be active.
import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    cloudflareTest({ main: './test/mutation/entry.ts', wrangler: { configPath: './wrangler.toml' } }),
  ],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    silent: 'passed-only',
  },
})

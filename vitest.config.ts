// Workers-runtime tests: every *.test.ts(x) under test/ runs inside workerd, with the bindings from wrangler.toml.
import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The request log is noise when a test passes and evidence when it fails.
    silent: 'passed-only',
  },
})

// The publish pipeline's tests: vitest in Node, as `npm run publish` runs (files, sharp, wrangler's CLI).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'publish',
    environment: 'node',
    include: ['test/node/*.test.ts'],
    testTimeout: 60_000,
  },
})

// Workers-runtime tests as StrykerJS runs them (`npm run mutate`): the same as vitest.config.ts (the archive seeded
// the same way), but with an empty `main` Worker (test/mutation/entry.ts), so the app's modules load only when a
// test imports them, after Stryker's setup file has switched a mutant on. Otherwise module-level mutants would never
// be active.
import { workersTestConfig } from './vitest.config'

export default workersTestConfig('./test/mutation/entry.ts')

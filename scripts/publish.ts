// `npm run publish -- PATH... [--remote]`: publishes story folders (or folders of them) to the local D1 and R2
// that `npm start` serves, or with `--remote` to production. Nothing is written unless every story passes.
//   --persist-to DIR   the local state of a `wrangler dev --persist-to DIR` (the browser tests' servers)
//   --if-empty         do nothing if the local database already holds a story (`npm start` on a fresh clone)
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { commit, WriteFailed } from './publish/commit.ts'
import { prepare } from './publish/pipeline.ts'
import { PublishRefused } from './publish/story.ts'
import { localTarget, remoteTarget, ROOT } from './publish/targets.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    'if-empty': { type: 'boolean', default: false },
  },
})

if (positionals.length === 0) {
  console.error('usage: npm run publish -- content/articles/SLUG [more folders…] [--remote]')
  process.exit(2)
}

/**
 * Whether local state already has a D1 database: `npm start` then leaves it as the editor left it (and skips the
 * seconds the local proxy takes to start). Unpublishing everything locally and restarting does not bring it back.
 */
const hasLocalDatabase = (): boolean => {
  const dir = join(values['persist-to'] ?? join(ROOT, '.wrangler/state'), 'v3/d1/miniflare-D1DatabaseObject')
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.sqlite'))
}

if (values['if-empty'] && !values.remote && hasLocalDatabase()) {
  console.log(
    'The local database exists: nothing published (--if-empty). `npm run publish -- PATH` publishes.',
  )
  process.exit(0)
}

const started = performance.now()
try {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
  // Everything is read, checked and rendered before anything is opened, let alone written.
  const prepared = await prepare(positionals, now)
  const target = values.remote ? await remoteTarget() : await localTarget(values['persist-to'])
  try {
    const removed = await commit(target, prepared)
    for (const story of prepared.stories)
      console.log(`published ${story.slug} (${story.versions.map((v) => v.lang).join(', ')})`)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (removed.length > 0) console.log(`removed ${removed.length} copies of photos no story shows any more`)
    console.log(
      `${prepared.stories.length} stories ${values.remote ? 'in production' : 'locally'} in ${seconds} s`,
    )
  } finally {
    await target.close()
  }
} catch (error) {
  if (error instanceof WriteFailed) {
    console.error(`Nothing was published: ${error.message}`)
    process.exit(1)
  }
  if (!(error instanceof PublishRefused)) throw error
  console.error('Nothing was published:')
  for (const { file, problem } of error.refusals) console.error(`  ${file}: ${problem}`)
  process.exit(1)
}

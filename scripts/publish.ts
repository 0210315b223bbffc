// `npm run publish -- PATH... [--remote]`: publishes story folders (or folders of them) to the local D1 and R2
// that `npm start` serves, or with `--remote` to production. Nothing is written unless every story passes.
//   --persist-to DIR   the local state of a `wrangler dev --persist-to DIR` (the browser tests' servers)
//   --if-empty         migrate the local database, then do nothing if it already holds a story (`npm start`)
import { parseArgs } from 'node:util'
import { commit, WriteFailed } from './publish/commit.ts'
import { prepare } from './publish/pipeline.ts'
import { PublishRefused } from './publish/story.ts'
import { localTarget, remoteTarget } from './publish/targets.ts'

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

if (values['if-empty'] && !values.remote) {
  // `npm start`: migrate whatever local database there is (wrangler's own step: `npx wrangler dev` run first leaves
  // an empty one), then seed it only if it holds no story, so an editor's local archive is left as they left it.
  const target = await localTarget(values['persist-to'])
  try {
    const [row] = await target.all('SELECT count(*) AS n FROM stories', [])
    const stories = Number(row?.n ?? 0)
    if (stories > 0) {
      console.log(
        `The local database is migrated and holds ${stories} ${stories === 1 ? 'story' : 'stories'}: nothing published (--if-empty). \`npm run publish -- PATH\` publishes.`,
      )
      process.exit(0)
    }
    console.log('The local database is migrated and holds no story: publishing the stories given.')
  } finally {
    await target.close()
  }
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

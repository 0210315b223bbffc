// `npm run unpublish -- SLUG... [--remote]`: removes stories, every language version and every photo of theirs,
// from the local D1 and R2 (or with `--remote`, production). Pages stop showing them within a minute (the page
// cache); copies already in readers' browsers or at the edge need a purge too (README, "Taking a story down").
import { parseArgs } from 'node:util'
import { unpublish } from './publish/commit.ts'
import { localTarget, remoteTarget } from './publish/targets.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { remote: { type: 'boolean', default: false }, 'persist-to': { type: 'string' } },
})

if (positionals.length === 0) {
  console.error('usage: npm run unpublish -- SLUG [more slugs…] [--remote]')
  process.exit(2)
}

const target = values.remote ? await remoteTarget() : await localTarget(values['persist-to'])
let missing: string[]
try {
  missing = await unpublish(target, positionals)
} finally {
  await target.close()
}
for (const slug of positionals)
  if (missing.includes(slug))
    console.error(`${slug}: no such story ${values.remote ? 'in production' : 'locally'}; nothing removed`)
  else console.log(`unpublished ${slug}, with its photos`)
if (missing.length > 0) process.exit(1)

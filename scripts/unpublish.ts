// `npm run unpublish -- SLUG... [--remote]`: removes stories, every language version and their photos, from the
// local D1 and R2 (or with `--remote`, production). Pages stop showing them within a minute (the page cache).
import { parseArgs } from 'node:util'
import { imageObjectKey } from './publish/render.ts'
import { localTarget, remoteTarget } from './publish/targets.ts'
import { unpublishStatements } from './publish/write.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { remote: { type: 'boolean', default: false }, 'persist-to': { type: 'string' } },
})

if (positionals.length === 0) {
  console.error('usage: npm run unpublish -- SLUG [more slugs…] [--remote]')
  process.exit(2)
}

const target = values.remote ? await remoteTarget() : await localTarget(values['persist-to'])
let missing = 0
try {
  for (const slug of positionals) {
    const row = await target.first('SELECT image_key, image_widths FROM stories WHERE slug = ?1', [slug])
    if (!row) {
      console.error(`${slug}: no such story ${values.remote ? 'in production' : 'locally'}; nothing removed`)
      missing++
      continue
    }
    await target.write([unpublishStatements(slug)])
    const widths = String(row.image_widths).split(',').map(Number)
    await target.deleteObjects(widths.map((w) => imageObjectKey(String(row.image_key), w)))
    console.log(`unpublished ${slug}`)
  }
} finally {
  await target.close()
}
if (missing > 0) process.exit(1)

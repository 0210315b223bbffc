// Fingerprints the files under static/ into assets/ (name.<hash>.ext) and writes src/asset-manifest.json.
// With --check it changes nothing and fails if assets/ or the manifest are out of date, so a forgotten run is caught.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join, relative, extname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const staticDir = join(root, 'static')
const assetsDir = join(root, 'assets')
const manifestPath = join(root, 'src', 'asset-manifest.json')
const check = process.argv.includes('--check')

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  )

const manifest = {}
const wanted = new Map()
for (const file of walk(staticDir).sort()) {
  const name = relative(staticDir, file).split('\\').join('/')
  const bytes = readFileSync(file)
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10)
  const ext = extname(name)
  const hashed = `${name.slice(0, -ext.length)}.${hash}${ext}`
  manifest[name] = `/${hashed}`
  wanted.set(hashed, bytes)
}

// Files whose names start with "_" (Workers Static Assets' _headers) are written by hand and left alone.
const existing = existsSync(assetsDir)
  ? walk(assetsDir)
      .map((file) => relative(assetsDir, file).split('\\').join('/'))
      .filter((name) => !name.split('/').some((part) => part.startsWith('_')))
  : []
const stale = existing.filter((name) => !wanted.has(name))
const missing = [...wanted.keys()].filter((name) => !existing.includes(name))
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`
const manifestStale = !existsSync(manifestPath) || readFileSync(manifestPath, 'utf8') !== manifestText

if (check) {
  if (stale.length || missing.length || manifestStale) {
    console.error('assets/ is out of date with static/: run `npm run assets` and commit the result.')
    for (const name of missing) console.error(`  missing: assets/${name}`)
    for (const name of stale) console.error(`  stale:   assets/${name}`)
    if (manifestStale) console.error('  stale:   src/asset-manifest.json')
    process.exit(1)
  }
  console.log(`assets: ${wanted.size} fingerprinted files up to date`)
} else {
  for (const name of stale) rmSync(join(assetsDir, name))
  for (const [name, bytes] of wanted) {
    mkdirSync(dirname(join(assetsDir, name)), { recursive: true })
    writeFileSync(join(assetsDir, name), bytes)
  }
  writeFileSync(manifestPath, manifestText)
  console.log(`assets: wrote ${wanted.size} files (${stale.length} stale removed)`)
}

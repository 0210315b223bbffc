// Fingerprints the files under static/ into assets/ (name.<hash>.ext), writes src/asset-manifest.json, and writes
// assets/_headers with the page's own security headers (from src/security-headers.ts) for Workers Static Assets.
// With --check it changes nothing and fails if any of them is out of date, so a forgotten run is caught.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join, relative, extname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const staticDir = join(root, 'static')
const assetsDir = join(root, 'assets')
const manifestPath = join(root, 'src', 'asset-manifest.json')
const headersPath = join(assetsDir, '_headers')
const check = process.argv.includes('--check')

/**
 * The security headers every page carries, as the Worker's own middleware sets them over HTTPS: assets are served
 * by the platform without running the Worker, so they get the same headers from `_headers`, generated here so the
 * two never drift apart.
 */
const securityHeaders = async () => {
  const { Hono } = await import('hono')
  const { securityHeaders: middleware } = await import('../src/security-headers.ts')
  const app = new Hono().use(middleware()).get('/', (c) => c.body(null, 204))
  const response = await app.request('https://assets.invalid/')
  return [...response.headers].sort(([a], [b]) => a.localeCompare(b))
}

const headersText = [
  '# Written by `npm run assets` (scripts/build-assets.mjs): do not edit. Every file here has its content hash in',
  '# its name, so it can be kept forever; and it carries the same security headers as the pages',
  '# (src/security-headers.ts), so "every response" holds for assets too.',
  '/*',
  '  Cache-Control: public, max-age=31536000, immutable',
  // The platform answers other methods with a 405 of its own, which must say what is allowed (RFC 9110 §15.5.6).
  '  Allow: GET, HEAD',
  ...(await securityHeaders()).map(([name, value]) => `  ${headerName(name)}: ${value}`),
  '',
].join('\n')

/** `x-content-type-options` → `X-Content-Type-Options`, as the rest of the file and the platform's docs write it. */
function headerName(name) {
  return name.replace(/(^|-)([a-z])/g, (_, dash, letter) => dash + letter.toUpperCase())
}

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

// Files whose names start with "_" (Workers Static Assets' _headers, written below) are not fingerprinted assets.
const existing = existsSync(assetsDir)
  ? walk(assetsDir)
      .map((file) => relative(assetsDir, file).split('\\').join('/'))
      .filter((name) => !name.split('/').some((part) => part.startsWith('_')))
  : []
const stale = existing.filter((name) => !wanted.has(name))
const missing = [...wanted.keys()].filter((name) => !existing.includes(name))
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`
const manifestStale = !existsSync(manifestPath) || readFileSync(manifestPath, 'utf8') !== manifestText
const headersStale = !existsSync(headersPath) || readFileSync(headersPath, 'utf8') !== headersText

if (check) {
  if (stale.length || missing.length || manifestStale || headersStale) {
    console.error('assets/ is out of date with static/: run `npm run assets` and commit the result.')
    for (const name of missing) console.error(`  missing: assets/${name}`)
    for (const name of stale) console.error(`  stale:   assets/${name}`)
    if (manifestStale) console.error('  stale:   src/asset-manifest.json')
    if (headersStale) console.error('  stale:   assets/_headers (src/security-headers.ts changed?)')
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
  writeFileSync(headersPath, headersText)
  console.log(`assets: wrote ${wanted.size} files (${stale.length} stale removed)`)
}

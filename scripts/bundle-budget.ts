// Fails when the Worker bundle that `wrangler deploy --dry-run --outdir dist` wrote is over its budget (gzip).
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 54
const bundle = readFileSync(new URL('../dist/index.js', import.meta.url))
const gzipKb = gzipSync(bundle, { level: 9 }).byteLength / 1024
const line = `Worker bundle: ${(bundle.byteLength / 1024).toFixed(1)} KB raw, ${gzipKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB gzip)`
if (gzipKb > BUDGET_KB) {
  console.error(`${line}: OVER BUDGET`)
  process.exit(1)
}
console.log(line)

// Doubles of a test file's own D1, R2 and KV bindings that pass every call through until told to fail: throw, say a
// table is missing, or never answer; and the Cache API's fresh copies made to expire, as after their minute.
import { env } from 'cloudflare:test'
import { parseHTML } from 'linkedom'
import { afterEach, vi } from 'vitest'
import { app } from '../src/app'
import { forgetEdition } from '../src/edition'
import { forgetFailures } from '../src/storage'
import { forgetTakedowns, TAKEDOWNS_KEY } from '../src/takedowns'
import { fold } from './helpers'

export type Fault = 'none' | 'throw' | 'hang' | 'not-migrated'

/** What each double does now, and how many D1 queries reached the real database. */
export const faults = { d1: 'none' as Fault, r2: 'none' as Fault, kv: 'none' as Fault, queries: 0 }

const misbehave = async <T>(fault: Fault, call: () => Promise<T>): Promise<T> => {
  if (fault === 'throw') throw new Error('D1_ERROR: Network connection lost.')
  if (fault === 'not-migrated') throw new Error('D1_ERROR: no such table: story_versions: SQLITE_ERROR')
  if (fault === 'hang') return new Promise<T>(() => {})
  return call()
}

const database = {
  prepare: (sql: string) => ({
    bind: (...params: unknown[]) => ({
      all: () =>
        misbehave(faults.d1, () => {
          faults.queries++
          return env.DB.prepare(sql)
            .bind(...params)
            .all()
        }),
    }),
  }),
} as unknown as D1Database

const bucket = {
  get: (key: string) => misbehave(faults.r2, () => env.MEDIA.get(key)),
} as unknown as R2Bucket

const takedowns = {
  get: (key: string, options: KVNamespaceGetOptions<'json'>) =>
    misbehave(faults.kv, () => env.TAKEDOWNS.get(key, options)),
} as unknown as KVNamespace

export const faultyEnv = { ...env, DB: database, MEDIA: bucket, TAKEDOWNS: takedowns }

let port = 20_000
/** An origin no other test has used: nothing of it is in this isolate's memory or the Cache API yet. */
export const freshOrigin = () => `http://127.0.0.1:${port++}`

export const ask = (url: string, init?: RequestInit<RequestInitCfProperties>) =>
  Promise.resolve(app.request(new Request(url, init), undefined, faultyEnv))

export const read = async (url: string, init?: RequestInit<RequestInitCfProperties>) => {
  const started = performance.now()
  const response = await ask(url, init)
  const html = await response.text()
  return { response, html, document: parseHTML(html).document, ms: performance.now() - started }
}

export const headline = (document: Document) => fold(document.querySelector('h1')?.textContent ?? '')

/** Makes the fresh copies of this edition unreachable, as they are once their minute is over. */
export const freshCopiesExpired = () => {
  const open = caches.open.bind(caches)
  vi.spyOn(caches, 'open').mockImplementation(async (name: string) => {
    const cache = await open(name)
    if (name !== 'pages') return cache
    return {
      match: async () => undefined,
      put: (...args: Parameters<Cache['put']>) => cache.put(...args),
    } as unknown as Cache
  })
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() + 61_000)
}

export const later = (hours: number) => vi.setSystemTime(Date.now() + hours * 3_600_000)

/** After each test: every store answers again, and what this isolate remembered of them is forgotten. */
afterEach(async () => {
  Object.assign(faults, { d1: 'none', r2: 'none', kv: 'none', queries: 0 })
  vi.useRealTimers()
  vi.restoreAllMocks()
  forgetEdition()
  forgetFailures()
  forgetTakedowns()
  await env.TAKEDOWNS.delete(TAKEDOWNS_KEY)
})

// The pieces the outage handling is built of, each held to its own promise: the deadline on a store's read and
// the one log line per failure kind (src/storage.ts), the edition this isolate remembers (src/edition.ts), the
// takedown list read from KV (src/takedowns.ts) and the photo route's answers (src/routes/media.ts). Whole pages
// during an outage are test/storage-failure.test.ts; these are the edges a whole page does not reach.
import { env } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { app } from '../src/app'
import { forgetEdition, readEdition } from '../src/edition'
import {
  DOWN_FOR_MS,
  forgetFailures,
  isDown,
  logFailureOnce,
  STORAGE_DEADLINE_MS,
  StorageUnavailable,
  withinDeadline,
} from '../src/storage'
import { forgetTakedowns, readTakedowns, TAKEDOWNS_KEY } from '../src/takedowns'

/** Every storage line logged while a test runs, parsed. */
let lines: Record<string, string>[] = []

beforeEach(() => {
  lines = []
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
    lines.push(JSON.parse(String(line)) as Record<string, string>)
  })
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  forgetFailures()
  forgetEdition()
  forgetTakedowns()
})

/** The failure a read ends in. */
const failureOf = async (read: Promise<unknown>): Promise<StorageUnavailable> => {
  const error: unknown = await read.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(StorageUnavailable)
  return error as StorageUnavailable
}

describe('a read within the deadline', () => {
  it('gives the store’s answer and leaves no timer behind', async () => {
    vi.useFakeTimers()
    expect(await withinDeadline('d1', () => Promise.resolve(42))).toBe(42)
    // A deadline left running would reject later, with nobody there to hear it.
    expect(vi.getTimerCount()).toBe(0)
    expect(lines).toEqual([])
  })

  it('fails as a timeout when the store has not answered by the deadline, and logs no message', async () => {
    vi.useFakeTimers()
    const read = failureOf(withinDeadline('r2', () => new Promise<never>(() => {})))
    await vi.advanceTimersByTimeAsync(STORAGE_DEADLINE_MS - 1)
    expect(lines).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    const failure = await read
    expect(failure).toMatchObject({ name: 'StorageUnavailable', store: 'r2', reason: 'timeout' })
    expect(failure.message).toBe('r2 unavailable (timeout)')
    expect(lines).toEqual([{ event: 'storage-unavailable', store: 'r2', reason: 'timeout' }])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('fails as an error when the store throws, and logs the runtime’s message unless asked to be quiet', async () => {
    const failure = await failureOf(
      withinDeadline('d1', () => Promise.reject(new Error('D1_ERROR: overloaded'))),
    )
    expect(failure).toMatchObject({ store: 'd1', reason: 'error' })
    expect(lines).toEqual([
      { event: 'storage-unavailable', store: 'd1', reason: 'error', message: 'Error: D1_ERROR: overloaded' },
    ])
    forgetFailures()
    lines = []
    await failureOf(
      withinDeadline('d1', () => Promise.reject(new Error('fts5: syntax error near "secret"')), {
        quiet: true,
      }),
    )
    expect(lines).toEqual([{ event: 'storage-unavailable', store: 'd1', reason: 'error' }])
  })

  it('names the fix when tables are missing', async () => {
    const failure = await failureOf(
      withinDeadline('d1', () => Promise.reject(new Error('D1_ERROR: no such column: takedown_at'))),
    )
    expect(failure.reason).toBe('not-migrated')
    expect(lines).toEqual([
      expect.objectContaining({
        reason: 'not-migrated',
        fix: expect.stringContaining('wrangler d1 migrations apply DB'),
      }),
    ])
  })
})

describe('a store seen failing', () => {
  it('is taken to be down for DOWN_FOR_MS, then asked again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.now()
    await failureOf(withinDeadline('kv', () => Promise.reject(new Error('KV GET failed: 503'))))
    expect(isDown('kv')).toBe(true)
    expect(isDown('d1')).toBe(false)
    const asked = vi.fn(() => Promise.resolve('answer'))
    vi.setSystemTime(start + DOWN_FOR_MS - 1)
    // Not asked while down: the reader is told at once.
    expect(await failureOf(withinDeadline('kv', asked))).toMatchObject({ store: 'kv', reason: 'error' })
    expect(asked).not.toHaveBeenCalled()
    vi.setSystemTime(start + DOWN_FOR_MS)
    expect(isDown('kv')).toBe(false)
    expect(await withinDeadline('kv', asked)).toBe('answer')
  })
})

describe('the failure log', () => {
  it('has one line per store and reason, however many times each happens', () => {
    for (let i = 0; i < 3; i++) {
      logFailureOnce('d1', 'timeout')
      logFailureOnce('d1', 'error', 'first message')
      logFailureOnce('r2', 'error', 'second message')
    }
    expect(lines).toEqual([
      { event: 'storage-unavailable', store: 'd1', reason: 'timeout' },
      { event: 'storage-unavailable', store: 'd1', reason: 'error', message: 'first message' },
      { event: 'storage-unavailable', store: 'r2', reason: 'error', message: 'second message' },
    ])
  })
})

/** A D1 double that answers the edition query from a number the test sets, and counts the queries. */
const editionDatabase = () => {
  const state = { number: 7, queries: 0, fail: false }
  const DB = {
    prepare: () => ({
      bind: () => ({
        all: async () => {
          state.queries++
          if (state.fail) throw new Error('D1_ERROR: Network connection lost.')
          return { results: [{ number: state.number }] }
        },
      }),
    }),
  } as unknown as D1Database
  return { state, env: { ...env, DB } }
}

describe('the edition', () => {
  it('is read once per ten seconds in an isolate, and read again after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.now()
    const { state, env: editionEnv } = editionDatabase()
    expect(await readEdition(editionEnv)).toBe(7)
    state.number = 8
    vi.setSystemTime(start + 9_999)
    expect(await readEdition(editionEnv)).toBe(7)
    expect(state.queries).toBe(1)
    vi.setSystemTime(start + 10_000)
    expect(await readEdition(editionEnv)).toBe(8)
    expect(state.queries).toBe(2)
  })

  it('is the last one known when the database fails, and undefined when none was ever read', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { state, env: editionEnv } = editionDatabase()
    state.fail = true
    expect(await readEdition(editionEnv)).toBeUndefined()
    forgetFailures()
    state.fail = false
    expect(await readEdition(editionEnv)).toBe(7)
    vi.setSystemTime(Date.now() + 10_000)
    state.fail = true
    forgetFailures()
    expect(await readEdition(editionEnv)).toBe(7)
  })

  it('is one query for readers arriving together', async () => {
    const { state, env: editionEnv } = editionDatabase()
    expect(await Promise.all([readEdition(editionEnv), readEdition(editionEnv)])).toEqual([7, 7])
    expect(state.queries).toBe(1)
  })
})

/** A KV double holding the takedown list's value, recording how it was asked. */
const takedownsStore = (value: unknown) => {
  const asked: unknown[][] = []
  return {
    asked,
    env: {
      TAKEDOWNS: {
        get: async (...args: unknown[]) => {
          asked.push(args)
          return value
        },
      },
    },
  }
}

describe('the takedown list', () => {
  it('is read as JSON from its key, kept at KV’s edge no longer than a minute', async () => {
    const store = takedownsStore(['a-story', 'another-story'])
    expect([...(await readTakedowns(store.env))]).toEqual(['a-story', 'another-story'])
    expect(store.asked).toEqual([[TAKEDOWNS_KEY, { type: 'json', cacheTtl: 60 }]])
    expect(TAKEDOWNS_KEY).toBe('slugs')
  })

  it('is empty when nothing was ever taken down', async () => {
    expect((await readTakedowns(takedownsStore(null).env)).size).toBe(0)
  })

  it.each([
    ['not a list', { slugs: ['a-story'] }],
    ['a list of something else', ['a-story', 7]],
    ['a string', 'a-story'],
  ])('is refused when KV holds %s: no kept copy can be shown safe', async (_, value) => {
    await expect(readTakedowns(takedownsStore(value).env)).rejects.toThrow(
      'the takedown list in KV is not a list of slugs',
    )
  })

  it('is read once per thirty seconds in an isolate, and read again after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.now()
    const store = takedownsStore([])
    await readTakedowns(store.env)
    vi.setSystemTime(start + 29_999)
    await readTakedowns(store.env)
    expect(store.asked).toHaveLength(1)
    vi.setSystemTime(start + 30_000)
    await readTakedowns(store.env)
    expect(store.asked).toHaveLength(2)
  })

  it('fails with the store named when KV fails', async () => {
    const failing = { TAKEDOWNS: { get: () => Promise.reject(new Error('KV GET failed')) } }
    expect(await failureOf(readTakedowns(failing))).toMatchObject({ store: 'kv', reason: 'error' })
  })
})

describe('a photo', () => {
  /** An R2 double holding one photo, with or without the content type the publish step stores. */
  const photoEnv = (contentType?: string) => ({
    ...env,
    MEDIA: {
      get: async () => ({
        body: new Blob([new Uint8Array([0xff, 0xd8, 0xff])]).stream(),
        size: 3,
        httpEtag: '"abc"',
        httpMetadata: contentType ? { contentType } : undefined,
      }),
    } as unknown as R2Bucket,
  })
  const PATH = '/media/images/a-story/0123456789abcdef-480.jpg'

  it('is a JPEG even when R2 holds no content type for it', async () => {
    const response = await app.request(PATH, undefined, photoEnv())
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/jpeg')
    expect(response.headers.get('Content-Length')).toBe('3')
    expect(
      await (await app.request(PATH, undefined, photoEnv('image/webp'))).headers.get('Content-Type'),
    ).toBe('image/webp')
  })

  it('revalidates with a 304 that keeps its ETag and its year', async () => {
    const response = await app.request(PATH, { headers: { 'If-None-Match': '"abc"' } }, photoEnv())
    expect(response.status).toBe(304)
    expect(response.headers.get('ETag')).toBe('"abc"')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
  })
})

// Before each test file: its own D1 and R2, migrated and holding the real stories (see vitest.config.ts).
import { afterEach, beforeAll } from 'vitest'
import { forgetFailures } from '../src/storage'
import { setUpArchive } from './archive'

beforeAll(setUpArchive)
// A store a test made fail is not taken to be down by the next test (src/storage.ts remembers it for seconds).
afterEach(forgetFailures)

// Before each test file: its own D1 and R2, migrated and holding the real stories (see vitest.config.ts).
import { beforeAll } from 'vitest'
import { setUpArchive } from './archive'

beforeAll(setUpArchive)

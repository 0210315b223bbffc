/** The browser tier's outside tools (Debian's Chromium, a Java runtime for the Nu checker) and the rule for a missing one. */
import { execFileSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'

/** Debian's Chromium (`apt-get install -y chromium`): never a browser that Playwright downloads itself. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** CI sets `CI=true`: there a missing tool fails the run instead of skipping the tests that need it. */
export const IN_CI = process.env.CI === 'true'

export const hasChromium = (): boolean => {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK)
    return true
  } catch {
    return false
  }
}

export const hasJava = (): boolean => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** A message framed so it is not lost in a test run's output. */
export const loudly = (lines: readonly string[]): string => {
  const rule = '!'.repeat(100)
  return ['', rule, ...lines.map((line) => `!!  ${line}`), rule, ''].join('\n')
}

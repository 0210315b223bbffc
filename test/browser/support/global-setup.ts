/** Starts the one `wrangler dev` the specs share, and stops it when they are done. */
import type { TestProject } from 'vitest/node'
import { startSite } from './server'

/**
 * The shared site sees every reader as in Russia (fixture `ru`), so the legal banner shows unless a spec sets the
 * "Hide" cookie: both states of every page are one cookie apart. The banner spec starts the other fixtures itself.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await startSite({ fixture: 'ru' })
  project.provide('siteUrl', site.url)
  return site.stop
}

// The Worker the Workers pool loads as `main` during mutation testing: nothing. The real entry (src/index.ts) is
// imported by the pool before Stryker's setup file runs, so a mutant in module-level code (the security headers'
// configuration, a constant) would be evaluated before Stryker switched it on, and survive untested. The tests go
// through `app.request` and never through the `main` Worker, so they lose nothing.
export default {
  fetch: (): Response => new Response('Not the reader: see vitest.mutate.config.ts', { status: 404 }),
}

/**
 * Renders every page through the one page frame, with `c.render(content, props)`. Hono's own `setRenderer`, not
 * `hono/jsx-renderer`: that middleware brings Hono's client-side DOM renderer into the bundle, which a page
 * rendered on the server never runs.
 */
import type { Child } from 'hono/jsx'
import { createMiddleware } from 'hono/factory'
import { raw } from 'hono/html'
import type { AppEnv, PageChrome } from './page'
import { PageFrame } from './views/PageFrame'

export type RenderProps = { page: PageChrome; aside?: Child; searchForm?: boolean }

declare module 'hono' {
  interface ContextRenderer {
    (content: Child, props: RenderProps): Response | Promise<Response>
  }
}

const DOCTYPE = raw('<!DOCTYPE html>')

export const renderer = createMiddleware<AppEnv>(async (c, next) => {
  c.setRenderer((content, { page, aside, searchForm }) =>
    c.html(
      <>
        {DOCTYPE}
        <PageFrame page={page} aside={aside} searchForm={searchForm}>
          {content}
        </PageFrame>
      </>,
    ),
  )
  await next()
})

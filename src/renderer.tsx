/** Renders every page through the one page frame, with `c.render(content, props)`. */
import type { Child } from 'hono/jsx'
import { jsxRenderer } from 'hono/jsx-renderer'
import type { PageChrome } from './page'
import { PageFrame } from './views/PageFrame'

export type RenderProps = { page: PageChrome; aside?: Child; searchForm?: boolean }

declare module 'hono' {
  interface ContextRenderer {
    (content: Child, props: RenderProps): Response | Promise<Response>
  }
}

export const renderer = jsxRenderer(
  ({ children, page, aside, searchForm }: RenderProps & { children?: Child }) => (
    <PageFrame page={page} aside={aside} searchForm={searchForm}>
      {children}
    </PageFrame>
  ),
)

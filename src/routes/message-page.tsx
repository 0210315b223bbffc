/**
 * The short pages that answer instead of a page: not found, a refused form, an unexpected failure. Each is in the
 * reader's language, never indexed, never repeats what was sent, and is kept out of shared caches, since it carries
 * the reader's own size, banner and breaking item.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { buildPageChrome, type AppEnv, type PageVariant } from '../page'
import { keepFromCaches } from '../page-cache'
import { alternatesOf, frontPath } from '../paths'
import { MessagePage } from '../views/MessagePage'

export type Message = { title: string; body: string; home: string }

export const renderMessagePage = (
  c: Context<AppEnv>,
  variant: PageVariant,
  message: Message,
  status: ContentfulStatusCode,
) => {
  const page = buildPageChrome(variant, {
    title: message.title,
    path: frontPath(variant.lang),
    alternates: alternatesOf(frontPath),
    indexable: false,
    answersInstead: true,
    description: message.body,
    previewType: 'website',
  })
  keepFromCaches(c)
  c.status(status)
  return c.render(
    <MessagePage lang={variant.lang} title={message.title} body={message.body} homeLabel={message.home} />,
    { page },
  )
}

/** Preferences: the no-JavaScript path for the text-size buttons, the language and the banner's "Hide". */
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { translator } from '../i18n'
import { DEFAULT_LANGUAGE, isLanguage } from '../languages'
import { variantOf, type AppEnv } from '../page'
import { isReturnPath } from '../paths'
import {
  BANNER_HIDDEN,
  hideLegalBanner,
  readLanguage,
  rememberLanguage,
  rememberTextSize,
} from '../preferences'
import { sameSiteForm } from '../same-site-form'
import { isTextSize } from '../text-sizes'
import { TEXT_SIZE_CONTROL_ID } from '../views/TextSizeControl'
import { renderMessagePage } from './message-page'
import { detectLanguage, routeGroup } from './route-helpers'

/** Preference forms carry two short fields; anything near this size is not one of them. */
const MAX_PREFERENCES_BODY = 2 * 1024

export const preferences = routeGroup()

/**
 * Whether a `Content-Type` is a URL-encoded form in UTF-8, as every browser sends the preference forms: the media
 * type and parameter names in any case, spaces around them, the charset absent or `utf-8` (quoted or not). Any
 * other charset is refused here: the runtime's form parser throws on one it cannot decode (UTF-16, a made-up name),
 * which was a 500 and an error logged for what is only a request the site does not take.
 */
const isUtf8Form = (header: string | undefined): boolean => {
  const [type = '', ...parameters] = (header ?? '').split(';')
  if (type.trim().toLowerCase() !== 'application/x-www-form-urlencoded') return false
  return parameters.every((parameter) => {
    const [name = '', ...value] = parameter.split('=')
    if (name.trim().toLowerCase() !== 'charset') return true
    // Space may end a parameter (before the next `;`), never start its value: the parser throws on `charset= utf-8`.
    return /^(?:utf-8|"utf-8")$/i.test(value.join('=').trimEnd())
  })
}

/**
 * A preference form refused: a short page in the reader's language (the one they chose, else their browser's),
 * which never repeats what was sent.
 */
const refuseForm = async (c: Context<AppEnv>, status: 403 | 413 | 415, reason: 'crossSite' | 'malformed') => {
  const detected = c.get('language')
  const variant = await variantOf(c, readLanguage(c) ?? (isLanguage(detected) ? detected : DEFAULT_LANGUAGE))
  const t = translator(variant.lang)
  return renderMessagePage(
    c,
    variant,
    { title: t('formRefused.title'), body: t(`formRefused.${reason}`), home: t('formRefused.home') },
    status,
  )
}

// Set the cookie, go back (303) to where reading goes on: the size control the reader just used, or the headline
// once the banner is gone.
preferences.post(
  '/preferences',
  detectLanguage,
  sameSiteForm((c) => refuseForm(c, 403, 'crossSite')),
  bodyLimit({ maxSize: MAX_PREFERENCES_BODY, onError: (c) => refuseForm(c, 413, 'malformed') }),
  async (c) => {
    if (!isUtf8Form(c.req.header('Content-Type'))) return refuseForm(c, 415, 'malformed')
    const form = await c.req.parseBody()
    const { size, banner, lang } = form
    if (isTextSize(size)) rememberTextSize(c, size)
    if (isLanguage(lang)) rememberLanguage(c, lang)
    if (banner === BANNER_HIDDEN) hideLegalBanner(c)
    // Only a path shaped like one of this site's pages: never another host, so never an open redirect.
    if (typeof form.return !== 'string' || !isReturnPath(form.return)) return c.redirect('/', 303)
    const fragment = banner === BANNER_HIDDEN ? 'main-content' : TEXT_SIZE_CONTROL_ID
    return c.redirect(`${form.return}#${fragment}`, 303)
  },
)

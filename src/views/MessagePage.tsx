/** A short page that says what happened and where to go next: the 404 and error pages. */
import type { Language } from '../languages'

type Props = { lang: Language; title: string; body: string; homeLabel: string }

export const MessagePage = ({ lang, title, body, homeLabel }: Props) => (
  <div class="message">
    <h1>{title}</h1>
    <p>{body}</p>
    <p>
      <a href={`/${lang}/`}>{homeLabel}</a>
    </p>
  </div>
)

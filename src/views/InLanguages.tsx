/** Text with each change of language marked, for a screen reader's voice (src/language-runs.ts). */
import { languageRuns } from '../language-runs'
import type { Language } from '../languages'

type Props = { lang: Language; text: string }

/** Every part is a text child that JSX escapes; a run in another language is a `<span lang>` around it. */
export const InLanguages = ({ lang, text }: Props) => (
  <>
    {languageRuns(lang, text).map((run) => (run.lang ? <span lang={run.lang}>{run.text}</span> : run.text))}
  </>
)

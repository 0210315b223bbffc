/**
 * XS · SM · MD · LG behind a disclosure that says the current size: one line of the header until the reader opens
 * it. A form that works without JavaScript (and in text browsers, which show it open); the enhancement script
 * applies a choice in place.
 */
import type { Translate } from '../i18n'
import type { Language } from '../languages'
import { TEXT_SIZES, textSizeLabel, type TextSize } from '../text-sizes'
import { InLanguages } from './InLanguages'

type Props = { t: Translate; lang: Language; current: TextSize; returnTo: string }

/** The fragment the form's answer returns to without JavaScript: the control the reader just used. */
export const TEXT_SIZE_CONTROL_ID = 'text-size'

export const TextSizeControl = ({ t, lang, current, returnTo }: Props) => (
  <details class="text-size" id={TEXT_SIZE_CONTROL_ID}>
    <summary>
      {/* XS · SM · MD · LG are English abbreviations in every language: read in an English voice. */}
      <InLanguages lang={lang} text={t('textSize.summary', { size: textSizeLabel(current) })} />
    </summary>
    <form method="post" action="/preferences">
      {/* Named once, by the group: a fieldset's legend would be read again as text inside it. */}
      <div class="choices" role="group" aria-label={t('textSize.label')}>
        {TEXT_SIZES.map((size) => (
          // The accessible name starts with the visible label (WCAG 2.5.3) and goes on to say what it means. An
          // aria-label rather than hidden text: browsers put a space before the comma of a hidden span. The spaces
          // between the buttons are for text browsers, which would otherwise print XSSMMDLG.
          <>
            <button
              type="submit"
              name="size"
              value={size}
              aria-pressed={size === current ? 'true' : 'false'}
              aria-label={`${textSizeLabel(size)}, ${t(`textSize.${size}`)}`}
            >
              <InLanguages lang={lang} text={textSizeLabel(size)} />
            </button>{' '}
          </>
        ))}
      </div>
      <input type="hidden" name="return" value={returnTo} />
    </form>
  </details>
)

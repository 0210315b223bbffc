/** XS · SM · MD · LG: a form that works without JavaScript, and that the enhancement script applies in place. */
import type { Translate } from '../i18n'
import { TEXT_SIZES, textSizeLabel, type TextSize } from '../text-sizes'

type Props = { t: Translate; current: TextSize; returnTo: string }

export const TextSizeControl = ({ t, current, returnTo }: Props) => (
  <form class="control" method="post" action="/preferences">
    <fieldset>
      <legend class="control-label">{t('textSize.label')}</legend>
      <div class="choices">
        {TEXT_SIZES.map((size) => (
          // The accessible name starts with the visible label (WCAG 2.5.3) and goes on to say what it means. An
          // aria-label rather than hidden text: browsers put a space before the comma of a hidden span.
          <button
            type="submit"
            name="size"
            value={size}
            aria-pressed={size === current ? 'true' : 'false'}
            aria-label={`${textSizeLabel(size)}, ${t(`textSize.${size}`)}`}
          >
            {textSizeLabel(size)}
          </button>
        ))}
      </div>
    </fieldset>
    <input type="hidden" name="return" value={returnTo} />
    <p class="visually-hidden" role="status"></p>
  </form>
)

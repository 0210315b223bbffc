/** XS · SM · MD · LG: a form that works without JavaScript, and that the enhancement script applies in place. */
import type { Translate } from '../i18n'
import { TEXT_SIZES, textSizeLabel, type TextSize } from '../text-sizes'

type Props = { t: Translate; current: TextSize; returnTo: string }

export const TextSizeControl = ({ t, current, returnTo }: Props) => (
  <form class="control" method="post" action="/preferences" data-enhance="text-size">
    <fieldset>
      <legend class="control-label">{t('textSize.label')}</legend>
      <div class="choices">
        {TEXT_SIZES.map((size) => (
          // The accessible name starts with the visible label (WCAG 2.5.3) and goes on to say what it means.
          <button type="submit" name="size" value={size} aria-pressed={size === current ? 'true' : 'false'}>
            {textSizeLabel(size)}
            <span class="visually-hidden">, {t(`textSize.${size}`)}</span>
          </button>
        ))}
      </div>
    </fieldset>
    <input type="hidden" name="return" value={returnTo} />
    <p class="visually-hidden" role="status"></p>
  </form>
)

import { html } from 'lit';
import type { FieldAddon } from '../base/form-parts.js';

/** What a field's "?" needs from the form. */
export interface FieldHintOptions {
  /** The id of the hint's text, unique to the form instance: the input is described by it. */
  textId: string;
  /** The field's label: the button is named "Подсказка: <label>". */
  label: string;
  text: string;
  /** The form's locale, which the hint follows even where it is the form's own `locale` and not the provider's. */
  locale: string;
}

/**
 * A field's "?" `<lk-hint>` (registered by the form's entry), as a
 * {@link FieldAddon}: the hint sits in the input's row, and the input is
 * described by the hint's text, so a screen reader reads it with the field
 * whether the bubble is shown or not.
 */
export function fieldHint({ textId, label, text, locale }: FieldHintOptions): Required<Pick<FieldAddon, 'inRow' | 'describedBy'>> {
  return {
    inRow: html`<lk-hint part="hint" text-id=${textId} label=${label} .text=${text} locale=${locale}></lk-hint>`,
    describedBy: textId,
  };
}

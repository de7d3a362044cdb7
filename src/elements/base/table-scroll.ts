import { html } from 'lit';
import type { TemplateResult } from 'lit';

/**
 * A table that scrolls sideways on a narrow screen instead of widening the
 * page (a supplier's site on a phone). The box is a named group that takes
 * focus, so a keyboard user can scroll it with the arrow keys; its name is
 * the table's caption or heading (`labelledBy`). Part `table-scroll`,
 * styled by baseStyles.
 */
export function tableScroll(labelledBy: string, table: TemplateResult): TemplateResult {
  return html`<div part="table-scroll" role="group" aria-labelledby=${labelledBy} tabindex="0">${table}</div>`;
}

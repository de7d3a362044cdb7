import { css, html } from 'lit';
import type { TemplateResult } from 'lit';

/**
 * One row of a `<dl>` of facts ("Сумма долга за период: 1 956,85 ₽"): the
 * row's own part names what it holds (`fact fact-debt`), with `fact-label`
 * (`<dt>`) and `fact-value` (`<dd>`). Shared by `<lk-account-summary>` and
 * `<lk-pay-now>`'s confirmation and receipt, styled by {@link factStyles}.
 */
export function fact(name: string, label: string, value: string | TemplateResult): TemplateResult {
  return html`
    <div part="fact fact-${name}">
      <dt part="fact-label">${label}</dt>
      <dd part="fact-value">${value}</dd>
    </div>
  `;
}

/**
 * A fact's row: label and value side by side, the value in bold. The width
 * of the label column is the element's own (its `[part~='fact']` rule).
 */
export const factStyles = css`
  :scope [part~='fact'] {
    display: grid;
    gap: 0 0.75rem;
  }
  :scope [part~='fact-label'] {
    color: var(--lk-color-muted, #4a5561);
  }
  /* The seed's "Дата периода счета: Июнь 2015": the colon is layout, the term stays the term. */
  :scope [part~='fact-label']::after {
    content: ':';
  }
  :scope [part~='fact-value'] {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
`;

import { css } from 'lit';

/**
 * The look of forms, shared by every form element: fields, buttons, the error
 * summary, faults and status lines. Colours, radius and font come from the
 * `--lk-…` custom properties, so a supplier's brand needs no CSS of ours.
 *
 * A form is one column as wide as the form, never widened by an input's
 * intrinsic size; `<lk-confirm-email>`'s column is laid out as a form is. A
 * title set one level deeper (heading-level) under a host's heading reads as
 * a subheading. Inputs and buttons share one height, corner and surface;
 * their focus ring is the base styles' (every control's). The paragraphs of
 * an element's own text (intro, "nothing here", the logged-out message) sit
 * on its grid's gap, not on the browser's margins. An empty status line
 * stays rendered (a live region must exist before it speaks; a hidden one is
 * not announced) but gives back the grid's gap. The comments are here, not
 * in the CSS, so that no page downloads them.
 */
export const formStyles = css`
  :scope [part~='form'],
  :scope > [part~='confirm'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
    max-width: var(--lk-form-max-width, 26rem);
    margin: 0;
    padding: 0;
  }
  :scope [part~='title'] {
    margin: 0;
    font-size: 1.375em;
    font-weight: 600;
    line-height: 1.25;
  }
  :scope :is(h3, h4, h5, h6)[part~='title'] {
    font-size: 1.125em;
  }
  :scope :is([part~='intro'], [part~='empty'], [part~='logged-out-message'], [part~='fault-message'], [part~='field-error']) {
    margin: 0;
  }
  :scope [part~='field'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
  }
  :scope [part~='label'] {
    display: block;
    font-weight: 600;
  }
  :scope :is([part~='input'], [part~='button']) {
    min-height: 2.75rem;
    margin: 0;
    border-radius: var(--lk-radius, 0.375rem);
    background: var(--lk-color-surface, #fff);
    font: inherit;
  }
  :scope [part~='input'] {
    display: block;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--lk-color-border, #6b7785);
    color: var(--lk-color-text, #1d2733);
  }
  :scope [part~='field-invalid'] [part~='input'] {
    border-color: var(--lk-color-danger, #b3261e);
    border-width: 2px;
  }
  :scope [part~='input-row'] {
    display: flex;
    gap: 0.5rem;
    align-items: stretch;
  }
  :scope [part~='button'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 1px solid var(--lk-color-primary, #0b5cad);
    color: var(--lk-color-primary, #0b5cad);
    font-weight: 600;
    cursor: pointer;
  }
  :scope [part~='submit'] {
    background: var(--lk-color-primary, #0b5cad);
    color: var(--lk-color-on-primary, #fff);
    justify-self: start;
  }
  :scope [part~='button'][aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  :scope [part~='input-row'] [part~='input'] {
    flex: 1;
    width: auto;
    min-width: 0;
  }
  :scope [part~='toggle-password'] {
    flex: none;
    white-space: nowrap;
    padding-inline: 0.75rem;
  }
  :scope [part~='link'] {
    display: inline-block;
    min-height: 1.5rem;
  }
  :scope :is([part~='link'], [part~='error-summary-link']) {
    padding: 0;
    border: 0;
    background: none;
    color: var(--lk-color-link, var(--lk-color-primary, #0b5cad));
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  :scope [part~='links'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0;
  }
  :scope [part~='error-summary'] {
    padding: 0.75rem 1rem;
    border: 3px solid var(--lk-color-danger, #b3261e);
    border-radius: var(--lk-radius, 0.375rem);
  }
  :scope [part~='error-summary-title'] {
    margin: 0 0 0.25rem;
    font-weight: 700;
  }
  :scope [part~='error-summary-list'] {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  :scope :is([part~='field-error'], [part~='error-summary-link']) {
    color: var(--lk-color-danger, #b3261e);
    font-weight: 600;
  }
  :scope [part~='fault'] {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--lk-color-danger, #b3261e);
    background: var(--lk-color-danger-surface, #fdf0ef);
  }
  :scope [part~='status'] {
    margin: 0;
    color: var(--lk-color-muted, #4a5561);
  }
  :scope :is([part~='form'], [part~='confirm']) > [part~='status']:empty {
    margin-block-end: calc(-1 * var(--lk-space, 1rem));
  }
`;

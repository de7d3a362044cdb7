import { css } from 'lit';
import { choiceStyles } from '../base/choice.styles.js';
import { frameStyles } from '../base/frame.styles.js';
import { subheadingStyles } from '../base/subheading.styles.js';

/**
 * What only `<lk-pay-now>` needs on top of the shared form and meter styles:
 * the choice, the confirmation and the receipt, and print styles that leave
 * only the receipt of the element's own parts (the host page's other content
 * is the host's to style for print).
 */
export const payNowStyles = css`
  ${frameStyles}${choiceStyles}${subheadingStyles}
  /* The choice, the form and the receipt take the element's whole width. */
  :scope :is([part~='pay-now'], [part~='logged-out']) {
    justify-items: normal;
    max-width: var(--lk-pay-now-max-width, 36rem);
  }
  :scope [part~='pay-now'] [part~='form'] {
    max-width: none;
  }
  :scope :is([part~='account'], [part~='result-message'], [part~='duplicate-message']) {
    margin: 0;
  }
  :scope [part~='balance'] {
    margin: 0;
    font-weight: 600;
  }
  :scope [part~='choice'] {
    display: grid;
    gap: 0.5rem;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  :scope [part~='legend'] {
    margin: 0 0 0.25rem;
    padding: 0;
    font-weight: 700;
  }
  :scope :is([part~='option'], [part~='with-readings']) {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  :scope :is([part~='option'], [part~='with-readings']) [part~='label'] {
    font-weight: 400;
    cursor: pointer;
  }
  :scope :is([part~='radio'], [part~='checkbox']) {
    flex: none;
    cursor: pointer;
  }
  :scope [part~='subtitle']:focus-visible {
    outline: 3px solid var(--lk-color-focus, #1d2733);
    outline-offset: 2px;
  }
  :scope [part~='hint'] {
    margin: 0;
    color: var(--lk-color-muted, #4a5561);
  }
  :scope :is([part~='declined'], [part~='refused']) {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--lk-color-danger, #b3261e);
    background: var(--lk-color-danger-surface, #fdf0ef);
  }
  :scope :is([part~='details'], [part~='receipt-details']) {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }
  :scope [part~='fact'] {
    grid-template-columns: minmax(min(9rem, 45%), max-content) minmax(0, 1fr);
  }
  :scope [part~='readings-list'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :scope :is([part~='actions'], [part~='result-actions']) {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  /* A warning, not an error: nothing failed, the user decides. */
  :scope [part~='duplicate'] {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--lk-color-warning, #8a5a00);
    background: var(--lk-color-warning-surface, #fdf6e3);
  }
  :scope [part~='result'] {
    display: grid;
    gap: var(--lk-space, 1rem);
  }
  :scope [part~='result'] > [part~='subtitle'] {
    color: var(--lk-color-success, #1e6b34);
  }
  :scope [part~='receipt'] {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border: 2px solid var(--lk-color-success, #1e6b34);
    border-radius: var(--lk-radius, 0.375rem);
    background: var(--lk-color-surface, #fff);
  }

  /* "Распечатать чек": of the element's own parts, only the receipt is printed. */
  @media print {
    :scope [part~='pay-now'] > :not([part~='result']),
    :scope [part~='result'] > :not([part~='receipt']) {
      display: none;
    }
    :scope [part~='receipt'] {
      border-color: #000;
      color: #000;
    }
  }
`;

import { css } from 'lit';
import { frameStyles } from '../base/frame.styles.js';
import { tableStyles } from '../base/table.styles.js';

/** What only the payment history needs on top of the shared form styles (buttons, links, faults, status): the table and the receipt. */
export const paymentHistoryStyles = css`
  ${frameStyles}${tableStyles}
  :scope :is([part~='payment-history'], [part~='logged-out']) {
    max-width: var(--lk-payment-history-max-width, 44rem);
  }
  :scope [part~='table'] {
    justify-self: stretch;
  }
  :scope [part~='table'] :where(th, td) {
    vertical-align: middle;
  }
  :scope [part~='payment-date'] {
    font-weight: 400;
    white-space: nowrap;
  }
  :scope [part~='payment-amount'] {
    text-align: end;
  }
  /* The status is in words; the colour only repeats it. */
  :scope [part~='payment-succeeded'] {
    color: var(--lk-color-success, #1e6b34);
    font-weight: 600;
  }
  :scope [part~='payment-declined'] {
    color: var(--lk-color-danger, #b3261e);
    font-weight: 600;
  }
  :scope [part~='receipt-toggle'] {
    min-height: 2rem;
    padding: 0.125rem 0.625rem;
    font-variant-numeric: tabular-nums;
  }
  :scope [part~='receipt-toggle']::before {
    content: '▸';
    margin-inline-end: 0.375rem;
  }
  :scope [part~='receipt-toggle'][aria-expanded='true']::before {
    content: '▾';
  }
  :scope [part~='receipt-cell'] {
    padding: 0.5rem 0.625rem 0.75rem;
    border-block-end: 1px solid var(--lk-color-border, #6b7785);
    background: var(--lk-color-surface-alt, #eef1f4);
  }
  :scope [part~='receipt'] {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }
  :scope [part~='receipt-fact'] {
    display: grid;
    grid-template-columns: minmax(min(9rem, 45%), max-content) minmax(0, 1fr);
    gap: 0 0.75rem;
  }
  :scope [part~='receipt-label'] {
    color: var(--lk-color-muted, #4a5561);
  }
  :scope [part~='receipt-value'] {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
`;

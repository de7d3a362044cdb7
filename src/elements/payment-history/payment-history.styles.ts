import { css } from 'lit';

/** What only the payment history needs on top of the shared form styles (buttons, links, faults, status): the table and the receipt. */
export const paymentHistoryStyles = css`
  :scope [part~='payment-history'],
  :scope [part~='logged-out'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
    justify-items: start;
    max-width: var(--lk-payment-history-max-width, 44rem);
  }
  :scope [part~='account'],
  :scope [part~='empty'],
  :scope [part~='no-account'],
  :scope [part~='not-connected'],
  :scope [part~='logged-out-message'],
  :scope [part~='links'] {
    margin: 0;
  }
  :scope [part~='account'] {
    color: var(--lk-color-muted, #4a5561);
    font-weight: 600;
  }
  :scope [part~='payment-history'] > [part~='status']:empty {
    margin-block-start: calc(-1 * var(--lk-space, 1rem));
  }

  :scope [part~='table'] {
    justify-self: stretch;
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  :scope [part~='column-header'],
  :scope [part~='payment-date'],
  :scope [part~='payment-amount'],
  :scope [part~='payment-status'],
  :scope [part~='payment-receipt'] {
    padding: 0.375rem 0.625rem;
    border-block-end: 1px solid var(--lk-color-border, #6b7785);
    text-align: start;
    vertical-align: middle;
  }
  :scope [part~='column-header'] {
    border-block-end-width: 2px;
    font-weight: 600;
  }
  :scope [part~='payment-date'] {
    font-weight: 400;
    white-space: nowrap;
  }
  :scope [part~='column-header-figure'],
  :scope [part~='payment-amount'] {
    text-align: end;
  }
  :scope [part~='amount'] {
    white-space: nowrap;
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

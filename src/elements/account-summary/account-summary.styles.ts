import { css } from 'lit';

/** What only the account summary needs on top of the shared form styles (links, select, faults, status). */
export const accountSummaryStyles = css`
  :scope [part~='summary'],
  :scope [part~='logged-out'] {
    display: grid;
    /* minmax(0, …): a wide table scrolls in its box instead of widening the element past a phone's screen. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
    justify-items: start;
    max-width: var(--lk-account-summary-max-width, 44rem);
  }
  :scope [part~='intro'],
  :scope [part~='empty'],
  :scope [part~='logged-out-message'] {
    margin: 0;
  }
  :scope [part~='subtitle'] {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.25;
  }
  :scope [part~='facts'],
  :scope [part~='figures'] {
    display: grid;
    gap: 0.25rem;
    justify-self: stretch;
    margin: 0;
  }
  :scope [part~='fact'] {
    grid-template-columns: minmax(min(10rem, 45%), max-content) minmax(0, 1fr);
  }
  :scope [part~='amount'] {
    white-space: nowrap;
  }
  :scope [part~='amount-overpayment'] {
    color: var(--lk-color-overpayment, #1b6e37);
  }
  :scope [part~='amount-debt'] {
    color: var(--lk-color-debt, var(--lk-color-text, #1d2733));
  }
  :scope [part~='balance-note'] {
    font-weight: 400;
    color: var(--lk-color-muted, #4a5561);
  }
  :scope [part~='period'] {
    display: grid;
    gap: 0.25rem;
    min-width: min(100%, 16rem);
  }
  :scope [part~='select'] {
    min-height: 2.75rem;
    cursor: pointer;
  }
  :scope [part~='meters'] {
    justify-self: stretch;
    border-collapse: collapse;
    width: 100%;
  }
  :scope [part~='meters-caption'] {
    margin-block-end: 0.5rem;
    font-weight: 600;
    text-align: start;
  }
  :scope [part~='meters-head'],
  :scope [part~='meter-name'],
  :scope [part~='meter-reading'],
  :scope [part~='meter-date'] {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--lk-color-border, #6b7785);
    text-align: start;
  }
  :scope [part~='meters-head'] {
    background: var(--lk-color-surface-alt, #eef1f4);
    font-weight: 600;
  }
  :scope [part~='meter-name'] {
    font-weight: 400;
  }
  :scope [part~='meter-reading'] {
    font-variant-numeric: tabular-nums;
  }
  /* An empty status line stays (a live region must exist before it speaks) but gives back the grid's gap. */
  :scope [part~='summary'] > [part~='status']:empty {
    margin-block-start: calc(-1 * var(--lk-space, 1rem));
  }
`;

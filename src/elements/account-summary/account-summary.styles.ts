import { css } from 'lit';
import { frameStyles } from '../base/frame.styles.js';
import { subheadingStyles } from '../base/subheading.styles.js';
import { tableStyles } from '../base/table.styles.js';

/** What only the account summary needs on top of the shared form styles (links, select, faults, status). */
export const accountSummaryStyles = css`
  ${frameStyles}${tableStyles}${subheadingStyles}
  :scope :is([part~='summary'], [part~='logged-out']) {
    max-width: var(--lk-account-summary-max-width, 44rem);
  }
  :scope :is([part~='facts'], [part~='figures']) {
    display: grid;
    gap: 0.25rem;
    justify-self: stretch;
    margin: 0;
  }
  :scope [part~='fact'] {
    grid-template-columns: minmax(min(10rem, 45%), max-content) minmax(0, 1fr);
  }
  :scope [part~='amount-overpayment'] {
    color: var(--lk-color-overpayment, var(--lk-color-success, #1e6b34));
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
  :scope [part~='meters'] :where(th, td) {
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
`;

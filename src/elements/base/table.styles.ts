import { css } from 'lit';

/**
 * The look of the history tables (`<lk-account-history>`'s charges and readings,
 * `<lk-payment-history>`'s payments) and the captions of `<lk-account-summary>`'s:
 * figures in even columns, a rule under every row, a heavier one under the head.
 */
export const tableStyles = css`
  :scope :is([part~='table'], [part~='readings-table']) {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  :scope [part~='table'] {
    width: 100%;
  }
  :scope :is([part~='caption'], [part~='readings-caption'], [part~='meters-caption']) {
    margin-block-end: 0.5rem;
    font-weight: 600;
    text-align: start;
  }
  :scope :is([part~='table'], [part~='readings-table']) :where(th, td) {
    padding: 0.375rem 0.625rem;
    border-block-end: 1px solid var(--lk-color-border, #6b7785);
    text-align: start;
  }
  :scope :is([part~='column-header'], [part~='readings-head']) {
    border-block-end-width: 2px;
    font-weight: 600;
  }
  :scope :is([part~='column-header-figure'], [part~='readings-head-figure']) {
    text-align: end;
  }
  :scope [part~='amount'] {
    white-space: nowrap;
  }
`;

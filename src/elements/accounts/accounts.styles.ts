import { css } from 'lit';
import { choiceStyles } from '../base/choice.styles.js';
import { frameStyles } from '../base/frame.styles.js';

/** What only the account list needs on top of the shared form styles (buttons, links, faults, status). */
export const accountsStyles = css`
  ${frameStyles}${choiceStyles}
  :scope :is([part~='accounts'], [part~='logged-out']) {
    max-width: var(--lk-accounts-max-width, 40rem);
  }
  :scope [part~='list'] {
    justify-self: stretch;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  :scope [part~='legend'] {
    margin-block-end: 0.5rem;
    padding: 0;
    font-weight: 600;
  }
  :scope [part~='items'] {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :scope [part~='account'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.75rem 1rem;
    border: 1px solid var(--lk-color-border, #6b7785);
    border-radius: var(--lk-radius, 0.375rem);
  }
  :scope [part~='account-current'] {
    border: 2px solid var(--lk-color-current, var(--lk-color-primary, #0b5cad));
  }
  :scope [part~='radio'] {
    grid-row: 1;
    grid-column: 1;
  }
  :scope [part~='account-label'] {
    grid-row: 1;
    grid-column: 2;
    font-weight: 600;
    cursor: pointer;
  }
  :scope [part~='current-mark'] {
    margin-inline-start: 0.5rem;
    padding: 0 0.5rem;
    border-radius: var(--lk-radius, 0.375rem);
    background: var(--lk-color-primary, #0b5cad);
    color: var(--lk-color-on-primary, #fff);
    font-size: 0.875em;
    font-weight: 600;
  }
  :scope :is([part~='account-supplier'], [part~='account-address']) {
    grid-column: 2 / 4;
    overflow-wrap: anywhere;
  }
  :scope [part~='account-address'] {
    color: var(--lk-color-muted, #4a5561);
  }
  :scope [part~='disconnect'] {
    grid-row: 1;
    grid-column: 3;
  }
  :scope [part~='confirm'] {
    display: grid;
    grid-column: 1 / 4;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--lk-color-danger, #b3261e);
    background: var(--lk-color-danger-surface, #fdf0ef);
  }
  :scope [part~='confirm-question'] {
    margin: 0;
    font-weight: 600;
  }
  :scope [part~='confirm-actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  :scope [part~='confirm-disconnect'] {
    border-color: var(--lk-color-danger, #b3261e);
    background: var(--lk-color-danger, #b3261e);
    color: var(--lk-color-on-primary, #fff);
  }
`;

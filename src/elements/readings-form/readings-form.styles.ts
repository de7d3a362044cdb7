import { css } from 'lit';

/** What only the readings form needs on top of the shared form and meter-field styles. */
export const readingsFormStyles = css`
  :scope [part~='readings'],
  :scope [part~='logged-out'] {
    display: grid;
    gap: var(--lk-space, 1rem);
    justify-items: start;
    max-width: var(--lk-readings-form-max-width, 32rem);
  }
  :scope [part~='readings'] > [part~='form'] {
    justify-self: stretch;
    max-width: none;
  }
  :scope [part~='intro'],
  :scope [part~='account'],
  :scope [part~='empty'],
  :scope [part~='logged-out-message'] {
    margin: 0;
  }
  :scope [part~='account'] {
    font-weight: 600;
  }
  :scope [part~='status-accepted'] {
    color: var(--lk-color-success, #1e6b34);
    font-weight: 600;
  }
`;

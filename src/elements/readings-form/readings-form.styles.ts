import { css } from 'lit';
import { frameStyles } from '../base/frame.styles.js';

/** What only the readings form needs on top of the shared form and meter-field styles. */
export const readingsFormStyles = css`
  ${frameStyles}
  :scope :is([part~='readings'], [part~='logged-out']) {
    max-width: var(--lk-readings-form-max-width, 32rem);
  }
  :scope [part~='readings'] > [part~='form'] {
    justify-self: stretch;
    max-width: none;
  }
  :scope [part~='account'] {
    margin: 0;
    font-weight: 600;
  }
  :scope [part~='status-accepted'] {
    color: var(--lk-color-success, #1e6b34);
    font-weight: 600;
  }
`;

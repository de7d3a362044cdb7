import { css } from 'lit';
import { frameStyles } from '../base/frame.styles.js';

/** What only the account connection form needs on top of the shared form styles. */
export const accountConnectStyles = css`
  ${frameStyles}
  :scope [part~='logged-out'] {
    max-width: var(--lk-form-max-width, 26rem);
  }
  /* The "?" sits centred beside the number; the select keeps the input look with the browser's own arrow. */
  :scope [part~='input-row'] {
    align-items: center;
  }
  :scope [part~='input-supplier'] {
    appearance: auto;
  }
`;

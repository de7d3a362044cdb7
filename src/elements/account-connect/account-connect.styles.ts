import { css } from 'lit';

/** What only the account connection form needs on top of the shared form styles. */
export const accountConnectStyles = css`
  :scope [part~='intro'] {
    margin: 0;
  }
  /* The "?" sits centred beside the number; the select keeps the input look with the browser's own arrow. */
  :scope [part~='input-row'] {
    align-items: center;
  }
  :scope [part~='input-supplier'] {
    appearance: auto;
  }
  :scope [part~='logged-out'] {
    display: grid;
    gap: var(--lk-space, 1rem);
    justify-items: start;
    max-width: var(--lk-form-max-width, 26rem);
  }
  :scope [part~='logged-out-message'] {
    margin: 0;
  }
`;

import { css } from 'lit';

/** What only the login form needs on top of the shared form styles. */
export const loginFormStyles = css`
  :scope [part~='signed-in'] {
    display: grid;
    gap: var(--lk-space, 1rem);
    justify-items: start;
  }
  :scope :is([part~='greeting'], [part~='signed-in-as']) {
    margin: 0;
  }
`;

import { css } from 'lit';

/** What only the confirmation element needs on top of the shared form styles. */
export const confirmEmailStyles = css`
  :scope [part~='confirm'] > [part~='status'] {
    color: var(--lk-color-text, #1d2733);
  }
  :scope [part~='outcome-confirmed']::before,
  :scope [part~='outcome-already-confirmed']::before {
    /* A mark for the eye only: the words say it for screen readers. */
    content: '✓ ' / '';
    color: var(--lk-color-success, #1e6b34);
    font-weight: 700;
  }
`;

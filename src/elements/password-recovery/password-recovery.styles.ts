import { css } from 'lit';

/** What only password recovery needs on top of the shared form and new-password styles. */
export const passwordRecoveryStyles = css`
  :scope [part~='message'] {
    margin: 0;
  }
  :scope [part~='step'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
    justify-items: start;
    max-width: var(--lk-form-max-width, 26rem);
  }
  :scope [part~='step-changed'] > [part~='title']::before {
    /* A mark for the eye only: the heading says it for screen readers. */
    content: '✓ ' / '';
    color: var(--lk-color-success, #1e6b34);
  }
  :scope [part~='title']:focus-visible {
    outline: 3px solid var(--lk-color-focus, #1d2733);
    outline-offset: 2px;
  }
`;

import { css } from 'lit';

/** What only the confirmation element needs on top of the shared form styles. */
export const confirmEmailStyles = css`
  :scope [part~='confirm'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
    max-width: var(--lk-form-max-width, 26rem);
  }
  :scope [part~='confirm'] > [part~='status'] {
    color: var(--lk-color-text, #1d2733);
  }
  :scope [part~='confirm'] > [part~='status']:empty {
    margin-block-end: calc(-1 * var(--lk-space, 1rem));
  }
  :scope [part~='outcome-confirmed']::before,
  :scope [part~='outcome-already-confirmed']::before {
    /* A mark for the eye only: the words say it for screen readers. */
    content: '✓ ' / '';
    color: var(--lk-color-success, #1e6b34);
    font-weight: 700;
  }
  :scope [part~='subtitle'] {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.25;
  }
`;

import { css } from 'lit';
import { subheadingStyles } from '../base/subheading.styles.js';

/** What only the confirmation element needs on top of the shared form styles. */
export const confirmEmailStyles = css`
  ${subheadingStyles}
  :scope [part~='confirm'] > [part~='status'] {
    color: var(--lk-color-text, #1d2733);
  }
  :scope :is([part~='outcome-confirmed'], [part~='outcome-already-confirmed'])::before {
    /* A mark for the eye only: the words say it for screen readers. */
    content: '✓ ' / '';
    color: var(--lk-color-success, #1e6b34);
    font-weight: 700;
  }
`;

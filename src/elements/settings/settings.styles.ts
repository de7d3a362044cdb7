import { css } from 'lit';
import { subheadingStyles } from '../base/subheading.styles.js';

/** What only the settings need on top of the shared form and new-password styles. */
export const settingsStyles = css`
  ${subheadingStyles}
  :scope {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(1.5 * var(--lk-space, 1rem));
  }
  :scope :is([part~='login'], [part~='logged-out']) {
    margin: 0;
  }
  :scope [part~='login-label'] {
    font-weight: 600;
  }
  :scope [part~='accounts-section'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
  }
`;

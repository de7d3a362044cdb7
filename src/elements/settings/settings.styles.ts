import { css } from 'lit';

/** What only the settings need on top of the shared form and new-password styles. */
export const settingsStyles = css`
  :scope {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(1.5 * var(--lk-space, 1rem));
  }
  :scope [part~='login'],
  :scope [part~='intro'],
  :scope [part~='logged-out'] {
    margin: 0;
  }
  :scope [part~='login-label'] {
    font-weight: 600;
  }
  :scope [part~='section-title'] {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.25;
  }
  :scope [part~='accounts-section'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
  }
`;

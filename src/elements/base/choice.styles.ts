import { css } from 'lit';

/**
 * Radio buttons and checkboxes: 24 px targets (WCAG 2.5.8) in the theme's primary
 * colour, with the focus ring of every control.
 */
export const choiceStyles = css`
  :scope :is([part~='radio'], [part~='checkbox']) {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--lk-color-primary, #0b5cad);
  }
  :scope :is([part~='radio'], [part~='checkbox']):focus-visible {
    outline: 3px solid var(--lk-color-focus, #1d2733);
    outline-offset: 2px;
  }
`;

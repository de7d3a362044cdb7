import { css } from 'lit';
import { choiceStyles } from '../base/choice.styles.js';

/** What only the registration form needs on top of the shared form and new-password styles. */
export const registerFormStyles = css`
  ${choiceStyles}
  :scope [part~='agreement'] {
    margin: 0;
  }
  :scope [part~='checkbox-row'] {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  :scope [part~='checkbox'] {
    flex: none;
  }
  :scope [part~='checkbox-label'] {
    font-weight: 400;
  }
  /* Controls get theirs from the base styles. */
  :scope [part~='success-title']:focus-visible {
    outline: 3px solid var(--lk-color-focus, #1d2733);
    outline-offset: 2px;
  }
  :scope [part~='success'] {
    display: grid;
    gap: var(--lk-space, 1rem);
    max-width: var(--lk-form-max-width, 26rem);
  }
  :scope [part~='success'] > p {
    margin: 0;
  }
`;

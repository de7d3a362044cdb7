import { css } from 'lit';

/** What only the anti-robot check needs on top of the shared form styles. */
export const captchaStyles = css`
  :scope [part~='group'] {
    display: grid;
    gap: 0.25rem;
    justify-items: start;
  }
  :scope [part~='status-solved']::before {
    /* A mark for the eye only: the words say it for screen readers. */
    content: '✓ ' / '';
    color: var(--lk-color-success, #1e6b34);
    font-weight: 700;
  }
  :scope [part~='progress'] {
    display: block;
    width: 100%;
    max-width: 16rem;
    height: 0.5rem;
    accent-color: var(--lk-color-primary, #0b5cad);
  }
  :scope [part~='fault'] {
    justify-self: stretch;
  }
`;

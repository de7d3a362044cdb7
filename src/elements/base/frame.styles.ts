import { css } from 'lit';

/**
 * The frame of the elements that show the logged-out notice (base/logged-out.ts):
 * their top block and that notice are one column on the theme's gap, `minmax(0, …)`
 * so a wide table scrolls in its box instead of widening the element past a phone's
 * screen; the element sets `max-width` (its own `--lk-…-max-width`). An empty status
 * line stays (a live region must exist before it speaks) but gives back the gap.
 */
export const frameStyles = css`
  :scope
    :is([part~='logged-out'], [part~='accounts'], [part~='summary'], [part~='history'], [part~='payment-history'], [part~='readings'], [part~='pay-now']) {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
    justify-items: start;
  }
  :scope :is([part~='history'], [part~='payment-history']) > [part~='account'] {
    margin: 0;
    color: var(--lk-color-muted, #4a5561);
    font-weight: 600;
  }
  :scope :is([part~='summary'], [part~='payment-history'], [part~='pay-now']) > [part~='status']:empty {
    margin-block-start: calc(-1 * var(--lk-space, 1rem));
  }
`;

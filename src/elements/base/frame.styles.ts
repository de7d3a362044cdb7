import { css } from 'lit';

/**
 * The frame of the elements that show a logged-out notice in place of their
 * content (base/logged-out.ts): their top block and that notice are one
 * column of blocks on the theme's gap, each block as wide as its content.
 * The width of the frame is each element's own `--lk-…-max-width`, so the
 * element sets `max-width` itself; an element's sheet takes these rules in
 * with `${frameStyles}`.
 */
export const frameStyles = css`
  :scope
    :is([part~='logged-out'], [part~='accounts'], [part~='summary'], [part~='history'], [part~='payment-history'], [part~='readings'], [part~='pay-now']) {
    display: grid;
    /* minmax(0, …): a wide table scrolls in its box instead of widening the element past a phone's screen. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
    justify-items: start;
  }
  /* The account the histories show, under their title. */
  :scope :is([part~='history'], [part~='payment-history']) > [part~='account'] {
    margin: 0;
    color: var(--lk-color-muted, #4a5561);
    font-weight: 600;
  }
  /* An empty status line stays (a live region must exist before it speaks) but gives back the grid's gap. */
  :scope :is([part~='summary'], [part~='payment-history'], [part~='pay-now']) > [part~='status']:empty {
    margin-block-start: calc(-1 * var(--lk-space, 1rem));
  }
`;

import { css } from 'lit';

/**
 * The headings inside an element, one level under its title (a section, the
 * readings, the result and the receipt of a payment).
 */
export const subheadingStyles = css`
  :scope :is([part~='subtitle'], [part~='section-title'], [part~='readings-title'], [part~='receipt-title']) {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.25;
  }
`;

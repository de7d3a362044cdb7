import { css } from 'lit';
import { frameStyles } from '../base/frame.styles.js';
import { subheadingStyles } from '../base/subheading.styles.js';
import { tableStyles } from '../base/table.styles.js';

/**
 * What only the history needs on top of the shared form styles (buttons,
 * links, faults, status): the table and the chart. The chart's colours are
 * custom properties whose defaults follow the theme's own (`--lk-color-…`),
 * so a dark scheme that sets those needs nothing more.
 */
export const accountHistoryStyles = css`
  ${frameStyles}${tableStyles}${subheadingStyles}
  :scope :is([part~='history'], [part~='logged-out']) {
    max-width: var(--lk-account-history-max-width, 60rem);
  }
  :scope [part~='history'] > [part~='status']:empty {
    display: none;
  }

  /* The chart. */
  :scope [part~='chart'] {
    justify-self: stretch;
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }
  :scope [part~='chart-title'] {
    font-weight: 600;
  }
  :scope [part~='chart-image'] {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
    color: var(--lk-color-text, #1d2733);
  }
  :scope .lk-chart-bar {
    fill: var(--lk-chart-consumption, var(--lk-color-primary, #0b5cad));
  }
  :scope .lk-chart-line {
    fill: none;
    stroke: var(--lk-chart-payments, var(--lk-color-text, #1d2733));
    stroke-width: 2.5;
    stroke-linejoin: round;
  }
  /* Hollow rings on the line: a shape of their own, told from the bars without colour. */
  :scope .lk-chart-point {
    fill: var(--lk-color-surface, #fff);
    stroke: var(--lk-chart-payments, var(--lk-color-text, #1d2733));
    stroke-width: 2.5;
  }
  :scope .lk-chart-grid {
    stroke: var(--lk-chart-grid, var(--lk-color-border, #6b7785));
    stroke-width: 1;
    stroke-dasharray: 3 4;
  }
  :scope .lk-chart-axis {
    stroke: currentColor;
    stroke-width: 1.5;
  }
  :scope :is(.lk-chart-tick, .lk-chart-label, .lk-chart-unit) {
    fill: currentColor;
    font-family: inherit;
    font-size: 13px;
  }
  :scope .lk-chart-unit {
    font-weight: 600;
  }
  :scope [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :scope [part~='legend-item'] {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
  }
  :scope .lk-chart-mark {
    width: 1.5rem;
    height: 1rem;
    overflow: visible;
  }

  /* The tables. */
  :scope :is([part~='table'], [part~='readings-table']) :where(th, td) {
    vertical-align: top;
  }
  :scope :is([part~='month'], [part~='reading-date']) {
    white-space: nowrap;
  }
  :scope [part~='month'] {
    font-weight: 600;
  }
  :scope :is([part~='service'], [part~='reading-date']) {
    font-weight: 400;
  }
  :scope :is([part~='cell'], [part~='reading-value'], [part~='reading-consumption']) {
    text-align: end;
  }
  :scope [part~='overpayment'] {
    display: block;
    color: var(--lk-color-success, #1e6b34);
    font-size: 0.875em;
    font-weight: 600;
  }

  /* The readings: a section of its own under the charges. */
  :scope [part~='readings'] {
    gap: 0.75rem;
    justify-self: stretch;
  }
  :scope [part~='readings-empty'] {
    margin: 0;
  }
  :scope [part~='readings-status'] {
    margin: 0;
    color: var(--lk-color-muted, #4a5561);
  }
  /* Empty, it stays rendered (a live region must exist before it speaks) but gives back the gap. */
  :scope [part~='readings-status']:empty {
    margin-block-start: -0.75rem;
  }
`;

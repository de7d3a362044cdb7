import { css } from 'lit';

/**
 * The "?" and its bubble. The bubble is positioned against the hint itself,
 * so it follows the "?" wherever a form or a page puts it; its default
 * colours are the page's text and surface swapped, so it stands out in a
 * light and in a dark scheme without a theme of its own.
 */
export const hintStyles = css`
  :scope {
    display: inline-flex;
    position: relative;
    align-items: center;
    vertical-align: middle;
  }
  :scope [part~='trigger'] {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    /* WCAG 2.5.8: a target of at least 24 by 24 CSS px, whatever the theme asks. */
    width: max(24px, var(--lk-hint-size, 1.75rem));
    height: max(24px, var(--lk-hint-size, 1.75rem));
    margin: 0;
    padding: 0;
    border: 2px solid var(--lk-color-primary, #0b5cad);
    border-radius: 50%;
    background: var(--lk-color-surface, #fff);
    color: var(--lk-color-primary, #0b5cad);
    font: inherit;
    font-weight: 700;
    line-height: 1;
    cursor: help;
  }
  :scope[open] [part~='trigger'] {
    background: var(--lk-color-primary, #0b5cad);
    color: var(--lk-color-on-primary, #fff);
  }
  :scope [part~='bubble'] {
    display: block;
    position: absolute;
    z-index: var(--lk-hint-z-index, 10);
    top: calc(100% + 0.5rem);
    inset-inline-end: 0;
    width: max-content;
    max-width: min(var(--lk-hint-max-width, 22rem), calc(100vw - 2rem));
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--lk-hint-border-color, var(--lk-color-border, #6b7785));
    border-radius: var(--lk-radius, 0.375rem);
    background: var(--lk-hint-background, var(--lk-color-text, #1d2733));
    color: var(--lk-hint-color, var(--lk-color-surface, #fff));
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.25);
    font-size: 0.9375em;
    font-weight: 400;
    line-height: 1.4;
    text-align: start;
    white-space: normal;
    /* A long address or number in the text wraps instead of widening the bubble. */
    overflow-wrap: anywhere;
    cursor: auto;
  }
  :scope [part~='bubble'][hidden] {
    display: none;
  }
  /* Bridges the gap to the "?", so a pointer moving into the bubble never leaves the hint. */
  :scope [part~='bubble']::before {
    content: '';
    position: absolute;
    inset-inline: 0;
    bottom: 100%;
    height: calc(0.5rem + 1px);
  }
  :scope [part~='bubble'][data-placement^='top'] {
    top: auto;
    bottom: calc(100% + 0.5rem);
  }
  :scope [part~='bubble'][data-placement^='top']::before {
    top: 100%;
    bottom: auto;
  }
  :scope [part~='bubble'][data-placement$='start'] {
    inset-inline-start: 0;
    inset-inline-end: auto;
  }
  @media (forced-colors: active) {
    :scope [part~='bubble'] {
      border-color: CanvasText;
    }
  }
`;

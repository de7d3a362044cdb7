import type { CSSResultOrNative } from 'lit';
import { css } from 'lit';

/**
 * The tags an element's rules stop at: a `<lk-cabinet>` never restyles the
 * `<lk-login-form>` inside it (docs/ARCHITECTURE.md, the rendering model). Every tag that
 * renders must be here; test/elements/embedding.test.ts checks the list
 * against the tags `lk-widgets/all` defines.
 */
export const NESTED_TAGS = [
  'lk-cabinet',
  'lk-login-form',
  'lk-register-form',
  'lk-captcha',
  'lk-confirm-email',
  'lk-password-recovery',
  'lk-account-connect',
  'lk-accounts',
  'lk-settings',
  'lk-account-summary',
  'lk-account-history',
  'lk-readings-form',
  'lk-pay-now',
  'lk-payment-history',
  'lk-hint',
] as const;
const NESTED_ELEMENTS = NESTED_TAGS.join(', ');

/** Shared by every copy of the SDK on a page: one sheet per distinct text. */
const REGISTRY = Symbol.for('lk-widgets.stylesheets');

function sheetFor(document: Document, cssText: string): CSSStyleSheet {
  const holder = document as Document & { [REGISTRY]?: Map<string, CSSStyleSheet> };
  const registry = (holder[REGISTRY] ??= new Map());
  let sheet = registry.get(cssText);
  if (!sheet) {
    sheet = new (document.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(cssText);
    registry.set(cssText, sheet);
  }
  return sheet;
}

/**
 * Adopts an element class's styles into the element's root (the document or
 * a host's shadow root), once per root, however many elements and copies of
 * the SDK there are. The rules are wrapped in `@scope (tag) to (nested lk
 * elements)`, so they stay inside this element and out of the page.
 *
 * A sheet that only some elements share (base/frame.styles.ts, …) is taken
 * into each of their own sheets with `${…}`, so that only the entries of those
 * elements carry it.
 */
export function adoptElementStyles(host: HTMLElement, styles: readonly CSSResultOrNative[]): void {
  const root = host.getRootNode() as Document | ShadowRoot;
  if (!('adoptedStyleSheets' in root) || styles.length === 0) return;
  const body = styles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
  const cssText = `@scope (${host.localName}) to (${NESTED_ELEMENTS}) {\n${body}\n}`;
  const sheet = sheetFor(host.ownerDocument, cssText);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * The first rules of every element. A supplier's page styles `input`,
 * `button`, `label`, `a` and `.btn` for itself; every node an element renders
 * carries a `part`, and `all: revert` on `[part]` rolls the page's rules back
 * to the browser's defaults before the element's own rules apply. `:scope
 * [part…]` outweighs a page's element and class rules, and at equal weight
 * the scoped rule wins by proximity. Custom properties (`--lk-…`) are not
 * reverted: they carry the theme.
 *
 * Also here, as every element may have them: a table wider than the screen
 * scrolls in its own box (base/table-scroll.ts), not the page; one focus ring
 * for every control; and `visually-hidden`, words for screen readers only (a
 * button's name beside its "?", a rule's state). The comments are here, not
 * in the CSS, so that no page downloads them.
 */
export const baseStyles = css`
  :scope {
    display: block;
    color: var(--lk-color-text, #1d2733);
    font-family: var(--lk-font-family, inherit);
    font-size: var(--lk-font-size, 1rem);
    line-height: 1.5;
    text-align: start;
  }
  :scope [part] {
    all: revert;
    box-sizing: border-box;
    font-family: inherit;
    letter-spacing: normal;
    text-transform: none;
  }
  :scope [part][hidden] {
    display: none;
  }
  :scope [part~='table-scroll'] {
    justify-self: stretch;
    max-width: 100%;
    overflow-x: auto;
  }
  :scope :is([part~='table-scroll'], [part~='input'], [part~='button'], [part~='link'], [part~='error-summary'], [part~='error-summary-link']):focus-visible {
    outline: 3px solid var(--lk-color-focus, #1d2733);
    outline-offset: 2px;
  }
  :scope [part~='visually-hidden'] {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

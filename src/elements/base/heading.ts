import { html, literal } from 'lit/static-html.js';
import type { StaticValue } from 'lit/static-html.js';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** The levels an element's heading can take: an element is never the page's `<h1>`. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** Fixed tag names, so no markup ever comes from data (`literal`, not `unsafeStatic`). */
const TAGS: Readonly<Record<HeadingLevel, StaticValue>> = {
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

/** `level` as a valid heading level: an attribute may hold anything. */
export function headingLevel(level: unknown, deeper = 0): HeadingLevel {
  const value = Math.trunc(Number(level)) + deeper;
  return (Number.isFinite(value) ? Math.min(6, Math.max(2, value)) : 2) as HeadingLevel;
}

/**
 * A heading of `level`, so an element nested in another one's section
 * (`<lk-accounts>` in `<lk-settings>`) keeps the page's outline: the host
 * sets `heading-level` one deeper than its own.
 */
export function heading(level: HeadingLevel, { id, part = 'title', text }: { id?: string; part?: string; text: string }): TemplateResult {
  const tag = TAGS[level];
  return html`<${tag} part=${part} id=${ifDefined(id)}>${text}</${tag}>`;
}

import type { PropertyDeclaration } from 'lit';

/**
 * The schemes a link the host page gives an element may use. Anything else
 * (`javascript:`, `data:`, `vbscript:`, `file:`, …) would run script or show
 * content under the page's origin when the user clicks a link that looks like
 * one of the cabinet's own.
 */
export const SAFE_HREF_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];

/** How much of a refused value the warning quotes: enough to find it, not a page of text. */
const QUOTED_VALUE_LENGTH = 40;

/**
 * Whether a link address is safe to put in an `href`: an http(s) or
 * `mailto:` URL, or a relative one on an http(s) page.
 *
 * The value is parsed as the browser will parse the `href`: `new URL`
 * drops leading and trailing spaces and control characters and tabs and
 * line breaks anywhere, and lower-cases the scheme, so ` JaVa\tScript:` is
 * seen as the `javascript:` it becomes.
 *
 * @param base - what a relative address resolves against; the document's base by default.
 */
export function isSafeHref(value: string, base: string = document.baseURI): boolean {
  try {
    return SAFE_HREF_PROTOCOLS.includes(new URL(value, base).protocol);
  } catch {
    return false;
  }
}

/** A refused value as the warning quotes it: escaped (control characters too), and shortened when long. */
const quoted = (value: string): string => JSON.stringify(value.slice(0, QUOTED_VALUE_LENGTH));

/**
 * `href` when it is safe ({@link isSafeHref}); else `undefined`, with a
 * console warning naming `attribute`, so the element shows its button
 * instead of a link (or no link at all).
 */
export function safeHref(attribute: string, href: string | null | undefined): string | undefined {
  if (href === null || href === undefined) return undefined;
  if (isSafeHref(href)) return href;
  console.warn(`lk-widgets: ${attribute}=${quoted(href)} ignored: only http(s), mailto: and relative links.`);
  return undefined;
}

/**
 * The declaration of a `*-href` property: set from `attribute`, which keeps
 * only safe addresses ({@link safeHref}). Every element's link attributes
 * use it, so one rule decides for all of them.
 *
 * @example
 * ```ts
 * @property(hrefProperty('login-href')) loginHref?: string;
 * ```
 */
export function hrefProperty(attribute: string): PropertyDeclaration<string | undefined> {
  return {
    attribute,
    converter: { fromAttribute: (value: string | null) => safeHref(attribute, value) },
  };
}

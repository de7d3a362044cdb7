// The SDK's Content-Security-Policy (docs/ARCHITECTURE.md), used by the demo server and
// the test pages, so both run the SDK under the policy suppliers will use.
import { createHash } from 'node:crypto';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html lk-widgets lk-widgets-mock default 'allow-duplicates'",
].join('; ');

/**
 * Who may show a page in a frame: only pages of its own origin, so no other
 * site can lay the cabinet under a decoy and steer the user's clicks
 * (clickjacking). Browsers honour `frame-ancestors` only in the HTTP header;
 * in a `<meta http-equiv>` tag it is ignored.
 */
export const FRAME_ANCESTORS = "frame-ancestors 'self'";

/** The policy a server sends with the pages that carry the cabinet: the CSP and {@link FRAME_ANCESTORS}. */
export const PAGE_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; ${FRAME_ANCESTORS}`;

/**
 * The security headers of one response of the demo server. Every response
 * gets the page policy: `frame-ancestors` only matters for documents, and one
 * policy for all keeps an HTML page served under an unexpected type covered.
 *
 * @returns {Record<string, string>}
 */
export function securityHeaders() {
  return { 'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY };
}

/**
 * The same policy, with the inline scripts of `html` allowed by their
 * SHA-256 hashes. Only for the test runner's own page, whose bootstrap
 * scripts are inline; nothing of the SDK is.
 */
export function policyAllowingInlineScriptsOf(html) {
  const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((match) => match[1])
    .filter((body) => body.trim().length > 0)
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", ["script-src 'self'", ...hashes].join(' '));
}

// The Content-Security-Policy of CONTRACT.md, used by the demo server and
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

/**
 * What a report may show of an exchange. Reports end up in CI logs and
 * tickets, so passwords, cookies, tokens, anti-robot answers and
 * idempotency keys never appear in them: their values are replaced, their
 * names and shapes (and a cookie's flags) stay, which is what a backend
 * developer needs to see.
 */

export const REDACTED = '<redacted>';

/** JSON members whose values are secrets, at any depth. */
const SECRET_MEMBER = /password|token|secret|nonce|captcha|session/iu;

/** Request headers whose values are secrets. */
const SECRET_HEADERS = new Set(['authorization', 'idempotency-key', 'proxy-authorization']);

/** `a=1; b=2` with each value replaced. */
const redactCookiePairs = (header: string) =>
  header
    .split(';')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at === -1 ? pair : `${pair.slice(0, at)}=${REDACTED}`;
    })
    .join(';');

/** A `Set-Cookie` header with its value replaced and its attributes kept. */
export function redactSetCookie(header: string): string {
  const semicolon = header.indexOf(';');
  const pair = semicolon === -1 ? header : header.slice(0, semicolon);
  const at = pair.indexOf('=');
  const name = at === -1 ? pair : pair.slice(0, at);
  // An empty value (a removal) is no secret, and shows that the cookie is cleared.
  const value = at === -1 || pair.slice(at + 1).trim() === '' ? '' : REDACTED;
  return `${name}=${value}${semicolon === -1 ? '' : header.slice(semicolon)}`;
}

/** A request header's value as a report may show it. */
export function redactRequestHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return redactCookiePairs(value);
  return SECRET_HEADERS.has(lower) ? REDACTED : value;
}

/** A JSON value with the values of secret members replaced. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, member]) => [name, SECRET_MEMBER.test(name) ? REDACTED : redactJson(member)]),
  );
}

/** Link tokens in text (`?lk-confirm=…`, `?lk-reset=…`, `token=…`). */
const TOKEN_IN_TEXT = /((?:lk-confirm|lk-reset|token)=)[^&\s"']+/giu;

/**
 * A body as a report may show it: JSON with its secret members replaced,
 * other text with link tokens replaced; cut to `limit` characters.
 */
export function redactBody(text: string, limit = 600): string {
  let shown: string;
  try {
    shown = JSON.stringify(redactJson(JSON.parse(text)));
  } catch {
    shown = text.replace(TOKEN_IN_TEXT, `$1${REDACTED}`);
  }
  return shown.length > limit ? `${shown.slice(0, limit)}… (${shown.length} characters)` : shown;
}

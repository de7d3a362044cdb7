/**
 * A cookie jar for one simulated user agent. Node's fetch keeps no cookies,
 * so the suite keeps them itself, by the rules a browser follows (RFC 6265):
 * a cookie is sent only to paths under its `Path`, only over https when
 * `Secure`, and a `Max-Age` of zero or an `Expires` in the past removes it.
 */

/** One `Set-Cookie` header, parsed: the name, the value and every attribute as the backend wrote it. */
export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased; a flag (`HttpOnly`) has the value `''`. */
  attributes: Record<string, string>;
  /** The header as it came, for reports (its value redacted by the caller). */
  raw: string;
}

/** Parses one `Set-Cookie` header value; `undefined` when it has no `name=value` pair. */
export function parseSetCookie(header: string): SetCookie | undefined {
  const [pair = '', ...rest] = header.split(';');
  const equals = pair.indexOf('=');
  if (equals <= 0) return undefined;
  const attributes: Record<string, string> = {};
  for (const part of rest) {
    const at = part.indexOf('=');
    const name = (at === -1 ? part : part.slice(0, at)).trim().toLowerCase();
    if (name) attributes[name] = at === -1 ? '' : part.slice(at + 1).trim();
  }
  return { name: pair.slice(0, equals).trim(), value: pair.slice(equals + 1).trim(), attributes, raw: header };
}

/** Whether `requestPath` is within `cookiePath` (RFC 6265 §5.1.4, path-match). */
export function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** The path a cookie without a `Path` attribute gets: the request path's directory (RFC 6265 §5.1.4). */
export function defaultCookiePath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const last = requestPath.lastIndexOf('/');
  return last <= 0 ? '/' : requestPath.slice(0, last);
}

/** Whether the cookie asks to be removed: `Max-Age` zero or less, or an `Expires` in the past. */
export function isRemoval(cookie: SetCookie, now = Date.now()): boolean {
  const maxAge = cookie.attributes['max-age'];
  if (maxAge !== undefined && /^-?\d+$/u.test(maxAge)) return Number(maxAge) <= 0;
  const expires = cookie.attributes.expires;
  return expires !== undefined && Date.parse(expires) <= now;
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
  secure: boolean;
}

export class CookieJar {
  readonly #cookies: StoredCookie[] = [];

  /** Stores (or removes) the cookies of an answer to a request for `url`. */
  store(url: URL, headers: readonly string[]): SetCookie[] {
    const parsed = headers.map(parseSetCookie).filter((cookie): cookie is SetCookie => cookie !== undefined);
    for (const cookie of parsed) {
      const given = cookie.attributes.path;
      const path = given?.startsWith('/') ? given : defaultCookiePath(url.pathname);
      const index = this.#cookies.findIndex((stored) => stored.name === cookie.name && stored.path === path);
      if (index !== -1) this.#cookies.splice(index, 1);
      if (!isRemoval(cookie)) {
        this.#cookies.push({ name: cookie.name, value: cookie.value, path, secure: 'secure' in cookie.attributes });
      }
    }
    return parsed;
  }

  /** Sets a cookie by hand, as a client that kept an old one would send it. */
  set(name: string, value: string, path = '/'): void {
    this.store(new URL('http://jar.invalid/'), [`${name}=${value}; Path=${path}`]);
  }

  /** The `Cookie` header for a request to `url`, or `undefined` when no cookie applies. */
  header(url: URL): string | undefined {
    const https = url.protocol === 'https:';
    const sent = this.#cookies
      .filter((cookie) => pathMatches(cookie.path, url.pathname) && (https || !cookie.secure))
      // Longer paths first, as browsers send them.
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`);
    return sent.length > 0 ? sent.join('; ') : undefined;
  }

  /** The value of the cookie `name` the jar holds for any path, if any. */
  get(name: string): string | undefined {
    return this.#cookies.find((cookie) => cookie.name === name)?.value;
  }

  /** Names of the cookies held. */
  names(): string[] {
    return this.#cookies.map((cookie) => cookie.name);
  }
}

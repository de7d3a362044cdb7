import { DEFAULT_API_BASE } from '../src/api/paths.js';
import { iterationCount } from './passwords.js';
import type { PasswordIterations } from './passwords.js';
import { DEFAULT_SESSION_LIFETIME } from './sessions.js';
import type { StorageKind } from './storage.js';
import { DEFAULT_THROTTLE } from './throttle.js';
import type { ThrottleOptions } from './throttle.js';

export interface MockBackendOptions {
  /**
   * The API base the backend answers under, absolute or relative to the
   * page's origin. Default `/api/`. Backends on different bases run side by
   * side with separate data (one per story).
   */
  apiBase?: string;
  /**
   * `'memory'` (default): fresh seed on every page load and `reset()`.
   * `'indexeddb'`: the data survives page loads and is shared by the
   * origin's tabs (the demo). Browser only.
   */
  storage?: StorageKind;
  /** The IndexedDB database name, with `storage: 'indexeddb'`. Default `lk-widgets-mock`. */
  dbName?: string;
  /** PBKDF2 iterations of new password hashes: `'production'` (600 000, default), `'test'` (1 000) or a count. */
  passwordIterations?: PasswordIterations;
  /** Milliseconds added to every answer at seed time. Default 0; `latency.set()` changes it later. */
  latency?: number;
  /** Login throttling limits (EXPECTATIONS 14). */
  throttle?: Partial<ThrottleOptions>;
  /** Session lifetime in mock-clock ms. Default 30 days. */
  sessionLifetime?: number;
}

export interface ResolvedMockOptions {
  /** Absolute in a browser (`http://host/api/`), `*`-prefixed in Node: a pattern msw matches. */
  apiBase: string;
  /** The path of the base, for the session cookie's `Path`. */
  apiPath: string;
  storage: StorageKind;
  dbName: string;
  iterations: number;
  latency: number;
  throttle: ThrottleOptions;
  sessionLifetime: number;
}

export const DEFAULT_DB_NAME = 'lk-widgets-mock';

/**
 * A relative base is resolved against the page's origin. Node has no page:
 * there the base matches any origin.
 */
function resolveApiBase(apiBase: string): { apiBase: string; apiPath: string } {
  const withSlash = apiBase.endsWith('/') ? apiBase : `${apiBase}/`;
  const origin = globalThis.location?.origin;
  if (URL.canParse(withSlash)) return { apiBase: withSlash, apiPath: new URL(withSlash).pathname };
  const path = new URL(withSlash, 'http://origin.invalid/').pathname;
  return { apiBase: origin ? `${origin}${path}` : `*${path}`, apiPath: path };
}

export function resolveMockOptions(options: MockBackendOptions = {}): ResolvedMockOptions {
  return {
    ...resolveApiBase(options.apiBase ?? DEFAULT_API_BASE),
    storage: options.storage ?? 'memory',
    dbName: options.dbName ?? DEFAULT_DB_NAME,
    iterations: iterationCount(options.passwordIterations),
    latency: options.latency ?? 0,
    throttle: { ...DEFAULT_THROTTLE, ...options.throttle },
    sessionLifetime: options.sessionLifetime ?? DEFAULT_SESSION_LIFETIME,
  };
}

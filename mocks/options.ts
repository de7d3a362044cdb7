import { DEFAULT_API_BASE } from '../src/api/paths.js';
import type { ApiEndpoint } from '../src/api/paths.js';
import { passwordPolicy } from '../src/schemas/password.js';
import type { PasswordPolicy, PasswordPolicyId } from '../src/schemas/password.js';
import { DEFAULT_CAPTCHA_DIFFICULTY, MAX_CAPTCHA_DIFFICULTY } from './captcha.js';
import { iterationCount } from './passwords.js';
import type { PasswordIterations } from './passwords.js';
import { DEFAULT_SESSION_LIFETIME } from './sessions.js';
import type { StateStorage, StorageKind } from './storage.js';
import { DEFAULT_CONNECT_FAILURES_PER_HOUR, DEFAULT_LINK_RATE_LIMIT, DEFAULT_THROTTLE } from './throttle.js';
import type { LinkRateLimit, ThrottleOptions } from './throttle.js';

/**
 * Sees an answer of the backend's handlers: the endpoint and method it
 * answered, the request (its body already read) and a copy of the answer
 * to read as it likes.
 */
export type MockAnswerObserver = (endpoint: ApiEndpoint, method: string, request: Request, response: Response) => void;

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
   * A {@link StateStorage} object: kept where it says (the HTTP server's
   * data file).
   */
  storage?: StorageKind | StateStorage;
  /** The IndexedDB database name, with `storage: 'indexeddb'`. Default `lk-widgets-mock`. */
  dbName?: string;
  /** PBKDF2 iterations of new password hashes: `'production'` (600 000, default), `'test'` (1 000) or a count. */
  passwordIterations?: PasswordIterations;
  /** Milliseconds added to every answer at seed time. Default 0; `latency.set()` changes it later. */
  latency?: number;
  /** Login throttling limits (docs/promises.md#14). */
  throttle?: Partial<ThrottleOptions>;
  /** Session lifetime in mock-clock ms. Default 30 days. */
  sessionLifetime?: number;
  /**
   * Leading zero bits the anti-robot proof of work needs (0–32). Default 16,
   * about 65 000 hashes in the browser; tests and stories use e.g. 4.
   */
  captchaDifficulty?: number;
  /**
   * The rule new passwords (registration, reset) are checked against: a
   * policy's name (`'seed'`, default; `'strong'`) or a policy object. The
   * same valibot schema as the client's (docs/promises.md#1).
   */
  passwordPolicy?: PasswordPolicyId | PasswordPolicy;
  /** Days an unconfirmed registration (and its confirmation link) is kept. Default 7 (the seed's rule). */
  confirmDays?: number;
  /** Minutes a password-reset link works. Default 60. */
  resetMinutes?: number;
  /** Confirmation-link resends and password-reset requests allowed per address. Default 1 a minute, 5 an hour (docs/promises.md#12). */
  linkRateLimit?: Partial<LinkRateLimit>;
  /**
   * Failed attempts to connect an account (no such account in the
   * register) one user may make per hour; past them `POST accounts`
   * answers 429 with `Retry-After`, whatever the number, so the register
   * cannot be searched number by number. Default 10.
   */
  connectFailuresPerHour?: number;
  /**
   * The page the letters' links open: `${linkBase}?lk-confirm=<token>` and
   * `${linkBase}?lk-reset=<token>`. Default: in a browser, the page that
   * created the backend (`location.origin + location.pathname`), so a link
   * opens the demo again; in Node, `http://localhost/`.
   */
  linkBase?: string;
  /**
   * Called with every answer the endpoints' handlers give, for a test to
   * check against the API contract. Not with the answers of a fault set
   * by `faults.set()` (those break the contract on purpose), nor with a
   * dropped connection.
   */
  onAnswer?: MockAnswerObserver;
}

export interface ResolvedMockOptions {
  /** Absolute in a browser (`http://host/api/`), `*`-prefixed in Node: a pattern msw matches. */
  apiBase: string;
  /** The path of the base, for the session cookie's `Path`. */
  apiPath: string;
  storage: StorageKind | StateStorage;
  dbName: string;
  iterations: number;
  latency: number;
  throttle: ThrottleOptions;
  sessionLifetime: number;
  captchaDifficulty: number;
  passwordPolicy: PasswordPolicy;
  /** ms an unconfirmed registration is kept. */
  confirmPeriod: number;
  /** ms a password-reset link works. */
  resetPeriod: number;
  linkRateLimit: LinkRateLimit;
  connectFailuresPerHour: number;
  /** Absolute URL of the page letters link to. */
  linkBase: string;
  onAnswer?: MockAnswerObserver | undefined;
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

const DAY = 24 * 60 * 60_000;

/** A positive finite number, or a RangeError naming the option. */
function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`lk-widgets mock: bad ${name}: ${value}`);
  return value;
}

function resolveCaptchaDifficulty(difficulty = DEFAULT_CAPTCHA_DIFFICULTY): number {
  if (!Number.isInteger(difficulty) || difficulty < 0 || difficulty > MAX_CAPTCHA_DIFFICULTY) {
    throw new RangeError(`lk-widgets mock: captchaDifficulty must be an integer from 0 to ${MAX_CAPTCHA_DIFFICULTY}: ${difficulty}`);
  }
  return difficulty;
}

function resolveLinkBase(linkBase: string | undefined): string {
  const page = globalThis.location ? `${location.origin}${location.pathname}` : 'http://localhost/';
  return new URL(linkBase ?? page, globalThis.location?.href ?? 'http://localhost/').href;
}

export function resolveMockOptions(options: MockBackendOptions = {}): ResolvedMockOptions {
  const linkRateLimit = { ...DEFAULT_LINK_RATE_LIMIT, ...options.linkRateLimit };
  return {
    ...resolveApiBase(options.apiBase ?? DEFAULT_API_BASE),
    storage: options.storage ?? 'memory',
    dbName: options.dbName ?? DEFAULT_DB_NAME,
    iterations: iterationCount(options.passwordIterations),
    latency: options.latency ?? 0,
    throttle: { ...DEFAULT_THROTTLE, ...options.throttle },
    sessionLifetime: options.sessionLifetime ?? DEFAULT_SESSION_LIFETIME,
    captchaDifficulty: resolveCaptchaDifficulty(options.captchaDifficulty),
    passwordPolicy:
      typeof options.passwordPolicy === 'object' ? options.passwordPolicy : passwordPolicy(options.passwordPolicy),
    confirmPeriod: positive('confirmDays', options.confirmDays ?? 7) * DAY,
    resetPeriod: positive('resetMinutes', options.resetMinutes ?? 60) * 60_000,
    linkRateLimit: {
      perMinute: positive('linkRateLimit.perMinute', linkRateLimit.perMinute),
      perHour: positive('linkRateLimit.perHour', linkRateLimit.perHour),
    },
    connectFailuresPerHour: positive('connectFailuresPerHour', options.connectFailuresPerHour ?? DEFAULT_CONNECT_FAILURES_PER_HOUR),
    linkBase: resolveLinkBase(options.linkBase),
    onAnswer: options.onAnswer,
  };
}

/**
 * Login throttling (docs/promises.md#14) and the rate limit of link letters
 * (docs/promises.md#12), as pure functions over the records kept in the mock's state. Times are mock-clock milliseconds, so tests move
 * through a window with `clock.advance()` instead of waiting.
 */

export interface ThrottleOptions {
  /** Login attempts one client may make per window before a 429. Default 20. */
  maxAttempts: number;
  /** Failed logins per e-mail per window before the anti-robot check is required. Default 5. */
  maxFailures: number;
  /** The sliding window, in ms. Default 15 minutes. */
  window: number;
}

export const DEFAULT_THROTTLE: Readonly<ThrottleOptions> = Object.freeze({
  maxAttempts: 20,
  maxFailures: 5,
  window: 15 * 60_000,
});

/** Letters with a link (confirmation resends, password resets) one address may ask for. */
export interface LinkRateLimit {
  /** Default 1. */
  perMinute: number;
  /** Default 5. */
  perHour: number;
}

export const DEFAULT_LINK_RATE_LIMIT: Readonly<LinkRateLimit> = Object.freeze({ perMinute: 1, perHour: 5 });

/**
 * What asks for a letter with a link; each has its own counter per address.
 * `registered`: a registration of an address that is taken, whose holder
 * gets a letter saying so.
 */
export type LinkPurpose = 'resend' | 'recover' | 'registered';

/** Failed attempts to connect an account (no such account) one user may make per hour. */
export const DEFAULT_CONNECT_FAILURES_PER_HOUR = 10;

const HOUR = 60 * 60_000;

export interface ThrottleState {
  /** When each login attempt of the client was made. In the mock the whole browser is one client. */
  loginAttempts: number[];
  /** When logins failed, by e-mail key (`emailKey()`). */
  loginFailures: Record<string, number[]>;
  /** When letters with a link were asked for, by purpose and e-mail key, known address or not. */
  linkRequests: Record<LinkPurpose, Record<string, number[]>>;
  /** When attempts to connect an account failed (no such account in the register), by user id. */
  connectFailures: Record<string, number[]>;
}

export function emptyThrottleState(): ThrottleState {
  return {
    loginAttempts: [],
    loginFailures: {},
    linkRequests: { resend: {}, recover: {}, registered: {} },
    connectFailures: {},
  };
}

const within = (times: readonly number[], now: number, window: number) => times.filter((time) => time > now - window);

/** At most `max` events per sliding `window` ms. */
interface Limit {
  max: number;
  window: number;
}

/**
 * Records an event at `now` unless one of `limits` is reached. Returns the
 * times to keep (the events still inside the longest window, plus this one
 * when admitted) and the seconds until every limit admits one again, or
 * `null` when this one was admitted. A refused event is not recorded, so
 * the wait it names holds.
 */
function admit(times: readonly number[], limits: readonly Limit[], now: number): { times: number[]; retryAfter: number | null } {
  const kept = within(times, now, Math.max(...limits.map((limit) => limit.window)));
  const retryAfter = waitSeconds(kept, limits, now);
  return retryAfter === null ? { times: [...kept, now], retryAfter } : { times: kept, retryAfter };
}

/** The seconds until every one of `limits` admits another event after `times`, or `null` when they admit one now. */
function waitSeconds(times: readonly number[], limits: readonly Limit[], now: number): number | null {
  let waitMs = 0;
  for (const { max, window } of limits) {
    const recent = within(times, now, window).sort((a, b) => a - b);
    // The event that must leave the window before another fits in it.
    if (recent.length >= max) waitMs = Math.max(waitMs, recent[recent.length - max]! + window - now);
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : null;
}

/**
 * Counts a login attempt unless the client is over its limit. Returns the
 * seconds to wait when it is (the attempt is then not counted, so the wait
 * it names holds), else `null`.
 */
export function admitLoginAttempt(state: ThrottleState, options: ThrottleOptions, now: number): number | null {
  const { times, retryAfter } = admit(state.loginAttempts, [{ max: options.maxAttempts, window: options.window }], now);
  state.loginAttempts = times;
  return retryAfter;
}

/**
 * Counts a request for a letter with a link to the address `key`, unless
 * the address is over its limit; the same whether or not the address is
 * registered (docs/promises.md#12). Returns the seconds to wait, or `null`.
 */
export function admitLinkRequest(
  state: ThrottleState,
  purpose: LinkPurpose,
  key: string,
  limit: LinkRateLimit,
  now: number,
): number | null {
  const log = state.linkRequests[purpose];
  const limits = [
    { max: limit.perMinute, window: 60_000 },
    { max: limit.perHour, window: HOUR },
  ];
  const { times, retryAfter } = admit(log[key] ?? [], limits, now);
  log[key] = times;
  return retryAfter;
}

export function recordLoginFailure(state: ThrottleState, key: string, options: ThrottleOptions, now: number): void {
  state.loginFailures[key] = [...within(state.loginFailures[key] ?? [], now, options.window), now];
}

/** A successful login forgives the address's earlier failures. */
export function clearLoginFailures(state: ThrottleState, key: string): void {
  delete state.loginFailures[key];
}

/**
 * The gate of a password check for the address `key` (a login, or the
 * current password in the settings), taken in one transaction so that
 * requests sent at once cannot all slip under the limit: when the address
 * is under its failure limit, records a failure in advance and returns
 * `false`; a success forgives it ({@link clearLoginFailures}). At the
 * limit it records nothing and returns `true`: the request must then pass
 * the anti-robot check, and its failure is recorded once it has.
 */
export function reserveLoginFailure(state: ThrottleState, key: string, options: ThrottleOptions, now: number): boolean {
  if (captchaRequired(state, key, options, now)) return true;
  recordLoginFailure(state, key, options, now);
  return false;
}

/**
 * The seconds `userId` must wait before trying to connect an account
 * again, after `perHour` failures in the last hour; `null` when they may
 * try now. Checked before the register is looked at, so a user past the
 * limit learns nothing about any number.
 */
export function connectRetryAfter(state: ThrottleState, userId: string, perHour: number, now: number): number | null {
  return waitSeconds(state.connectFailures[userId] ?? [], [{ max: perHour, window: HOUR }], now);
}

/** Records a failed attempt of `userId` to connect an account; older ones than an hour are dropped. */
export function recordConnectFailure(state: ThrottleState, userId: string, now: number): void {
  state.connectFailures[userId] = [...within(state.connectFailures[userId] ?? [], now, HOUR), now];
}

/** Whether a login for this e-mail key must also pass the anti-robot check. */
export function captchaRequired(state: ThrottleState, key: string, options: ThrottleOptions, now: number): boolean {
  return within(state.loginFailures[key] ?? [], now, options.window).length >= options.maxFailures;
}

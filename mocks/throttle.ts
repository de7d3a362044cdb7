/**
 * Login throttling (EXPECTATIONS 14), as pure functions over the records kept
 * in the mock's state. Times are mock-clock milliseconds, so tests move
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

export interface ThrottleState {
  /** When each login attempt of the client was made. In the mock the whole browser is one client. */
  loginAttempts: number[];
  /** When logins failed, by e-mail key (`emailKey()`). */
  loginFailures: Record<string, number[]>;
}

export function emptyThrottleState(): ThrottleState {
  return { loginAttempts: [], loginFailures: {} };
}

const within = (times: readonly number[], now: number, window: number) => times.filter((time) => time > now - window);

/**
 * Counts a login attempt unless the client is over its limit. Returns the
 * seconds to wait when it is (the attempt is then not counted, so the wait
 * it names holds), else `null`.
 */
export function admitLoginAttempt(state: ThrottleState, options: ThrottleOptions, now: number): number | null {
  state.loginAttempts = within(state.loginAttempts, now, options.window);
  if (state.loginAttempts.length >= options.maxAttempts) {
    const oldest = Math.min(...state.loginAttempts);
    return Math.max(1, Math.ceil((oldest + options.window - now) / 1000));
  }
  state.loginAttempts.push(now);
  return null;
}

export function recordLoginFailure(state: ThrottleState, key: string, options: ThrottleOptions, now: number): void {
  state.loginFailures[key] = [...within(state.loginFailures[key] ?? [], now, options.window), now];
}

/** A successful login forgives the address's earlier failures. */
export function clearLoginFailures(state: ThrottleState, key: string): void {
  delete state.loginFailures[key];
}

/** Whether a login for this e-mail key must also pass the anti-robot check. */
export function captchaRequired(state: ThrottleState, key: string, options: ThrottleOptions, now: number): boolean {
  return within(state.loginFailures[key] ?? [], now, options.window).length >= options.maxFailures;
}

/**
 * Where elements read the time. Real time unless a test, a story or the demo
 * provides the mock backend's clock, so time-dependent behaviour (a wait
 * after too many attempts, link expiry) follows the mock, not the wall.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

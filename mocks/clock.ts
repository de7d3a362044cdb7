import type { Clock } from '../src/context/clock.js';
import type { MockDb } from './db.js';

/**
 * The mock backend's time: real time plus an offset that tests and the
 * demo's controls move forward, so throttling windows, session lifetimes
 * and link expiry pass without waiting. It is a {@link Clock}, so elements
 * given it count down by the same time the mock enforces.
 */
export interface MockClock extends Clock {
  /** Real time plus the offset, ms since the epoch. */
  now(): number;
  /** The current offset, ms. */
  readonly offset: number;
  /** Moves the clock forward by `ms` (persisted with the data). */
  advance(ms: number): Promise<void>;
  /** Back to real time. */
  reset(): Promise<void>;
}

/**
 * The offset lives in the database with the data (in the demo it survives
 * reloads and is shared by tabs); `now()` must answer synchronously, so it
 * reads the offset of the last state the database loaded or saved.
 */
export function createMockClock(db: MockDb): MockClock {
  let offset = 0;
  db.subscribe((state) => {
    offset = state.clockOffset;
  });
  return {
    now: () => Date.now() + offset,
    get offset() {
      return offset;
    },
    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The mock clock only moves forward: ${ms}`);
      await db.transact((state) => {
        state.clockOffset += ms;
      });
    },
    async reset() {
      await db.transact((state) => {
        state.clockOffset = 0;
      });
    },
  };
}

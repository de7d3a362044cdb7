import type { HttpHandler } from 'msw';
import type { ApiEndpoint } from '../src/api/paths.js';
import { createMockClock } from './clock.js';
import type { MockClock } from './clock.js';
import { createMockDb } from './db.js';
import type { MockDb } from './db.js';
import { createFaults, createHeldRequests, createLatency } from './faults.js';
import type { MockFaults, MockLatency } from './faults.js';
import { createHandlers } from './handlers/index.js';
import { createOutbox } from './outbox.js';
import type { MockOutbox } from './outbox.js';
import { endpointUrl } from './handlers/endpoint.js';
import { resolveMockOptions } from './options.js';
import type { MockBackendOptions } from './options.js';
import { createPayments } from './payments.js';
import type { MockPayments } from './payments.js';
import { createSeeder } from './seed.js';
import { indexedDbStorage, memoryStorage } from './storage.js';

export interface MockBackend {
  /** msw request handlers; give them to `setupWorker`, `setupServer` or `worker.use()`. */
  readonly handlers: readonly HttpHandler[];
  readonly db: MockDb;
  readonly clock: MockClock;
  readonly faults: MockFaults;
  readonly latency: MockLatency;
  /** What the mock payment provider does with payments: `setOutcome('success' | 'declined' | 'timeout')`. */
  readonly payments: MockPayments;
  /** The letters sent (confirmation, already registered, password reset, password changed). */
  readonly outbox: MockOutbox;
  /** The resolved API base (absolute in a browser), ending in "/". */
  readonly apiBase: string;
  /** Settles once the stored state is loaded (or seeded) and the clock knows its offset. */
  readonly ready: Promise<void>;
  /** The URL of an endpoint, `backend.url('login')`: absolute in a browser, a pattern in Node for a relative base. */
  url(endpoint: ApiEndpoint): string;
  /**
   * A fresh seed: users, no sessions, throttling records, challenges, link
   * tokens, letters, connections or payments, clock at real time, faults cleared, the payment provider
   * paying, the configured latency. Requests held by a `timeout` fault or payment end as network errors.
   */
  reset(): Promise<void>;
  /** Ends held requests and releases the storage's connections (IndexedDB). */
  close(): void;
}

/**
 * A mock backend of the lk-widgets API. Framework-free: serve its handlers
 * with `startMockBackend` (browser), `startMockServer` (Node) or any msw
 * setup of your own.
 *
 * @example
 * ```ts
 * const backend = createMockBackend({ apiBase: '/story-api/throttled/', throttle: { maxAttempts: 3 } });
 * worker.use(...backend.handlers);
 * ```
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const resolved = resolveMockOptions(options);
  const storage =
    typeof resolved.storage === 'object'
      ? resolved.storage
      : resolved.storage === 'indexeddb'
        ? indexedDbStorage(resolved.dbName)
        : memoryStorage();
  const db = createMockDb({
    storage,
    seed: createSeeder({
      iterations: resolved.iterations,
      latency: resolved.latency,
      confirmPeriod: resolved.confirmPeriod,
    }),
    throttle: resolved.throttle,
  });
  const clock = createMockClock(db);
  const held = createHeldRequests();
  // Tabs sharing an IndexedDB database tell each other of new letters.
  const outbox = createOutbox(db, resolved.storage === 'indexeddb' ? { channel: `lk-widgets-mock:${resolved.dbName}` } : {});
  return {
    handlers: createHandlers({ options: resolved, db, held }),
    db,
    clock,
    faults: createFaults(db),
    latency: createLatency(db),
    payments: createPayments(db),
    outbox: { list: outbox.list, clear: outbox.clear, subscribe: outbox.subscribe },
    apiBase: resolved.apiBase,
    ready: db.read().then(() => undefined),
    url: (endpoint) => endpointUrl(resolved, endpoint),
    reset() {
      held.release();
      return db.reset();
    },
    close() {
      held.release();
      outbox.close();
      db.close();
    },
  };
}

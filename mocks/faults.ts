import { HttpResponse, delay } from 'msw';
import type { ApiEndpoint } from '../src/api/paths.js';
import type { MockDb } from './db.js';
import { problem } from './problem.js';

/** The failures an endpoint can be made to show (docs/promises.md#23). */
export const FAULT_KINDS = ['server-error', 'timeout', 'network-error', 'malformed', 'wrong-shape'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Requests the `timeout` fault holds open. `release()` lets them end (as a
 * dropped connection), so a reset or a stopping worker does not wait for
 * them forever: msw's `worker.stop()` waits for pending requests.
 */
export interface HeldRequests {
  /** Settles at the next `release()`. */
  released(): Promise<void>;
  release(): void;
}

export function createHeldRequests(): HeldRequests {
  let release = () => {};
  let released = new Promise<void>((resolve) => (release = resolve));
  return {
    released: () => released,
    release() {
      release();
      released = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

/** The answer of an endpoint under a fault. */
export async function faultResponse(kind: FaultKind, held: HeldRequests): Promise<Response> {
  switch (kind) {
    case 'server-error':
      return problem(500, 'server_error');
    case 'timeout':
      // A server that never answers; the client's own timeout ends the request.
      await Promise.race([delay('infinite'), held.released()]);
      return HttpResponse.error();
    case 'network-error':
      return HttpResponse.error();
    case 'malformed':
      return new HttpResponse('{"user": ', { status: 200, headers: { 'Content-Type': 'application/json' } });
    case 'wrong-shape':
      return HttpResponse.json({ user: { id: 5 } });
  }
}

/** Per-endpoint faults, kept with the data (the demo's controls survive reloads). */
export interface MockFaults {
  set(endpoint: ApiEndpoint, kind: FaultKind): Promise<void>;
  /** Clears one endpoint's fault, or all of them. */
  clear(endpoint?: ApiEndpoint): Promise<void>;
  get(endpoint: ApiEndpoint): Promise<FaultKind | undefined>;
  list(): Promise<Partial<Record<ApiEndpoint, FaultKind>>>;
}

/** Latency added to every answer, kept with the data. */
export interface MockLatency {
  get(): Promise<number>;
  set(ms: number): Promise<void>;
}

export function createFaults(db: MockDb): MockFaults {
  return {
    async set(endpoint, kind) {
      if (!FAULT_KINDS.includes(kind)) throw new RangeError(`Unknown fault: ${kind}`);
      await db.transact((state) => {
        state.controls.faults[endpoint] = kind;
      });
    },
    async clear(endpoint) {
      await db.transact((state) => {
        if (endpoint === undefined) state.controls.faults = {};
        else delete state.controls.faults[endpoint];
      });
    },
    get: async (endpoint) => (await db.read()).controls.faults[endpoint],
    list: async () => (await db.read()).controls.faults,
  };
}

export function createLatency(db: MockDb): MockLatency {
  return {
    get: async () => (await db.read()).controls.latency,
    async set(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Bad latency: ${ms}`);
      await db.transact((state) => {
        state.controls.latency = ms;
      });
    },
  };
}

import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { createMockBackend } from './backend.js';
import type { MockBackend } from './backend.js';
import type { MockBackendOptions } from './options.js';
import { WORKER_SCRIPT_PATH, installWorkerScriptPolicy } from './trusted-types.js';

export interface ServeOptions {
  /** Do not log intercepted requests to the console. Applies when the page's worker is started. */
  quiet?: boolean;
}

export type StartMockBackendOptions = MockBackendOptions & ServeOptions;

/** A backend served by the page's msw worker. */
export interface StartedMockBackend extends MockBackend {
  /** The page's msw worker, shared by every backend started on the page. */
  readonly worker: SetupWorker;
  /**
   * Stops serving this backend and closes it; the worker stops with the last
   * one unless `keepWorker` is set. Stopping the worker waits for the Service
   * Worker to acknowledge; a page about to go away (a test file's end) has
   * no need to, and keeps it for the next backend instead.
   */
  stop(options?: { keepWorker?: boolean }): Promise<void>;
}

/** One msw worker per page, serving every started backend; a second `worker.start()` would fail. */
let shared: { worker: SetupWorker; started: Promise<unknown>; backends: Set<MockBackend> } | undefined;

/**
 * Starts a mock backend in the browser and serves it through msw's Service
 * Worker (which must be served at `/mockServiceWorker.js`). Call it again
 * with another `apiBase` to run several backends at once.
 *
 * @example
 * ```ts
 * import { startMockBackend } from 'lk-widgets/mock';
 * await startMockBackend({ storage: 'indexeddb' });
 * ```
 */
export async function startMockBackend(options: StartMockBackendOptions = {}): Promise<StartedMockBackend> {
  return serveMockBackend(createMockBackend(options), options);
}

/** Serves a backend made with `createMockBackend` through the page's msw worker. */
export async function serveMockBackend(
  backend: MockBackend,
  { quiet = false }: ServeOptions = {},
): Promise<StartedMockBackend> {
  await backend.ready;
  if (!shared) {
    installWorkerScriptPolicy();
    const worker = setupWorker();
    shared = {
      worker,
      started: untilClaimedByNewWorker().then(() =>
        worker.start({ serviceWorker: { url: WORKER_SCRIPT_PATH }, onUnhandledFrame: 'bypass', quiet }),
      ),
      backends: new Set(),
    };
  }
  const current = shared;
  current.backends.add(backend);
  attachMockBackend(current.worker, backend);
  try {
    await current.started;
  } catch (error) {
    shared = undefined;
    throw error;
  }

  async function stop({ keepWorker = false }: { keepWorker?: boolean } = {}): Promise<void> {
    if (!current.backends.delete(backend)) return;
    backend.close();
    if (current.backends.size > 0 || keepWorker) {
      // msw removes runtime handlers only all at once: put back the other backends'.
      current.worker.resetHandlers(...[...current.backends].flatMap((other) => other.handlers));
      return;
    }
    if (shared === current) shared = undefined;
    await current.worker.stop();
  }
  return { ...backend, worker: current.worker, stop };
}

/**
 * msw reloads the page when its worker is registered but does not control
 * the page, taking that for a hard reload (msw's get-worker-instance.ts). A
 * page that opens while another page of the origin is still installing the
 * worker is in that state too, but only until the new worker activates and
 * claims it (the worker script calls `clients.claim()`): wait for that
 * instead of reloading. Two test pages starting at once, or two demo tabs,
 * hit this; a real hard reload (an active worker) is left to msw.
 */
async function untilClaimedByNewWorker(): Promise<void> {
  const container = navigator.serviceWorker;
  if (!container || container.controller) return;
  // Listen first: the claim may come while the registrations are read.
  const claimed = new Promise<void>((resolve) => container.addEventListener('controllerchange', () => resolve(), { once: true }));
  const registrations = await container.getRegistrations();
  if (container.controller) return;
  const isOurs = (worker: ServiceWorker | null) => Boolean(worker && new URL(worker.scriptURL).pathname === WORKER_SCRIPT_PATH);
  const coming = registrations.some(
    (registration) =>
      isOurs(registration.installing) ||
      isOurs(registration.waiting) ||
      (isOurs(registration.active) && registration.active!.state === 'activating'),
  );
  if (coming) await claimed;
}

/** The msw worker `startMockBackend` started on this page, while one runs. */
export function pageWorker(): SetupWorker | undefined {
  return shared?.worker;
}

/**
 * Adds a backend's handlers to a worker that something else started, such
 * as msw-storybook-addon's, so a story gets its own backend on its own base.
 */
export function attachMockBackend(worker: Pick<SetupWorker, 'use'>, backend: MockBackend): void {
  worker.use(...backend.handlers);
}

/**
 * One mock backend per rendered story, each on its own API base, all served
 * by msw-storybook-addon's one Service Worker.
 *
 * A story page renders one story; a docs page renders them all at once (the
 * first one twice). So every rendered story gets its own backend and its own
 * client (hence its own session), and no story's handlers or session leak
 * into another's:
 *
 * - {@link mockBackendLoader} makes the backend on the story's `api-base`
 *   arg, with the options and faults of its `mockBackend` parameter, and a
 *   client for it. Storybook reruns loaders on every args change: the backend
 *   is kept for as long as the story stays rendered in the same canvas, so
 *   changing a control keeps the session and the data.
 * - {@link serveMockBackend} (a `beforeEach`) adds its handlers to the addon's
 *   worker and returns the clean-up that removes them and closes the backend.
 * - {@link startStoryWorker} starts that worker. The addon resets the worker's
 *   handlers before every story it loads; on a docs page that would drop the
 *   handlers of the stories already shown, so the reset here puts back those
 *   of every backend still in use.
 */
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { attachMockBackend, createMockBackend } from '../mocks/index.js';
import type { FaultKind, MockBackend, MockBackendOptions } from '../mocks/index.js';
import { createClient } from '../src/api/client.js';
import type { Client } from '../src/api/client.js';
import type { ApiEndpoint } from '../src/api/paths.js';
import { PENDING_PAYMENTS_KEY } from '../src/payments/pending.js';

/** Where staticDirs (main.ts) serves demo/mockServiceWorker.js. */
const WORKER_SCRIPT_URL = '/mockServiceWorker.js';

/** A story's `parameters.mockBackend`. */
export interface MockBackendParameters {
  /** Backend options; the API base always comes from the `api-base` arg, password hashing is always fast. */
  options?: Omit<MockBackendOptions, 'apiBase' | 'passwordIterations' | 'storage' | 'dbName'>;
  /** Faults set before the story renders, e.g. `{ login: 'server-error' }`. */
  faults?: Partial<Record<ApiEndpoint, FaultKind>>;
  /** The client's timeout per attempt, ms (default 15 000). */
  timeout?: number;
}

/** What the loader gives the story: `context.loaded.mock`. */
export interface StoryMock {
  /** The base actually served: the `api-base` arg, or a sibling of it when another render of the same story holds that one. */
  readonly apiBase: string;
  readonly backend: MockBackend;
  /** The story's own client: the provider makes a session for it that no other story shares. */
  readonly client: Client;
}

/** The rendered stories' backends, by the canvas they render in. */
const byCanvas = new WeakMap<HTMLElement, StoryMock>();
/** The backends whose handlers the worker must keep. */
const served = new Set<StoryMock>();
/** API bases in use (a loaded story that has not rendered yet holds one too). */
const basesInUse = new Set<string>();
let storyWorker: SetupWorker | undefined;

/** The setup function for `mswLoader()` (preview.ts). */
export async function startStoryWorker(): Promise<SetupWorker> {
  const worker = setupWorker();
  const reset = worker.resetHandlers.bind(worker);
  worker.resetHandlers = (...next) => {
    reset(...next);
    for (const mock of served) attachMockBackend(worker, mock.backend);
  };
  // msw 3 calls it onUnhandledFrame (onUnhandledRequest is ignored): Storybook's own requests pass quietly.
  await worker.start({ serviceWorker: { url: WORKER_SCRIPT_URL }, onUnhandledFrame: 'bypass', quiet: true });
  storyWorker = worker;
  return worker;
}

interface LoaderContext {
  id: string;
  args: { 'api-base'?: string };
  parameters: { mockBackend?: MockBackendParameters };
  canvasElement: HTMLElement;
  abortSignal?: AbortSignal;
}

/** A story loader: `context.loaded.mock` is the story's {@link StoryMock}. */
export async function mockBackendLoader(context: LoaderContext): Promise<{ mock: StoryMock }> {
  const existing = byCanvas.get(context.canvasElement);
  if (existing) return { mock: existing };

  const nominal = context.args['api-base'];
  if (!nominal) throw new Error(`Story ${context.id}: set the "api-base" arg to the story's own API base.`);
  const apiBase = freeBase(nominal);
  basesInUse.add(apiBase);
  const { options = {}, faults = {}, timeout } = context.parameters.mockBackend ?? {};
  const backend = createMockBackend({ ...options, apiBase, passwordIterations: 'test' });
  // Each story starts from a fresh seed: a payment another story left unknown belongs to data that is gone.
  localStorage.removeItem(PENDING_PAYMENTS_KEY);
  const mock: StoryMock = {
    apiBase,
    backend,
    client: createClient({ baseUrl: apiBase, ...(timeout === undefined ? {} : { timeout }) }),
  };
  byCanvas.set(context.canvasElement, mock);
  // Switching stories or remounting aborts the render, also before `beforeEach` could register the clean-up.
  context.abortSignal?.addEventListener('abort', () => retire(context.canvasElement, mock), { once: true });

  await backend.ready;
  for (const [endpoint, kind] of Object.entries(faults) as [ApiEndpoint, FaultKind][]) {
    await backend.faults.set(endpoint, kind);
  }
  return { mock };
}

interface BeforeEachContext {
  loaded: Record<string, unknown>;
  canvasElement: HTMLElement;
  /**
   * The addon's worker (`mswLoader` sets it). Optional here because the
   * addon's type augmentation of `StoryContext` does not reach the context
   * type Storybook 10.6's renderers use.
   */
  msw?: Pick<SetupWorker, 'use'>;
}

/** A story `beforeEach`: serves the story's backend on the addon's worker until the story is torn down. */
export function serveMockBackend(context: BeforeEachContext): () => void {
  const worker = context.msw ?? storyWorker;
  if (!worker) throw new Error('No msw worker: preview.ts must have loaders: [mswLoader(startStoryWorker)].');
  const mock = storyMock(context.loaded);
  if (!served.has(mock)) {
    served.add(mock);
    attachMockBackend(worker, mock.backend);
  }
  return () => retire(context.canvasElement, mock);
}

/** The story's {@link StoryMock}, from `context.loaded`. */
export function storyMock(loaded: Record<string, unknown>): StoryMock {
  const mock = loaded['mock'] as StoryMock | undefined;
  if (!mock) throw new Error('No mock backend: add mockBackendLoader to the loaders.');
  return mock;
}

function retire(canvas: HTMLElement, mock: StoryMock): void {
  if (byCanvas.get(canvas) === mock) byCanvas.delete(canvas);
  basesInUse.delete(mock.apiBase);
  if (served.delete(mock)) storyWorker?.resetHandlers();
  mock.backend.close();
}

/** `/story-api/x/`, or `/story-api/x-2/` while another render holds it (a sibling, so neither base is inside the other). */
function freeBase(nominal: string): string {
  const stem = nominal.replace(/\/+$/, '');
  let candidate = `${stem}/`;
  for (let copy = 2; basesInUse.has(candidate); copy += 1) candidate = `${stem}-${copy}/`;
  return candidate;
}

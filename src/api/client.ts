import type * as v from 'valibot';
import { NetworkError } from './errors.js';
import type { ApiError, RequestValidationError, ResponseShapeError, TimeoutError } from './errors.js';
import { DEFAULT_API_BASE } from './paths.js';
import { onDemand } from './on-demand.js';
import { requestTarget } from './target.js';
import type { Transport } from './transport.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * The API base URL, absolute or relative to the page (`/api/`,
   * `https://lk.example.ru/api/`). Default `/api/`.
   */
  baseUrl?: string;
  /**
   * For backends that use bearer tokens instead of the session cookie: called
   * before every request, its answer is sent as `Authorization: Bearer …`.
   * The client keeps nothing: the host page owns the token.
   */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** How long one attempt may wait for an answer, in ms. Default 15 000. */
  timeout?: number;
  /** How many times a failed idempotent call (GET, PUT, DELETE) is retried. Default 2. */
  retries?: number;
  /** The wait before retry number `attempt` (1, 2, …), in ms. Default: 300 ms, doubling. */
  retryDelay?: (attempt: number) => number;
  /**
   * The longest wait before a retry that the backend may ask for with
   * `Retry-After` (a 503), in ms. A call told to wait longer is not retried:
   * it fails at once with the {@link ApiError}, whose `retryAfter` says how
   * long the backend asked for, so the user can be told. No wait between two
   * tries, the client's own backoff included, is longer. Default 10 000.
   */
  maxRetryAfter?: number;
  /**
   * How long a whole call may take, in ms: every attempt, the waits between
   * them and reading the answer. Then it fails with a {@link TimeoutError}
   * (`timeout` set to this). A retry whose wait would end past the deadline
   * is not made: the call fails with the answer that asked for it.
   * `Infinity` for no deadline. Default 30 000.
   */
  deadline?: number;
  /** A `fetch` to use instead of the page's. */
  fetch?: typeof fetch;
}

/** Options every endpoint function takes. */
export interface CallOptions {
  /** Aborts the call; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** One call, as an endpoint function describes it to {@link Client.request}. */
export interface RequestSpec<TResponse> extends CallOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the base URL, without a leading slash: `auth/login`. */
  path: string;
  /** The JSON body; checked against `bodySchema` before anything is sent. */
  body?: unknown;
  bodySchema?: v.GenericSchema;
  /**
   * The schema of a success answer. Without one the call has no answer to
   * read: an empty body or any JSON is success, anything else is malformed.
   */
  responseSchema?: v.GenericSchema<unknown, TResponse>;
  headers?: Record<string, string>;
  /** Called with the headers of a success answer before its body is read (`Idempotent-Replayed`, say). */
  readHeaders?: (headers: Headers) => void;
}

/**
 * The typed API client. Endpoint functions (`login(client, …)`) are separate
 * modules, so an element's bundle carries only the endpoints it calls.
 */
export interface Client {
  /** The resolved base URL, ending in "/". */
  readonly baseUrl: string;
  /**
   * Sends one call and returns its schema-checked answer. Rejects with an
   * {@link ApiError}, {@link NetworkError}, {@link TimeoutError},
   * {@link ResponseShapeError} or {@link RequestValidationError}, or with
   * the signal's reason when aborted.
   */
  request<TResponse>(spec: RequestSpec<TResponse>): Promise<TResponse>;
  /**
   * Fires `unauthenticated` when a call that needs a session was refused
   * because there is none (401, code `unauthenticated`): the session
   * expired or ended elsewhere. The {@link Session} listens and logs out.
   * Optional, for clients a host writes itself.
   */
  readonly events?: EventTarget;
}

export const DEFAULT_TIMEOUT = 15_000;
export const DEFAULT_MAX_RETRY_AFTER = 10_000;
export const DEFAULT_DEADLINE = 30_000;

/**
 * Makes a client.
 *
 * The HTTP stack (ky, the retries, reading and checking answers) is a module
 * of its own that the client starts loading at once and that its first call
 * waits for: a page's first render neither waits for nor pays for it. If
 * that module cannot be loaded (the network went away), the call fails with
 * a {@link NetworkError} and the next call tries again.
 *
 * @example
 * ```ts
 * import { createClient, login } from 'lk-widgets';
 * const client = createClient({ baseUrl: 'https://lk.example.ru/api/' });
 * const { user } = await login(client, { email, password });
 * ```
 */
export function createClient(options: ClientOptions = {}): Client {
  const baseUrl = withTrailingSlash(options.baseUrl ?? DEFAULT_API_BASE);
  const events = new EventTarget();
  const transport = onDemand(async () => (await import('./transport.js')).createTransport(baseUrl, options, events));
  // Loading starts now, beside the first render, so the first call rarely waits.
  transport().catch(() => undefined);
  return {
    baseUrl,
    events,
    async request<TResponse>(spec: RequestSpec<TResponse>): Promise<TResponse> {
      let send: Transport;
      try {
        send = await transport();
      } catch {
        throw new NetworkError(requestTarget(baseUrl, spec));
      }
      return send(spec);
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

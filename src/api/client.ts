import ky, { isHTTPError, isTimeoutError as isKyTimeoutError } from 'ky';
import type { KyInstance } from 'ky';
import * as v from 'valibot';
import { ProblemDetailsSchema } from '../schemas/problem.js';
import type { ProblemDetails } from '../schemas/problem.js';
import {
  ApiError,
  NetworkError,
  RequestValidationError,
  ResponseShapeError,
  TimeoutError,
  isAbortError,
  isApiError,
} from './errors.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE, DEFAULT_API_BASE } from './paths.js';

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

/** Statuses worth another try of an idempotent call. 429 is not: it says when. */
const RETRY_STATUS_CODES = [408, 500, 502, 503, 504];

/**
 * Makes a client.
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
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const http: KyInstance = ky.create({
    prefixUrl: baseUrl,
    timeout,
    // The session is a cookie of the backend (CONTRACT.md); an API on
    // another origin needs it sent along.
    credentials: 'include',
    throwHttpErrors: true,
    retry: {
      limit: options.retries ?? 2,
      methods: ['get', 'put', 'head', 'delete', 'options'],
      statusCodes: RETRY_STATUS_CODES,
      ...(options.retryDelay ? { delay: options.retryDelay } : {}),
    },
    headers: { Accept: 'application/json, application/problem+json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      beforeRequest: options.getToken ? [bearerToken(options.getToken)] : [],
    },
  });

  const events = new EventTarget();
  return {
    baseUrl,
    events,
    async request<TResponse>(spec: RequestSpec<TResponse>): Promise<TResponse> {
      const target = { method: spec.method, url: new URL(spec.path, new URL(baseUrl, document.baseURI)).href };
      if (spec.bodySchema) {
        const checked = v.safeParse(spec.bodySchema, spec.body);
        if (!checked.success) throw new RequestValidationError(target, checked.issues);
      }
      let response: Response;
      try {
        response = await http(spec.path, {
          method: spec.method,
          ...(spec.body === undefined ? {} : { json: spec.body }),
          ...(spec.signal ? { signal: spec.signal } : {}),
          ...(spec.headers ? { headers: spec.headers } : {}),
        });
      } catch (error) {
        const failure = await toClientError(error, target, timeout);
        if (isApiError(failure) && failure.status === 401 && failure.code === 'unauthenticated') {
          events.dispatchEvent(new Event('unauthenticated'));
        }
        throw failure;
      }
      spec.readHeaders?.(response.headers);
      return readAnswer(response, spec.responseSchema, target);
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function bearerToken(getToken: NonNullable<ClientOptions['getToken']>) {
  return async (request: Request) => {
    const token = await getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
  };
}

async function readAnswer<TResponse>(
  response: Response,
  schema: v.GenericSchema<unknown, TResponse> | undefined,
  target: { method: string; url: string },
): Promise<TResponse> {
  let json: unknown;
  const text = await response.text();
  // A call with no answer to read (204) still must not take an unreadable
  // one for success: a proxy's HTML page or a cut-off body means the
  // backend's answer never arrived.
  if (!schema && text.trim() === '') return undefined as TResponse;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ResponseShapeError(target, 'malformed', [], { cause });
  }
  if (!schema) return undefined as TResponse;
  const checked = v.safeParse(schema, json);
  if (!checked.success) throw new ResponseShapeError(target, 'shape', checked.issues);
  return checked.output;
}

async function toClientError(error: unknown, target: { method: string; url: string }, timeout: number): Promise<unknown> {
  if (isAbortError(error)) return error;
  if (isHTTPError(error)) {
    const { response } = error;
    const problem = await problemOf(response);
    return new ApiError(target, response.status, problem, retryAfterOf(response, problem));
  }
  if (isKyTimeoutError(error)) return new TimeoutError(target, timeout, { cause: error });
  // fetch rejects with a TypeError when no answer came (offline, DNS, CORS).
  if (error instanceof TypeError) return new NetworkError(target, { cause: error });
  return error;
}

/** The problem details of an error answer, when it sent valid ones. */
async function problemOf(response: Response): Promise<ProblemDetails | undefined> {
  try {
    const checked = v.safeParse(ProblemDetailsSchema, JSON.parse(await response.text()));
    return checked.success ? checked.output : undefined;
  } catch {
    // Not JSON (a proxy's HTML error page): the status alone tells what happened.
    return undefined;
  }
}

/** `Retry-After` in seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterOf(response: Response, problem: ProblemDetails | undefined): number | undefined {
  const header = response.headers.get('Retry-After');
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  const member = problem?.['retryAfter'];
  return typeof member === 'number' && member >= 0 ? Math.ceil(member) : undefined;
}

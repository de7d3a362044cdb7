// The part of the client that sends: ky and everything a call does around it.
// createClient (client.ts) loads this module on demand, in a chunk of its
// own, so an element's first render does not wait for, or pay for, the HTTP
// stack it needs only once it talks to the backend.
import ky, { isHTTPError, isTimeoutError as isKyTimeoutError } from 'ky';
import type { KyInstance } from 'ky';
import * as v from 'valibot';
import { ProblemDetailsSchema } from '../schemas/problem.js';
import type { ProblemDetails } from '../schemas/problem.js';
import { DEFAULT_DEADLINE, DEFAULT_MAX_RETRY_AFTER, DEFAULT_TIMEOUT } from './client.js';
import type { ClientOptions, RequestSpec } from './client.js';
import { ApiError, NetworkError, RequestValidationError, ResponseShapeError, TimeoutError, isAbortError, isApiError } from './errors.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from './paths.js';
import { requestTarget } from './target.js';

/** How a client sends one call. */
export type Transport = <TResponse>(spec: RequestSpec<TResponse>) => Promise<TResponse>;

/** The longest delay `setTimeout` keeps; a longer deadline is no deadline. */
const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** Statuses worth another try of an idempotent call. 429 is not: it says when. */
const RETRY_STATUS_CODES = [408, 500, 502, 503, 504];

/**
 * The transport of a client made by `createClient`: ky, set up once with
 * the client's options, and what each call does around it (the request's
 * check, the deadline, the retries' limits, reading and checking the answer,
 * turning failures into the SDK's errors). `events` is the client's.
 */
export function createTransport(baseUrl: string, options: ClientOptions, events: EventTarget): Transport {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const maxRetryAfter = options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER;
  const deadline = options.deadline ?? DEFAULT_DEADLINE;
  const http: KyInstance = ky.create({
    prefixUrl: baseUrl,
    timeout,
    // The session is a cookie of the backend; an API on another origin
    // needs it sent along.
    credentials: 'include',
    throwHttpErrors: true,
    retry: {
      limit: options.retries ?? 2,
      methods: ['get', 'put', 'head', 'delete', 'options'],
      statusCodes: RETRY_STATUS_CODES,
      ...(options.retryDelay ? { delay: options.retryDelay } : {}),
      // ky waits as long as Retry-After says, only clamped to maxRetryAfter;
      // each call's shouldRetry (below) refuses a longer wait instead. The
      // clamp stays for the rate-limit headers ky also reads.
      maxRetryAfter,
      backoffLimit: maxRetryAfter,
    },
    headers: { Accept: 'application/json, application/problem+json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      beforeRequest: options.getToken ? [bearerToken(options.getToken)] : [],
    },
  });

  return async function request<TResponse>(spec: RequestSpec<TResponse>): Promise<TResponse> {
    const target = requestTarget(baseUrl, spec);
    if (spec.bodySchema) {
      const checked = v.safeParse(spec.bodySchema, spec.body);
      if (!checked.success) throw new RequestValidationError(target, checked.issues);
    }
    const limits = callLimits(spec.signal, deadline);
    /** The call itself: its attempts, then its answer read. */
    const send = async (): Promise<TResponse> => {
      let response: Response;
      try {
        response = await http(spec.path, {
          method: spec.method,
          ...(spec.body === undefined ? {} : { json: spec.body }),
          signal: limits.signal,
          ...(spec.headers ? { headers: spec.headers } : {}),
          retry: { shouldRetry: ({ error }) => retryWaitAllowed(error, maxRetryAfter, limits.endsAt) },
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
    };
    try {
      return await settledBeforeAbort(send(), limits.signal);
    } catch (error) {
      // The caller's abort keeps the caller's reason; the deadline's is ours.
      if (spec.signal?.aborted && error === spec.signal.reason) throw error;
      if (limits.deadlinePassed(error)) throw new TimeoutError(target, deadline);
      throw error;
    } finally {
      limits.release();
    }
  };
}

/**
 * One call's limits as one signal: the caller's `signal` and the call's
 * deadline. `endsAt` is when the deadline passes (epoch ms, Infinity for none).
 */
function callLimits(callerSignal: AbortSignal | undefined, deadline: number) {
  const call = new AbortController();
  const hasDeadline = Number.isFinite(deadline) && deadline >= 0 && deadline <= MAX_TIMER_DELAY;
  const endsAt = hasDeadline ? Date.now() + deadline : Number.POSITIVE_INFINITY;
  let deadlineReason: DOMException | undefined;
  const timer = hasDeadline
    ? setTimeout(() => {
        deadlineReason = new DOMException(`The call took longer than its ${deadline} ms deadline`, 'TimeoutError');
        call.abort(deadlineReason);
      }, deadline)
    : undefined;
  // The caller's abort is passed on by a listener that release() removes,
  // not by AbortSignal.any: a composite signal stays registered with a
  // long-lived caller signal (an element's, for its whole life) until the
  // garbage collector finds it, one per call.
  const passOn = () => call.abort(callerSignal!.reason);
  if (callerSignal?.aborted) passOn();
  else callerSignal?.addEventListener('abort', passOn, { once: true });
  return {
    signal: call.signal,
    endsAt,
    /** Whether `error` is the deadline's abort (and not an answer that came before it). */
    deadlinePassed: (error: unknown) => deadlineReason !== undefined && error === deadlineReason,
    /** Stops the deadline's timer and forgets the caller's signal once the call has settled. */
    release: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', passOn);
    },
  };
}

/**
 * `promise`, or the signal's reason as soon as it aborts: a call settles by
 * its deadline even where the transport does not watch the signal (a host's
 * `getToken` that never answers).
 */
function settledBeforeAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * ky's `shouldRetry`: false for an answer that asks (`Retry-After`) for a
 * wait longer than `maxRetryAfter` ms or past the call's deadline, so the call
 * fails at once with that answer instead of waiting; otherwise ky decides.
 */
function retryWaitAllowed(error: Error, maxRetryAfter: number, endsAt: number): false | undefined {
  if (!isHTTPError(error)) return undefined;
  const seconds = retryAfterHeaderOf(error.response);
  if (seconds === undefined) return undefined;
  const wait = seconds * 1000;
  return wait > maxRetryAfter || Date.now() + wait > endsAt ? false : undefined;
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
  } catch {
    throw new ResponseShapeError(target, 'malformed');
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
  // Neither keeps ky's error as its cause: it holds the Request, headers and all.
  if (isKyTimeoutError(error)) return new TimeoutError(target, timeout);
  // fetch rejects with a TypeError when no answer came (offline, DNS, CORS).
  if (error instanceof TypeError) return new NetworkError(target);
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

/** The wait an error answer asks for, in seconds: `Retry-After`, else the problem's `retryAfter` member. */
function retryAfterOf(response: Response, problem: ProblemDetails | undefined): number | undefined {
  const header = retryAfterHeaderOf(response);
  if (header !== undefined) return header;
  const member = problem?.['retryAfter'];
  return typeof member === 'number' && member >= 0 ? Math.ceil(member) : undefined;
}

/** `Retry-After` in seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterHeaderOf(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

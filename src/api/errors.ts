import type { BaseIssue } from 'valibot';
import type { FieldProblem, ProblemDetails } from '../schemas/problem.js';

/**
 * A brand on every lk-widgets error. Guards read it instead of `instanceof`,
 * so they work across realms (iframes) and across two copies of the SDK on
 * one page, whose classes differ.
 */
const BRAND = Symbol.for('lk-widgets.error');

export type LkErrorKind = 'api' | 'network' | 'timeout' | 'response-shape' | 'request-validation';

/** The request an error concerns, as the client describes it to the error's constructor. */
export interface RequestTarget {
  method: string;
  /** The request's URL; the error keeps it without query, fragment or user info. */
  url: string;
  /** The endpoint path relative to the API base (`auth/session`); derived from `url` when left out. */
  path?: string;
}

/**
 * What every error of the client has: the request it concerns.
 *
 * Errors are safe to log and to hand to any listener on the page (elements
 * fire them in `lk-error`): they carry a message, the method, the path, the
 * URL without its query, the status and the SDK's own reading of the answer,
 * and nothing else. Never a header (the `Authorization` that `getToken`
 * gives), a request or answer body, a `Request` or `Response` object, or a
 * `cause` holding the transport's error, which would hold all of those.
 */
export abstract class LkError extends Error {
  abstract readonly kind: LkErrorKind;
  /** The HTTP method of the failed request. */
  readonly method: string;
  /** The URL of the failed request, without query, fragment or user info: those may carry secrets. */
  readonly url: string;
  /** The endpoint path relative to the API base, without query: `auth/session`. */
  readonly path: string;

  /** The message is the method, the URL and `summary`: "GET https://…/auth/session answered 500". */
  constructor(summary: string, request: RequestTarget) {
    const url = withoutQuery(request.url);
    // No `cause`, on purpose: see the class comment.
    super(`${request.method} ${url} ${summary}`);
    this.method = request.method;
    this.url = url;
    this.path = request.path === undefined ? pathOf(this.url) : request.path.split(/[?#]/u)[0]!;
  }

  /** @internal */
  get [BRAND](): LkErrorKind {
    return this.kind;
  }
}

/** `url` without query, fragment, user name or password. */
function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    // A relative URL (a client of a host's own making): cut at the query.
    return url.split(/[?#]/u)[0]!;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * What an {@link ApiError} keeps of the problem details an answer carried:
 * only the members the SDK reads. Not `detail`, `instance`, the field
 * errors' `detail` or unknown extension members: a backend may echo the
 * request (a password, a token) in them.
 */
export interface ApiProblem {
  /** The stable failure code (`invalid_credentials`). */
  code?: string;
  /** The problem type's short summary. */
  title?: string;
  /** The status the backend gave in the body. */
  status?: number;
  /** Invalid fields: a JSON Pointer into the request body and a stable code. */
  errors?: Array<Pick<FieldProblem, 'pointer' | 'code'>>;
}

/** The members of `problem` an {@link ApiError} keeps. */
function apiProblemOf(problem: ProblemDetails | ApiProblem | undefined): ApiProblem | undefined {
  if (!problem) return undefined;
  const kept: ApiProblem = {};
  if (typeof problem.code === 'string') kept.code = problem.code;
  if (typeof problem.title === 'string') kept.title = problem.title;
  if (typeof problem.status === 'number') kept.status = problem.status;
  if (Array.isArray(problem.errors)) kept.errors = problem.errors.map(({ pointer, code }) => ({ pointer, code }));
  return kept;
}

/**
 * One issue of a schema check, as an error keeps it: where (`path`, the keys
 * from the root) and what was expected, never the value that was found. A
 * response's values may be personal data; a request's, a password.
 */
export interface CheckIssue {
  /** `schema`, `validation` or `transformation`, as valibot says. */
  kind: string;
  /** The check that failed: `string`, `object`, `email`, … */
  type: string;
  /** What the check expected, in valibot's words (`string`, `("a" | "b")`), or null. */
  expected: string | null;
  /** The schema's message (the SDK's schemas give codes: `email_format`), without the value received. */
  message: string;
  /** The keys from the checked value's root to the place of the issue: `['user', 'id']`. */
  path: ReadonlyArray<string | number>;
}

/** The issues of a schema check (valibot's, or ones already kept), without the values checked. */
function checkIssuesOf(issues: readonly (BaseIssue<unknown> | CheckIssue)[]): CheckIssue[] {
  return issues.map((issue) => ({
    kind: issue.kind,
    type: issue.type,
    expected: issue.expected,
    message: 'received' in issue ? messageWithoutValue(issue) : issue.message,
    path: (issue.path ?? []).map((item: { key: unknown } | string | number) => {
      const key = typeof item === 'object' ? item.key : item;
      return typeof key === 'number' ? key : String(key);
    }),
  }));
}

/**
 * valibot's own message ends with the value it received, quoted: "Invalid
 * type: Expected string but received \"…\"". That ending goes; a schema's own
 * message (a code) stays.
 */
function messageWithoutValue({ message, received }: BaseIssue<unknown>): string {
  const butReceived = ` but received ${received}`;
  if (message.endsWith(butReceived)) return message.slice(0, -butReceived.length);
  const receivedOnly = `: Received ${received}`;
  if (message.endsWith(receivedOnly)) return message.slice(0, -receivedOnly.length);
  return message;
}

/**
 * The backend answered with an error status. `problem` holds what the SDK
 * reads of its RFC 9457 problem details, when it sent them ({@link ApiProblem});
 * `fieldErrors` maps each invalid field (the JSON Pointer without its leading
 * "/") to the codes the backend gave.
 */
export class ApiError extends LkError {
  readonly kind = 'api';
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: ApiProblem | undefined;
  /**
   * Seconds to wait before trying again, from `Retry-After` (429, 503). Also
   * set when the client gave up because the backend asked for a longer wait
   * than the client's `maxRetryAfter`, so the user can be told how long.
   */
  readonly retryAfter: number | undefined;

  /** `problem` may be the whole problem details: only the members of {@link ApiProblem} are kept. */
  constructor(
    request: RequestTarget,
    status: number,
    problem: ProblemDetails | ApiProblem | undefined,
    retryAfter: number | undefined,
  ) {
    const kept = apiProblemOf(problem);
    super(`answered ${status}${kept?.code ? ` (${kept.code})` : ''}`, request);
    this.status = status;
    this.problem = kept;
    this.retryAfter = retryAfter;
  }

  /** The stable failure code (`invalid_credentials`, `too_many_requests`, …). */
  get code(): string | undefined {
    return this.problem?.code;
  }

  /** Field errors by field name: `{email: ['email_format']}`. */
  get fieldErrors(): Record<string, string[]> {
    return fieldErrorsOf(this.problem?.errors ?? []);
  }
}

function fieldErrorsOf(errors: ReadonlyArray<Pick<FieldProblem, 'pointer' | 'code'>>): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const { pointer, code } of errors) {
    // "/email" → "email"; "/readings/0/value" → "readings.0.value".
    const field = pointer.replace(/^\//, '').split('/').map(unescapePointer).join('.');
    (byField[field] ??= []).push(code);
  }
  return byField;
}

const unescapePointer = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** The request never got an answer: offline, DNS, refused, CORS. */
export class NetworkError extends LkError {
  readonly kind = 'network';
  override readonly name = 'NetworkError';
  constructor(request: RequestTarget) {
    super('failed: no answer from the network', request);
  }
}

/**
 * The backend did not answer in time: one attempt outlived the client's
 * `timeout`, or the whole call, retries and their waits included, outlived
 * its `deadline`. `timeout` is the limit that ran out, in ms.
 */
export class TimeoutError extends LkError {
  readonly kind = 'timeout';
  override readonly name = 'TimeoutError';
  readonly timeout: number;
  constructor(request: RequestTarget, timeout: number) {
    super(`timed out after ${timeout} ms`, request);
    this.timeout = timeout;
  }
}

/**
 * A success answer that is not what the API contract says: not JSON at all
 * (`reason: 'malformed'`) or JSON of the wrong shape (`reason: 'shape'`).
 * `issues` say where and what was expected, never the values the answer
 * held ({@link CheckIssue}).
 */
export class ResponseShapeError extends LkError {
  readonly kind = 'response-shape';
  override readonly name = 'ResponseShapeError';
  readonly reason: 'malformed' | 'shape';
  readonly issues: readonly CheckIssue[];
  /** `issues` may be valibot's: they are kept without their values. */
  constructor(request: RequestTarget, reason: 'malformed' | 'shape', issues: readonly (BaseIssue<unknown> | CheckIssue)[] = []) {
    super(`answered ${reason === 'malformed' ? 'malformed JSON' : 'an unexpected shape'}`, request);
    this.reason = reason;
    this.issues = checkIssuesOf(issues);
  }
}

/**
 * The request body did not pass its schema, so nothing was sent. Elements
 * validate before they call the client; this guards integrators' own calls.
 * `issues` never hold the body's values (a password): see {@link CheckIssue}.
 */
export class RequestValidationError extends LkError {
  readonly kind = 'request-validation';
  override readonly name = 'RequestValidationError';
  readonly issues: readonly CheckIssue[];
  constructor(request: RequestTarget, issues: readonly (BaseIssue<unknown> | CheckIssue)[]) {
    super('not sent: the request body is invalid', request);
    this.issues = checkIssuesOf(issues);
  }

  /** Issue codes by field name, in the shape of {@link ApiError.fieldErrors}. */
  get fieldErrors(): Record<string, string[]> {
    const byField: Record<string, string[]> = {};
    for (const issue of this.issues) {
      (byField[issue.path.join('.')] ??= []).push(issue.message);
    }
    return byField;
  }
}

const kindOf = (error: unknown): LkErrorKind | undefined =>
  typeof error === 'object' && error !== null ? (error as { [BRAND]?: LkErrorKind })[BRAND] : undefined;

/** Whether `error` is an {@link ApiError}, from any copy of the SDK. */
export const isApiError = (error: unknown): error is ApiError => kindOf(error) === 'api';
/** Whether `error` is a {@link NetworkError}, from any copy of the SDK. */
export const isNetworkError = (error: unknown): error is NetworkError => kindOf(error) === 'network';
/** Whether `error` is a {@link TimeoutError}, from any copy of the SDK. */
export const isTimeoutError = (error: unknown): error is TimeoutError => kindOf(error) === 'timeout';
/** Whether `error` is a {@link ResponseShapeError}, from any copy of the SDK. */
export const isResponseShapeError = (error: unknown): error is ResponseShapeError =>
  kindOf(error) === 'response-shape';
/** Whether `error` is a {@link RequestValidationError}, from any copy of the SDK. */
export const isRequestValidationError = (error: unknown): error is RequestValidationError =>
  kindOf(error) === 'request-validation';
/** Whether `error` came from the lk-widgets client. */
export const isLkError = (error: unknown): error is LkError => kindOf(error) !== undefined;

/** Whether `error` is the rejection of an aborted call (the caller's `AbortSignal`). */
export const isAbortError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

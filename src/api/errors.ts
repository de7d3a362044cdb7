import type { BaseIssue } from 'valibot';
import type { FieldProblem, ProblemDetails } from '../schemas/problem.js';

/**
 * A brand on every lk-widgets error. Guards read it instead of `instanceof`,
 * so they work across realms (iframes) and across two copies of the SDK on
 * one page, whose classes differ.
 */
const BRAND = Symbol.for('lk-widgets.error');

export type LkErrorKind = 'api' | 'network' | 'timeout' | 'response-shape' | 'request-validation';

/** What every error of the client has: the request it concerns. */
export abstract class LkError extends Error {
  abstract readonly kind: LkErrorKind;
  /** The HTTP method and URL of the failed request. */
  readonly method: string;
  readonly url: string;

  constructor(message: string, request: { method: string; url: string }, options?: ErrorOptions) {
    super(message, options);
    this.method = request.method;
    this.url = request.url;
  }

  /** @internal */
  get [BRAND](): LkErrorKind {
    return this.kind;
  }
}

/**
 * The backend answered with an error status. `problem` holds its RFC 9457
 * problem details when it sent them; `fieldErrors` maps each invalid field
 * (the JSON Pointer without its leading "/") to the codes the backend gave.
 */
export class ApiError extends LkError {
  readonly kind = 'api';
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: ProblemDetails | undefined;
  /** Seconds to wait before trying again, from `Retry-After` (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(
    request: { method: string; url: string },
    status: number,
    problem: ProblemDetails | undefined,
    retryAfter: number | undefined,
  ) {
    super(`${request.method} ${request.url} answered ${status}${problem?.code ? ` (${problem.code})` : ''}`, request);
    this.status = status;
    this.problem = problem;
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

function fieldErrorsOf(errors: readonly FieldProblem[]): Record<string, string[]> {
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
  constructor(request: { method: string; url: string }, options?: ErrorOptions) {
    super(`${request.method} ${request.url} failed: no answer from the network`, request, options);
  }
}

/** The backend did not answer within the client's timeout. */
export class TimeoutError extends LkError {
  readonly kind = 'timeout';
  override readonly name = 'TimeoutError';
  readonly timeout: number;
  constructor(request: { method: string; url: string }, timeout: number, options?: ErrorOptions) {
    super(`${request.method} ${request.url} timed out after ${timeout} ms`, request, options);
    this.timeout = timeout;
  }
}

/**
 * A success answer that is not what the API contract says: not JSON at all
 * (`reason: 'malformed'`) or JSON of the wrong shape (`reason: 'shape'`).
 */
export class ResponseShapeError extends LkError {
  readonly kind = 'response-shape';
  override readonly name = 'ResponseShapeError';
  readonly reason: 'malformed' | 'shape';
  readonly issues: readonly BaseIssue<unknown>[];
  constructor(
    request: { method: string; url: string },
    reason: 'malformed' | 'shape',
    issues: readonly BaseIssue<unknown>[] = [],
    options?: ErrorOptions,
  ) {
    super(`${request.method} ${request.url} answered ${reason === 'malformed' ? 'malformed JSON' : 'an unexpected shape'}`, request, options);
    this.reason = reason;
    this.issues = issues;
  }
}

/**
 * The request body did not pass its schema, so nothing was sent. Elements
 * validate before they call the client; this guards integrators' own calls.
 */
export class RequestValidationError extends LkError {
  readonly kind = 'request-validation';
  override readonly name = 'RequestValidationError';
  readonly issues: readonly BaseIssue<unknown>[];
  constructor(request: { method: string; url: string }, issues: readonly BaseIssue<unknown>[]) {
    super(`${request.method} ${request.url} not sent: the request body is invalid`, request);
    this.issues = issues;
  }

  /** Issue codes by field name, in the shape of {@link ApiError.fieldErrors}. */
  get fieldErrors(): Record<string, string[]> {
    const byField: Record<string, string[]> = {};
    for (const issue of this.issues) {
      const field = issue.path?.map((item) => String(item.key)).join('.') ?? '';
      (byField[field] ??= []).push(issue.message);
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

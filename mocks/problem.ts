import { HttpResponse } from 'msw';
import type { BaseIssue } from 'valibot';
import { PROBLEM_CONTENT_TYPE } from '../src/schemas/problem.js';
import type { FieldProblem, ProblemCode, ProblemDetails } from '../src/schemas/problem.js';

/** Where a problem type's documentation would live; `type` must be a URI (RFC 9457 §3.1.1). */
export const PROBLEM_TYPE_BASE = 'https://lk-widgets.dev/problems/';

/** English titles, for developers reading the network panel; users see the client's localised text. */
const TITLES: Readonly<Record<ProblemCode, string>> = {
  validation_failed: 'The request is not valid',
  invalid_credentials: 'The e-mail address or the password is wrong',
  too_many_requests: 'Too many requests',
  unauthenticated: 'Not logged in',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  server_error: 'Internal server error',
  internal_error: 'Unexpected internal error',
  captcha_required: 'The anti-robot check is required',
  captcha_invalid: 'The anti-robot answer is wrong, expired or used',
  token_invalid: 'The link is not valid',
  token_expired: 'The link has expired',
  token_used: 'The link has been used already',
  already_confirmed: 'The address is confirmed already',
  agreement_required: 'The user agreement version is missing',
  account_not_found: 'The supplier has no such personal account',
  account_already_connected: 'The personal account is connected already',
  idempotency_key_required: 'The Idempotency-Key header is required',
  idempotency_key_reused: 'The Idempotency-Key was used for another request',
  idempotency_key_in_use: 'A request with this Idempotency-Key is being processed',
  payment_declined: 'The payment provider declined the card',
  method_not_allowed: 'The method is not allowed on this path',
  payload_too_large: 'The request body is too large',
  bad_request: 'The request is malformed',
};

/** Members beyond `type`, `title`, `status` and `code`: `errors`, `detail`, extensions such as `retryAfter`. */
export type ProblemMembers = Partial<ProblemDetails> & Record<string, unknown>;

/**
 * An RFC 9457 `application/problem+json` answer. Every error answer of the
 * mock is made here, so all of them share one shape (docs/promises.md#21).
 */
export function problem(
  status: number,
  code: ProblemCode,
  members: ProblemMembers = {},
  headers: Record<string, string> = {},
): HttpResponse<ProblemDetails> {
  const body: ProblemDetails = { type: `${PROBLEM_TYPE_BASE}${code}`, title: TITLES[code], status, code, ...members };
  return HttpResponse.json(body, { status, headers: { ...headers, 'Content-Type': PROBLEM_CONTENT_TYPE } });
}

/** 429 with `Retry-After` (seconds), also as the `retryAfter` member for the client to show. */
export const tooManyRequests = (retryAfter: number) =>
  problem(429, 'too_many_requests', { retryAfter }, { 'Retry-After': String(retryAfter) });

/** JSON Pointer (RFC 6901) of an issue's place in the request body; "" is the whole body. */
function pointerOf(issue: BaseIssue<unknown>): string {
  const escape = (key: unknown) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');
  return (issue.path ?? []).map((item) => `/${escape(item.key)}`).join('');
}

/** A message that is a code (`email_format`), not one of valibot's English sentences. */
const CODE_REGEX = /^[a-z][a-z0-9_]*$/u;

/** Generic codes for checks the schemas left without a code of their own, by valibot's action type. */
const GENERIC_CODES: Readonly<Record<string, string>> = { non_empty: 'required', max_length: 'too_long' };

function codeOf(issue: BaseIssue<unknown>): string {
  if (issue.kind === 'schema') return issue.input == null ? 'required' : 'type_invalid';
  if (CODE_REGEX.test(issue.message)) return issue.message;
  return GENERIC_CODES[issue.type] ?? 'invalid';
}

/**
 * Field errors from valibot issues. The schemas' own checks carry the code
 * as their message (src/schemas/email.ts). A missing or `null` member gets
 * `required`, a value of the wrong type (a client that skipped validation)
 * `type_invalid`, and a check without a code of its own a generic one,
 * never valibot's English sentence.
 */
export function fieldProblems(issues: readonly BaseIssue<unknown>[]): FieldProblem[] {
  return issues.map((issue) => ({ pointer: pointerOf(issue), code: codeOf(issue) }));
}

/** 422 with a pointer and a code for every invalid field. */
export const validationProblem = (issues: readonly BaseIssue<unknown>[]) => fieldsProblem(fieldProblems(issues));

/** 422 with the given field errors. */
export const fieldsProblem = (errors: FieldProblem[]) => problem(422, 'validation_failed', { errors });

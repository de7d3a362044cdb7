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
  captcha_required: 'The anti-robot check is required',
  captcha_invalid: 'The anti-robot answer is wrong, expired or used',
  token_invalid: 'The link is not valid',
  token_expired: 'The link has expired',
  token_used: 'The link has been used already',
  agreement_required: 'The user agreement version is missing',
};

/** Members beyond `type`, `title`, `status` and `code`: `errors`, `detail`, extensions such as `retryAfter`. */
export type ProblemMembers = Partial<ProblemDetails> & Record<string, unknown>;

/**
 * An RFC 9457 `application/problem+json` answer. Every error answer of the
 * mock is made here, so all of them share one shape (EXPECTATIONS 21).
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

/** JSON Pointer (RFC 6901) of an issue's place in the request body; "" is the whole body. */
function pointerOf(issue: BaseIssue<unknown>): string {
  const escape = (key: unknown) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');
  return (issue.path ?? []).map((item) => `/${escape(item.key)}`).join('');
}

/**
 * Field errors from valibot issues. The schemas' own checks carry the code
 * as their message (src/schemas/email.ts); a value of the wrong type (a
 * client that skipped validation) gets a generic code instead of valibot's
 * English sentence.
 */
export function fieldProblems(issues: readonly BaseIssue<unknown>[]): FieldProblem[] {
  return issues.map((issue) => ({
    pointer: pointerOf(issue),
    code: issue.kind === 'schema' ? (issue.input === undefined ? 'required' : 'type_invalid') : issue.message,
  }));
}

/** 422 with a pointer and a code for every invalid field. */
export const validationProblem = (issues: readonly BaseIssue<unknown>[]) =>
  problem(422, 'validation_failed', { errors: fieldProblems(issues) });

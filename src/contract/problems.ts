import type { ProblemCode } from '../schemas/problem.js';

/**
 * What each problem `code` means, for the API document and its docs. A
 * `Record` of every code, so a new code does not type-check until it is
 * described here.
 */
export const PROBLEM_MEANINGS: Readonly<Record<ProblemCode, string>> = {
  validation_failed: 'the request is not valid; `errors` says which fields and why',
  invalid_credentials: 'the e-mail address or the password is wrong',
  too_many_requests: 'too many requests; wait as long as `Retry-After` says',
  unauthenticated: 'no live session',
  forbidden: 'the request is refused (a state-changing request without the CSRF header)',
  not_found: 'no such resource, or one not of this cabinet',
  server_error: 'a failure the backend reports on purpose',
  internal_error: 'an unforeseen failure of the backend, described no further',
  captcha_required: 'an anti-robot answer is required',
  captcha_invalid: 'the anti-robot answer is wrong, expired or used',
  token_invalid: 'the link’s token is malformed or unknown',
  token_expired: 'the link has expired',
  token_used: 'the link has been used already',
  already_confirmed: 'the link was used and its address is confirmed: no error to its holder',
  agreement_required: 'the user agreement version is missing',
  account_not_found: 'the supplier’s register has no such personal account',
  account_already_connected: 'the personal account is connected to this cabinet already',
  idempotency_key_required: 'the `Idempotency-Key` header is missing or not of its form',
  idempotency_key_reused: 'the `Idempotency-Key` was used for another request body',
  idempotency_key_in_use: 'a request with this `Idempotency-Key` is still being processed',
  payment_declined: 'the payment provider declined the card',
  method_not_allowed: 'the path exists, but not with this method; `Allow` lists the methods it takes',
  payload_too_large: 'the request body is larger than the backend accepts',
  bad_request: 'the request itself is malformed (its target or its percent-encoding)',
};

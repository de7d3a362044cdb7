import * as v from 'valibot';

/**
 * One invalid field of a request: a JSON Pointer (RFC 6901) into the request
 * body and a stable code the client localises. `detail` is for developers;
 * the SDK never shows it to the user.
 */
export const FieldProblemSchema = v.object({
  pointer: v.string(),
  code: v.string(),
  detail: v.optional(v.string()),
});
export type FieldProblem = v.InferOutput<typeof FieldProblemSchema>;

/** A member of the wrong type is ignored, not fatal to the whole answer (RFC 9457 §3.1). */
const lenient = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined);

/**
 * An error answer, `application/problem+json` (RFC 9457). Besides the
 * standard members it carries `code`, a stable name of the failure that the
 * client maps to a localised message, and `errors` for invalid fields.
 * Extension members the SDK does not know are kept.
 */
export const ProblemDetailsSchema = v.pipe(
  // valibot's object schemas accept arrays; a problem is a JSON object.
  v.custom<Record<string, unknown>>((input) => typeof input === 'object' && input !== null && !Array.isArray(input)),
  v.looseObject({
    type: v.fallback(v.optional(v.string(), 'about:blank'), 'about:blank'),
    title: lenient(v.string()),
    status: lenient(v.pipe(v.number(), v.integer())),
    detail: lenient(v.string()),
    instance: lenient(v.string()),
    code: lenient(v.string()),
    errors: lenient(v.array(FieldProblemSchema)),
  }),
);
export type ProblemDetails = v.InferOutput<typeof ProblemDetailsSchema>;

/** The media type of a problem-details answer. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable `code`s of the problems the backend answers with. */
export type ProblemCode =
  | 'validation_failed'
  | 'invalid_credentials'
  | 'too_many_requests'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'server_error'
  /**
   * The backend failed in a way it did not foresee (500); the answer tells
   * nothing of the failure. `server_error` is a failure the backend reports
   * on purpose (the mock's fault controls).
   */
  | 'internal_error'
  | 'captcha_required'
  | 'captcha_invalid'
  | 'token_invalid'
  | 'token_expired'
  | 'token_used'
  /** `POST auth/confirm`: the link was used already and its address is confirmed (409); not an error to the holder. */
  | 'already_confirmed'
  | 'agreement_required'
  /** `POST accounts`: the supplier's register has no such account (404). */
  | 'account_not_found'
  /** `POST accounts`: the account is connected to this cabinet already (409). */
  | 'account_already_connected'
  /** A payment without an `Idempotency-Key` header (400). */
  | 'idempotency_key_required'
  /** The key was used for another request body (422, as the IETF draft answers). */
  | 'idempotency_key_reused'
  /** A request with the same key is still being processed (409). */
  | 'idempotency_key_in_use'
  /** The payment provider declined the card (402). */
  | 'payment_declined'
  /** A known path asked with a method it does not have (405, with `Allow`). */
  | 'method_not_allowed'
  /** The request body is larger than the server takes (413). */
  | 'payload_too_large'
  /** The request itself cannot be read: a malformed URL or percent-encoding, a bad header (400). */
  | 'bad_request';

import type { ProblemCode } from '../src/schemas/problem.js';
import type { Exchange } from './http.js';

/**
 * Every error answer the elements read is RFC 9457 problem details with a
 * stable `code` they map to a message, and field errors they map to the
 * form's fields by JSON Pointer.
 */

/** The problem codes the elements know; any other code shows as a generic failure. */
export const PROBLEM_CODES = [
  'validation_failed',
  'invalid_credentials',
  'too_many_requests',
  'unauthenticated',
  'forbidden',
  'not_found',
  'server_error',
  'internal_error',
  'captcha_required',
  'captcha_invalid',
  'token_invalid',
  'token_expired',
  'token_used',
  'already_confirmed',
  'agreement_required',
  'account_not_found',
  'account_already_connected',
  'idempotency_key_required',
  'idempotency_key_reused',
  'idempotency_key_in_use',
  'payment_declined',
  'method_not_allowed',
  'payload_too_large',
  'bad_request',
] as const satisfies readonly ProblemCode[];

// The list above must name every code of the client's type: adding a code
// there without adding it here fails the type check.
type Unlisted = Exclude<ProblemCode, (typeof PROBLEM_CODES)[number]>;
const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCodeListed;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `pointer` is a JSON Pointer (RFC 6901): empty, or `/`-separated with `~` only as `~0` / `~1`. */
export const isJsonPointer = (pointer: string): boolean => pointer === '' || /^(\/([^~/]|~[01])*)+$/u.test(pointer);

/** What is wrong with an error answer as problem details; empty when it is right (or not an error). */
export function problemViolations(exchange: Exchange): string[] {
  if (exchange.status === undefined || exchange.status < 400) return [];
  const violations: string[] = [];
  const mediaType = (exchange.headers?.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== PROBLEM_MEDIA_TYPE) violations.push(`Content-Type is "${mediaType || 'none'}", not ${PROBLEM_MEDIA_TYPE}`);
  const body = exchange.json;
  if (!isRecord(body)) return [...violations, 'the body is not a JSON object'];
  if (typeof body.type !== 'string' || body.type === '') violations.push('"type" is missing (a URI naming the problem type)');
  if (typeof body.title !== 'string' || body.title === '') violations.push('"title" is missing');
  if (body.status !== exchange.status) violations.push(`"status" is ${JSON.stringify(body.status)}, not the HTTP status ${exchange.status}`);
  if (typeof body.code !== 'string') violations.push('"code" is missing (the stable name of the failure the elements translate)');
  else if (!(PROBLEM_CODES as readonly string[]).includes(body.code)) {
    violations.push(`"code" "${body.code}" is not one of the documented codes (${PROBLEM_CODES.join(', ')})`);
  }
  if (body.errors !== undefined) {
    if (!Array.isArray(body.errors)) violations.push('"errors" is not an array');
    else
      body.errors.forEach((error: unknown, index) => {
        if (!isRecord(error) || typeof error.pointer !== 'string' || !isJsonPointer(error.pointer)) {
          violations.push(`errors[${index}] has no JSON Pointer "pointer" (such as "/email")`);
        }
        if (!isRecord(error) || typeof error.code !== 'string' || error.code === '') violations.push(`errors[${index}] has no "code"`);
      });
  }
  if (body.code === 'validation_failed' && !(Array.isArray(body.errors) && body.errors.length > 0)) {
    violations.push('"validation_failed" without field errors ("errors": [{"pointer", "code"}])');
  }
  return violations;
}

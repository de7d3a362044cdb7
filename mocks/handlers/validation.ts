import * as v from 'valibot';
import { CaptchaSolutionSchema } from '../../src/schemas/captcha.js';
import type { CaptchaSolution } from '../../src/schemas/captcha.js';
import { isCommonPassword } from '../../src/schemas/common-passwords.js';
import type { FieldProblem } from '../../src/schemas/problem.js';

/** The anti-robot answer of a request body: absent, not of the answer's shape, or an answer to check. */
export type CaptchaInput = CaptchaSolution | 'missing' | 'malformed';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The body's `captcha` member. Handlers validate it apart from the other
 * fields: a missing answer is a field error (`/captcha`, `required`), a
 * malformed one is a wrong answer (403 `captcha_invalid`) like any other.
 */
export function captchaOf(body: unknown): CaptchaInput {
  const value = isRecord(body) ? body.captcha : undefined;
  if (value === undefined || value === null) return 'missing';
  const parsed = v.safeParse(CaptchaSolutionSchema, value);
  return parsed.success ? parsed.output : 'malformed';
}

/**
 * Adds `password_common` (docs/promises.md#2) when the body's new password (the
 * member `member`) passed the policy (no error at its pointer) but is on
 * the common-password list.
 */
export async function withCommonPasswordCheck(
  errors: FieldProblem[],
  body: unknown,
  member = 'password',
): Promise<FieldProblem[]> {
  const password = isRecord(body) ? body[member] : undefined;
  const pointer = `/${member}`;
  if (typeof password !== 'string' || errors.some((error) => error.pointer === pointer)) return errors;
  return (await isCommonPassword(password)) ? [...errors, { pointer, code: 'password_common' }] : errors;
}

/** Field errors in the order of the form's fields (`fields`: the body's member names), others last. */
export function inFieldOrder(errors: FieldProblem[], fields: readonly string[]): FieldProblem[] {
  const rank = (error: FieldProblem) => {
    const index = fields.indexOf(error.pointer.split('/')[1] ?? '');
    return index === -1 ? fields.length : index;
  };
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

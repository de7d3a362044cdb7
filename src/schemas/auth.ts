import * as v from 'valibot';
import { CaptchaSolutionSchema } from './captcha.js';
import { EmailSchema } from './email.js';
import { LoginPasswordSchema, newPasswordSchema, SEED_PASSWORD_POLICY } from './password.js';
import type { PasswordPolicy } from './password.js';
import { UserSchema } from './user.js';

/** `POST auth/login`: the credentials typed into the login form. */
export const LoginRequestSchema = v.object({
  email: EmailSchema,
  password: LoginPasswordSchema,
  /** Asked for after repeated failures (the answer's code is `captcha_required`). */
  captcha: v.optional(CaptchaSolutionSchema),
});
export type LoginRequest = v.InferInput<typeof LoginRequestSchema>;

/** The answer to a successful login. */
export const SessionResponseSchema = v.object({
  user: UserSchema,
});
export type SessionResponse = v.InferOutput<typeof SessionResponseSchema>;

/**
 * The answer to `GET auth/session`: the user of the live session, or `null`
 * when there is none. A visitor who is not logged in is the usual case on a
 * supplier's page, not an error, so it is a 200 like any other answer (a 401
 * here would put an error in every browser's console on every page view).
 */
export const SessionStateSchema = v.object({
  user: v.nullable(UserSchema),
});
export type SessionState = v.InferOutput<typeof SessionStateSchema>;

/**
 * `POST auth/password` ("Смена пароля"): the current password, checked like
 * a login (a wrong one counts towards throttling), and the new one under
 * the policy. The other sessions of the user end.
 */
export function changePasswordRequestSchema(policy: PasswordPolicy = SEED_PASSWORD_POLICY) {
  return v.object({
    currentPassword: LoginPasswordSchema,
    newPassword: newPasswordSchema(policy),
    /** Asked for after repeated failures of the current password, as at login (`captcha_required`). */
    captcha: v.optional(CaptchaSolutionSchema),
  });
}
export type ChangePasswordRequest = v.InferInput<ReturnType<typeof changePasswordRequestSchema>>;

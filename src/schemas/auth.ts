import * as v from 'valibot';
import { CaptchaSolutionSchema } from './captcha.js';
import { EmailSchema } from './email.js';
import { LoginPasswordSchema } from './password.js';
import { UserSchema } from './user.js';

/** `POST auth/login`: the credentials typed into the login form. */
export const LoginRequestSchema = v.object({
  email: EmailSchema,
  password: LoginPasswordSchema,
  /** Asked for after repeated failures (the answer's code is `captcha_required`). */
  captcha: v.optional(CaptchaSolutionSchema),
});
export type LoginRequest = v.InferInput<typeof LoginRequestSchema>;

/** The answer to a successful login and to `GET auth/session`. */
export const SessionResponseSchema = v.object({
  user: UserSchema,
});
export type SessionResponse = v.InferOutput<typeof SessionResponseSchema>;

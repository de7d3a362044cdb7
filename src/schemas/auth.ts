import * as v from 'valibot';
import { EmailSchema } from './email.js';
import { LoginPasswordSchema } from './password.js';
import { UserSchema } from './user.js';

/** `POST auth/login`: the credentials typed into the login form. */
export const LoginRequestSchema = v.object({
  email: EmailSchema,
  password: LoginPasswordSchema,
});
export type LoginRequest = v.InferInput<typeof LoginRequestSchema>;

/** The answer to a successful login and to `GET auth/session`. */
export const SessionResponseSchema = v.object({
  user: UserSchema,
});
export type SessionResponse = v.InferOutput<typeof SessionResponseSchema>;

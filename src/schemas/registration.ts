import * as v from 'valibot';
import { CaptchaSolutionSchema } from './captcha.js';
import { EmailSchema } from './email.js';
import { newPasswordSchema, SEED_PASSWORD_POLICY } from './password.js';
import type { PasswordPolicy } from './password.js';
import { InstantSchema } from './user.js';

/** The version of the user agreement (Пользовательское соглашение) shown at registration. */
export const AgreementVersionSchema = v.pipe(v.string(), v.nonEmpty('agreement_required'), v.maxLength(64));

/**
 * `POST auth/register`. The backend refuses a request without the agreement
 * version the user was shown, and records it (docs/promises.md#7).
 */
export function registerRequestSchema(policy: PasswordPolicy = SEED_PASSWORD_POLICY) {
  return v.object({
    email: EmailSchema,
    password: newPasswordSchema(policy),
    agreementVersion: AgreementVersionSchema,
    captcha: CaptchaSolutionSchema,
  });
}
export type RegisterRequest = v.InferInput<ReturnType<typeof registerRequestSchema>>;

/**
 * The answer to registration, the same whether or not the address was
 * already registered (docs/promises.md#5): the letter says which.
 */
export const RegisterResponseSchema = v.object({
  email: v.string(),
  /** The confirmation link works until then; after it, the cabinet is deleted. */
  confirmUntil: InstantSchema,
});
export type RegisterResponse = v.InferOutput<typeof RegisterResponseSchema>;

/** A token from a letter's link: 128 random bits or more, base64url. */
export const LinkTokenSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,128}$/u, 'token_invalid'));

/** `POST auth/confirm`: the token of the confirmation link. */
export const ConfirmRequestSchema = v.object({ token: LinkTokenSchema });
export type ConfirmRequest = v.InferInput<typeof ConfirmRequestSchema>;

/** The confirmed address. */
export const ConfirmResponseSchema = v.object({ email: v.string() });
export type ConfirmResponse = v.InferOutput<typeof ConfirmResponseSchema>;

/**
 * `POST auth/resend`: a new confirmation link. With a session, for its user;
 * without one, for `email`, with the same answer whether or not it exists.
 * A new link voids the older ones.
 */
export const ResendRequestSchema = v.object({ email: v.optional(EmailSchema) });
export type ResendRequest = v.InferInput<typeof ResendRequestSchema>;

/** The answer to resend and recover: when the new link expires (also for an unknown address). */
export const LinkSentResponseSchema = v.object({ expiresAt: InstantSchema });
export type LinkSentResponse = v.InferOutput<typeof LinkSentResponseSchema>;

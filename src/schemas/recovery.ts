import * as v from 'valibot';
import { EmailSchema } from './email.js';
import { newPasswordSchema, SEED_PASSWORD_POLICY } from './password.js';
import type { PasswordPolicy } from './password.js';
import { LinkTokenSchema } from './registration.js';

/** `POST auth/recover`: ask for a password-reset link; the same answer for any address. */
export const RecoverRequestSchema = v.object({ email: EmailSchema });
export type RecoverRequest = v.InferInput<typeof RecoverRequestSchema>;

/** `POST auth/reset`: the token from the letter and the new password. Ends every session of the user. */
export function resetRequestSchema(policy: PasswordPolicy = SEED_PASSWORD_POLICY) {
  return v.object({ token: LinkTokenSchema, password: newPasswordSchema(policy) });
}
export type ResetRequest = v.InferInput<ReturnType<typeof resetRequestSchema>>;

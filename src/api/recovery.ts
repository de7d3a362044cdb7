import { RecoverRequestSchema, resetRequestSchema } from '../schemas/recovery.js';
import type { RecoverRequest, ResetRequest } from '../schemas/recovery.js';
import { LinkSentResponseSchema } from '../schemas/registration.js';
import type { LinkSentResponse } from '../schemas/registration.js';
import type { CallOptions, Client } from './client.js';
import { API_PATHS } from './paths.js';
import type { PolicyCallOptions } from './registration.js';

/** Asks for a password-reset letter. The answer is the same whether or not the address exists. Rate-limited (429). */
export function requestPasswordReset(client: Client, request: RecoverRequest, options: CallOptions = {}): Promise<LinkSentResponse> {
  return client.request({
    method: 'POST',
    path: API_PATHS.recover,
    body: request,
    bodySchema: RecoverRequestSchema,
    responseSchema: LinkSentResponseSchema,
    ...options,
  });
}

/**
 * Sets a new password with the token from the letter. Every session of the
 * user ends; the holder gets a "password changed" letter. Rejects with code
 * `token_expired`, `token_used` or `token_invalid`.
 */
export function resetPassword(client: Client, request: ResetRequest, { policy, ...options }: PolicyCallOptions = {}): Promise<void> {
  return client.request({
    method: 'POST',
    path: API_PATHS.reset,
    body: request,
    bodySchema: resetRequestSchema(policy),
    ...options,
  });
}

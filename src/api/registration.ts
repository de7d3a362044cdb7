import type { PasswordPolicy } from '../schemas/password.js';
import {
  ConfirmRequestSchema,
  ConfirmResponseSchema,
  LinkSentResponseSchema,
  RegisterResponseSchema,
  ResendRequestSchema,
  registerRequestSchema,
} from '../schemas/registration.js';
import type {
  ConfirmRequest,
  ConfirmResponse,
  LinkSentResponse,
  RegisterRequest,
  RegisterResponse,
  ResendRequest,
} from '../schemas/registration.js';
import type { CallOptions, Client } from './client.js';
import { API_PATHS } from './paths.js';

/** Options of calls that carry a new password: the policy the request is checked against. */
export interface PolicyCallOptions extends CallOptions {
  /** Default: the seed's (5–10 Latin letters and digits). */
  policy?: PasswordPolicy;
}

/**
 * Registers an abonent. The answer is the same for an address that is
 * already registered (its holder gets a letter instead). Rejects with code
 * `captcha_invalid` when the anti-robot answer is wrong, expired or used.
 */
export function register(
  client: Client,
  request: RegisterRequest,
  { policy, ...options }: PolicyCallOptions = {},
): Promise<RegisterResponse> {
  return client.request({
    method: 'POST',
    path: API_PATHS.register,
    body: request,
    bodySchema: registerRequestSchema(policy),
    responseSchema: RegisterResponseSchema,
    ...options,
  });
}

/**
 * Confirms the e-mail with the token of the letter's link. Rejects with
 * code `token_expired` (410), `token_used` (409), `token_invalid`, or
 * `already_confirmed` (409): the link was used before and its address is
 * confirmed, which is no error to its holder.
 */
export function confirmEmail(client: Client, request: ConfirmRequest, options: CallOptions = {}): Promise<ConfirmResponse> {
  return client.request({
    method: 'POST',
    path: API_PATHS.confirm,
    body: request,
    bodySchema: ConfirmRequestSchema,
    responseSchema: ConfirmResponseSchema,
    ...options,
  });
}

/** Sends a new confirmation link ("Выслать ссылку"); voids the older ones. Rate-limited (429). */
export function resendConfirmation(client: Client, request: ResendRequest = {}, options: CallOptions = {}): Promise<LinkSentResponse> {
  return client.request({
    method: 'POST',
    path: API_PATHS.resend,
    body: request,
    bodySchema: ResendRequestSchema,
    responseSchema: LinkSentResponseSchema,
    ...options,
  });
}

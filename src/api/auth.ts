import { LoginRequestSchema, SessionResponseSchema, SessionStateSchema, changePasswordRequestSchema } from '../schemas/auth.js';
import type { ChangePasswordRequest, LoginRequest, SessionResponse } from '../schemas/auth.js';
import type { User } from '../schemas/user.js';
import type { CallOptions, Client } from './client.js';
import { isApiError } from './errors.js';
import { API_PATHS } from './paths.js';
import type { PolicyCallOptions } from './registration.js';

/**
 * Logs in. On success the backend sets the session cookie; the answer
 * names the user. A wrong e-mail or password rejects with an `ApiError`
 * of status 401 and code `invalid_credentials`; too many attempts with 429
 * and `retryAfter`.
 */
export function login(client: Client, credentials: LoginRequest, options: CallOptions = {}): Promise<SessionResponse> {
  return client.request({
    method: 'POST',
    path: API_PATHS.login,
    body: credentials,
    bodySchema: LoginRequestSchema,
    responseSchema: SessionResponseSchema,
    ...options,
  });
}

/** Ends the session on the backend, which clears its cookie. */
export function logout(client: Client, options: CallOptions = {}): Promise<void> {
  return client.request({ method: 'POST', path: API_PATHS.logout, ...options });
}

/**
 * The logged-in user, or `null` when there is no live session (`{"user":
 * null}`). A backend written to an older contract answers 401 instead, which
 * means the same.
 */
export async function fetchCurrentUser(client: Client, options: CallOptions = {}): Promise<User | null> {
  try {
    const { user } = await client.request({
      method: 'GET',
      path: API_PATHS.session,
      responseSchema: SessionStateSchema,
      ...options,
    });
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/**
 * Changes the password of the session's user ("Смена пароля"). A wrong
 * current password rejects with 422 and the field error
 * `currentPassword: current_password_wrong`, and counts towards login
 * throttling (429 with `retryAfter`). The user's other sessions end; this
 * one stays.
 */
export function changePassword(
  client: Client,
  request: ChangePasswordRequest,
  { policy, ...options }: PolicyCallOptions = {},
): Promise<void> {
  return client.request({
    method: 'POST',
    path: API_PATHS.changePassword,
    body: request,
    bodySchema: changePasswordRequestSchema(policy),
    ...options,
  });
}

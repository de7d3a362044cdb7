import { connectAccount } from '../../src/api/accounts.js';
import { login } from '../../src/api/auth.js';
import { createClient } from '../../src/api/client.js';
import type { Client } from '../../src/api/client.js';
import { isApiError } from '../../src/api/errors.js';
import type { ApiError } from '../../src/api/errors.js';
import type { Account } from '../../src/schemas/account.js';
import type { MockBackend } from '../../mocks/backend.js';
import { DAGESTAN, DEMO_USER } from '../mocks/helpers.js';

/** The API error a call rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/**
 * A client of `backend` that does not wait between retries, logged in as
 * the demo user, with Дагестан's 5812345678 connected.
 */
export async function clientWithAccount(backend: MockBackend): Promise<{ client: Client; account: Account }> {
  const client = createClient({ baseUrl: backend.apiBase, retryDelay: () => 0, timeout: 1000 });
  await login(client, { email: DEMO_USER.email, password: DEMO_USER.password });
  return { client, account: await connectAccount(client, DAGESTAN) };
}

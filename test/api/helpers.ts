import { isApiError } from '../../src/api/errors.js';
import type { ApiError } from '../../src/api/errors.js';

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

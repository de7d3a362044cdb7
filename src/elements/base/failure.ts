import { isApiError, isNetworkError, isResponseShapeError, isTimeoutError } from '../../api/errors.js';
import type { CommonMessages } from '../../i18n/common.ru.js';

/**
 * The message for a failure that is not the user's to fix by editing a field:
 * the backend is down, slow, unreachable, or said something unreadable. Each
 * one is shown with a retry button. Never the backend's own `detail` text:
 * the SDK shows only words it chose.
 */
export function faultMessage(error: unknown, t: CommonMessages): string {
  if (isNetworkError(error)) return t.networkError;
  if (isTimeoutError(error)) return t.timeoutError;
  if (isResponseShapeError(error)) return t.malformedError;
  if (isApiError(error) && error.status >= 500) return t.serverError;
  return t.unexpectedError;
}

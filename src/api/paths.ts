/**
 * Endpoint paths, relative to the API base URL (`api-base`, default `/api/`).
 * The client and the mock backend both read them from here.
 */
export const API_PATHS = {
  login: 'auth/login',
  logout: 'auth/logout',
  session: 'auth/session',
  register: 'auth/register',
  confirm: 'auth/confirm',
  resend: 'auth/resend',
  recover: 'auth/recover',
  reset: 'auth/reset',
  captcha: 'captcha/challenge',
  changePassword: 'auth/password',
  suppliers: 'suppliers',
  accounts: 'accounts',
  account: 'accounts/:accountId',
  accountHistory: 'accounts/:accountId/history',
  readings: 'accounts/:accountId/readings',
  payments: 'accounts/:accountId/payments',
} as const;

export type ApiEndpoint = keyof typeof API_PATHS;

/** The API base URL when none is configured. */
export const DEFAULT_API_BASE = '/api/';

/**
 * The custom header every state-changing request carries. A cross-site HTML
 * form cannot set it, and cross-origin scripts need a CORS preflight to, so a
 * backend that requires it is safe from CSRF without tokens.
 */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'lk-widgets';

/**
 * The path of an endpoint with its parameters filled in, each one
 * percent-encoded: `endpointPath('account', {accountId: 'a/1'})` is
 * `accounts/a%2F1`.
 */
export function endpointPath(name: ApiEndpoint, parameters: Record<string, string> = {}): string {
  return API_PATHS[name].replace(/:([A-Za-z]+)/gu, (_, key: string) => {
    const value = parameters[key];
    if (value === undefined) throw new TypeError(`endpointPath(${name}): missing ${key}`);
    return encodeURIComponent(value);
  });
}

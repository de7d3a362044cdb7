/**
 * Every operation of the lk-widgets HTTP API, once: which endpoint function
 * of the client makes it, what it answers on success, which headers it sets,
 * and every error answer it may give with the problem `code`s each carries.
 * The method, the path, the body and answer schemas and the request headers
 * are not written here: they are read from the client's own call
 * ({@link contractOperations}), so the OpenAPI document (openapi.ts) cannot
 * say anything else than the client does, and a field added to a schema
 * appears in it without anyone writing it again.
 *
 * No element and no production entry imports this module: its prose must
 * not reach the bundles pages load.
 */
import type * as v from 'valibot';
import { connectAccount, disconnectAccount, fetchAccountHistory, fetchAccounts, fetchSuppliers } from '../api/accounts.js';
import { changePassword, fetchCurrentUser, login, logout } from '../api/auth.js';
import { fetchCaptchaChallenge } from '../api/captcha.js';
import type { Client, RequestSpec } from '../api/client.js';
import { API_PATHS } from '../api/paths.js';
import type { ApiEndpoint } from '../api/paths.js';
import { fetchPayments, pay } from '../api/payments.js';
import { fetchReadings, submitReadings } from '../api/readings.js';
import { requestPasswordReset, resetPassword } from '../api/recovery.js';
import { confirmEmail, register, resendConfirmation } from '../api/registration.js';
import { changePasswordRequestSchema } from '../schemas/auth.js';
import { IDEMPOTENCY_HEADER } from '../schemas/payment.js';
import type { ProblemCode } from '../schemas/problem.js';
import { resetRequestSchema } from '../schemas/recovery.js';
import { registerRequestSchema } from '../schemas/registration.js';

/**
 * The request schemas that depend on the supplier's password policy, made
 * with the default one (the seed's). The document names them like the
 * other schemas and says the rule in words.
 */
export const RegisterRequestSchema = registerRequestSchema();
export const ResetRequestSchema = resetRequestSchema();
export const ChangePasswordRequestSchema = changePasswordRequestSchema();

/** An HTTP method of the API, lower case as OpenAPI names them. */
export type ContractMethod = 'get' | 'post' | 'delete';

/** Whether an operation needs the session (cookie `lk_session`, or a bearer token). */
export type SessionNeed = 'required' | 'optional' | 'none';

/** A response header an operation may set. */
export type ResponseHeaderName = 'SetSessionCookie' | 'ClearSessionCookie' | 'IdempotentReplayed' | 'RetryAfter' | 'CacheControlNoStore';

/** A request header an operation reads, besides the CSRF header every state-changing call carries. */
export type RequestHeaderName = 'IdempotencyKey';

/** One error status of an operation: the problem codes it carries, and why. */
export interface ContractError {
  readonly codes: readonly ProblemCode[];
  readonly description: string;
  readonly headers?: readonly ResponseHeaderName[];
}

/** One operation of the API, as the table states it. */
export interface OperationEntry {
  /**
   * Calls the client's endpoint function of the operation (with arguments
   * that only need to be of the right types: nothing is sent). Path
   * parameters are given as `{name}`.
   */
  readonly call: (client: Client) => Promise<unknown>;
  readonly operationId: string;
  /** Groups operations in the docs. */
  readonly tag: 'Session' | 'Registration' | 'Password' | 'Anti-robot check' | 'Accounts' | 'Readings' | 'Payments';
  readonly summary: string;
  readonly description: string;
  readonly session: SessionNeed;
  /**
   * Only where the client makes the body schema for each call from the
   * supplier's password policy: the one made with the default policy.
   */
  readonly body?: v.GenericSchema;
  readonly success: {
    readonly status: number;
    readonly description: string;
    readonly headers?: readonly ResponseHeaderName[];
  };
  /** By HTTP status. The 403 of a state-changing call without the CSRF header, and the 500s, are added for every operation. */
  readonly errors: Readonly<Record<number, ContractError>>;
}

/** One operation of the API: the table's entry with what the client's call says. */
export interface ContractOperation extends Omit<OperationEntry, 'call' | 'success'> {
  readonly endpoint: ApiEndpoint;
  readonly method: ContractMethod;
  readonly requestHeaders: readonly RequestHeaderName[];
  readonly success: OperationEntry['success'] & {
    /** None: the answer has no body (204). */
    readonly schema?: v.GenericSchema;
  };
}

/** The answers of an operation that reads a JSON body: not JSON at all (400), or not of the schema (422). */
const BODY_ERRORS = {
  400: { codes: ['validation_failed'], description: 'The body is not JSON: a field error `json_invalid` at pointer "" (the whole body).' },
  422: { codes: ['validation_failed'], description: 'A field of the body is invalid: `errors` has a pointer and a code for each.' },
} as const satisfies Record<number, ContractError>;

const UNAUTHENTICATED = {
  401: { codes: ['unauthenticated'], description: 'No live session: never logged in, logged out, or the session expired or was ended elsewhere.' },
} as const satisfies Record<number, ContractError>;

/** An account the path names that is not connected to the session's cabinet answers as if it did not exist. */
const ACCOUNT_NOT_CONNECTED = {
  404: { codes: ['not_found'], description: 'The account is not connected to the cabinet of the session’s user (or does not exist).' },
} as const satisfies Record<number, ContractError>;

const TOO_MANY = (what: string): ContractError => ({
  codes: ['too_many_requests'],
  description: `${what} \`Retry-After\` and the member \`retryAfter\` say how many seconds to wait.`,
  headers: ['RetryAfter'],
});

const CAPTCHA_GATE = (what: string): ContractError => ({
  codes: ['captcha_required', 'captcha_invalid'],
  description: `${what} must carry a right answer to an anti-robot challenge (\`captcha\`, see \`GET captcha/challenge\`): \`captcha_required\` without one, \`captcha_invalid\` with a wrong, expired or used one.`,
});

const TOKEN_REFUSALS = {
  400: { codes: ['validation_failed', 'token_invalid'], description: '`token_invalid`: the token is malformed or unknown. `validation_failed`: the body is not JSON.' },
  409: { codes: ['token_used'], description: 'The link was used already.' },
  410: { codes: ['token_expired'], description: 'The link has expired.' },
} as const satisfies Record<number, ContractError>;

/** Every operation of the API, in the order the docs list them. */
export const OPERATIONS: readonly OperationEntry[] = [
  {
    call: (client) => login(client, { email: '', password: '' }),
    operationId: 'login',
    tag: 'Session',
    summary: 'Log in',
    description:
      'Checks the e-mail and password and opens a session: the answer sets the HttpOnly session cookie and names the user. ' +
      'An unknown address and a wrong password get the same answer. After repeated failures for an address the login needs an anti-robot answer; ' +
      'too many attempts from the client get 429.',
    session: 'none',
    success: { status: 200, description: 'Logged in; the session cookie is set.', headers: ['SetSessionCookie'] },
    errors: {
      ...BODY_ERRORS,
      401: { codes: ['invalid_credentials'], description: 'The e-mail address or the password is wrong (one answer for both, byte for byte).' },
      403: CAPTCHA_GATE('After repeated failed logins for the address, a login'),
      429: TOO_MANY('Too many login attempts.'),
    },
  },
  {
    call: (client) => logout(client),
    operationId: 'logout',
    tag: 'Session',
    summary: 'Log out',
    description: 'Ends the session, if there is one, and clears the session cookie. Answers the same without a session.',
    session: 'optional',
    success: { status: 204, description: 'Logged out; the session cookie is cleared.', headers: ['ClearSessionCookie'] },
    errors: {},
  },
  {
    call: (client) => fetchCurrentUser(client),
    operationId: 'getSession',
    tag: 'Session',
    summary: 'The logged-in user, if any',
    description:
      'Whether the caller is logged in, and as whom. A page calls it at start. No session is an answer, not an error: ' +
      '`{"user": null}` with 200, so an anonymous visitor\'s browser logs nothing. When the request carried a session cookie ' +
      'that no longer opens a session, the answer clears it.',
    session: 'optional',
    success: { status: 200, description: 'The user of the live session, or `null` when there is none.', headers: ['ClearSessionCookie'] },
    errors: {},
  },
  {
    call: (client) => register(client, { email: '', password: '', agreementVersion: '', captcha: { id: '', nonce: '' } }),
    operationId: 'register',
    tag: 'Registration',
    summary: 'Register',
    description:
      'Registers an abonent and sends a confirmation letter. The answer is the same for an address that is registered already ' +
      '(its holder gets a letter saying so instead), so it tells nobody whether an address has a cabinet. ' +
      'The fields are checked first (422, the anti-robot answer is not used up), then the anti-robot answer (403).',
    session: 'none',
    body: RegisterRequestSchema,
    success: { status: 202, description: 'Accepted: the confirmation link works until `confirmUntil`; after it the cabinet is deleted.' },
    errors: {
      ...BODY_ERRORS,
      422: {
        codes: ['validation_failed'],
        description:
          'A field is invalid: `errors` has a pointer and a code for each (`email_format`, `password_too_short`, `password_common`, `agreement_required`, `required` at `/captcha`, …).',
      },
      403: { codes: ['captcha_invalid'], description: 'The anti-robot answer is wrong, expired or used.' },
    },
  },
  {
    call: (client) => confirmEmail(client, { token: '' }),
    operationId: 'confirmEmail',
    tag: 'Registration',
    summary: 'Confirm the e-mail address',
    description:
      'Confirms the address with the token of the letter’s link. The user’s other confirmation links stop working, and every session opened before ends, ' +
      'except the one of this request. A link opened again after it confirmed the address answers 409 `already_confirmed`, which is no error to its holder.',
    session: 'optional',
    success: { status: 200, description: 'The address is confirmed.' },
    errors: {
      ...TOKEN_REFUSALS,
      409: { codes: ['token_used', 'already_confirmed'], description: '`already_confirmed`: the link was used and its address is confirmed. `token_used`: the link was used, and the address is not confirmed.' },
    },
  },
  {
    call: (client) => resendConfirmation(client),
    operationId: 'resendConfirmation',
    tag: 'Registration',
    summary: 'Send a new confirmation link',
    description:
      '"Выслать ссылку": with a session, for its user; without one, for `email`. A registered, unconfirmed address gets a new link (the older ones stop working) ' +
      'and its cabinet a new date; any other address gets no letter and the same answer.',
    session: 'optional',
    success: { status: 202, description: 'Accepted: the new link (if any was sent) expires at `expiresAt`.' },
    errors: {
      ...BODY_ERRORS,
      422: { codes: ['validation_failed'], description: 'A field is invalid, or there is neither a session nor `email` (`required` at `/email`).' },
      429: TOO_MANY('Over the address’s limit of links (by default 1 a minute, 5 an hour), the same for every address.'),
    },
  },
  {
    call: (client) => requestPasswordReset(client, { email: '' }),
    operationId: 'requestPasswordReset',
    tag: 'Password',
    summary: 'Ask for a password-reset link',
    description: '"Забыли пароль?": a registered address gets a reset letter, which voids its older links; any address gets the same answer.',
    session: 'none',
    success: { status: 202, description: 'Accepted: the link (if any was sent) expires at `expiresAt`.' },
    errors: { ...BODY_ERRORS, 429: TOO_MANY('Over the address’s limit of links (by default 1 a minute, 5 an hour), the same for every address.') },
  },
  {
    call: (client) => resetPassword(client, { token: '', password: '' }),
    operationId: 'resetPassword',
    tag: 'Password',
    summary: 'Set a new password with a reset link',
    description:
      'Sets a new password with the token from the reset letter. The token is checked first, then the password; only a request that succeeds uses the token. ' +
      'Every session of the user ends (the session cookie is cleared), the address counts as confirmed, and the holder gets a "password changed" letter.',
    session: 'none',
    body: ResetRequestSchema,
    success: { status: 204, description: 'The password is set; every session of the user has ended.', headers: ['ClearSessionCookie'] },
    errors: {
      ...TOKEN_REFUSALS,
      422: { codes: ['validation_failed'], description: 'The new password does not meet the policy or is a common one (`errors` at `/password`).' },
    },
  },
  {
    call: (client) => changePassword(client, { currentPassword: '', newPassword: '' }),
    operationId: 'changePassword',
    tag: 'Password',
    summary: 'Change the password',
    description:
      '"Смена пароля" in the settings. The current password is checked as at login (a wrong one counts towards login throttling), the new one under the policy. ' +
      'The user’s other sessions end, this one stays; reset links not yet used stop working; the holder gets a "password changed" letter.',
    session: 'required',
    body: ChangePasswordRequestSchema,
    success: { status: 204, description: 'The password is changed.' },
    errors: {
      ...UNAUTHENTICATED,
      ...BODY_ERRORS,
      422: {
        codes: ['validation_failed'],
        description: 'A field is invalid (`errors`), or the current password is wrong (`current_password_wrong` at `/currentPassword`).',
      },
      403: CAPTCHA_GATE('After repeated wrong current passwords, a change'),
      429: TOO_MANY('Too many attempts, counted with the logins.'),
    },
  },
  {
    call: (client) => fetchCaptchaChallenge(client),
    operationId: 'getCaptchaChallenge',
    tag: 'Anti-robot check',
    summary: 'A new anti-robot challenge',
    description:
      'A proof-of-work puzzle: find a `nonce` such that SHA-256(`prefix` + ":" + `nonce`) starts with `difficulty` zero bits, and send `{id, nonce}` ' +
      'as `captcha` with the request it protects. A challenge works once and expires at `expiresAt`.',
    session: 'none',
    success: { status: 200, description: 'A fresh challenge; never cached.', headers: ['CacheControlNoStore'] },
    errors: {},
  },
  {
    call: (client) => fetchSuppliers(client),
    operationId: 'listSuppliers',
    tag: 'Accounts',
    summary: 'The supplier catalogue',
    description: 'The suppliers an abonent can connect an account of, in the order to offer them, each with its account-number rule. Needs no session.',
    session: 'none',
    success: { status: 200, description: 'The catalogue.' },
    errors: {},
  },
  {
    call: (client) => fetchAccounts(client),
    operationId: 'listAccounts',
    tag: 'Accounts',
    summary: 'The connected accounts',
    description: 'The personal accounts connected to the cabinet of the session’s user, oldest first.',
    session: 'required',
    success: { status: 200, description: 'The accounts.' },
    errors: { ...UNAUTHENTICATED },
  },
  {
    call: (client) => connectAccount(client, { supplierId: '', number: '' }),
    operationId: 'connectAccount',
    tag: 'Accounts',
    summary: 'Connect an account',
    description:
      'Connects the account `number` of supplier `supplierId`. The number is checked against the supplier’s rule, then looked up in the supplier’s register. ' +
      'A user past their failed attempts of the hour gets 429 for any number, so the register cannot be searched number by number.',
    session: 'required',
    success: { status: 201, description: 'Connected.' },
    errors: {
      ...UNAUTHENTICATED,
      ...BODY_ERRORS,
      422: {
        codes: ['validation_failed'],
        description: 'A field is invalid: `supplier_unknown` at `/supplierId`, the number against the supplier’s rule at `/number` (`account_length`, `account_sector_unknown`, …).',
      },
      404: { codes: ['account_not_found'], description: 'The supplier’s register has no such account; also a field error at `/number`.' },
      409: { codes: ['account_already_connected'], description: 'The account is connected to this cabinet already; also a field error at `/number`.' },
      429: TOO_MANY('Too many failed attempts this hour (by default 10).'),
    },
  },
  {
    call: (client) => disconnectAccount(client, '{accountId}'),
    operationId: 'disconnectAccount',
    tag: 'Accounts',
    summary: 'Disconnect an account',
    description: 'Disconnects the account from the cabinet; the supplier’s register keeps it.',
    session: 'required',
    success: { status: 204, description: 'Disconnected.' },
    errors: { ...UNAUTHENTICATED, ...ACCOUNT_NOT_CONNECTED },
  },
  {
    call: (client) => fetchAccountHistory(client, '{accountId}'),
    operationId: 'getAccountHistory',
    tag: 'Accounts',
    summary: 'The history of an account',
    description: 'The closed months of a connected account, oldest first, service by service: opening balance, charged, paid, closing balance, consumption.',
    session: 'required',
    success: { status: 200, description: 'The history.' },
    errors: { ...UNAUTHENTICATED, ...ACCOUNT_NOT_CONNECTED },
  },
  {
    call: (client) => fetchReadings(client, '{accountId}'),
    operationId: 'listReadings',
    tag: 'Readings',
    summary: 'The meter readings of an account',
    description: 'Every reading of the account’s meters, newest first: the month-end ones the supplier took and every one the abonent sent.',
    session: 'required',
    success: { status: 200, description: 'The readings.' },
    errors: { ...UNAUTHENTICATED, ...ACCOUNT_NOT_CONNECTED },
  },
  {
    call: (client) => submitReadings(client, '{accountId}', { readings: [] }),
    operationId: 'submitReadings',
    tag: 'Readings',
    summary: 'Send meter readings',
    description:
      'One reading per meter. Each is checked by the meter’s rule: whole units, no more digits than the dial has, not below the last accepted one ' +
      'unless `rollover` says the dial went round. The answer has the account with its new last readings.',
    session: 'required',
    success: { status: 200, description: 'Accepted.' },
    errors: {
      ...UNAUTHENTICATED,
      ...ACCOUNT_NOT_CONNECTED,
      ...BODY_ERRORS,
      422: { codes: ['validation_failed'], description: 'A reading is refused: field errors at `/readings/<i>/value` (`reading_below_last`, `reading_too_many_digits`, …).' },
    },
  },
  {
    call: (client) => fetchPayments(client, '{accountId}'),
    operationId: 'listPayments',
    tag: 'Payments',
    summary: 'The payments of an account',
    description: 'The payments of a connected account made from this cabinet, newest first, each with its receipt when it succeeded.',
    session: 'required',
    success: { status: 200, description: 'The payments.' },
    errors: { ...UNAUTHENTICATED, ...ACCOUNT_NOT_CONNECTED },
  },
  {
    call: (client) => pay(client, '{accountId}', { amount: 0 }, { idempotencyKey: '' }),
    operationId: 'pay',
    tag: 'Payments',
    summary: 'Pay',
    description:
      'Pays `amount` kopecks on a connected account, with the meter readings to send along, if any. The `Idempotency-Key` header, made once when the user confirms, ' +
      'makes a payment once however often it is sent: the same key and body again get the first answer again with `Idempotent-Replayed: true` ' +
      '(a declined payment too), and nothing is paid again. Retry with the key you made, never with a new one.',
    session: 'required',
    success: { status: 201, description: 'Paid: the payment, its receipt, the account as it is now, the readings sent.', headers: ['IdempotentReplayed'] },
    errors: {
      ...UNAUTHENTICATED,
      ...ACCOUNT_NOT_CONNECTED,
      400: {
        codes: ['idempotency_key_required', 'validation_failed'],
        description: '`idempotency_key_required`: no `Idempotency-Key` header, or not of its form. `validation_failed`: the body is not JSON.',
      },
      402: { codes: ['payment_declined'], description: 'The payment provider declined the card. A replay of it carries `Idempotent-Replayed: true`.', headers: ['IdempotentReplayed'] },
      409: { codes: ['idempotency_key_in_use'], description: 'A request with this key is still being processed: retry later with the same key.' },
      422: {
        codes: ['validation_failed', 'idempotency_key_reused'],
        description: '`idempotency_key_reused`: the key was used for another request body. `validation_failed`: a field is invalid (`amount`, `readings/<i>/value`).',
      },
    },
  },
];

/** The parameters of the request headers the client sends, by the header's name. */
const REQUEST_HEADERS: Readonly<Record<string, RequestHeaderName>> = { [IDEMPOTENCY_HEADER]: 'IdempotencyKey' };

/** The endpoint whose path is `path` with its parameters as `{name}`. */
function endpointOf(path: string): ApiEndpoint {
  const found = (Object.keys(API_PATHS) as ApiEndpoint[]).find((name) => API_PATHS[name].replace(/:([A-Za-z]+)/gu, '{$1}') === path);
  if (!found) throw new Error(`contract: the client calls ${path}, which is no endpoint of API_PATHS`);
  return found;
}

/**
 * The request an endpoint function makes, caught by a client that sends
 * nothing. Every endpoint function hands its call to the client before it
 * awaits anything, so the call is caught at once.
 */
function requestOf(entry: OperationEntry): RequestSpec<unknown> {
  let caught: RequestSpec<unknown> | undefined;
  const client: Client = {
    baseUrl: '/',
    request<TResponse>(spec: RequestSpec<TResponse>): Promise<TResponse> {
      caught = spec as RequestSpec<unknown>;
      return Promise.resolve({} as TResponse);
    },
  };
  entry.call(client).catch(() => undefined);
  if (!caught) throw new Error(`contract: ${entry.operationId} made no call to the client`);
  return caught;
}

/**
 * Every operation of the table, with its method, path, schemas and request
 * headers as the client's endpoint function sends them.
 */
export function contractOperations(): ContractOperation[] {
  return OPERATIONS.map(({ call, ...entry }) => {
    const request = requestOf({ call, ...entry });
    const requestHeaders = Object.keys(request.headers ?? {}).map((name) => {
      const parameter = REQUEST_HEADERS[name];
      if (!parameter) throw new Error(`contract: ${entry.operationId} sends the header ${name}, which the contract does not describe`);
      return parameter;
    });
    const body = entry.body ?? request.bodySchema;
    return {
      ...entry,
      endpoint: endpointOf(decodeURIComponent(request.path)),
      method: request.method.toLowerCase() as ContractMethod,
      requestHeaders,
      ...(body ? { body } : {}),
      success: { ...entry.success, ...(request.responseSchema ? { schema: request.responseSchema } : {}) },
    };
  });
}

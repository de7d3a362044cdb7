import { HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import * as v from 'valibot';
import { LoginRequestSchema } from '../../src/schemas/auth.js';
import type { SessionResponse, SessionState } from '../../src/schemas/auth.js';
import { emailKey } from '../../src/schemas/email.js';
import { findUserByEmailKey, mockNow, publicUser } from '../db.js';
import type { MockDb, UserRecord } from '../db.js';
import { dummyPasswordHash, verifyPassword } from '../passwords.js';
import { problem, tooManyRequests, validationProblem } from '../problem.js';
import { SESSION_COOKIE, clearedSessionCookie, newSessionId, sessionCookie, sessionKey } from '../sessions.js';
import { admitLoginAttempt, clearLoginFailures, recordLoginFailure, reserveLoginFailure } from '../throttle.js';
import { refuseCaptcha } from './captcha.js';
import { endpoint, readJson } from './endpoint.js';
import type { EndpointRequest, MockContext } from './endpoint.js';
import { captchaOf } from './validation.js';

/** The user of the request's session, if it is live; an expired session is deleted. */
export async function sessionUser(db: MockDb, { cookies }: EndpointRequest): Promise<UserRecord | undefined> {
  const id = cookies[SESSION_COOKIE];
  if (!id) return undefined;
  const key = await sessionKey(id);
  return db.transact((state) => {
    const session = state.sessions[key];
    if (!session) return undefined;
    if (session.expiresAt <= mockNow(state)) {
      delete state.sessions[key];
      return undefined;
    }
    return state.users[session.userId];
  });
}

/**
 * What a request that checks a password of the address `key` (a login, the
 * current password in the settings) must pass first: in one transaction,
 * either the address is under its failure limit and a failure is recorded
 * in advance (a success forgives it), or it is at the limit and `body` must
 * carry a right anti-robot answer, after which the failure is recorded.
 * Returns the 403 when the answer does not pass, else `undefined`.
 */
export async function passPasswordGate(context: MockContext, key: string, body: unknown): Promise<Response | undefined> {
  const { db, options } = context;
  const captchaNeeded = await db.transact((state) =>
    reserveLoginFailure(state.throttle, key, options.throttle, mockNow(state)),
  );
  if (!captchaNeeded) return undefined;
  const refused = await refuseCaptcha(db, captchaOf(body));
  if (refused) return refused;
  await db.transact((state) => recordLoginFailure(state.throttle, key, options.throttle, mockNow(state)));
  return undefined;
}

/** `POST auth/login`, `POST auth/logout`, `GET auth/session`. */
export function authHandlers(context: MockContext): HttpHandler[] {
  const { db, options } = context;

  /**
   * One answer for an unknown e-mail and a wrong password, byte for byte
   * (docs/promises.md#13): made in one place, with nothing that varies.
   */
  const invalidCredentials = () => problem(401, 'invalid_credentials');

  /**
   * After repeated failures for the address (docs/promises.md#14) a login must
   * carry a right answer to a challenge: `captcha_required` without one,
   * `captcha_invalid` with a wrong, expired or used one. The failures count
   * per address whether or not it is registered, so both get these answers
   * alike. An answer sent when none is required is not checked, and stays
   * unused. The failure is recorded before the (slow) password check and
   * forgiven on success, so logins sent at once cannot all pass under the limit.
   */
  const login = endpoint(context, 'login', 'post', async ({ request }) => {
    const retryAfter = await db.transact((state) =>
      admitLoginAttempt(state.throttle, options.throttle, mockNow(state)),
    );
    if (retryAfter !== null) return tooManyRequests(retryAfter);

    const body = await readJson(request);
    const parsed = v.safeParse(v.omit(LoginRequestSchema, ['captcha']), body);
    if (!parsed.success) return validationProblem(parsed.issues);
    const { email, password } = parsed.output;
    const key = emailKey(email);

    const refused = await passPasswordGate(context, key, body);
    if (refused) return refused;

    const user = findUserByEmailKey(await db.read(), key);
    // Hash even for an unknown address, so both failures take as long.
    const valid = await verifyPassword(password, user?.password ?? dummyPasswordHash(options.iterations));
    if (!user || !valid) return invalidCredentials();

    const session = await newSessionId();
    await db.transact((state) => {
      const now = mockNow(state);
      clearLoginFailures(state.throttle, key);
      state.sessions[session.key] = { userId: user.id, createdAt: now, expiresAt: now + options.sessionLifetime };
    });
    return HttpResponse.json<SessionResponse>(
      { user: publicUser(user) },
      { headers: { 'Set-Cookie': sessionCookie(session.id, options.apiPath) } },
    );
  });

  const logout = endpoint(context, 'logout', 'post', async ({ cookies }) => {
    const id = cookies[SESSION_COOKIE];
    if (id) {
      const key = await sessionKey(id);
      await db.transact((state) => {
        delete state.sessions[key];
      });
    }
    return new HttpResponse(null, { status: 204, headers: { 'Set-Cookie': clearedSessionCookie(options.apiPath) } });
  });

  const session = endpoint(context, 'session', 'get', async (request) => {
    const user = await sessionUser(db, request);
    if (user) return HttpResponse.json<SessionState>({ user: publicUser(user) });
    // No session is an answer, not an error. A cookie that no longer opens one
    // (expired, logged out elsewhere) is cleared, so the browser stops sending it.
    const stale = request.cookies[SESSION_COOKIE] !== undefined;
    return HttpResponse.json<SessionState>(
      { user: null },
      stale ? { headers: { 'Set-Cookie': clearedSessionCookie(options.apiPath) } } : undefined,
    );
  });

  return [login, logout, session];
}

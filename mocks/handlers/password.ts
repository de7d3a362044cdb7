import { HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import * as v from 'valibot';
import { changePasswordRequestSchema } from '../../src/schemas/auth.js';
import { mockNow } from '../db.js';
import { passwordChangedLetter } from '../letters.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { fieldProblems, fieldsProblem, problem, tooManyRequests } from '../problem.js';
import { SESSION_COOKIE, sessionKey } from '../sessions.js';
import { admitLoginAttempt, clearLoginFailures } from '../throttle.js';
import { voidLinkTokens } from '../tokens.js';
import { passPasswordGate, sessionUser } from './auth.js';
import { endpoint, readJson } from './endpoint.js';
import type { MockContext } from './endpoint.js';
import { inFieldOrder, withCommonPasswordCheck } from './validation.js';

/** The settings form's fields, in the order its errors are listed. */
const FIELDS = Object.keys(changePasswordRequestSchema().entries);

/** `POST auth/password`: "Смена пароля" in the settings. */
export function passwordHandlers(context: MockContext): HttpHandler[] {
  const { db, options } = context;

  /**
   * A session is required. Every attempt counts against the client's
   * login attempts (429 past the limit) and a wrong current password as a
   * failed login of the address, so the settings are no way round login
   * throttling: after repeated failures the change needs the anti-robot
   * answer too (`captcha_required`, `captcha_invalid`), as a login does. Then the new password is checked like at registration. The
   * user's other sessions end, this one stays, the reset links not yet used
   * stop working (they were asked for with the old password in mind), and
   * the holder gets a "password changed" letter.
   */
  const change = endpoint(context, 'changePassword', 'post', async (request) => {
    const user = await sessionUser(db, request);
    if (!user) return problem(401, 'unauthenticated');
    const retryAfter = await db.transact((state) => admitLoginAttempt(state.throttle, options.throttle, mockNow(state)));
    if (retryAfter !== null) return tooManyRequests(retryAfter);

    const body = await readJson(request.request);
    // The anti-robot answer is checked apart: a malformed one is a wrong answer (403), not a field error.
    const parsed = v.safeParse(v.omit(changePasswordRequestSchema(options.passwordPolicy), ['captcha']), body);
    const errors = await withCommonPasswordCheck(parsed.success ? [] : fieldProblems(parsed.issues), body, 'newPassword');
    if (!parsed.success || errors.length > 0) return fieldsProblem(inFieldOrder(errors, FIELDS));

    const refused = await passPasswordGate(context, user.emailKey, body);
    if (refused) return refused;
    if (!(await verifyPassword(parsed.output.currentPassword, user.password))) {
      return fieldsProblem([{ pointer: '/currentPassword', code: 'current_password_wrong' }]);
    }

    const hash = await hashPassword(parsed.output.newPassword, options.iterations);
    const keep = await sessionKey(request.cookies[SESSION_COOKIE]!);
    await db.transact((state) => {
      const now = mockNow(state);
      const current = state.users[user.id];
      if (!current) return;
      current.password = hash;
      for (const [key, session] of Object.entries(state.sessions)) {
        if (session.userId === user.id && key !== keep) delete state.sessions[key];
      }
      voidLinkTokens(state.tokens, user.id, 'reset');
      clearLoginFailures(state.throttle, user.emailKey);
      state.outbox.push(
        passwordChangedLetter({ to: current.email, now }, { loginPage: options.linkBase, sessionsEnded: 'others' }),
      );
    });
    return new HttpResponse(null, { status: 204 });
  });

  return [change];
}

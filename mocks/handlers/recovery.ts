import { HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import * as v from 'valibot';
import { emailKey } from '../../src/schemas/email.js';
import { RecoverRequestSchema, resetRequestSchema } from '../../src/schemas/recovery.js';
import { findUserByEmailKey, mockNow } from '../db.js';
import { passwordChangedLetter, resetLetter } from '../letters.js';
import { hashPassword } from '../passwords.js';
import { fieldProblems, fieldsProblem, validationProblem } from '../problem.js';
import { clearedSessionCookie } from '../sessions.js';
import { clearLoginFailures } from '../throttle.js';
import { checkLinkToken, linkTokenKey, voidLinkTokens } from '../tokens.js';
import { endpoint, readJson } from './endpoint.js';
import type { MockContext } from './endpoint.js';
import { answerLinkRequest, issueLink, refuseToken } from './links.js';
import { withCommonPasswordCheck } from './validation.js';

/** `POST auth/recover`, `POST auth/reset`. */
export function recoveryHandlers(context: MockContext): HttpHandler[] {
  const { db, options } = context;

  /**
   * "Забыли пароль?": a registered address (confirmed or not) gets a reset
   * link, which voids its older ones; any address gets the same answer.
   * Login throttling does not apply here (docs/promises.md#14): the address's
   * own rate limit does.
   */
  const recover = endpoint(context, 'recover', 'post', async ({ request }) => {
    const parsed = v.safeParse(RecoverRequestSchema, await readJson(request));
    if (!parsed.success) return validationProblem(parsed.issues);
    const key = emailKey(parsed.output.email);
    return answerLinkRequest(context, 'recover', key, (state, now, prepared) => {
      const expiresAt = now + options.resetPeriod;
      const user = findUserByEmailKey(state, key);
      if (user) {
        const link = issueLink(context, state, prepared, { kind: 'reset', user, now, expiresAt });
        state.outbox.push(resetLetter({ to: user.email, now }, { link, expiresAt }));
      }
      return expiresAt;
    });
  });

  /**
   * Sets a new password with a reset link's token. The token is checked
   * first (a broken link is no use whatever the password), then the
   * password (422), and only a request that succeeds uses the token. The
   * user's sessions all end, their address counts as confirmed (the letter
   * reached them), their failed logins are forgiven, and they get a
   * "password changed" letter.
   */
  const reset = endpoint(context, 'reset', 'post', async ({ request }) => {
    const body = await readJson(request);
    const schema = resetRequestSchema(options.passwordPolicy);
    const token = v.safeParse(v.pick(schema, ['token']), body);
    if (!token.success) return refuseToken('token_invalid');
    const key = await linkTokenKey(token.output.token);
    const state = await db.read();
    const checked = checkLinkToken(state.tokens, key, 'reset', mockNow(state));
    if ('refusal' in checked) return refuseToken(checked.refusal);

    const parsed = v.safeParse(schema, body);
    const errors = await withCommonPasswordCheck(parsed.success ? [] : fieldProblems(parsed.issues), body);
    if (!parsed.success || errors.length > 0) return fieldsProblem(errors);

    const hash = await hashPassword(parsed.output.password, options.iterations);
    const refusal = await db.transact((current) => {
      const now = mockNow(current);
      // Checked again: another request may have used the token meanwhile.
      const live = checkLinkToken(current.tokens, key, 'reset', now);
      if ('refusal' in live) return live.refusal;
      const user = current.users[live.record.userId]!;
      live.record.usedAt = now;
      voidLinkTokens(current.tokens, user.id, 'reset');
      user.password = hash;
      user.emailConfirmed = true;
      user.confirmUntil = null;
      for (const [sessionKey, session] of Object.entries(current.sessions)) {
        if (session.userId === user.id) delete current.sessions[sessionKey];
      }
      clearLoginFailures(current.throttle, user.emailKey);
      current.outbox.push(passwordChangedLetter({ to: user.email, now }, { loginPage: options.linkBase }));
      return null;
    });
    if (refusal) return refuseToken(refusal);
    return new HttpResponse(null, { status: 204, headers: { 'Set-Cookie': clearedSessionCookie(options.apiPath) } });
  });

  return [recover, reset];
}

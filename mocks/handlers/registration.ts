import { HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import * as v from 'valibot';
import { emailKey } from '../../src/schemas/email.js';
import type { FieldProblem } from '../../src/schemas/problem.js';
import { ConfirmRequestSchema, ResendRequestSchema, registerRequestSchema } from '../../src/schemas/registration.js';
import type { ConfirmResponse, RegisterResponse } from '../../src/schemas/registration.js';
import { findUserByEmailKey, mockNow } from '../db.js';
import { newUserId } from '../ids.js';
import { alreadyRegisteredLetter, confirmationLetter } from '../letters.js';
import { hashPassword } from '../passwords.js';
import { fieldProblems, fieldsProblem, problem, validationProblem } from '../problem.js';
import { SESSION_COOKIE, sessionKey } from '../sessions.js';
import { admitLinkRequest } from '../throttle.js';
import { checkLinkToken, linkTokenKey, newLinkToken, voidLinkTokens } from '../tokens.js';
import type { TokenRefusal } from '../tokens.js';
import { sessionUser } from './auth.js';
import { refuseCaptcha } from './captcha.js';
import { endpoint, readJson } from './endpoint.js';
import type { MockContext } from './endpoint.js';
import { answerLinkRequest, isoTime, issueLink, refuseToken } from './links.js';
import { captchaOf, inFieldOrder, withCommonPasswordCheck } from './validation.js';

/** The registration form's fields, in the order its errors are listed. */
const REGISTER_FIELDS = Object.keys(registerRequestSchema().entries);

/** A missing agreement version has a code of its own (docs/promises.md#7). */
const agreementCode = (error: FieldProblem): FieldProblem =>
  error.pointer === '/agreementVersion' && error.code === 'required' ? { ...error, code: 'agreement_required' } : error;

/** `POST auth/register`, `POST auth/confirm`, `POST auth/resend`. */
export function registrationHandlers(context: MockContext): HttpHandler[] {
  const { db, options } = context;

  /**
   * Checks, in this order: the fields (422; the anti-robot answer is not
   * used up), the anti-robot answer (403 `captcha_invalid`), then registers.
   * An address already registered (by `emailKey`) changes nothing and its
   * holder gets a letter saying so, within the same per-address limit as
   * the letters of "Выслать ссылку" and "Забыли пароль?" (past it, no
   * letter, and nothing else differs); the answer is made by the same code as
   * for a new address, with the same members and the same kind of date
   * (docs/promises.md#5), and the password is hashed either way, so it takes
   * as long too.
   */
  const register = endpoint(context, 'register', 'post', async ({ request }) => {
    const body = await readJson(request);
    const parsed = v.safeParse(v.omit(registerRequestSchema(options.passwordPolicy), ['captcha']), body);
    const captcha = captchaOf(body);
    const errors = await withCommonPasswordCheck(parsed.success ? [] : fieldProblems(parsed.issues).map(agreementCode), body);
    if (captcha === 'missing') errors.push({ pointer: '/captcha', code: 'required' });
    if (!parsed.success || errors.length > 0) return fieldsProblem(inFieldOrder(errors, REGISTER_FIELDS));

    const refused = await refuseCaptcha(db, captcha);
    if (refused) return refused;

    const { email, password, agreementVersion } = parsed.output;
    const key = emailKey(email);
    const hash = await hashPassword(password, options.iterations);
    const prepared = await newLinkToken();
    const confirmUntil = await db.transact((state) => {
      const now = mockNow(state);
      const until = now + options.confirmPeriod;
      const holder = findUserByEmailKey(state, key);
      if (holder) {
        // Registering someone's address over and over must not flood their mailbox.
        if (admitLinkRequest(state.throttle, 'registered', key, options.linkRateLimit, now) !== null) return until;
        const holderUntil = holder.confirmUntil === null ? null : Date.parse(holder.confirmUntil);
        state.outbox.push(
          alreadyRegisteredLetter({ to: holder.email, now }, { loginPage: options.linkBase, confirmUntil: holderUntil }),
        );
        return until;
      }
      const user = {
        id: newUserId(),
        email,
        emailKey: key,
        password: hash,
        emailConfirmed: false,
        confirmUntil: isoTime(until),
        createdAt: isoTime(now),
        agreementVersion,
        registeredAt: isoTime(now),
      };
      state.users[user.id] = user;
      const link = issueLink(context, state, prepared, { kind: 'confirm', user, now, expiresAt: until });
      state.outbox.push(confirmationLetter({ to: email, now }, { link, confirmUntil: until, resent: false }));
      return until;
    });
    return HttpResponse.json<RegisterResponse>({ email, confirmUntil: isoTime(confirmUntil) }, { status: 202 });
  });

  /**
   * Confirms the address with the link's token; the user's other
   * confirmation links are voided, and every session opened before
   * (someone may have logged in with a password the holder never chose)
   * ends, except the one of this request, if it is the user's. A used token
   * of an address that is confirmed answers 409 `already_confirmed`: a
   * link opened again (or first by a mail scanner that follows links, then
   * by the holder) is no error to the holder. A used token whose address is
   * not confirmed, or whose cabinet is gone, stays `token_used`.
   */
  const confirm = endpoint(context, 'confirm', 'post', async ({ request, cookies }) => {
    const parsed = v.safeParse(ConfirmRequestSchema, await readJson(request));
    if (!parsed.success) return refuseToken('token_invalid');
    const key = await linkTokenKey(parsed.output.token);
    const cookie = cookies[SESSION_COOKIE];
    const keep = cookie ? await sessionKey(cookie) : undefined;
    const outcome = await db.transact((state): ConfirmResponse | { refusal: TokenRefusal | 'already_confirmed' } => {
      const now = mockNow(state);
      const checked = checkLinkToken(state.tokens, key, 'confirm', now);
      if ('refusal' in checked) {
        const holder = checked.refusal === 'token_used' ? state.users[state.tokens[key]?.userId ?? ''] : undefined;
        return { refusal: holder?.emailConfirmed ? 'already_confirmed' : checked.refusal };
      }
      const user = state.users[checked.record.userId]!;
      checked.record.usedAt = now;
      voidLinkTokens(state.tokens, user.id, 'confirm');
      user.emailConfirmed = true;
      user.confirmUntil = null;
      for (const [stored, session] of Object.entries(state.sessions)) {
        if (session.userId === user.id && stored !== keep) delete state.sessions[stored];
      }
      return { email: user.email };
    });
    if ('refusal' in outcome) {
      return outcome.refusal === 'already_confirmed' ? problem(409, 'already_confirmed') : refuseToken(outcome.refusal);
    }
    return HttpResponse.json<ConfirmResponse>(outcome);
  });

  /**
   * "Выслать ссылку": for the session's user, or without a session for
   * `email`. A registered, unconfirmed address gets a new link (the older
   * ones stop working), and its cabinet a new date, the one a registration
   * made now would get; an unknown or confirmed address gets no letter and
   * the same date in the answer.
   */
  const resend = endpoint(context, 'resend', 'post', async (request) => {
    const parsed = v.safeParse(ResendRequestSchema, await readJson(request.request));
    if (!parsed.success) return validationProblem(parsed.issues);
    const address = (await sessionUser(db, request))?.email ?? parsed.output.email;
    if (address === undefined) return fieldsProblem([{ pointer: '/email', code: 'required' }]);
    const key = emailKey(address);
    return answerLinkRequest(context, 'resend', key, (state, now, prepared) => {
      const user = findUserByEmailKey(state, key);
      if (!user || user.emailConfirmed || user.confirmUntil === null) return now + options.confirmPeriod;
      // The new link, and the cabinet with it, lasts as long as a new
      // registration's: the date the answer names is then the same for every
      // address (docs/promises.md#12) and still the one enforced (10).
      const confirmUntil = now + options.confirmPeriod;
      user.confirmUntil = new Date(confirmUntil).toISOString();
      const link = issueLink(context, state, prepared, { kind: 'confirm', user, now, expiresAt: confirmUntil });
      state.outbox.push(confirmationLetter({ to: user.email, now }, { link, confirmUntil, resent: true }));
      return confirmUntil;
    });
  });

  return [register, confirm, resend];
}

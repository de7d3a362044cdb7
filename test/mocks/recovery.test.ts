import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { emailKey } from '../../src/schemas/email.js';
import { LinkSentResponseSchema } from '../../src/schemas/registration.js';
import { sha256 } from '../../mocks/crypto.js';
import { SESSION_COOKIE } from '../../mocks/sessions.js';
import {
  DEMO_USER,
  UNCONFIRMED_USER,
  jarCookies,
  lastLetter,
  linkToken,
  logIn,
  mockFetch,
  useMockBackend,
} from './helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('mock backend: password recovery', () => {
  const backend = useMockBackend();

  const recover = (email: string) => mockFetch(backend, 'recover', { method: 'POST', body: { email } });
  const reset = (token: string, password: string) => mockFetch(backend, 'reset', { method: 'POST', body: { token, password } });

  /** Asks for a reset link for `email` and returns the letter's token. */
  async function resetToken(email = DEMO_USER.email): Promise<string> {
    expect((await recover(email)).status).to.equal(202);
    return linkToken(await lastLetter(backend, email, 'reset'), 'reset');
  }

  async function problemOf(response: Response): Promise<{ status: number; code: string; errors?: unknown }> {
    expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
    const { status, code, errors } = await response.json();
    return { status, code, errors };
  }

  describe('POST auth/recover', () => {
    it('answers 202 with an expiry an hour ahead and sends a reset letter', async () => {
      const response = await recover(DEMO_USER.email.toUpperCase());
      expect(response.status).to.equal(202);
      const { expiresAt } = v.parse(LinkSentResponseSchema, await response.json());
      expect(Date.parse(expiresAt) - backend.clock.now()).to.be.within(HOUR - 5_000, HOUR);

      const letter = (await lastLetter(backend, DEMO_USER.email))!;
      expect(letter).to.include({ to: DEMO_USER.email, kind: 'reset', subject: 'Восстановление пароля в Личном кабинете' });
      const token = linkToken(letter, 'reset');
      expect(letter.link).to.equal(`${location.origin}${location.pathname}?lk-reset=${token}`);
      expect(letter.body).to.include(`Чтобы задать новый пароль, перейдите по ссылке:\n${letter.link}`);
      expect(letter.body).to.match(/Ссылка действительна до \d\d\.\d\d\.\d{4} \d\d:\d\d и работает один раз/);

      const stored = (await backend.db.read()).tokens[await sha256(token)]!;
      expect(stored).to.include({ kind: 'reset', userId: DEMO_USER.id, usedAt: null, expiresAt: Date.parse(expiresAt) });
    });

    it('answers an unknown address the same way, with no letter', async () => {
      const known = await recover(DEMO_USER.email);
      const unknown = await recover('nobody@example.ru');
      expect(unknown.status).to.equal(known.status);
      expect([...unknown.headers]).to.deep.equal([...known.headers]);
      const [a, b] = [await known.json(), await unknown.json()];
      expect(Object.keys(b)).to.deep.equal(Object.keys(a));
      expect(Math.abs(Date.parse(b.expiresAt) - Date.parse(a.expiresAt))).to.be.below(5_000);
      expect((await backend.outbox.list()).map((letter) => letter.to)).to.deep.equal([DEMO_USER.email]);
    });

    it('voids the older reset links when it sends a new one', async () => {
      const first = await resetToken();
      await backend.clock.advance(MINUTE);
      const second = await resetToken();
      expect(await problemOf(await reset(first, 'newGaz1'))).to.include({ status: 400, code: 'token_invalid' });
      expect((await reset(second, 'newGaz1')).status).to.equal(204);
    });

    it('allows one a minute and five an hour per address, with Retry-After, the same for an unknown address', async () => {
      for (const email of [DEMO_USER.email, 'nobody@example.ru']) {
        expect((await recover(email)).status).to.equal(202);
        const refused = await recover(email);
        expect(refused.status).to.equal(429);
        const retryAfter = Number(refused.headers.get('Retry-After'));
        expect(retryAfter).to.be.within(55, 60);
        expect(await problemOf(refused)).to.include({ code: 'too_many_requests' });
      }
      for (let i = 0; i < 4; i++) {
        await backend.clock.advance(MINUTE);
        expect((await recover(DEMO_USER.email)).status).to.equal(202);
      }
      await backend.clock.advance(MINUTE);
      expect((await recover(DEMO_USER.email)).status).to.equal(429);
      await backend.clock.advance(55 * MINUTE);
      expect((await recover(DEMO_USER.email)).status).to.equal(202);
    });

    it('counts apart from resend', async () => {
      expect((await recover(UNCONFIRMED_USER.email)).status).to.equal(202);
      const resend = await mockFetch(backend, 'resend', { method: 'POST', body: { email: UNCONFIRMED_USER.email } });
      expect(resend.status).to.equal(202);
    });

    it('keeps working while login answers 429', async () => {
      for (let i = 0; i < 20; i++) await logIn(backend, { email: DEMO_USER.email, password: 'wrong1' });
      expect((await logIn(backend)).status).to.equal(429);
      const token = await resetToken();
      expect((await reset(token, 'newGaz1')).status).to.equal(204);
    });

    it('checks the address', async () => {
      expect((await problemOf(await recover('ivan@yandеx.ru'))).errors).to.deep.equal([
        { pointer: '/email', code: 'email_mixed_script' },
      ]);
    });
  });

  describe('POST auth/reset', () => {
    it('sets the new password, ends every session of the user, uses the token and writes to the holder', async () => {
      await logIn(backend);
      await logIn(backend, UNCONFIRMED_USER);
      await logIn(backend);
      expect(Object.keys((await backend.db.read()).sessions)).to.have.length(3);
      const token = await resetToken();

      const response = await reset(token, 'newGaz1');
      expect(response.status).to.equal(204);
      expect(await response.text()).to.equal('');

      const state = await backend.db.read();
      expect(Object.values(state.sessions).map((session) => session.userId)).to.deep.equal([UNCONFIRMED_USER.id]);
      expect(state.tokens[await sha256(token)]!.usedAt).to.be.a('number');
      expect((await jarCookies(backend))[SESSION_COOKIE]).to.equal(undefined);
      expect((await logIn(backend)).status).to.equal(401);
      expect((await logIn(backend, { email: DEMO_USER.email, password: 'newGaz1' })).status).to.equal(200);

      const letter = (await lastLetter(backend, DEMO_USER.email))!;
      expect(letter).to.include({ kind: 'password-changed', subject: 'Пароль в Личном кабинете изменён' });
      expect(letter.body).to.include('Все сеансы работы с Личным кабинетом завершены');

      expect(await problemOf(await reset(token, 'other12'))).to.include({ status: 409, code: 'token_used' });
    });

    it('confirms an unconfirmed address (the letter reached it) and forgives its failed logins', async () => {
      for (let i = 0; i < 5; i++) await logIn(backend, { email: UNCONFIRMED_USER.email, password: 'wrong1' });
      expect(await backend.db.captchaRequired(emailKey(UNCONFIRMED_USER.email))).to.equal(true);
      expect((await reset(await resetToken(UNCONFIRMED_USER.email), 'newGaz1')).status).to.equal(204);
      expect((await backend.db.read()).users[UNCONFIRMED_USER.id]).to.include({ emailConfirmed: true, confirmUntil: null });
      expect(await backend.db.captchaRequired(emailKey(UNCONFIRMED_USER.email))).to.equal(false);
    });

    it('works until the hour is over, on the mock clock', async () => {
      const token = await resetToken();
      await backend.clock.advance(HOUR - MINUTE);
      expect((await reset(token, 'newGaz1')).status).to.equal(204);
    });

    it('answers 410 token_expired after the hour', async () => {
      const token = await resetToken();
      await backend.clock.advance(HOUR);
      expect(await problemOf(await reset(token, 'newGaz1'))).to.include({ status: 410, code: 'token_expired' });
    });

    it('answers 400 token_invalid to an unknown, malformed or missing token, whatever the password', async () => {
      for (const token of ['B'.repeat(43), 'bad token', undefined]) {
        const response = await mockFetch(backend, 'reset', { method: 'POST', body: { token, password: 'x' } });
        expect(await problemOf(response), String(token)).to.include({ status: 400, code: 'token_invalid' });
      }
    });

    it('refuses a password the policy refuses or a common one, and leaves the token unused', async () => {
      const token = await resetToken();
      expect((await problemOf(await reset(token, 'abc'))).errors).to.deep.equal([{ pointer: '/password', code: 'password_too_short' }]);
      expect((await problemOf(await reset(token, 'qwerty1'))).errors).to.deep.equal([{ pointer: '/password', code: 'password_common' }]);
      expect((await reset(token, 'newGaz1')).status).to.equal(204);
    });
  });

  describe('with resetMinutes', () => {
    const quick = useMockBackend({ apiBase: '/recovery-options-api/', resetMinutes: 30 });

    it('the link works that long', async () => {
      const response = await mockFetch(quick, 'recover', { method: 'POST', body: { email: DEMO_USER.email } });
      const { expiresAt } = await response.json();
      expect(Date.parse(expiresAt) - quick.clock.now()).to.be.within(30 * MINUTE - 5_000, 30 * MINUTE);
    });
  });
});

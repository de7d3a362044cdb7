import { expect } from '@open-wc/testing';
import { emailKey } from '../../src/schemas/email.js';
import { SESSION_COOKIE } from '../../mocks/sessions.js';
import {
  DAGESTAN,
  DEMO_USER,
  UNCONFIRMED_USER,
  jarCookies,
  lastLetter,
  linkToken,
  logIn,
  mockFetch,
  passCaptcha,
  register,
  sessionUserId,
  useMockBackend,
} from './helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Status, code and `Retry-After` of an answer. */
async function answerOf(response: Response) {
  const body = response.headers.get('Content-Type') === 'application/problem+json' ? await response.json() : {};
  return { status: response.status, code: (body as { code?: string }).code, retryAfter: response.headers.get('Retry-After') };
}

/**
 * The limits no way round: requests sent at once, other endpoints that
 * check a password or send a letter, the register of accounts.
 */
describe('mock backend: limits', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });

  describe('login throttling, with requests sent at once', () => {
    it('19 wrong passwords sent at once get at least 14 captcha_required answers (threshold 5)', async () => {
      const answers = await Promise.all(
        Array.from({ length: 19 }, () => logIn(backend, { email: DEMO_USER.email, password: 'wrong1' })),
      );
      const codes = await Promise.all(answers.map(async (answer) => (await answerOf(answer)).code));
      expect(codes.filter((code) => code === 'captcha_required').length).to.be.at.least(14);
      expect(codes.filter((code) => code === 'invalid_credentials')).to.have.length(19 - codes.filter((code) => code === 'captcha_required').length);
      expect(await backend.db.captchaRequired(emailKey(DEMO_USER.email))).to.equal(true);
    });

    it('the same for an unknown address, so the answers do not tell which addresses exist', async () => {
      const answers = await Promise.all(
        Array.from({ length: 19 }, () => logIn(backend, { email: 'nobody@example.ru', password: 'wrong1' })),
      );
      const codes = await Promise.all(answers.map(async (answer) => (await answerOf(answer)).code));
      expect(codes.filter((code) => code === 'captcha_required').length).to.be.at.least(14);
    });

    it('a right password sent alongside wrong ones still logs in and forgives the failures', async () => {
      const [right] = await Promise.all([
        logIn(backend),
        logIn(backend, { email: DEMO_USER.email, password: 'wrong1' }),
        logIn(backend, { email: DEMO_USER.email, password: 'wrong2' }),
      ]);
      expect(right.status).to.equal(200);
      expect((await backend.db.read()).throttle.loginFailures[emailKey(DEMO_USER.email)] ?? []).to.have.length.at.most(2);
    });
  });

  describe('POST auth/register of an address already registered', () => {
    const letters = async () => (await backend.outbox.list()).filter((letter) => letter.kind === 'already-registered');

    it('writes to its holder at most once a minute, with the same answer each time', async () => {
      const fresh = await register(backend, { email: 'someone@example.ru' });
      const freshHeaders = [...fresh.headers];
      for (let i = 0; i < 3; i++) {
        const again = await register(backend, { email: DEMO_USER.email });
        expect(again.status).to.equal(202);
        expect([...again.headers]).to.deep.equal(freshHeaders);
        expect(Object.keys(await again.json())).to.deep.equal(['email', 'confirmUntil']);
      }
      expect(await letters()).to.have.length(1);
      await backend.clock.advance(MINUTE);
      expect((await register(backend, { email: DEMO_USER.email.toUpperCase() })).status).to.equal(202);
      expect(await letters()).to.have.length(2);
    });

    it('and at most five times an hour', async () => {
      for (let i = 0; i < 8; i++) {
        expect((await register(backend, { email: DEMO_USER.email })).status).to.equal(202);
        await backend.clock.advance(MINUTE);
      }
      expect(await letters()).to.have.length(5);
      await backend.clock.advance(HOUR);
      await register(backend, { email: DEMO_USER.email });
      expect(await letters()).to.have.length(6);
    });
  });

  describe('POST accounts: failed attempts per user', () => {
    const connect = (number: string) =>
      mockFetch(backend, 'accounts', { method: 'POST', body: { supplierId: DAGESTAN.supplierId, number } });
    /** Numbers of the supplier's format that the register does not have. */
    const unknownNumber = (i: number) => `58${String(90_000_000 + i)}`;

    it('answers 429 with Retry-After after 10 an hour, for any number, until the hour is over', async () => {
      await logIn(backend);
      for (let i = 0; i < 10; i++) expect((await answerOf(await connect(unknownNumber(i)))).code).to.equal('account_not_found');

      const refused = await connect(DAGESTAN.number);
      expect(refused.status).to.equal(429);
      const problem = (await refused.json()) as { code: string; retryAfter: number };
      expect(problem.code).to.equal('too_many_requests');
      expect(Number(refused.headers.get('Retry-After'))).to.equal(problem.retryAfter);
      expect(problem.retryAfter).to.be.within(3599, 3600);
      // An unknown number gets the very same answer: nothing to learn about the register.
      expect(await answerOf(await connect(unknownNumber(99)))).to.deep.equal(await answerOf(await connect(DAGESTAN.number)));

      await backend.clock.advance(HOUR);
      expect((await connect(DAGESTAN.number)).status).to.equal(201);
    });

    it('counts per user, and only the numbers the register does not have', async () => {
      await logIn(backend);
      expect((await connect(DAGESTAN.number)).status).to.equal(201);
      for (let i = 0; i < 9; i++) await connect(unknownNumber(i));
      expect((await answerOf(await connect(DAGESTAN.number))).code).to.equal('account_already_connected');
      expect((await answerOf(await connect(unknownNumber(9)))).code).to.equal('account_not_found');
      expect((await connect(unknownNumber(10))).status).to.equal(429);

      await mockFetch(backend, 'logout', { method: 'POST' });
      await logIn(backend, UNCONFIRMED_USER);
      expect((await connect(DAGESTAN.number)).status).to.equal(201);
    });

    describe('with connectFailuresPerHour', () => {
      const strict = useMockBackend({ apiBase: '/strict-connect-api/', connectFailuresPerHour: 2 });

      it('uses it instead of 10', async () => {
        await logIn(strict);
        const post = (number: string) =>
          mockFetch(strict, 'accounts', { method: 'POST', body: { supplierId: DAGESTAN.supplierId, number } });
        expect((await post(unknownNumber(1))).status).to.equal(404);
        expect((await post(unknownNumber(2))).status).to.equal(404);
        expect((await post(DAGESTAN.number)).status).to.equal(429);
      });
    });
  });

  describe('POST auth/password', () => {
    const change = (currentPassword: string, extra: Record<string, unknown> = {}) =>
      mockFetch(backend, 'changePassword', { method: 'POST', body: { currentPassword, newPassword: 'newGaz1', ...extra } });

    it('asks for the anti-robot check after 5 wrong current passwords, as login does', async () => {
      await logIn(backend);
      for (let i = 0; i < 5; i++) expect((await answerOf(await change('wrong1'))).code).to.equal('validation_failed');
      expect((await answerOf(await change(DEMO_USER.password))).code).to.equal('captcha_required');
      expect((await answerOf(await change(DEMO_USER.password, { captcha: { id: 'x', nonce: '1' } }))).code).to.equal(
        'captcha_invalid',
      );
      expect((await answerOf(await change(DEMO_USER.password, { captcha: 'nonsense' }))).code).to.equal('captcha_invalid');
      // Login asks for it too: the failures are the address's.
      expect((await answerOf(await logIn(backend))).code).to.equal('captcha_required');

      const changed = await change(DEMO_USER.password, { captcha: await passCaptcha(backend) });
      expect(changed.status).to.equal(204);
      expect(await backend.db.captchaRequired(emailKey(DEMO_USER.email))).to.equal(false);
    });

    it('cannot be walked around with wrong passwords sent at once', async () => {
      await logIn(backend);
      const answers = await Promise.all(Array.from({ length: 12 }, () => change('wrong1')));
      const codes = await Promise.all(answers.map(async (answer) => (await answerOf(answer)).code));
      expect(codes.filter((code) => code === 'captcha_required').length).to.be.at.least(7);
    });

    it('voids every reset link not yet used', async () => {
      await mockFetch(backend, 'recover', { method: 'POST', body: { email: DEMO_USER.email } });
      const token = linkToken(await lastLetter(backend, DEMO_USER.email, 'reset'), 'reset');
      await logIn(backend);
      expect((await change(DEMO_USER.password)).status).to.equal(204);
      const reset = await mockFetch(backend, 'reset', { method: 'POST', body: { token, password: 'other12' } });
      expect((await answerOf(reset)).code).to.equal('token_invalid');
      expect((await logIn(backend, { email: DEMO_USER.email, password: 'newGaz1' })).status).to.equal(200);
    });
  });

  describe('POST auth/confirm', () => {
    const confirm = (token: string) => mockFetch(backend, 'confirm', { method: 'POST', body: { token } });
    const email = 'reg-limits@example.ru';
    const password = 'gazPskov7';

    async function registered(): Promise<string> {
      expect((await register(backend, { email, password })).status).to.equal(202);
      return linkToken(await lastLetter(backend, email, 'confirm'), 'confirm');
    }
    const userId = async () => Object.values((await backend.db.read()).users).find((user) => user.email === email)!.id;
    const sessionsOf = async (id: string) =>
      Object.values((await backend.db.read()).sessions).filter((session) => session.userId === id);

    it('ends every session opened before, except the one of the confirming request', async () => {
      const token = await registered();
      await logIn(backend, { email, password });
      await logIn(backend, { email, password });
      await logIn(backend, { email, password });
      const id = await userId();
      expect(await sessionsOf(id)).to.have.length(3);
      const mine = (await jarCookies(backend))[SESSION_COOKIE];

      expect((await confirm(token)).status).to.equal(200);
      expect(await sessionsOf(id)).to.have.length(1);
      expect((await jarCookies(backend))[SESSION_COOKIE]).to.equal(mine);
      expect(await sessionUserId(backend)).to.be.a('string');
    });

    it('ends all of them when the confirming request has no session, and no other user\'s', async () => {
      const token = await registered();
      await logIn(backend, { email, password });
      await logIn(backend, { email, password });
      await mockFetch(backend, 'logout', { method: 'POST' });
      await logIn(backend);
      await mockFetch(backend, 'logout', { method: 'POST' });
      await logIn(backend);
      const demoSessions = await sessionsOf(DEMO_USER.id);

      expect((await confirm(token)).status).to.equal(200);
      expect(await sessionsOf(await userId())).to.have.length(0);
      expect(await sessionsOf(DEMO_USER.id)).to.deep.equal(demoSessions);
    });

    it('answers a used link of a confirmed address 409 already_confirmed', async () => {
      const token = await registered();
      expect((await confirm(token)).status).to.equal(200);
      expect(await answerOf(await confirm(token))).to.include({ status: 409, code: 'already_confirmed' });
      // Still so much later: the used token's hash is kept.
      await backend.clock.advance(30 * 24 * HOUR);
      expect(await answerOf(await confirm(token))).to.include({ status: 409, code: 'already_confirmed' });
    });

    it('a used link of an address that is not confirmed, and an unknown one, stay errors', async () => {
      const token = await registered();
      expect((await confirm(token)).status).to.equal(200);
      // The cabinet is no longer confirmed (as a store edited by hand would have it).
      const id = await userId();
      await backend.db.transact((state) => {
        state.users[id]!.emailConfirmed = false;
      });
      expect(await answerOf(await confirm(token))).to.include({ status: 409, code: 'token_used' });
      expect(await answerOf(await confirm('A'.repeat(43)))).to.include({ status: 400, code: 'token_invalid' });
    });
  });
});

import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { API_PATHS } from '../../src/api/paths.js';
import type { ApiEndpoint } from '../../src/api/paths.js';
import { SessionResponseSchema } from '../../src/schemas/auth.js';
import { LinkSentResponseSchema, LinkTokenSchema, RegisterResponseSchema } from '../../src/schemas/registration.js';
import { sha256 } from '../../mocks/crypto.js';
import { PASSWORD_ITERATIONS } from '../../mocks/passwords.js';
import {
  DEMO_USER,
  UNCONFIRMED_USER,
  lastLetter,
  linkToken,
  logIn,
  mockFetch,
  register,
  registration,
  sessionUserId,
  useMockBackend,
} from './helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `28.11.2026` of an instant, in the page's time zone, as letters and elements write it. */
const ddmmyyyy = (instant: string | number) =>
  new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(instant));

const confirm = (backend: ReturnType<typeof useMockBackend>, token: string) =>
  mockFetch(backend, 'confirm', { method: 'POST', body: { token } });

/** Status, code and field errors of a problem answer. */
async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
  const { status, code, errors } = (await response.json()) as { status: number; code: string; errors?: unknown };
  return { status, code, errors };
}

describe('mock backend: registration and confirmation', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });

  /** Registers a new address and returns it with its confirmation letter's token. */
  async function registered(email = `reg-${crypto.randomUUID().slice(0, 8)}@example.ru`) {
    expect((await register(backend, { email })).status).to.equal(202);
    const letter = await lastLetter(backend, email, 'confirm');
    return { email, letter: letter!, token: linkToken(letter, 'confirm') };
  }

  describe('POST auth/register', () => {
    it('creates an unconfirmed cabinet kept 7 days, and answers 202 with the address as typed and that date', async () => {
      const body = await registration(backend, { email: ' Ivan.Petrov@Example.RU ' });
      const response = await mockFetch(backend, 'register', { method: 'POST', body });
      expect(response.status).to.equal(202);
      const answer = v.parse(RegisterResponseSchema, await response.json());
      expect(answer.email).to.equal('Ivan.Petrov@Example.RU');
      expect(Date.parse(answer.confirmUntil) - backend.clock.now()).to.be.within(7 * DAY - 5_000, 7 * DAY);

      const user = Object.values((await backend.db.read()).users).find((each) => each.email === answer.email)!;
      expect(user).to.include({
        emailKey: 'ivan.petrov@example.ru',
        emailConfirmed: false,
        confirmUntil: answer.confirmUntil,
        agreementVersion: body.agreementVersion,
      });
      expect(Date.parse(user.registeredAt!)).to.be.closeTo(backend.clock.now(), 5_000);
      expect(user.password).to.include({ algorithm: 'PBKDF2-SHA256', iterations: PASSWORD_ITERATIONS.test });
      expect(JSON.stringify(user)).not.to.include(body.password!);
    });

    it('sends the confirmation letter with a link to this page and the seed’s wording', async () => {
      const { email, letter, token } = await registered();
      expect(letter).to.include({ to: email, kind: 'confirm', subject: 'Подтверждение регистрации в Личном кабинете' });
      expect(letter.link).to.equal(`${location.origin}${location.pathname}?lk-confirm=${token}`);
      expect(token).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(v.is(LinkTokenSchema, token)).to.equal(true);
      const { confirmUntil } = Object.values((await backend.db.read()).users).find((user) => user.email === email)!;
      expect(letter.body).to.include(`Для подтверждения регистрации перейдите по ссылке:\n${letter.link}`);
      expect(letter.body).to.include(
        `Внимание! Ссылка действительна до ${ddmmyyyy(confirmUntil!)}. После истечения указанной даты Ваш Личный кабинет будет удален.`,
      );
      expect(Date.parse(letter.sentAt)).to.be.closeTo(backend.clock.now(), 5_000);
    });

    it('the new user can log in before confirming, and is told until when the cabinet is kept', async () => {
      const { email } = await registered();
      const response = await logIn(backend, { email, password: 'gazPskov7' });
      expect(response.status).to.equal(200);
      const { user } = v.parse(SessionResponseSchema, await response.json());
      expect(user.emailConfirmed).to.equal(false);
      expect(user.confirmUntil).to.be.a('string');
    });

    it('answers an address already registered exactly as a new one, changes nothing and writes to the holder', async () => {
      const before = await backend.db.read();
      // An address as long as the holder's, so even Content-Length matches.
      const fresh = await register(backend, { email: 'someone@example.ru' });
      const existing = await register(backend, { email: DEMO_USER.email.toUpperCase(), password: 'other123' });

      expect(existing.status).to.equal(fresh.status);
      expect([...existing.headers]).to.deep.equal([...fresh.headers]);
      const [a, b] = [await fresh.json(), await existing.json()];
      expect(Object.keys(b)).to.deep.equal(Object.keys(a));
      expect(b.email).to.equal(DEMO_USER.email.toUpperCase());
      expect(Math.abs(Date.parse(b.confirmUntil) - Date.parse(a.confirmUntil))).to.be.below(5_000);

      const after = await backend.db.read();
      expect(after.users[DEMO_USER.id]).to.deep.equal(before.users[DEMO_USER.id]);
      expect(Object.keys(after.users)).to.have.length(Object.keys(before.users).length + 1);
      expect((await logIn(backend)).status).to.equal(200);

      const letter = (await lastLetter(backend, DEMO_USER.email))!;
      expect(letter).to.include({ to: DEMO_USER.email, kind: 'already-registered' });
      expect(letter.body).to.include('уже зарегистрирован');
      expect(letter.link).to.equal(`${location.origin}${location.pathname}`);
      expect(Object.keys((await backend.db.read()).tokens)).to.have.length(1);
    });

    it('tells an unconfirmed holder how to get a new link and until when', async () => {
      await register(backend, { email: UNCONFIRMED_USER.email });
      const letter = (await lastLetter(backend, UNCONFIRMED_USER.email, 'already-registered'))!;
      expect(letter.body).to.include('«Выслать ссылку»');
      expect(letter.body).to.match(/Ссылка действительна до \d\d\.\d\d\.\d{4}\./);
    });

    it('answers 422 with a pointer and a code for each invalid field, in the form’s order', async () => {
      const response = await mockFetch(backend, 'register', {
        method: 'POST',
        body: { email: 'ivan@', password: 'абв', agreementVersion: '' },
      });
      expect(await problemOf(response)).to.deep.equal({
        status: 422,
        code: 'validation_failed',
        errors: [
          { pointer: '/email', code: 'email_format' },
          { pointer: '/password', code: 'password_cyrillic' },
          { pointer: '/agreementVersion', code: 'agreement_required' },
          { pointer: '/captcha', code: 'required' },
        ],
      });
    });

    it('refuses a request without the agreement version (agreement_required), missing, empty or null', async () => {
      for (const agreementVersion of [undefined, '', null]) {
        const response = await register(backend, { agreementVersion: agreementVersion as string });
        expect((await problemOf(response)).errors, String(agreementVersion)).to.deep.equal([
          { pointer: '/agreementVersion', code: 'agreement_required' },
        ]);
      }
    });

    it('refuses a common password that fits the policy', async () => {
      for (const password of ['qwerty1', 'Password1', '12345']) {
        const response = await register(backend, { password });
        expect((await problemOf(response)).errors, password).to.deep.equal([{ pointer: '/password', code: 'password_common' }]);
      }
    });

    it('takes the password exactly as typed: a too long one is refused, not cut', async () => {
      const response = await register(backend, { password: 'abcdefghijk' });
      expect((await problemOf(response)).errors).to.deep.equal([{ pointer: '/password', code: 'password_too_long' }]);
    });

    it('refuses a body that is not JSON, and a request without the CSRF header', async () => {
      expect((await mockFetch(backend, 'register', { method: 'POST', body: 'email=x' })).status).to.equal(400);
      const body = await registration(backend);
      expect((await mockFetch(backend, 'register', { method: 'POST', body, csrf: false })).status).to.equal(403);
    });
  });

  describe('link tokens', () => {
    it('are stored only as their SHA-256: the token exists nowhere but in the letter', async () => {
      const { token } = await registered();
      const { outbox, ...database } = await backend.db.read();
      expect(Object.keys(database.tokens)).to.deep.equal([await sha256(token)]);
      expect(database.tokens[await sha256(token)]).to.include({ kind: 'confirm', usedAt: null });
      expect(JSON.stringify(database)).not.to.include(token);
      expect(outbox.filter((letter) => letter.body.includes(token))).to.have.length(1);
    });
  });

  describe('POST auth/confirm', () => {
    it('confirms the address once; the link opened (a GET of the page) consumes nothing', async () => {
      const { email, letter, token } = await registered();
      expect((await fetch(letter.link!)).ok).to.equal(true);

      const response = await confirm(backend, token);
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal({ email });
      const user = Object.values((await backend.db.read()).users).find((each) => each.email === email)!;
      expect(user).to.include({ emailConfirmed: true, confirmUntil: null });

      // Opened again: the address is confirmed, which is no error to its holder.
      expect(await problemOf(await confirm(backend, token))).to.include({ status: 409, code: 'already_confirmed' });
    });

    it('answers 400 token_invalid to an unknown or malformed token, and to a reset token', async () => {
      const unknown = 'A'.repeat(43);
      for (const token of [unknown, 'short', 'has spaces in it and is long enough', '']) {
        expect(await problemOf(await confirm(backend, token)), token).to.include({ status: 400, code: 'token_invalid' });
      }
      expect(await problemOf(await mockFetch(backend, 'confirm', { method: 'POST', body: {} }))).to.include({
        status: 400,
        code: 'token_invalid',
      });
      await mockFetch(backend, 'recover', { method: 'POST', body: { email: DEMO_USER.email } });
      const reset = linkToken(await lastLetter(backend, DEMO_USER.email, 'reset'), 'reset');
      expect(await problemOf(await confirm(backend, reset))).to.include({ status: 400, code: 'token_invalid' });
    });

    it('answers 410 token_expired past the date, when the cabinet is gone', async () => {
      const { token } = await registered();
      await backend.clock.advance(7 * DAY);
      expect(await problemOf(await confirm(backend, token))).to.include({ status: 410, code: 'token_expired' });
    });
  });

  describe('expiry of an unconfirmed cabinet, on the mock clock', () => {
    it('deletes it with its sessions at the first request past the date; the address can register again', async () => {
      const { email } = await registered();
      await logIn(backend, { email, password: 'gazPskov7' });
      await backend.clock.advance(7 * DAY - MINUTE);
      expect(await sessionUserId(backend)).to.be.a('string');

      await backend.clock.advance(MINUTE);
      expect(await sessionUserId(backend)).to.equal(null);
      const state = await backend.db.read();
      expect(Object.values(state.users).map((user) => user.email)).not.to.include(email);
      expect(Object.keys(state.sessions)).to.have.length(0);
      expect(Object.values(state.tokens).every((token) => token.userId === null)).to.equal(true);
      expect((await logIn(backend, { email, password: 'gazPskov7' })).status).to.equal(401);

      const again = await register(backend, { email, password: 'newGaz2026' });
      expect(again.status).to.equal(202);
      expect((await lastLetter(backend, email))!.kind).to.equal('confirm');
      expect((await logIn(backend, { email, password: 'newGaz2026' })).status).to.equal(200);
    });

    it('keeps a confirmed cabinet', async () => {
      const { email, token } = await registered();
      await confirm(backend, token);
      await backend.clock.advance(30 * DAY);
      await mockFetch(backend, 'session');
      const emails = Object.values((await backend.db.read()).users).map((user) => user.email);
      expect(emails).to.have.members([DEMO_USER.email, email]);
    });

    it('deletes the seed’s unconfirmed user too', async () => {
      await backend.clock.advance(7 * DAY);
      await mockFetch(backend, 'session');
      expect((await backend.db.read()).users).not.to.have.property(UNCONFIRMED_USER.id);
    });
  });

  describe('POST auth/resend', () => {
    const resend = (body: object = {}) => mockFetch(backend, 'resend', { method: 'POST', body });

    it('for the session’s user: a new link until the cabinet’s date, and the older links stop working', async () => {
      const { email, token: first } = await registered();
      await logIn(backend, { email, password: 'gazPskov7' });
      const response = await resend();
      expect(response.status).to.equal(202);
      const { expiresAt } = v.parse(LinkSentResponseSchema, await response.json());
      const user = Object.values((await backend.db.read()).users).find((each) => each.email === email)!;
      expect(expiresAt).to.equal(user.confirmUntil);

      const letter = (await lastLetter(backend, email))!;
      expect(letter).to.include({ kind: 'confirm', subject: 'Новая ссылка для подтверждения регистрации' });
      const second = linkToken(letter, 'confirm');
      expect(second).not.to.equal(first);
      expect(await problemOf(await confirm(backend, first))).to.include({ status: 400, code: 'token_invalid' });
      expect((await confirm(backend, second)).status).to.equal(200);
    });

    it('without a session, for an address: the same answer for an unknown or confirmed address, with no letter', async () => {
      const known = await resend({ email: UNCONFIRMED_USER.email });
      const unknown = await resend({ email: 'nobody@example.ru' });
      const confirmed = await resend({ email: DEMO_USER.email });
      for (const response of [known, unknown, confirmed]) {
        expect(response.status).to.equal(202);
        expect([...response.headers]).to.deep.equal([...known.headers]);
        expect(Object.keys(v.parse(LinkSentResponseSchema, await response.json()))).to.deep.equal(['expiresAt']);
      }
      const letters = await backend.outbox.list();
      expect(letters.map((letter) => letter.to)).to.deep.equal([UNCONFIRMED_USER.email]);
    });

    it('names the same date for every address, and that date is the new link\'s and the cabinet\'s', async () => {
      const dates = [];
      for (const email of [UNCONFIRMED_USER.email, 'nobody@example.ru']) {
        dates.push(v.parse(LinkSentResponseSchema, await (await resend({ email })).json()).expiresAt);
      }
      expect(Math.abs(Date.parse(dates[0]!) - Date.parse(dates[1]!))).to.be.below(60_000);
      const state = await backend.db.read();
      const user = Object.values(state.users).find((record) => record.email === UNCONFIRMED_USER.email)!;
      expect(user.confirmUntil).to.equal(dates[0]);
    });

    it('asks for the address without a session, and checks it', async () => {
      expect((await problemOf(await resend())).errors).to.deep.equal([{ pointer: '/email', code: 'required' }]);
      expect((await problemOf(await resend({ email: 'x@' }))).errors).to.deep.equal([{ pointer: '/email', code: 'email_format' }]);
    });

    it('allows one a minute per address, with Retry-After, the same for an unknown address; the clock lifts it', async () => {
      for (const email of [UNCONFIRMED_USER.email, 'nobody@example.ru']) {
        expect((await resend({ email })).status).to.equal(202);
        const refused = await resend({ email: email.toUpperCase() });
        expect(refused.status).to.equal(429);
        const retryAfter = Number(refused.headers.get('Retry-After'));
        expect(retryAfter).to.be.within(55, 60);
        expect(await refused.json()).to.include({ code: 'too_many_requests', retryAfter });
      }
      expect((await backend.outbox.list()).length).to.equal(1);
      await backend.clock.advance(MINUTE);
      expect((await resend({ email: UNCONFIRMED_USER.email })).status).to.equal(202);
      expect((await backend.outbox.list()).length).to.equal(2);
    });

    it('allows five an hour per address', async () => {
      for (let i = 0; i < 5; i++) {
        expect((await resend({ email: UNCONFIRMED_USER.email })).status, `request ${i + 1}`).to.equal(202);
        await backend.clock.advance(MINUTE);
      }
      const refused = await resend({ email: UNCONFIRMED_USER.email });
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('Retry-After'))).to.be.within(55 * 60 - 5, 55 * 60);
      // Another address has its own count.
      expect((await resend({ email: 'nobody@example.ru' })).status).to.equal(202);
      await backend.clock.advance(55 * MINUTE);
      expect((await resend({ email: UNCONFIRMED_USER.email })).status).to.equal(202);
    });
  });

  describe('with options', () => {
    const custom = useMockBackend({
      apiBase: '/registration-options-api/',
      captchaDifficulty: 0,
      confirmDays: 1,
      passwordPolicy: 'strong',
      linkBase: 'https://gaz.example/lk/?tab=cabinet#top',
      linkRateLimit: { perMinute: 2 },
    });

    it('keeps the cabinet confirmDays, checks the chosen password policy and links to linkBase', async () => {
      expect((await problemOf(await register(custom, { password: 'gazPskov7' }))).errors).to.deep.equal([
        { pointer: '/password', code: 'password_too_short' },
      ]);
      const response = await register(custom, { email: 'ivan@example.ru', password: 'длинный пароль из слов' });
      expect(response.status).to.equal(202);
      const { confirmUntil } = await response.json();
      expect(Date.parse(confirmUntil) - custom.clock.now()).to.be.within(DAY - 5_000, DAY);
      const letter = await lastLetter(custom, 'ivan@example.ru');
      expect(letter!.link).to.equal(`https://gaz.example/lk/?tab=cabinet&lk-confirm=${linkToken(letter, 'confirm')}#top`);
    });

    it('applies linkRateLimit', async () => {
      const resend = () => mockFetch(custom, 'resend', { method: 'POST', body: { email: 'nobody@example.ru' } });
      expect((await resend()).status).to.equal(202);
      expect((await resend()).status).to.equal(202);
      expect((await resend()).status).to.equal(429);
    });
  });

  describe('faults and CSRF on the new endpoints', () => {
    const endpoints = ['register', 'confirm', 'resend', 'recover', 'reset', 'captcha'] as const satisfies readonly ApiEndpoint[];

    it('acts out a fault set for each of them', async () => {
      for (const endpoint of endpoints) {
        await backend.faults.set(endpoint, 'server-error');
        const response = await mockFetch(backend, endpoint, endpoint === 'captcha' ? {} : { method: 'POST', body: {} });
        expect(response.status, API_PATHS[endpoint]).to.equal(500);
        expect(await response.json()).to.include({ code: 'server_error' });
        await backend.faults.clear(endpoint);
      }
    });

    it('refuses their POSTs without the CSRF header', async () => {
      for (const endpoint of endpoints.filter((name) => name !== 'captcha')) {
        const response = await mockFetch(backend, endpoint, { method: 'POST', body: {}, csrf: false });
        expect((await problemOf(response)).code, endpoint).to.equal('forbidden');
      }
    });
  });
});

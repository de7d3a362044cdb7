import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { SessionResponseSchema } from '../../src/schemas/auth.js';
import { emailKey } from '../../src/schemas/email.js';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsSchema } from '../../src/schemas/problem.js';
import type { ProblemDetails } from '../../src/schemas/problem.js';
import { SESSION_COOKIE } from '../../mocks/sessions.js';
import { DEMO_USER, UNCONFIRMED_USER, jarCookies, logIn, mockFetch, passCaptcha, sessionUserId, useMockBackend } from './helpers.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('Content-Type')).to.equal(PROBLEM_CONTENT_TYPE);
  return v.parse(ProblemDetailsSchema, await response.json());
}

describe('mock backend: auth', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });
  const wrongPassword = { email: DEMO_USER.email, password: 'wrong1' };

  describe('POST auth/login', () => {
    it('logs in, sets an HttpOnly session cookie in msw\'s jar, and GET auth/session then knows the user', async () => {
      const response = await logIn(backend);
      expect(response.status).to.equal(200);
      const { user } = v.parse(SessionResponseSchema, await response.json());
      expect(user).to.deep.equal({
        id: DEMO_USER.id,
        email: DEMO_USER.email,
        emailConfirmed: true,
        confirmUntil: null,
      });
      expect(document.cookie).to.equal('');
      expect((await jarCookies(backend))[SESSION_COOKIE]).to.match(/^[A-Za-z0-9_-]{43}$/);

      const session = await mockFetch(backend, 'session');
      expect(session.status).to.equal(200);
      expect(v.parse(SessionResponseSchema, await session.json()).user.id).to.equal(DEMO_USER.id);
    });

    it('matches the e-mail without regard to case and surrounding spaces', async () => {
      const response = await logIn(backend, { email: '  ABONENT@Example.RU ', password: DEMO_USER.password });
      expect(response.status).to.equal(200);
    });

    it('lets an unconfirmed user in and says until when the cabinet is kept', async () => {
      const response = await logIn(backend, UNCONFIRMED_USER);
      const { user } = v.parse(SessionResponseSchema, await response.json());
      expect(user.emailConfirmed).to.equal(false);
      const keptFor = Date.parse(user.confirmUntil!) - backend.clock.now();
      expect(keptFor).to.be.within(7 * DAY - MINUTE, 7 * DAY);
    });

    it('answers a wrong password and an unknown e-mail byte for byte alike', async () => {
      const wrong = await logIn(backend, wrongPassword);
      const unknown = await logIn(backend, { email: 'nobody@example.ru', password: 'gaz2015' });
      expect(wrong.status).to.equal(401);
      expect([unknown.status, unknown.statusText]).to.deep.equal([wrong.status, wrong.statusText]);
      expect([...unknown.headers]).to.deep.equal([...wrong.headers]);
      const body = await wrong.text();
      expect(await unknown.text()).to.equal(body);
      expect(JSON.parse(body)).to.include({ code: 'invalid_credentials', status: 401 });
      expect((await jarCookies(backend))[SESSION_COOKIE]).to.equal(undefined);
    });

    it('answers 422 with a pointer and a code for each invalid field', async () => {
      const response = await mockFetch(backend, 'login', { method: 'POST', body: { email: 'abonent@', password: '' } });
      expect(response.status).to.equal(422);
      const problem = await problemOf(response);
      expect(problem).to.include({
        code: 'validation_failed',
        status: 422,
        type: 'https://lk-widgets.dev/problems/validation_failed',
      });
      expect(problem.errors).to.deep.equal([
        { pointer: '/email', code: 'email_format' },
        { pointer: '/password', code: 'password_required' },
      ]);
    });

    it('names a missing field and a value of the wrong type with generic codes', async () => {
      const response = await mockFetch(backend, 'login', { method: 'POST', body: { password: 5 } });
      expect((await problemOf(response)).errors).to.deep.equal([
        { pointer: '/email', code: 'required' },
        { pointer: '/password', code: 'type_invalid' },
      ]);
    });

    it('answers 400 to a body that is not JSON', async () => {
      const response = await mockFetch(backend, 'login', { method: 'POST', body: 'email=abonent@example.ru' });
      expect(response.status).to.equal(400);
      expect(await problemOf(response)).to.include({ code: 'validation_failed' });
    });

    it('refuses a state-changing request without the CSRF header', async () => {
      for (const endpoint of ['login', 'logout'] as const) {
        const body = { email: DEMO_USER.email, password: DEMO_USER.password };
        const response = await mockFetch(backend, endpoint, { method: 'POST', body, csrf: false });
        expect(response.status).to.equal(403);
        expect(await problemOf(response)).to.include({ code: 'forbidden' });
      }
      expect((await jarCookies(backend))[SESSION_COOKIE]).to.equal(undefined);
    });
  });

  describe('throttling, on the mock clock', () => {
    /** A failed login, each for another address: no address reaches its own limit (the anti-robot check). */
    let attempts = 0;
    const attempt = () => logIn(backend, { email: `nobody-${++attempts}@example.ru`, password: 'wrong1' });

    it('answers 429 with Retry-After after 20 attempts in 15 minutes, until the oldest leaves the window', async () => {
      await attempt();
      await backend.clock.advance(5 * MINUTE);
      for (let i = 1; i < 20; i++) expect((await attempt()).status).to.equal(401);

      const refused = await logIn(backend);
      expect(refused.status).to.equal(429);
      const retryAfter = Number(refused.headers.get('Retry-After'));
      expect(retryAfter).to.be.within(599, 600);
      expect(await problemOf(refused)).to.include({ code: 'too_many_requests', retryAfter });

      await backend.clock.advance(10 * MINUTE);
      expect((await logIn(backend)).status).to.equal(200);
    });

    it('lifts the limit once the mock clock has moved 15 minutes', async () => {
      for (let i = 0; i < 20; i++) await attempt();
      expect((await attempt()).status).to.equal(429);
      await backend.clock.advance(15 * MINUTE);
      expect((await attempt()).status).to.equal(401);
    });

    it('requires the anti-robot check after 5 failures for one e-mail in 15 minutes', async () => {
      const key = emailKey(DEMO_USER.email);
      for (let i = 0; i < 4; i++) await logIn(backend, { email: DEMO_USER.email.toUpperCase(), password: 'wrong1' });
      expect(await backend.db.captchaRequired(key)).to.equal(false);
      await logIn(backend, wrongPassword);
      expect(await backend.db.captchaRequired(key)).to.equal(true);
      expect(await backend.db.captchaRequired(emailKey(UNCONFIRMED_USER.email))).to.equal(false);
      await backend.clock.advance(15 * MINUTE);
      expect(await backend.db.captchaRequired(key)).to.equal(false);
    });

    it('forgets an address failures when it logs in', async () => {
      for (let i = 0; i < 5; i++) await logIn(backend, wrongPassword);
      expect((await logIn(backend, { ...DEMO_USER, captcha: await passCaptcha(backend) })).status).to.equal(200);
      expect(await backend.db.captchaRequired(emailKey(DEMO_USER.email))).to.equal(false);
    });
  });

  describe('sessions', () => {
    it('POST auth/logout ends the session on the backend and expires the cookie', async () => {
      await logIn(backend);
      const cookie = (await jarCookies(backend))[SESSION_COOKIE]!;
      const response = await mockFetch(backend, 'logout', { method: 'POST' });
      expect(response.status).to.equal(204);
      expect(await response.text()).to.equal('');
      expect(Object.keys((await backend.db.read()).sessions)).to.have.length(0);
      expect((await jarCookies(backend))[SESSION_COOKIE]).not.to.equal(cookie);

      expect(await sessionUserId(backend)).to.equal(null);
    });

    it('POST auth/logout without a session still answers 204', async () => {
      expect((await mockFetch(backend, 'logout', { method: 'POST' })).status).to.equal(204);
    });

    it('GET auth/session without a cookie answers 200 {"user": null}: no session is an answer, not an error', async () => {
      const response = await mockFetch(backend, 'session');
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal({ user: null });
      expect(response.headers.get('set-cookie')).to.equal(null);
    });

    it('GET auth/session with a cookie that no longer opens a session answers {"user": null} and clears the cookie', async () => {
      await logIn(backend);
      await backend.db.transact((state) => {
        state.sessions = {};
      });
      expect(await sessionUserId(backend)).to.equal(null);
      expect((await jarCookies(backend))[SESSION_COOKIE]).to.equal(undefined);
    });

    it('stores session ids only hashed', async () => {
      await logIn(backend);
      await logIn(backend, UNCONFIRMED_USER);
      const cookie = (await jarCookies(backend))[SESSION_COOKIE]!;
      const state = await backend.db.read();
      expect(Object.keys(state.sessions)).to.have.length(2);
      expect(JSON.stringify(state)).not.to.include(cookie);
    });

    it('ends a session after 30 days of mock time', async () => {
      await logIn(backend);
      await backend.clock.advance(30 * DAY - MINUTE);
      expect(await sessionUserId(backend)).to.be.a('string');
      await backend.clock.advance(MINUTE);
      expect(await sessionUserId(backend)).to.equal(null);
      expect(Object.keys((await backend.db.read()).sessions)).to.have.length(0);
    });
  });

  describe('with a throttle option', () => {
    const strict = useMockBackend({
      apiBase: '/strict-api/',
      captchaDifficulty: 4,
      throttle: { maxAttempts: 2, maxFailures: 1 },
    });

    it('uses its limits instead of the defaults', async () => {
      await logIn(strict, wrongPassword);
      expect(await strict.db.captchaRequired(emailKey(DEMO_USER.email))).to.equal(true);
      expect((await logIn(strict, { ...DEMO_USER, captcha: await passCaptcha(strict) })).status).to.equal(200);
      expect((await logIn(strict)).status).to.equal(429);
    });
  });

  it('answers any other path under the base with a 404 problem', async () => {
    const response = await fetch(new URL('no/such/thing', backend.apiBase));
    expect(response.status).to.equal(404);
    expect(await problemOf(response)).to.include({ code: 'not_found' });
  });
});

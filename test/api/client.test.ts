import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import * as v from 'valibot';
import { fetchCurrentUser, login, logout } from '../../src/api/auth.js';
import { createClient } from '../../src/api/client.js';
import type { Client, ClientOptions } from '../../src/api/client.js';
import {
  ApiError,
  NetworkError,
  RequestValidationError,
  ResponseShapeError,
  TimeoutError,
  isApiError,
  isLkError,
  isNetworkError,
  isRequestValidationError,
  isResponseShapeError,
  isTimeoutError,
} from '../../src/api/errors.js';
import { API_PATHS, CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/api/paths.js';
import type { ApiEndpoint } from '../../src/api/paths.js';
import { pageWorker } from '../../mocks/browser.js';
import { DEMO_USER, jarCookies, logIn, useMockBackend } from '../mocks/helpers.js';
import { leakedSecrets } from './reachable.js';

const CREDENTIALS = { email: DEMO_USER.email, password: DEMO_USER.password };
const WRONG_PASSWORD = { email: DEMO_USER.email, password: 'wrong123' };

const GUARDS = {
  isApiError,
  isNetworkError,
  isTimeoutError,
  isResponseShapeError,
  isRequestValidationError,
} as const;

/** Which of the specific guards say yes to `error`. */
const guardsOf = (error: unknown) =>
  Object.entries(GUARDS)
    .filter(([, guard]) => guard(error))
    .map(([name]) => name);

/** What `promise` rejects with; fails the test if it fulfils. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  let fulfilled = false;
  try {
    await promise;
    fulfilled = true;
  } catch (error) {
    return error;
  }
  if (fulfilled) expect.fail('expected the call to reject');
  return undefined;
}

/**
 * What `promise` rejects with, failing the test if it has not settled within
 * `ms`: a bound far below the waits a test gives the backend's answers.
 */
async function rejectionWithin(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the call had not settled after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([rejectionOf(promise), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('API client against the mock backend', () => {
  const backend = useMockBackend();

  /** A client of the mock backend that retries without waiting. */
  const makeClient = (options: ClientOptions = {}): Client =>
    createClient({ baseUrl: backend.apiBase, retryDelay: () => 0, ...options });

  const worker = () => {
    const current = pageWorker();
    if (!current) throw new Error('the mock backend is not being served');
    return current;
  };

  /** Stops watching requests after each test. */
  let stopWatching: Array<() => void> = [];
  afterEach(() => {
    for (const stop of stopWatching) stop();
    stopWatching = [];
  });

  /**
   * Records every request the page sends to the backend from now on (as
   * the Service Worker saw it), until the test ends.
   */
  function watchRequests() {
    const seen: Array<{ method: string; url: string }> = [];
    const waiting: Array<() => void> = [];
    const listener = ({ request }: { request: Request }) => {
      if (!request.url.startsWith(backend.apiBase)) return;
      seen.push({ method: request.method, url: request.url });
      for (const wake of waiting.splice(0)) wake();
    };
    worker().events.on('request:start', listener);
    stopWatching.push(() => worker().events.removeListener('request:start', listener));
    return {
      to: (endpoint: ApiEndpoint) => seen.filter(({ url }) => url === backend.url(endpoint)),
      get all() {
        return seen;
      },
      /** Settles once the backend has seen a request. */
      next: () => new Promise<void>((resolve) => waiting.push(resolve)),
    };
  }

  /** A one-off endpoint under the backend's base that answers with the headers it got. */
  let echoes = 0;
  function echoHeadersEndpoint(method: 'get' | 'post' | 'put' | 'patch' | 'delete' = 'get'): string {
    const path = `test-echo-headers-${++echoes}`;
    worker().use(
      http[method](new URL(path, backend.apiBase).href, ({ request }) => HttpResponse.json(Object.fromEntries(request.headers)), {
        once: true,
      }),
    );
    return path;
  }
  const HeadersSchema = v.record(v.string(), v.string());

  /**
   * A one-off GET endpoint under the backend's base whose answers `answer`
   * makes, given the number of the request (1, 2, …); `calls` counts them.
   */
  let answering = 0;
  function endpointAnswering(answer: (call: number, request: Request) => Response | Promise<Response>) {
    const path = `test-answering-${++answering}`;
    const counted = { calls: 0 };
    worker().use(http.get(new URL(path, backend.apiBase).href, ({ request }) => answer(++counted.calls, request)));
    return Object.assign(counted, { path });
  }
  /** A 503 asking to come back after `retryAfter` (the header's text). */
  const unavailable = (retryAfter?: string) =>
    new HttpResponse(null, { status: 503, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } });

  describe('sessions', () => {
    it('login returns the user', async () => {
      const { user } = await login(makeClient(), CREDENTIALS);
      expect(user).to.deep.equal({ id: DEMO_USER.id, email: DEMO_USER.email, emailConfirmed: true, confirmUntil: null });
    });

    it('after login, fetchCurrentUser returns the user through the session cookie', async () => {
      const client = makeClient();
      const { user } = await login(client, CREDENTIALS);
      expect(await fetchCurrentUser(client)).to.deep.equal(user);
    });

    it('fetchCurrentUser without a session returns null', async () => {
      expect(await fetchCurrentUser(makeClient())).to.equal(null);
    });

    it('logout ends the session on the backend', async () => {
      const client = makeClient();
      await login(client, CREDENTIALS);
      expect(Object.keys((await backend.db.read()).sessions)).to.have.length(1);
      await logout(client);
      expect(Object.keys((await backend.db.read()).sessions)).to.have.length(0);
      expect(await fetchCurrentUser(client)).to.equal(null);
    });
  });

  describe('error answers', () => {
    it('a wrong password rejects with ApiError 401 invalid_credentials', async () => {
      const error = await rejectionOf(login(makeClient(), WRONG_PASSWORD));
      expect(error).to.be.instanceOf(ApiError);
      expect(error).to.include({ status: 401, code: 'invalid_credentials', method: 'POST', url: backend.url('login') });
      expect(isApiError(error)).to.equal(true);
      expect(isLkError(error)).to.equal(true);
      expect(guardsOf(error)).to.deep.equal(['isApiError']);
    });

    it('an unknown e-mail rejects exactly as a wrong password does', async () => {
      const unknown = (await rejectionOf(login(makeClient(), { email: 'nobody@example.ru', password: 'wrong123' }))) as ApiError;
      const wrong = (await rejectionOf(login(makeClient(), WRONG_PASSWORD))) as ApiError;
      expect(unknown.status).to.equal(wrong.status);
      expect(unknown.problem).to.deep.equal(wrong.problem);
    });

    it('a body the backend refuses rejects with ApiError 422 and field errors', async () => {
      const error = (await rejectionOf(
        makeClient().request({ method: 'POST', path: API_PATHS.login, body: { email: 'bad', password: 'x' } }),
      )) as ApiError;
      expect(isApiError(error)).to.equal(true);
      expect(error.status).to.equal(422);
      expect(error.code).to.equal('validation_failed');
      expect(error.fieldErrors).to.deep.equal({ email: ['email_format'] });
    });

    it('after 20 attempts, login rejects with 429 and retryAfter in seconds', async () => {
      // Twenty addresses: five failures for one address would ask for the anti-robot check first.
      for (let i = 0; i < 20; i++) {
        expect((await logIn(backend, { email: `nobody${i}@example.ru`, password: 'wrong1' })).status).to.equal(401);
      }
      const error = (await rejectionOf(login(makeClient(), CREDENTIALS))) as ApiError;
      expect(isApiError(error)).to.equal(true);
      expect(error.status).to.equal(429);
      expect(error.code).to.equal('too_many_requests');
      expect(error.retryAfter).to.be.a('number');
      expect(Number.isInteger(error.retryAfter)).to.equal(true);
      expect(error.retryAfter).to.be.within(1, 15 * 60);
    });

    it('a server error rejects with ApiError 500', async () => {
      await backend.faults.set('login', 'server-error');
      const error = (await rejectionOf(login(makeClient(), CREDENTIALS))) as ApiError;
      expect(guardsOf(error)).to.deep.equal(['isApiError']);
      expect(error.status).to.equal(500);
      expect(error.code).to.equal('server_error');
    });
  });

  describe('failures without an answer', () => {
    it('a backend that never answers rejects with TimeoutError after the client timeout', async () => {
      await backend.faults.set('session', 'timeout');
      const error = (await rejectionOf(fetchCurrentUser(makeClient({ timeout: 200, retries: 0 })))) as TimeoutError;
      expect(error).to.be.instanceOf(TimeoutError);
      expect(guardsOf(error)).to.deep.equal(['isTimeoutError']);
      expect(error.timeout).to.equal(200);
      expect(error.url).to.equal(backend.url('session'));
    });

    it('a dropped connection rejects with NetworkError', async () => {
      await backend.faults.set('login', 'network-error');
      const error = await rejectionOf(login(makeClient(), CREDENTIALS));
      expect(error).to.be.instanceOf(NetworkError);
      expect(guardsOf(error)).to.deep.equal(['isNetworkError']);
      // fetch's TypeError is not kept: see 'errors carry nothing secret'.
      expect(error).not.to.have.property('cause');
    });

    it('a GET that keeps losing its connection ends in NetworkError after its retries', async () => {
      await backend.faults.set('session', 'network-error');
      const requests = watchRequests();
      const error = await rejectionOf(fetchCurrentUser(makeClient({ retries: 2 })));
      expect(isNetworkError(error)).to.equal(true);
      expect(requests.to('session')).to.have.length(3);
    });
  });

  describe('answers of the wrong shape', () => {
    it('a body that is not JSON rejects with ResponseShapeError malformed', async () => {
      await backend.faults.set('session', 'malformed');
      const error = await rejectionOf(fetchCurrentUser(makeClient()));
      expect(error).to.be.instanceOf(ResponseShapeError);
      expect(guardsOf(error)).to.deep.equal(['isResponseShapeError']);
      expect((error as ResponseShapeError).reason).to.equal('malformed');
    });

    it('JSON that does not match the schema rejects with ResponseShapeError shape', async () => {
      await backend.faults.set('login', 'wrong-shape');
      const error = (await rejectionOf(login(makeClient(), CREDENTIALS))) as ResponseShapeError;
      expect(guardsOf(error)).to.deep.equal(['isResponseShapeError']);
      expect(error.reason).to.equal('shape');
      expect(error.issues).not.to.be.empty;
    });
  });

  describe('request validation', () => {
    it('a body that fails LoginRequestSchema rejects with RequestValidationError', async () => {
      const error = await rejectionOf(login(makeClient(), { email: 'bad', password: '' }));
      expect(error).to.be.instanceOf(RequestValidationError);
      expect(guardsOf(error)).to.deep.equal(['isRequestValidationError']);
      expect((error as RequestValidationError).fieldErrors).to.deep.equal({
        email: ['email_format'],
        password: ['password_required'],
      });
    });

    it('a body that fails its schema is never sent', async () => {
      const requests = watchRequests();
      await rejectionOf(login(makeClient(), { email: 'user@yandеx.ru', password: 'gaz2015' }));
      // A request sent afterwards is seen, so the watch works and nothing came before it.
      await fetchCurrentUser(makeClient());
      expect(requests.all.map(({ url }) => url)).to.deep.equal([backend.url('session')]);
      expect((await backend.db.read()).throttle.loginAttempts).to.have.length(0);
    });
  });

  describe('aborting', () => {
    it('an already aborted signal rejects with an AbortError that is not an LkError', async () => {
      const error = await rejectionOf(login(makeClient(), CREDENTIALS, { signal: AbortSignal.abort() }));
      expect((error as Error).name).to.equal('AbortError');
      expect(isLkError(error)).to.equal(false);
      expect(guardsOf(error)).to.deep.equal([]);
    });

    it('aborting a request in flight rejects with an AbortError that is not an LkError', async () => {
      await backend.faults.set('session', 'timeout');
      const requests = watchRequests();
      const controller = new AbortController();
      const pending = rejectionOf(fetchCurrentUser(makeClient(), { signal: controller.signal }));
      await requests.next();
      controller.abort();
      const error = await pending;
      expect((error as Error).name).to.equal('AbortError');
      expect(isLkError(error)).to.equal(false);
    });

    it('rejects with the reason the signal was aborted with', async () => {
      const reason = new Error('the user left the page');
      const error = await rejectionOf(fetchCurrentUser(makeClient(), { signal: AbortSignal.abort(reason) }));
      expect(error).to.equal(reason);
    });
  });

  describe('headers', () => {
    it('getToken adds Authorization: Bearer', async () => {
      const client = makeClient({ getToken: () => 'token-123' });
      const headers = await client.request({ method: 'GET', path: echoHeadersEndpoint(), responseSchema: HeadersSchema });
      expect(headers['authorization']).to.equal('Bearer token-123');
    });

    it('getToken may answer asynchronously', async () => {
      const client = makeClient({ getToken: async () => 'token-456' });
      const headers = await client.request({ method: 'POST', path: echoHeadersEndpoint('post'), responseSchema: HeadersSchema });
      expect(headers['authorization']).to.equal('Bearer token-456');
    });

    it('no Authorization header is sent when getToken has no token', async () => {
      const client = makeClient({ getToken: () => null });
      const headers = await client.request({ method: 'GET', path: echoHeadersEndpoint(), responseSchema: HeadersSchema });
      expect(headers).not.to.have.property('authorization');
    });

    it('no Authorization header is sent without getToken', async () => {
      const headers = await makeClient().request({ method: 'GET', path: echoHeadersEndpoint(), responseSchema: HeadersSchema });
      expect(headers).not.to.have.property('authorization');
    });

    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      it(`a ${method} request carries the CSRF header`, async () => {
        const path = echoHeadersEndpoint(method.toLowerCase() as Lowercase<typeof method>);
        const headers = await makeClient().request({
          method,
          path,
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
          responseSchema: HeadersSchema,
        });
        expect(headers[CSRF_HEADER.toLowerCase()]).to.equal(CSRF_HEADER_VALUE);
      });
    }

    it('logout passes the backend CSRF check', async () => {
      const client = makeClient();
      await login(client, CREDENTIALS);
      await logout(client);
      expect(await fetchCurrentUser(client)).to.equal(null);
    });
  });

  describe('retries', () => {
    it('a GET is retried after a server error', async () => {
      await backend.faults.set('session', 'server-error');
      const requests = watchRequests();
      const error = (await rejectionOf(fetchCurrentUser(makeClient({ retries: 2 })))) as ApiError;
      expect(error.status).to.equal(500);
      expect(requests.to('session')).to.have.length(3);
    });

    it('a GET that fails once succeeds on its retry', async () => {
      const client = makeClient();
      await login(client, CREDENTIALS);
      worker().use(http.get(backend.url('session'), () => new HttpResponse(null, { status: 503 }), { once: true }));
      const requests = watchRequests();
      expect(await fetchCurrentUser(client)).to.include({ id: DEMO_USER.id });
      expect(requests.to('session')).to.have.length(2);
    });

    it('a POST is not retried after a server error', async () => {
      await backend.faults.set('login', 'server-error');
      const requests = watchRequests();
      const error = (await rejectionOf(login(makeClient({ retries: 2 }), CREDENTIALS))) as ApiError;
      expect(error.status).to.equal(500);
      expect(requests.to('login')).to.have.length(1);
    });

    it('retries: 0 sends a GET once', async () => {
      await backend.faults.set('session', 'server-error');
      const requests = watchRequests();
      await rejectionOf(fetchCurrentUser(makeClient({ retries: 0 })));
      expect(requests.to('session')).to.have.length(1);
    });
  });

  describe('bounded waits', () => {
    it('a GET told to come back in an hour is not retried: it fails at once, with the wait', async () => {
      const endpoint = endpointAnswering(() => unavailable('3600'));
      const error = (await rejectionWithin(makeClient().request({ method: 'GET', path: endpoint.path }), 5_000)) as ApiError;
      expect(guardsOf(error)).to.deep.equal(['isApiError']);
      expect(error.status).to.equal(503);
      expect(error.retryAfter).to.equal(3600);
      expect(endpoint.calls).to.equal(1);
    });

    it('a Retry-After given as a date an hour ahead is not waited for either', async () => {
      const endpoint = endpointAnswering(() => unavailable(new Date(Date.now() + 3_600_000).toUTCString()));
      const error = (await rejectionWithin(makeClient().request({ method: 'GET', path: endpoint.path }), 5_000)) as ApiError;
      expect(error.status).to.equal(503);
      expect(error.retryAfter).to.be.within(3590, 3600);
      expect(endpoint.calls).to.equal(1);
    });

    it('a wait longer than maxRetryAfter is not made', async () => {
      const endpoint = endpointAnswering(() => unavailable('1'));
      const client = makeClient({ maxRetryAfter: 500 });
      const error = (await rejectionOf(client.request({ method: 'GET', path: endpoint.path }))) as ApiError;
      expect(error.status).to.equal(503);
      expect(error.retryAfter).to.equal(1);
      expect(endpoint.calls).to.equal(1);
    });

    it('a wait within maxRetryAfter is made, and the retry gets the answer', async () => {
      const endpoint = endpointAnswering((call) => (call === 1 ? unavailable('1') : HttpResponse.json({ ok: true })));
      const answer = await makeClient({ maxRetryAfter: 2_000 }).request({
        method: 'GET',
        path: endpoint.path,
        responseSchema: v.object({ ok: v.boolean() }),
      });
      expect(answer).to.deep.equal({ ok: true });
      expect(endpoint.calls).to.equal(2);
    });

    it('a wait that would end past the deadline is not made: the call fails at once with the answer', async () => {
      const endpoint = endpointAnswering(() => unavailable('5'));
      const client = makeClient({ maxRetryAfter: 10_000, deadline: 2_000 });
      const error = (await rejectionWithin(client.request({ method: 'GET', path: endpoint.path }), 4_000)) as ApiError;
      expect(guardsOf(error)).to.deep.equal(['isApiError']);
      expect(error.retryAfter).to.equal(5);
      expect(endpoint.calls).to.equal(1);
    });

    it('retries that outlive the deadline end in a TimeoutError, not an AbortError', async () => {
      const endpoint = endpointAnswering(() => unavailable());
      const client = makeClient({ retries: 10, retryDelay: () => 300, deadline: 700 });
      const error = (await rejectionWithin(client.request({ method: 'GET', path: endpoint.path }), 5_000)) as TimeoutError;
      expect(error).to.be.instanceOf(TimeoutError);
      expect(guardsOf(error)).to.deep.equal(['isTimeoutError']);
      expect(error.timeout).to.equal(700);
      expect(error.url).to.equal(new URL(endpoint.path, backend.apiBase).href);
      expect(endpoint.calls).to.be.within(1, 4);
    });

    it('the deadline ends an attempt that would wait longer than it', async () => {
      await backend.faults.set('session', 'timeout');
      const error = (await rejectionWithin(fetchCurrentUser(makeClient({ timeout: 10_000, deadline: 300 })), 5_000)) as TimeoutError;
      expect(guardsOf(error)).to.deep.equal(['isTimeoutError']);
      expect(error.timeout).to.equal(300);
    });

    it('the deadline ends an answer whose body never ends', async () => {
      const endless = new AbortController();
      stopWatching.push(() => endless.abort());
      const endpoint = endpointAnswering(() => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"ok": '));
            endless.signal.addEventListener('abort', () => controller.close());
          },
        });
        return new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } });
      });
      const client = makeClient({ deadline: 500 });
      const error = await rejectionWithin(client.request({ method: 'GET', path: endpoint.path, responseSchema: v.unknown() }), 5_000);
      expect(guardsOf(error)).to.deep.equal(['isTimeoutError']);
    });

    it('the deadline ends a call whose getToken never answers', async () => {
      const client = makeClient({ getToken: () => new Promise<string>(() => {}), deadline: 300 });
      const error = await rejectionWithin(fetchCurrentUser(client), 5_000);
      expect(guardsOf(error)).to.deep.equal(['isTimeoutError']);
    });

    it("a caller's abort during a wait for a retry rejects with the caller's reason", async () => {
      const endpoint = endpointAnswering(() => unavailable('5'));
      const requests = watchRequests();
      const controller = new AbortController();
      const pending = rejectionWithin(makeClient().request({ method: 'GET', path: endpoint.path, signal: controller.signal }), 4_000);
      await requests.next();
      const reason = new Error('the user left the page');
      controller.abort(reason);
      expect(await pending).to.equal(reason);
      expect(endpoint.calls).to.equal(1);
    });
  });

  describe('errors carry nothing secret', () => {
    const SECRET = 'bearer-secret-7f3a9c';
    /** A client that sends SECRET as its bearer token and does not retry. */
    const secretClient = (options: ClientOptions = {}) => makeClient({ getToken: () => SECRET, retries: 0, ...options });

    /** The secrets a listener handed `error` could read: the token, the session cookie. */
    async function secretsIn(error: unknown): Promise<string[]> {
      const cookies = Object.values(await jarCookies(backend));
      return leakedSecrets(error, [SECRET, ...cookies]);
    }

    it('a TimeoutError keeps no cause (ky\'s error holds the request and its Authorization)', async () => {
      await login(makeClient(), CREDENTIALS);
      await backend.faults.set('session', 'timeout');
      const error = await rejectionOf(fetchCurrentUser(secretClient({ timeout: 200 })));
      expect(guardsOf(error)).to.deep.equal(['isTimeoutError']);
      expect(error).not.to.have.property('cause');
      expect(await secretsIn(error)).to.deep.equal([]);
    });

    it('a NetworkError keeps no cause', async () => {
      await backend.faults.set('session', 'network-error');
      const error = await rejectionOf(fetchCurrentUser(secretClient()));
      expect(guardsOf(error)).to.deep.equal(['isNetworkError']);
      expect(error).not.to.have.property('cause');
      expect(await secretsIn(error)).to.deep.equal([]);
    });

    it('a malformed answer keeps no cause', async () => {
      await backend.faults.set('session', 'malformed');
      const error = await rejectionOf(fetchCurrentUser(secretClient()));
      expect(guardsOf(error)).to.deep.equal(['isResponseShapeError']);
      expect(error).not.to.have.property('cause');
    });

    it('an answer of the wrong shape keeps where and what was expected, not the values', async () => {
      const endpoint = endpointAnswering(() => HttpResponse.json({ user: { id: `id-${SECRET}`, email: 987654321, note: SECRET } }));
      const error = (await rejectionOf(
        secretClient().request({
          method: 'GET',
          path: endpoint.path,
          responseSchema: v.object({ user: v.object({ id: v.number(), email: v.picklist(['a@example.ru']) }) }),
        }),
      )) as ResponseShapeError;
      expect(guardsOf(error)).to.deep.equal(['isResponseShapeError']);
      expect(error.issues.map(({ path, message }) => ({ path, message }))).to.deep.equal([
        { path: ['user', 'id'], message: 'Invalid type: Expected number' },
        { path: ['user', 'email'], message: 'Invalid type: Expected "a@example.ru"' },
      ]);
      expect(error.issues[0]).not.to.have.property('input');
      expect(await leakedSecrets(error, [SECRET, '987654321'])).to.deep.equal([]);
    });

    it('an ApiError keeps only the problem members the SDK reads', async () => {
      const endpoint = endpointAnswering(() =>
        HttpResponse.json(
          {
            type: `https://errors.example/${SECRET}`,
            title: 'Invalid request',
            status: 422,
            code: 'validation_failed',
            detail: `The value ${SECRET} is not valid`,
            instance: `/log/${SECRET}`,
            errors: [{ pointer: '/email', code: 'email_format', detail: `${SECRET} is not an address` }],
            echo: { authorization: `Bearer ${SECRET}` },
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      );
      const error = (await rejectionOf(secretClient().request({ method: 'GET', path: endpoint.path }))) as ApiError;
      expect(error.problem).to.deep.equal({
        code: 'validation_failed',
        title: 'Invalid request',
        status: 422,
        errors: [{ pointer: '/email', code: 'email_format' }],
      });
      expect(error.code).to.equal('validation_failed');
      expect(error.fieldErrors).to.deep.equal({ email: ['email_format'] });
      expect(await secretsIn(error)).to.deep.equal([]);
    });

    it('an error names the method, the path and the URL without its query', async () => {
      const endpoint = endpointAnswering(() => unavailable());
      const error = (await rejectionOf(
        secretClient().request({ method: 'GET', path: `${endpoint.path}?token=${SECRET}#${SECRET}` }),
      )) as ApiError;
      expect(error).to.include({
        method: 'GET',
        path: endpoint.path,
        url: new URL(endpoint.path, backend.apiBase).href,
        status: 503,
      });
      expect(error.message).to.equal(`GET ${new URL(endpoint.path, backend.apiBase).href} answered 503`);
      expect(await secretsIn(error)).to.deep.equal([]);
    });

    it('a RequestValidationError keeps the field codes, not the values (a password)', async () => {
      const error = (await rejectionOf(login(secretClient(), { email: `${SECRET}@`, password: SECRET }))) as RequestValidationError;
      expect(error.fieldErrors).to.deep.equal({ email: ['email_format'] });
      expect(await secretsIn(error)).to.deep.equal([]);
    });
  });
});

describe('error guards', () => {
  const BRAND = Symbol.for('lk-widgets.error');
  const request = { method: 'GET', url: 'https://lk.example.ru/api/auth/session' };

  it('recognise the errors this copy makes', () => {
    expect(isApiError(new ApiError(request, 500, undefined, undefined))).to.equal(true);
    expect(isNetworkError(new NetworkError(request))).to.equal(true);
    expect(isTimeoutError(new TimeoutError(request, 200))).to.equal(true);
    expect(isResponseShapeError(new ResponseShapeError(request, 'malformed'))).to.equal(true);
    expect(isRequestValidationError(new RequestValidationError(request, []))).to.equal(true);
  });

  it('tell the kinds apart', () => {
    const error = new TimeoutError(request, 200);
    expect(guardsOf(error)).to.deep.equal(['isTimeoutError']);
    expect(isLkError(error)).to.equal(true);
  });

  it('recognise an error of another copy of the SDK by its brand', () => {
    const foreign = { name: 'ApiError', status: 500, [BRAND]: 'api' };
    expect(isApiError(foreign)).to.equal(true);
    expect(isLkError(foreign)).to.equal(true);
    expect(guardsOf(foreign)).to.deep.equal(['isApiError']);
  });

  it('recognise an error class of another copy whose brand is a getter', () => {
    class OtherCopyTimeout extends Error {
      get [BRAND]() {
        return 'timeout';
      }
    }
    expect(guardsOf(new OtherCopyTimeout())).to.deep.equal(['isTimeoutError']);
  });

  it('say no to objects without the brand, even if they look alike', () => {
    for (const value of [{}, { name: 'ApiError', status: 500, kind: 'api' }, new Error('boom'), new TypeError('x')]) {
      expect(isLkError(value)).to.equal(false);
      expect(guardsOf(value)).to.deep.equal([]);
    }
  });

  it('say no to values that are not objects', () => {
    for (const value of [null, undefined, 'api', 500, true]) {
      expect(isLkError(value)).to.equal(false);
      expect(guardsOf(value)).to.deep.equal([]);
    }
  });

  it('map field pointers to field names', () => {
    const error = new ApiError(request, 422, {
      type: 'about:blank',
      errors: [
        { pointer: '/email', code: 'email_format' },
        { pointer: '/email', code: 'email_taken' },
        { pointer: '/readings/0/value', code: 'reading_low' },
        { pointer: '/a~1b~0c', code: 'odd' },
      ],
    }, undefined);
    expect(error.fieldErrors).to.deep.equal({
      email: ['email_format', 'email_taken'],
      'readings.0.value': ['reading_low'],
      'a/b~c': ['odd'],
    });
  });
});

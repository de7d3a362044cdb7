// For each check family, a backend broken in that one behaviour (a fetch
// wrapper around the mock) makes the family fail, with a report that names
// the endpoint, what was expected and what came, and shows no secret.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { BASE_URL, broken, checksById, loadModules, mailboxFetch, mockFixtures, readOpenApiDocument, rebuilt, rejsoned, startMock } from '../conformance/helpers.mjs';

let modules;
let server;
let fixtures;
let openapi;

before(async () => {
  modules = await loadModules();
  server = await startMock(modules.mock);
  fixtures = await mockFixtures();
  openapi = await readOpenApiDocument();
});

after(async () => {
  await server?.stop();
});

// The login throttle counts per client, and this whole process is one: each run starts with a fresh window.
beforeEach(() => server.clock.advance(16 * 60_000));

/** Runs `only` against the mock broken by `breakage`; returns the report, its checks by id and its text. */
async function runBroken(only, breakage) {
  const report = await modules.conformance.runConformance({ baseUrl: BASE_URL, fixtures, openapi, fetch: broken(mailboxFetch(server), breakage), only });
  const text = modules.conformance.formatReport(report);
  assert.ok(!text.includes(fixtures.user.password), `the report shows the password:\n${text}`);
  assert.ok(!JSON.stringify(report).includes(fixtures.user.password), 'the JSON report shows the password');
  assert.doesNotMatch(text, /lk_session=[A-Za-z0-9_-]{8,}/u, 'the report shows a session cookie');
  return { report, checks: checksById(report), text };
}

/** The family failed, and `check` with it, its first finding matching `message`. */
function assertFailed({ report, checks, text }, family, check, message) {
  assert.equal(report.families.find((candidate) => candidate.id === family)?.outcome, 'failed', text);
  assert.equal(checks[check].outcome, 'failed', text);
  assert.ok(checks[check].findings.some((finding) => message.test(finding.message)), `no finding ${message} in:\n${text}`);
  assert.match(text, new RegExp(`FAILED\\s+${family}: `, 'u'));
  return checks[check].findings.find((finding) => message.test(finding.message));
}

test('credentials: an unknown e-mail answered unlike a wrong password', async () => {
  const result = await runBroken(['credentials'], {
    response: async ({ path, body }, response) =>
      path === 'auth/login' && response.status === 401 && !String(body).includes(fixtures.user.email)
        ? rejsoned(response, (json) => ({ ...json, detail: 'No user has this address' }))
        : response,
  });
  const finding = assertFailed(result, 'credentials', 'credentials.identical-failures', /body tells an unknown e-mail/);
  assert.match(finding.exchange.endpoint, /^POST http:\/\/conformance\.test\/api\/auth\/login$/);
  assert.match(finding.got, /No user has this address/);
  assert.match(finding.exchange.sent.body, /"password":"<redacted>"/);
});

test('problems: error answers as text/html', async () => {
  const result = await runBroken(['problems'], {
    response: async (_facts, response) =>
      response.status >= 400 ? rebuilt(response, { edit: (headers) => headers.set('Content-Type', 'text/html'), body: '<h1>Error</h1>' }) : response,
  });
  const finding = assertFailed(result, 'problems', 'problems.unauthenticated', /Content-Type is "text\/html", not application\/problem\+json/);
  assert.equal(finding.exchange.got.status, 401);
  assert.equal(finding.exchange.got.body, '<h1>Error</h1>');
  assertFailed(result, 'problems', 'problems.every-error', /the body is not a JSON object \(in check problems\.field-errors\)/);
});

test('problems: a status member unlike the HTTP status and an undocumented code', async () => {
  const result = await runBroken(['problems'], {
    response: async (_facts, response) => (response.status === 401 ? rejsoned(response, (json) => ({ ...json, status: 400, code: 'NotLoggedIn' })) : response),
  });
  assertFailed(result, 'problems', 'problems.unauthenticated', /"status" is 400, not the HTTP status 401/);
  assertFailed(result, 'problems', 'problems.unauthenticated', /"code" "NotLoggedIn" is not one of the documented codes/);
});

test('csrf: a backend that does not ask for X-Requested-With', async () => {
  const result = await runBroken(['csrf'], {
    // As if the header were not required: every request gets it on the way.
    request: ({ headers }) => {
      headers.set('X-Requested-With', 'lk-widgets');
      return { headers };
    },
  });
  const finding = assertFailed(result, 'csrf', 'csrf.login', /A login without X-Requested-With was not refused/);
  assert.match(finding.got, /status 200/);
  assertFailed(result, 'csrf', 'csrf.login', /set cookies/);
  assertFailed(result, 'csrf', 'csrf.logout', /ended the session/);
  assert.equal(result.checks['csrf.recover'].outcome, 'failed');
});

test('session-cookie: the session cookie without HttpOnly', async () => {
  const result = await runBroken(['session-cookie'], {
    response: async (_facts, response) =>
      response.headers.getSetCookie().length > 0
        ? rebuilt(response, {
            edit: (headers) => {
              const cookies = headers.getSetCookie();
              headers.delete('set-cookie');
              for (const cookie of cookies) headers.append('set-cookie', cookie.replace(/;\s*HttpOnly/iu, ''));
            },
          })
        : response,
  });
  const finding = assertFailed(result, 'session-cookie', 'session-cookie.flags', /Cookie "lk_session": not HttpOnly/);
  assert.match(finding.exchange.got.headers['set-cookie'], /^lk_session=<redacted>; Path=\/api\/; SameSite=Lax$/);
  assert.equal(result.checks['session-cookie.logout'].outcome, 'passed');
});

test('session-cookie: logout that forgets to end the session on the backend', async () => {
  const result = await runBroken(['session-cookie'], {
    // The cookie is cleared, but the request never reaches the backend's logout.
    request: ({ path, headers }) => (path === 'auth/logout' ? (headers.delete('cookie'), { headers }) : {}),
  });
  assertFailed(result, 'session-cookie', 'session-cookie.logout', /still works with the old cookie after logout/);
});

test('rate-limit: 429 without Retry-After', async () => {
  const result = await runBroken(['rate-limit'], {
    response: async (_facts, response) => (response.status === 429 ? rebuilt(response, { edit: (headers) => headers.delete('retry-after') }) : response),
  });
  const finding = assertFailed(result, 'rate-limit', 'rate-limit.retry-after', /429 without a usable Retry-After/);
  assert.equal(finding.got, 'no Retry-After');
  assert.match(finding.exchange.endpoint, /auth\/recover$/);
});

test('idempotency: a backend that forgets the Idempotency-Key', async () => {
  const result = await runBroken(['idempotency'], {
    request: ({ headers }) => {
      if (headers.has('idempotency-key')) headers.set('idempotency-key', randomBytes(24).toString('base64url'));
      return { headers };
    },
  });
  assertFailed(result, 'idempotency', 'idempotency.replay', /The replay does not say it is one/);
  assertFailed(result, 'idempotency', 'idempotency.replay', /replayed answer differs/);
  const reused = assertFailed(result, 'idempotency', 'idempotency.replay', /same key with another body was not refused/);
  assert.match(reused.got, /status 201.*another payment was made/);
  assert.equal(reused.exchange.sent.headers['idempotency-key'], '<redacted>');
  assertFailed(result, 'idempotency', 'idempotency.replay', /does not hold exactly the one payment made/);
});

test('idempotency: a payment without a key accepted', async () => {
  const result = await runBroken(['idempotency.key-required'], {
    request: ({ path, method, headers }) => {
      if (method === 'POST' && path.endsWith('/payments') && !headers.has('idempotency-key')) headers.set('idempotency-key', randomBytes(24).toString('base64url'));
      return { headers };
    },
  });
  assertFailed(result, 'idempotency', 'idempotency.key-required', /without an Idempotency-Key was not refused/);
  assertFailed(result, 'idempotency', 'idempotency.key-required', /without an Idempotency-Key was made/);
});

test('readings: a refusal of a reading below the last one without its field error', async () => {
  const result = await runBroken(['readings'], {
    response: async ({ method, path }, response) =>
      method === 'POST' && path.endsWith('/readings') && response.status === 422 ? rejsoned(response, ({ errors: _errors, ...rest }) => rest) : response,
  });
  const finding = assertFailed(result, 'readings', 'readings.below-last', /No field error "reading_below_last"/);
  assert.equal(finding.expected, '{"pointer": "/readings/0/value", "code": "reading_below_last"}');
});

test('lists: payments, readings and accounts in the wrong order', async () => {
  const result = await runBroken(['lists'], {
    response: async ({ method, path }, response) => {
      if (method !== 'GET' || response.status !== 200) return response;
      const list = path === 'accounts' ? 'accounts' : path.endsWith('/payments') ? 'payments' : path.endsWith('/readings') ? 'readings' : undefined;
      return list ? rejsoned(response, (json) => ({ ...json, [list]: [...json[list]].reverse() })) : response;
    },
  });
  assertFailed(result, 'lists', 'lists.payments-newest-first', /later payment is listed after the earlier/);
  assertFailed(result, 'lists', 'lists.readings-newest-first', /readings list is not newest first/);
  const accounts = assertFailed(result, 'lists', 'lists.accounts-oldest-first', /accounts list is not oldest first/);
  assert.match(accounts.exchange.endpoint, /^GET http:\/\/conformance\.test\/api\/accounts$/);
});

test('lists: payments without the date they are ordered by', async () => {
  const result = await runBroken(['lists.payments-newest-first'], {
    response: async ({ method, path }, response) =>
      method === 'GET' && path.endsWith('/payments') && response.status === 200
        ? rejsoned(response, (json) => ({ payments: json.payments.map(({ createdAt: _createdAt, ...payment }) => payment) }))
        : response,
  });
  const finding = assertFailed(result, 'lists', 'lists.payments-newest-first', /item 0 has no createdAt to order by/);
  assert.equal(finding.got, 'null');
});

test('letters: a reset that does not set the new password', async () => {
  const result = await runBroken(['letters'], {
    answer: ({ path }) => (path === 'auth/reset' ? new Response(null, { status: 204 }) : undefined),
  });
  assertFailed(result, 'letters', 'letters.reset', /The new password does not log in/);
  assertFailed(result, 'letters', 'letters.reset', /The old password still logs in/);
  assert.equal(result.checks['letters.confirm'].outcome, 'passed');
});

test('letters: no confirmation letter arrives', async () => {
  const result = await runBroken(['letters.confirm'], {
    response: async ({ url }, response) => (url.pathname.startsWith('/__admin/') ? new Response('no letter', { status: 404 }) : response),
  });
  const finding = assertFailed(result, 'letters', 'letters.confirm', /No letter with a lk-confirm link reached lk-conformance-/);
  assert.equal(finding.got, 'status 404');
});

test('shapes: a field of the wrong type, named with the operation', async () => {
  const result = await runBroken(['lists.payments-newest-first', 'shapes'], {
    response: async ({ method, path }, response) =>
      method === 'GET' && path.endsWith('/payments') && response.status === 200
        ? rejsoned(response, (json) => ({ payments: json.payments.map((payment) => ({ ...payment, amount: (payment.amount / 100).toFixed(2) })) }))
        : response,
  });
  const finding = assertFailed(result, 'shapes', 'shapes.every-answer', /^listPayments \(GET \/accounts\/\{accountId\}\/payments\): the 200 body does not match the documented schema: \/payments\/0\/amount: /);
  assert.match(finding.message, /in check lists\.payments-newest-first/);
  assert.equal(result.checks['lists.payments-newest-first'].outcome, 'passed');
});

test('shapes: an undocumented status and content type', async () => {
  const result = await runBroken(['problems.unauthenticated', 'shapes'], {
    response: async ({ path }, response) => (path === 'accounts' ? new Response('Moved', { status: 302, headers: { 'Content-Type': 'text/plain' } }) : response),
  });
  assertFailed(result, 'shapes', 'shapes.every-answer', /^listAccounts \(GET \/accounts\): status 302 is not documented \(documented: 200, 401, 500\)/);
});

test('a backend that never answers fails the checks with "no answer", and the run ends', async () => {
  const hanging = (_input, init) =>
    new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason), { once: true }));
  // The timeout's timer does not hold the process open (a real socket would): this does, meanwhile.
  const keepAlive = setInterval(() => {}, 1000);
  const report = await modules.conformance
    .runConformance({ baseUrl: BASE_URL, fixtures, fetch: hanging, only: ['problems.unauthenticated'], requestTimeout: 50 })
    .finally(() => clearInterval(keepAlive));
  const check = checksById(report)['problems.unauthenticated'];
  assert.equal(check.outcome, 'failed');
  assert.match(check.findings[0].got, /^no answer: TimeoutError/);
  assert.match(modules.conformance.formatReport(report), /answer:\s+none: TimeoutError/);
});

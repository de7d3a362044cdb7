// The mock backend over real HTTP (mocks/http/server.ts), in this process:
// the TypeScript module is bundled on the fly with esbuild, servers listen on
// port 0 and are called with Node's own fetch, which keeps no cookies, so
// every cookie a test sends it sends itself.
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importTypeScript } from '../../scripts/lib/typescript-module.mjs';

const root = new URL('../../', import.meta.url);
const TLS = new URL('test/fixtures/tls/', root);
/** The bundled module: createMockHttpServer, nodeHeaders, MOCK_STATE_VERSION. */
let lib;
const servers = [];

before(async () => {
  lib = await importTypeScript({
    contents: [
      "export { createMockHttpServer, nodeHeaders } from './mocks/http/server.ts';",
      "export { MOCK_STATE_VERSION } from './mocks/db.ts';",
    ].join('\n'),
  });
});

after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** A server for one test or group, closed at the end of the file (or earlier by the test). */
async function start(options = {}) {
  const server = await lib.createMockHttpServer({ passwordIterations: 'test', captchaDifficulty: 1, ...options });
  servers.push(server);
  return server;
}

const DEMO = { email: 'abonent@example.ru', password: 'gaz2015' };
const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-Requested-With': 'lk-widgets' };
const ACCOUNT = { supplierId: 'mrg-pskov', number: '6001234567' };

const post = (url, body, headers = {}) =>
  fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });

/** Logs the demo user in; the `lk_session=…` pair to send back as `Cookie`. */
async function logIn(server) {
  const answer = await post(`${server.apiUrl}auth/login`, DEMO);
  assert.equal(answer.status, 200);
  const [cookie] = answer.headers.getSetCookie();
  return cookie.split(';')[0];
}

const session = (server, cookie) => fetch(`${server.apiUrl}auth/session`, { headers: cookie ? { Cookie: cookie } : {} });

/** Who `GET auth/session` says is logged in with `cookie`: the user, or `null` (a 200 either way: no session is not an error). */
async function sessionUser(server, cookie) {
  const answer = await session(server, cookie);
  assert.equal(answer.status, 200);
  return (await answer.json()).user;
}

async function assertProblem(answer, status, code) {
  assert.equal(answer.status, status);
  assert.equal(answer.headers.get('content-type'), 'application/problem+json');
  const body = await answer.json();
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  return body;
}

/** Sends raw bytes over TCP and resolves with what came back before the server closed or `idle` ms passed. */
function rawExchange(server, text, { idle = 300 } = {}) {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    socket.setTimeout(idle, () => socket.end());
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('cookies', () => {
  let server;
  before(async () => (server = await start()));

  test('login sets a real HttpOnly, SameSite=Lax session cookie on the API path, not Secure over http', async () => {
    const answer = await post(`${server.apiUrl}auth/login`, DEMO);
    assert.equal(answer.status, 200);
    const cookies = answer.headers.getSetCookie();
    assert.equal(cookies.length, 1);
    assert.match(cookies[0], /^lk_session=[^;]+; Path=\/api\/;.*HttpOnly/u);
    assert.match(cookies[0], /SameSite=Lax/u);
    assert.doesNotMatch(cookies[0], /Secure/u);
  });

  test('the session works with the cookie and not without it: the server keeps no cookie jar', async () => {
    const cookie = await logIn(server);
    const withCookie = await session(server, cookie);
    assert.equal(withCookie.status, 200);
    assert.equal((await withCookie.json()).user.email, DEMO.email);
    // Another client, right after the first logged in, sending no cookie.
    assert.equal(await sessionUser(server), null);
    const forged = await session(server, 'lk_session=forged');
    assert.deepEqual(await forged.json(), { user: null });
    // A cookie that opens no session is cleared, so the browser stops sending it.
    assert.match(forged.headers.getSetCookie()[0], /^lk_session=; Path=\/api\/; Max-Age=0/u);
  });

  test('logout clears the cookie and ends the session', async () => {
    const cookie = await logIn(server);
    const answer = await post(`${server.apiUrl}auth/logout`, {}, { Cookie: cookie });
    assert.ok(answer.status < 300, `logout answered ${answer.status}`);
    assert.match(answer.headers.getSetCookie()[0], /^lk_session=; Path=\/api\/; Max-Age=0/u);
    assert.equal(await sessionUser(server, cookie), null);
  });

  test('every Set-Cookie of an answer goes out on a line of its own, each Secure over https', () => {
    const headers = new Headers({ 'Content-Type': 'application/json', Vary: 'Accept' });
    headers.append('Set-Cookie', 'a=1; Path=/api/; Expires=Thu, 01 Jan 2099 00:00:00 GMT; HttpOnly');
    headers.append('Set-Cookie', 'b=2; Path=/api/; Secure');
    assert.deepEqual(lib.nodeHeaders(headers, { secure: false }), {
      'content-type': 'application/json',
      vary: 'Accept',
      'set-cookie': ['a=1; Path=/api/; Expires=Thu, 01 Jan 2099 00:00:00 GMT; HttpOnly', 'b=2; Path=/api/; Secure'],
    });
    const secure = lib.nodeHeaders(headers, { secure: true, cors: { Vary: 'Origin' } });
    assert.deepEqual(secure['set-cookie'], [
      'a=1; Path=/api/; Expires=Thu, 01 Jan 2099 00:00:00 GMT; HttpOnly; Secure',
      'b=2; Path=/api/; Secure',
    ]);
    assert.equal(secure.vary, 'Accept, Origin');
  });

  test('the API base is configurable, and the cookie path follows it', async () => {
    const other = await start({ base: '/lk/v1' });
    assert.match(other.apiUrl, /^http:\/\/127\.0\.0\.1:\d+\/lk\/v1\/$/u);
    const answer = await post(`${other.apiUrl}auth/login`, DEMO);
    assert.match(answer.headers.getSetCookie()[0], /Path=\/lk\/v1\//u);
    await assertProblem(await fetch(`${other.url}api/auth/session`), 404, 'not_found');
  });
});

describe('CORS', () => {
  const SHOP = 'http://shop.test:5173';
  let server;
  before(async () => (server = await start({ allowOrigins: [SHOP, 'https://other.test'] })));

  const preflight = (origin) =>
    fetch(`${server.apiUrl}auth/login`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-requested-with' },
    });

  test('a preflight from an allowed origin gets 204 with the methods, headers and a max-age', async () => {
    const answer = await preflight(SHOP);
    assert.equal(answer.status, 204);
    assert.equal(answer.headers.get('access-control-allow-origin'), SHOP);
    assert.equal(answer.headers.get('access-control-allow-credentials'), 'true');
    assert.match(answer.headers.get('access-control-allow-methods'), /POST/u);
    const allowedHeaders = answer.headers.get('access-control-allow-headers').toLowerCase();
    for (const name of ['content-type', 'x-requested-with', 'idempotency-key', 'authorization', 'accept']) {
      assert.ok(allowedHeaders.includes(name), `${name} allowed`);
    }
    assert.ok(Number(answer.headers.get('access-control-max-age')) > 0);
    assert.match(answer.headers.get('vary'), /Origin/u);
  });

  test('an actual request from an allowed origin gets its origin back, credentials and the exposed headers', async () => {
    const answer = await post(`${server.apiUrl}auth/login`, DEMO, { Origin: SHOP });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('access-control-allow-origin'), SHOP);
    assert.equal(answer.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(answer.headers.get('access-control-expose-headers'), 'Retry-After, Idempotent-Replayed');
    assert.match(answer.headers.get('vary'), /Origin/u);
    assert.equal(answer.headers.getSetCookie().length, 1);
  });

  test('another origin gets no CORS headers, and its preflight is refused', async () => {
    const refused = await preflight('http://evil.test');
    await assertProblem(refused, 403, 'forbidden');
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const answer = await post(`${server.apiUrl}auth/login`, DEMO, { Origin: 'http://evil.test' });
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
    assert.equal(answer.headers.get('access-control-allow-credentials'), null);
    assert.match(answer.headers.get('vary'), /Origin/u);
  });

  test('a server with no allowed origin gives none, even to a preflight', async () => {
    const plain = await start();
    const answer = await post(`${plain.apiUrl}auth/login`, DEMO, { Origin: SHOP });
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
    const refused = await fetch(`${plain.apiUrl}auth/login`, {
      method: 'OPTIONS',
      headers: { Origin: SHOP, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(refused.status, 403);
  });

  test('an allowed origin is a scheme, host and port, nothing more', async () => {
    await assert.rejects(start({ allowOrigins: ['http://shop.test/path'] }), RangeError);
    await assert.rejects(start({ allowOrigins: ['*'] }), RangeError);
  });
});

describe('https', () => {
  let server;
  let ca;
  before(async () => {
    const [cert, key] = await Promise.all([readFile(new URL('cert.pem', TLS)), readFile(new URL('key.pem', TLS))]);
    ca = cert;
    server = await start({ tls: { cert, key } });
  });

  /** node:https with the test certificate trusted (Node's fetch takes no CA of its own). */
  const call = (path, { method = 'GET', headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const request = httpsRequest(new URL(path, server.apiUrl), { method, headers, ca }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text }));
      });
      request.on('error', reject);
      request.end(body);
    });

  test('serves https, and the session cookie is Secure, HttpOnly and SameSite=Lax', async () => {
    assert.match(server.apiUrl, /^https:\/\/127\.0\.0\.1:\d+\/api\/$/u);
    const login = await call('auth/login', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(DEMO) });
    assert.equal(login.status, 200);
    const [cookie] = login.headers['set-cookie'];
    assert.match(cookie, /HttpOnly/u);
    assert.match(cookie, /SameSite=Lax/u);
    assert.match(cookie, /; Secure$/u);
    const answer = await call('auth/session', { headers: { Cookie: cookie.split(';')[0] } });
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.text).user.email, DEMO.email);
    assert.deepEqual(JSON.parse((await call('auth/session')).text), { user: null });
  });
});

describe('admin API', () => {
  let server;
  let admin;
  before(async () => {
    server = await start({ admin: true });
    admin = server.adminUrl;
  });

  const adminCall = (path, method = 'GET', body) =>
    fetch(`${admin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  test('is off unless asked for: its paths are 404 problems like any unknown path', async () => {
    const plain = await start();
    assert.equal(plain.adminUrl, undefined);
    await assertProblem(await fetch(`${plain.url}__admin/clock`), 404, 'not_found');
    await assertProblem(await fetch(`${plain.url}__admin/reset`, { method: 'POST' }), 404, 'not_found');
  });

  test('moves the clock forward, sets it, refuses to set it back, and resets it', async () => {
    assert.equal(admin, `${server.url}__admin/`);
    const before = await (await adminCall('clock')).json();
    assert.equal(before.offsetMs, 0);
    const advanced = await (await adminCall('clock/advance', 'POST', { ms: 3_600_000 })).json();
    assert.ok(advanced.offsetMs >= 3_600_000);
    const target = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const set = await (await adminCall('clock/set', 'POST', { now: target })).json();
    assert.ok(Math.abs(set.nowMs - Date.parse(target)) < 1000);
    const back = await assertProblem(await adminCall('clock/set', 'POST', { now: '2000-01-01T00:00:00Z' }), 422, 'validation_failed');
    assert.deepEqual(back.errors, [{ pointer: '/now', code: 'now_in_the_past' }]);
    await assertProblem(await adminCall('clock/advance', 'POST', { ms: -1 }), 422, 'validation_failed');
    assert.equal((await (await adminCall('clock/reset', 'POST')).json()).offsetMs, 0);
  });

  test('sets a fault on one endpoint, which then acts it out, and clears it', async () => {
    const set = await adminCall('faults/login', 'PUT', { kind: 'server-error' });
    assert.deepEqual(await set.json(), { faults: { login: 'server-error' } });
    await assertProblem(await post(`${server.apiUrl}auth/login`, DEMO), 500, 'server_error');
    assert.deepEqual(await (await adminCall('faults/login', 'DELETE')).json(), { faults: {} });
    assert.equal((await post(`${server.apiUrl}auth/login`, DEMO)).status, 200);
    await adminCall('faults/session', 'PUT', { kind: 'malformed' });
    assert.deepEqual(await (await adminCall('faults', 'DELETE')).json(), { faults: {} });
    await assertProblem(await adminCall('faults/nothing', 'PUT', { kind: 'timeout' }), 404, 'not_found');
    await assertProblem(await adminCall('faults/login', 'PUT', { kind: 'gremlins' }), 422, 'validation_failed');
  });

  test('the network-error fault drops the connection, and the server goes on', async () => {
    await adminCall('faults/session', 'PUT', { kind: 'network-error' });
    await assert.rejects(session(server));
    await adminCall('faults', 'DELETE');
    assert.equal(await sessionUser(server), null);
  });

  test('sets the latency and the payment outcome', async () => {
    assert.deepEqual(await (await adminCall('latency', 'PUT', { ms: 5 })).json(), { ms: 5 });
    assert.deepEqual(await (await adminCall('latency')).json(), { ms: 5 });
    await adminCall('latency', 'PUT', { ms: 0 });
    assert.deepEqual(await (await adminCall('payment-outcome', 'PUT', { outcome: 'declined' })).json(), { outcome: 'declined' });
    assert.deepEqual(await (await adminCall('payment-outcome')).json(), { outcome: 'declined' });
    await assertProblem(await adminCall('payment-outcome', 'PUT', { outcome: 'maybe' }), 422, 'validation_failed');
  });

  test('lists the outbox, filters it by recipient, and gives the last letter for an address', async () => {
    await adminCall('reset', 'POST');
    assert.equal((await post(`${server.apiUrl}auth/recover`, { email: 'Abonent@Example.ru' })).status, 202);
    const { letters } = await (await adminCall('outbox')).json();
    assert.equal(letters.length, 1);
    const last = await adminCall(`outbox/last?to=${encodeURIComponent('ABONENT@example.ru')}`);
    assert.equal(last.status, 200);
    const letter = await last.json();
    assert.equal(letter.kind, 'reset');
    assert.equal(letter.to, DEMO.email);
    assert.match(letter.link, /lk-reset=/u);
    assert.deepEqual(await (await adminCall('outbox?to=nobody%40example.ru')).json(), { letters: [] });
    await assertProblem(await adminCall('outbox/last?to=nobody%40example.ru'), 404, 'not_found');
    assert.deepEqual(await (await adminCall('outbox', 'DELETE')).json(), { letters: [] });
    assert.deepEqual(await (await adminCall('outbox')).json(), { letters: [] });
  });

  test('reset ends sessions and clears the controls', async () => {
    const cookie = await logIn(server);
    await adminCall('faults/captcha', 'PUT', { kind: 'timeout' });
    assert.deepEqual(await (await adminCall('reset', 'POST')).json(), { reset: true });
    assert.equal(await sessionUser(server, cookie), null);
    assert.deepEqual(await (await adminCall('faults')).json(), { faults: {} });
  });

  test('answers problems: unknown admin paths 404, wrong methods 405 with Allow, bodies that are not JSON 400', async () => {
    await assertProblem(await adminCall('nothing'), 404, 'not_found');
    const wrong = await adminCall('reset');
    await assertProblem(wrong, 405, 'method_not_allowed');
    assert.equal(wrong.headers.get('allow'), 'POST');
    const notJson = await fetch(`${admin}latency`, { method: 'PUT', body: '{ms: 5' });
    await assertProblem(notJson, 400, 'validation_failed');
    await assertProblem(await adminCall('latency', 'PUT', [5]), 422, 'validation_failed');
  });
});

describe('bad requests get problem details and never stop the server', () => {
  let server;
  before(async () => (server = await start()));

  test('a body that is not JSON: 400 validation_failed', async () => {
    const answer = await fetch(`${server.apiUrl}auth/login`, { method: 'POST', headers: JSON_HEADERS, body: '{"email": ' });
    const body = await assertProblem(answer, 400, 'validation_failed');
    assert.deepEqual(body.errors, [{ pointer: '', code: 'json_invalid' }]);
  });

  test('a body over 1 MiB: 413 payload_too_large, whether its length is declared or not', async () => {
    const huge = JSON.stringify({ email: 'a'.repeat(1024 * 1024 + 1), password: 'x' });
    await assertProblem(await post(`${server.apiUrl}auth/login`, JSON.parse(huge)), 413, 'payload_too_large');
    // Streamed in chunks, no Content-Length: the limit is counted as it arrives.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.apiUrl}auth/login`, { method: 'POST', headers: JSON_HEADERS, body: chunks, duplex: 'half' });
    await assertProblem(streamed, 413, 'payload_too_large');
    assert.equal(await sessionUser(server), null);
  });

  test('HEAD is answered as GET without the body', async () => {
    const answer = await fetch(`${server.apiUrl}auth/session`, { method: 'HEAD' });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'application/json');
    assert.ok(Number(answer.headers.get('content-length')) > 0);
    assert.equal(await answer.text(), '');
  });

  test('an unknown path, inside or outside the API base: 404 not_found', async () => {
    await assertProblem(await fetch(`${server.apiUrl}no/such/thing`), 404, 'not_found');
    await assertProblem(await fetch(`${server.url}index.html`), 404, 'not_found');
    // The base is this server's /api/, not any path that ends in it.
    await assertProblem(await fetch(`${server.url}elsewhere/api/auth/session`), 404, 'not_found');
    await assertProblem(await fetch(server.url), 404, 'not_found');
  });

  test('a wrong method on a known path: 405 method_not_allowed with Allow', async () => {
    const login = await fetch(`${server.apiUrl}auth/login`, { method: 'GET' });
    await assertProblem(login, 405, 'method_not_allowed');
    assert.equal(login.headers.get('allow'), 'POST');
    const accounts = await fetch(`${server.apiUrl}accounts`, { method: 'DELETE', headers: JSON_HEADERS });
    await assertProblem(accounts, 405, 'method_not_allowed');
    assert.equal(accounts.headers.get('allow'), 'GET, POST');
    const readings = await fetch(`${server.apiUrl}accounts/x/readings`, { method: 'PUT', headers: JSON_HEADERS, body: '{}' });
    assert.equal(readings.headers.get('allow'), 'GET, POST');
  });

  test('malformed percent-encoding or request target: 400 bad_request', async () => {
    await assertProblem(await fetch(`${server.apiUrl}accounts/%E0%A4%A`), 400, 'bad_request');
    await assertProblem(await fetch(`${server.apiUrl}auth/session?x=%zz`), 400, 'bad_request');
    const absolute = await rawExchange(server, 'GET http://elsewhere.test/api/auth/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(absolute, /^HTTP\/1\.1 400 /u);
    assert.match(absolute, /"code":"bad_request"/u);
    // A path that looks like another host is a path on this one.
    const doubleSlash = await rawExchange(server, 'GET //elsewhere.test/api/auth/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(doubleSlash, /^HTTP\/1\.1 404 /u);
    const star = await rawExchange(server, 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(star, /^HTTP\/1\.1 400 /u);
    // Not HTTP at all: Node's parser answers 400 itself, and the server goes on.
    const garbage = await rawExchange(server, 'HELLO\r\n\r\n');
    assert.match(garbage, /^HTTP\/1\.1 400 /u);
    assert.equal(await sessionUser(server), null);
  });

  test('a client that goes away mid-request does not stop the server', async () => {
    const { hostname, port } = new URL(server.url);
    await new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Requested-With: lk-widgets\r\nContent-Length: 500\r\n\r\n{"email": "abo');
        setImmediate(() => socket.destroy());
      });
      socket.on('close', resolve);
      socket.on('error', reject);
    });
    // Gone while the answer is being worked out (a slow password hash), too.
    const aborted = new AbortController();
    const pending = post(`${server.apiUrl}auth/login`, DEMO, {}).catch(() => undefined);
    const gone = fetch(`${server.apiUrl}auth/login`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(DEMO),
      signal: aborted.signal,
    }).catch((error) => error);
    aborted.abort();
    assert.equal((await gone).name, 'AbortError');
    assert.equal((await pending).status, 200);
    assert.equal(await sessionUser(server), null);
  });

  test('a handler that throws: 500 internal_error telling nothing, and the next request is answered', async () => {
    const dataFolder = await mkdtemp(join(tmpdir(), 'lk-mock-broken-'));
    try {
      const dataFile = join(dataFolder, 'state.json');
      // The current version, but no users: every handler that looks for one throws.
      await writeFile(dataFile, JSON.stringify({ version: lib.MOCK_STATE_VERSION, clockOffset: 0, outbox: [], controls: { faults: {}, latency: 0 } }));
      const broken = await start({ dataFile });
      const errors = [];
      const original = console.error;
      console.error = (...args) => errors.push(args.join(' '));
      try {
        const answer = await post(`${broken.apiUrl}auth/login`, DEMO);
        const body = await assertProblem(answer, 500, 'internal_error');
        assert.equal(body.detail, undefined);
        assert.doesNotMatch(JSON.stringify(body), /gaz2015|TypeError/u);
        assert.equal((await fetch(`${broken.apiUrl}nothing`)).status, 404);
      } finally {
        console.error = original;
      }
      assert.ok(errors.length > 0);
      assert.doesNotMatch(errors.join('\n'), /gaz2015/u);
      await broken.close();
    } finally {
      await rm(dataFolder, { recursive: true, force: true });
    }
  });
});

describe('--data', () => {
  let dataFolder;
  before(async () => (dataFolder = await mkdtemp(join(tmpdir(), 'lk-mock-data-'))));
  after(() => rm(dataFolder, { recursive: true, force: true }));

  test('the session and a connected account survive a restart on the same file', async () => {
    const dataFile = join(dataFolder, 'state.json');
    const first = await start({ dataFile });
    const cookie = await logIn(first);
    const connected = await post(`${first.apiUrl}accounts`, ACCOUNT, { Cookie: cookie });
    assert.ok(connected.status === 200 || connected.status === 201, `connect answered ${connected.status}`);
    const { account } = await connected.json();
    await first.close();

    const saved = JSON.parse(await readFile(dataFile, 'utf8'));
    assert.equal(saved.version, lib.MOCK_STATE_VERSION);

    const second = await start({ dataFile });
    assert.equal((await session(second, cookie)).status, 200);
    const list = await fetch(`${second.apiUrl}accounts`, { headers: { Cookie: cookie } });
    assert.ok((await list.json()).accounts.some((each) => each.id === account.id));
    await second.close();
  });

  test('a file that is not JSON fails the start with a clear error and is left as it was', async () => {
    const dataFile = join(dataFolder, 'corrupt.json');
    await writeFile(dataFile, '{"version": 5, "users": {');
    await assert.rejects(start({ dataFile }), (error) => {
      assert.equal(error.name, 'DataFileError');
      assert.match(error.message, /corrupt\.json is not valid JSON/u);
      return true;
    });
    assert.equal(await readFile(dataFile, 'utf8'), '{"version": 5, "users": {');
  });

  test('a file that cannot be read fails the start too', async () => {
    await assert.rejects(start({ dataFile: dataFolder }), (error) => error.name === 'DataFileError');
  });
});

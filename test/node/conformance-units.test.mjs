// The suite's own parts: the cookie jar (Set-Cookie flags, paths, removal),
// redaction, the problem-details rules, and the OpenAPI layer on small
// hand-written documents.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadModules } from '../conformance/helpers.mjs';

let modules;
let c;
before(async () => {
  modules = await loadModules();
  c = modules.conformance;
});

/** An exchange as the agent records it. */
function exchange({ method = 'GET', path = 'accounts', status = 200, contentType = 'application/json', body = '' } = {}) {
  const url = new URL(path, 'https://lk.test/api/');
  let json;
  try {
    json = JSON.parse(body);
  } catch {}
  return { check: 'test', method, url, path, requestHeaders: new Headers(), status, headers: new Headers(contentType ? { 'content-type': contentType } : {}), setCookies: [], text: body, json };
}

test('Set-Cookie: the pair and every attribute, flags as empty values', () => {
  const cookie = c.parseSetCookie('lk_session=abc=1; Path=/api/; HttpOnly; SameSite=Lax; Max-Age=60');
  assert.equal(cookie.name, 'lk_session');
  assert.equal(cookie.value, 'abc=1');
  assert.deepEqual(cookie.attributes, { path: '/api/', httponly: '', samesite: 'Lax', 'max-age': '60' });
  assert.equal(c.parseSetCookie('no pair'), undefined);
});

test('the jar sends a cookie only under its Path, over https when Secure, and forgets it on Max-Age=0', () => {
  const jar = new c.CookieJar();
  const login = new URL('http://lk.test/api/auth/login');
  jar.store(login, ['a=1; Path=/api/', 'b=2', 's=3; Path=/; Secure']);
  assert.equal(jar.header(new URL('http://lk.test/api/accounts')), 'a=1');
  // Without a Path, the cookie stays under the login's directory; longer paths are sent first.
  assert.equal(jar.header(new URL('http://lk.test/api/auth/session')), 'b=2; a=1');
  assert.equal(jar.header(new URL('http://lk.test/apix')), undefined);
  assert.equal(jar.header(new URL('https://lk.test/other')), 's=3');
  jar.store(login, ['a=; Path=/api/; Max-Age=0', 'b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/api/auth']);
  assert.equal(jar.header(new URL('http://lk.test/api/auth/session')), undefined);
  assert.ok(c.pathMatches('/api', '/api/x') && c.pathMatches('/api/', '/api/x') && !c.pathMatches('/api', '/apix'));
});

test('redaction keeps names, flags and shapes, never secret values', () => {
  assert.equal(c.redactSetCookie('lk_session=secret; Path=/api/; HttpOnly'), 'lk_session=<redacted>; Path=/api/; HttpOnly');
  assert.equal(c.redactSetCookie('lk_session=; Path=/api/; Max-Age=0'), 'lk_session=; Path=/api/; Max-Age=0');
  assert.equal(
    c.redactBody('{"email":"a@b.ru","password":"gaz2015","captcha":{"id":"x","nonce":"1"},"nested":{"newPassword":"p","token":"t"}}'),
    '{"email":"a@b.ru","password":"<redacted>","captcha":"<redacted>","nested":{"newPassword":"<redacted>","token":"<redacted>"}}',
  );
  assert.equal(c.redactBody('Go to https://x/?lk-reset=abcdefabcdefabcdefabcdef now'), 'Go to https://x/?lk-reset=<redacted> now');
  assert.match(c.redactBody('x'.repeat(700)), /… \(700 characters\)$/);
});

test('problem rules: media type, members, status, documented code, pointers', () => {
  const good = exchange({ status: 422, contentType: 'application/problem+json; charset=utf-8', body: JSON.stringify({ type: 'about:blank', title: 'Invalid', status: 422, code: 'validation_failed', errors: [{ pointer: '/readings/0/value', code: 'reading_below_last' }] }) });
  assert.deepEqual(c.problemViolations(good), []);
  const bad = exchange({ status: 422, body: JSON.stringify({ status: '422', code: 'validation_failed', errors: [{ pointer: 'email', code: 'x' }, { pointer: '/a~2' }] }) });
  assert.deepEqual(c.problemViolations(bad), [
    'Content-Type is "application/json", not application/problem+json',
    '"type" is missing (a URI naming the problem type)',
    '"title" is missing',
    '"status" is "422", not the HTTP status 422',
    'errors[0] has no JSON Pointer "pointer" (such as "/email")',
    'errors[1] has no JSON Pointer "pointer" (such as "/email")',
    'errors[1] has no "code"',
  ]);
  assert.deepEqual(c.problemViolations(exchange({ status: 200, body: '{}' })), []);
});

const problemSchema = { type: 'object', required: ['code'], properties: { code: { type: 'string' } } };
const doc = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/accounts/{accountId}/payments': {
      get: {
        operationId: 'listPayments',
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/List' } } } },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/api/auth/logout': { post: { responses: { 204: { description: 'gone' } } } },
    '/api/files': { get: { responses: { 200: { description: 'any text', content: { 'text/*': {} } } } } },
  },
  components: {
    responses: { Problem: { description: 'problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
    schemas: {
      Problem: problemSchema,
      List: { type: 'object', required: ['payments'], properties: { payments: { type: 'array', items: { $ref: '#/components/schemas/Payment' } } } },
      Payment: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' } } },
    },
  },
};

test('OpenAPI: operations found by template under the full path, refs of schemas and responses followed', () => {
  const shapes = new c.OpenApiShapes(doc);
  const path = 'accounts/a%2F1/payments';
  assert.deepEqual(shapes.check(exchange({ path, body: '{"payments":[{"amount":100,"createdAt":"2026-12-01T10:00:00Z"}]}' })), []);
  const [wrong] = shapes.check(exchange({ path, body: '{"payments":[{"amount":"1.00","createdAt":"yesterday"}]}' }));
  assert.match(wrong, /^listPayments \(GET \/api\/accounts\/\{accountId\}\/payments\): the 200 body does not match the documented schema: /);
  assert.match(wrong, /\/payments\/0\/amount: Instance type "string" is invalid/);
  assert.match(wrong, /\/payments\/0\/createdAt: .*date-time/);
  // `default` covers other statuses, with its own content type and schema.
  assert.deepEqual(shapes.check(exchange({ path, status: 404, contentType: 'application/problem+json', body: '{"code":"not_found"}' })), []);
  assert.match(shapes.check(exchange({ path, status: 404, body: '{"code":"not_found"}' }))[0], /status 404 came as "application\/json"; documented: application\/problem\+json/);
  assert.match(shapes.check(exchange({ path, body: 'oops' }))[0], /is application\/json but its body is not JSON/);
});

test('OpenAPI: undocumented operations and statuses, bodies where none is documented, wildcard media types', () => {
  const shapes = new c.OpenApiShapes(doc);
  assert.deepEqual(shapes.check(exchange({ method: 'POST', path: 'auth/logout', status: 204, contentType: '' })), []);
  assert.match(shapes.check(exchange({ method: 'POST', path: 'auth/logout', status: 200, body: '{}' }))[0], /^POST \/api\/auth\/logout: status 200 is not documented \(documented: 204\)/);
  assert.match(shapes.check(exchange({ method: 'POST', path: 'auth/logout', status: 204, body: 'bye', contentType: 'text/plain' }))[0], /documented without a body, but one came/);
  assert.match(shapes.check(exchange({ method: 'DELETE', path: 'accounts' }))[0], /^DELETE accounts: no such operation in the OpenAPI document/);
  assert.deepEqual(shapes.check(exchange({ path: 'files', contentType: 'text/csv', body: 'a,b' })), []);
});

test('OpenAPI: templates relative to a server path, and documents that cannot be used', () => {
  const relative = { ...doc, servers: [{ url: 'https://lk.test/api' }], paths: { '/accounts/{accountId}/payments': doc.paths['/api/accounts/{accountId}/payments'] } };
  assert.deepEqual(new c.OpenApiShapes(relative).check(exchange({ path: 'accounts/x/payments', body: '{"payments":[]}' })), []);
  assert.throws(() => new c.OpenApiShapes({ swagger: '2.0' }), c.OpenApiDocumentError);
  assert.throws(() => new c.OpenApiShapes({ openapi: '3.0.3', paths: {} }), /3\.1/);
});

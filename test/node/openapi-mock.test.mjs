// The mock backend served in Node answers as the API document says, headers
// a browser hides included: the session cookie's Set-Cookie and its flags.
// The TypeScript modules are bundled on the fly with esbuild.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importTypeScript } from '../../scripts/lib/typescript-module.mjs';
import { buildDocument, loadContract } from '../../scripts/openapi.mjs';

const base = 'http://lk.test/api/';
let server;
let document;
let contract;
const answers = [];

before(async () => {
  contract = await loadContract();
  document = await buildDocument(contract);
  const { startMockServer } = await importTypeScript('mocks/node.ts');
  server = await startMockServer({
    apiBase: base,
    passwordIterations: 'test',
    onAnswer: (endpoint, method, _request, response) => answers.push({ endpoint, method, response }),
  });
});

after(async () => {
  await server?.stop();
});

const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'lk-widgets' };
const headerSchema = (name) => document.components.headers[name].schema;

test('the session cookie is set and cleared with the flags the document describes', async () => {
  const check = contract.schemaChecker(document);
  const login = await fetch(`${base}auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'abonent@example.ru', password: 'gaz2015' }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie');
  assert.deepEqual(check('Set-Cookie of the login', headerSchema('SetSessionCookie'), cookie), []);
  const session = cookie.split(';')[0];

  const logout = await fetch(`${base}auth/logout`, { method: 'POST', headers: { ...headers, Cookie: session } });
  assert.equal(logout.status, 204);
  assert.deepEqual(check('Set-Cookie of the logout', headerSchema('ClearSessionCookie'), logout.headers.get('set-cookie')), []);
  // And the other way round: the patterns refuse a cookie without its flags.
  assert.notDeepEqual(check('a bare cookie', headerSchema('SetSessionCookie'), `${session}; Path=/api/`), []);
  assert.notDeepEqual(check('a bare clearing', headerSchema('ClearSessionCookie'), 'lk_session=; Path=/api/; HttpOnly; SameSite=Lax'), []);
});

test('every answer of the mock in Node conforms to the document', async () => {
  await fetch(`${base}auth/session`);
  await fetch(`${base}suppliers`);
  await fetch(`${base}auth/login`, { method: 'POST', headers, body: '{"email": ' });
  const checkAnswer = contract.answerChecker(document);
  const failures = [];
  for (const { endpoint, method, response } of answers) {
    const answer = { endpoint, method, status: response.status, headers: response.headers, body: await response.text() };
    failures.push(...checkAnswer(answer).map((problem) => `${method} ${endpoint} ${answer.status}: ${problem}`));
  }
  assert.ok(answers.length >= 5, `${answers.length} answers seen`);
  assert.deepEqual(failures, []);
});

// mocks/node.ts under plain Node (msw/node): the same handlers answer a
// real fetch. The TypeScript module is bundled on the fly with esbuild.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importTypeScript } from '../../scripts/lib/typescript-module.mjs';

let server;

before(async () => {
  const { startMockServer } = await importTypeScript('mocks/node.ts');
  server = await startMockServer({ apiBase: 'http://lk.test/api/', passwordIterations: 'test' });
});

after(async () => {
  await server?.stop();
});

const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'lk-widgets' };

test('logs the demo user in and names them', async () => {
  const answer = await fetch('http://lk.test/api/auth/login', {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'abonent@example.ru', password: 'gaz2015' }),
  });
  assert.equal(answer.status, 200);
  assert.equal((await answer.json()).user.email, 'abonent@example.ru');
  assert.match(answer.headers.get('set-cookie') ?? '', /lk_session=[^;]+;.*HttpOnly/i);
});

test('answers a wrong password with problem details', async () => {
  const answer = await fetch('http://lk.test/api/auth/login', {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'abonent@example.ru', password: 'wrong1' }),
  });
  assert.equal(answer.status, 401);
  assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal((await answer.json()).code, 'invalid_credentials');
});

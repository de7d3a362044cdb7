// mocks/node.ts under plain Node 20 (msw/node): the same handlers answer a
// real fetch. The TypeScript module is bundled on the fly with esbuild.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url);
let folder;
let server;

before(async () => {
  const { outputFiles } = await build({
    entryPoints: [new URL('mocks/node.ts', root).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  // Inside the repository, so the bundle's bare imports (msw, valibot) resolve from node_modules.
  folder = await mkdtemp(join(new URL('node_modules/', root).pathname, '.lk-node-test-'));
  const file = join(folder, 'node.mjs');
  await writeFile(file, outputFiles[0].text);
  const { startMockServer } = await import(pathToFileURL(file).href);
  server = await startMockServer({ apiBase: 'http://lk.test/api/', passwordIterations: 'test' });
});

after(async () => {
  await server?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
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

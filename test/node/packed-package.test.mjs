// The package as an integrator installs it (npm run build first): `npm pack`,
// the tarball installed into a scratch project, then `npx lk-widgets-mock`
// serves the API and `npx lk-widgets-conformance` passes against it with the
// fixtures shipped for the mock's seed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMockProcess } from '../support/mock-process.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

let scratch;
let mock;

/** `npm` in `cwd`, quiet; its output when it fails. */
async function npm(cwd, ...args) {
  try {
    return await run('npm', args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (error) {
    throw new Error(`npm ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

before(
  async () => {
    scratch = await mkdtemp(join(tmpdir(), 'lk-widgets-packed-'));
    const { stdout } = await npm(root, 'pack', '--silent', '--pack-destination', scratch);
    const tarball = join(scratch, stdout.trim().split('\n').pop());
    await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'supplier-backend-tests', private: true, type: 'module' }));
    // msw is the package's optional peer: the mock server needs it, so an integrator installs it beside.
    await npm(scratch, 'install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `msw@${pkg.devDependencies.msw}`);
    mock = await startMockProcess('npx', ['--no-install', 'lk-widgets-mock', '--port', '0', '--admin', '--password-iterations', 'test'], { cwd: scratch });
  },
  { timeout: 240_000 },
);

after(async () => {
  await mock?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('npx lk-widgets-mock serves the API over HTTP with a real HttpOnly session cookie', async () => {
  const answer = await fetch(new URL('auth/login', mock.apiBase), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'lk-widgets' },
    body: JSON.stringify({ email: 'abonent@example.ru', password: 'gaz2015' }),
  });
  assert.equal(answer.status, 200);
  assert.match(answer.headers.get('set-cookie') ?? '', /^lk_session=[^;]+;.*HttpOnly/iu);
});

test('npx lk-widgets-conformance passes against it, with the fixtures the package ships for the mock and its own OpenAPI document', { timeout: 120_000 }, async () => {
  await fetch(new URL('/__admin/reset', mock.apiBase), { method: 'POST', headers: { 'X-Requested-With': 'lk-widgets' } });
  const fixtures = join(scratch, 'node_modules', 'lk-widgets', 'conformance', 'fixtures.mock.json');
  const { stdout } = await run('npx', ['--no-install', 'lk-widgets-conformance', '--base-url', mock.apiBase, '--fixtures', fixtures], {
    cwd: scratch,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error) => assert.fail(`lk-widgets-conformance failed (exit ${error.code}):\n${error.stdout}${error.stderr}`));
  assert.match(stdout, /\b0 failed\b/u);
  assert.match(stdout, /\b0 not run\b/u, 'with the mock admin mailbox and the shipped document, every check runs');
});

// The built command (npm run build first), run as a user runs it: a separate
// Node process sending real HTTP to the mock served on a local port, with
// cookies over real sockets; it passes, prints the report, writes the JSON
// and exits 0; a broken fixtures file exits 2.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadModules, mockFixtures, serveMockOverHttp } from '../conformance/helpers.mjs';

const bin = fileURLToPath(new URL('../../dist/bin/lk-widgets-conformance.js', import.meta.url));
const openapi = fileURLToPath(new URL('../conformance/openapi.fixture.json', import.meta.url));

let modules;
let served;
let folder;

before(async () => {
  assert.ok(existsSync(bin), `${bin} is missing: run npm run build first`);
  modules = await loadModules();
  served = await serveMockOverHttp(modules.backend);
  folder = await mkdtemp(join(tmpdir(), 'lk-conformance-bin-'));
});

after(async () => {
  await served?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Runs the built command; resolves with its exit code and output. */
const runBin = (args) =>
  new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });

test('the built command passes against the mock over real HTTP and writes the JSON report', async () => {
  const fixtures = join(folder, 'fixtures.json');
  await writeFile(fixtures, JSON.stringify({ ...(await mockFixtures()), mailbox: { url: served.mailboxUrl, timeoutSeconds: 2 } }));
  const json = join(folder, 'report.json');
  const { code, stdout, stderr } = await runBin(['--base-url', served.baseUrl, '--fixtures', fixtures, '--openapi', openapi, '--json', json]);
  assert.equal(code, 0, `${stdout}\n${stderr}`);
  assert.match(stdout, /21 passed, 0 failed, 0 not run/);
  const report = JSON.parse(await readFile(json, 'utf8'));
  assert.equal(report.summary.passed, 21);
  assert.equal(report.baseUrl, served.baseUrl);
});

test('the built command is self-contained: it imports only Node built-ins, nothing of msw', async () => {
  const code = await readFile(bin, 'utf8');
  assert.match(code, /^#!\/usr\/bin\/env node\n/);
  const imports = [...code.matchAll(/^import .* from ['"]([^'"]+)['"];?$/gmu)].map((match) => match[1]);
  assert.ok(imports.length > 0);
  assert.deepEqual(imports.filter((specifier) => !specifier.startsWith('node:')), []);
  assert.doesNotMatch(code, /["']msw(?:\/[^"']*)?["']/);
});

test('the built command exits 2 on a fixtures file with mistakes', async () => {
  const fixtures = join(folder, 'bad.json');
  await writeFile(fixtures, '{"user": "abonent@example.ru"}');
  const { code, stderr } = await runBin(['--base-url', served.baseUrl, '--fixtures', fixtures]);
  assert.equal(code, 2);
  assert.match(stderr, /user must be an object/);
});

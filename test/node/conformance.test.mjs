// The conformance suite against the mock backend (in process, msw
// intercepting fetch): it passes; a check whose fixture is missing does not
// run; the command's exit codes and its fixture messages.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_URL, checksById, loadModules, mailboxFetch, mockFixtures, readOpenApiDocument, startMock } from '../conformance/helpers.mjs';

let modules;
let server;
let folder;

before(async () => {
  modules = await loadModules();
  server = await startMock(modules.mock);
  folder = await mkdtemp(join(tmpdir(), 'lk-conformance-'));
});

after(async () => {
  await server?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The login throttle counts per client, and this whole process is one: each run starts with a fresh window. */
const freshWindow = () => server.clock.advance(16 * 60_000);

test('every check passes against the mock, and every family runs', async () => {
  await freshWindow();
  const report = await modules.conformance.runConformance({
    baseUrl: BASE_URL,
    fixtures: await mockFixtures(),
    openapi: await readOpenApiDocument(),
    fetch: mailboxFetch(server),
  });
  const failed = report.families.flatMap((family) => family.checks).filter((check) => check.outcome !== 'passed');
  assert.deepEqual(failed, [], modules.conformance.formatReport(report));
  assert.deepEqual(
    report.families.map((family) => family.id),
    ['credentials', 'problems', 'csrf', 'session-cookie', 'rate-limit', 'idempotency', 'readings', 'lists', 'letters', 'shapes'],
  );
  assert.equal(report.summary.failed, 0);
  assert.equal(report.summary['not-run'], 0);
});

test('the letter flows read the letters through a mailbox command too', async () => {
  await freshWindow();
  const letters = join(folder, 'letters');
  await mkdir(letters, { recursive: true });
  // After every answer, the newest letter to each address is written to a file named by it, for `cat` to print.
  const fetcher = async (input, init) => {
    const response = await fetch(input, init);
    for (const letter of [...(await server.outbox.list())].reverse()) await writeFile(join(letters, letter.to.toLowerCase()), letter.body);
    return response;
  };
  const fixtures = { ...(await mockFixtures()), mailbox: { command: `cat ${letters}/{email}`, timeoutSeconds: 1 } };
  const report = await modules.conformance.runConformance({ baseUrl: BASE_URL, fixtures, fetch: fetcher, only: ['letters'] });
  const checks = checksById(report);
  assert.equal(checks['letters.confirm'].outcome, 'passed', modules.conformance.formatReport(report));
  assert.equal(checks['letters.reset'].outcome, 'passed', modules.conformance.formatReport(report));
});

test('a check whose fixture is missing is reported as not run, naming the fixture, and never as passed', async () => {
  await freshWindow();
  const { user } = await mockFixtures();
  const report = await modules.conformance.runConformance({ baseUrl: BASE_URL, fixtures: { user }, openapi: await readOpenApiDocument() });
  const checks = checksById(report);
  assert.equal(checks['idempotency.replay'].outcome, 'not-run');
  assert.match(checks['idempotency.replay'].notRunReason, /account, paymentAmount/);
  assert.equal(checks['letters.confirm'].outcome, 'not-run');
  assert.match(checks['letters.confirm'].notRunReason, /mailbox/);
  assert.equal(report.families.find((family) => family.id === 'letters').outcome, 'not-run');
  assert.equal(checks['csrf.login'].outcome, 'passed');
  assert.equal(report.summary.failed, 0);
});

test('the command exits 0 with checks not run, prints the report, and writes it as JSON', async () => {
  await freshWindow();
  const fixtures = join(folder, 'fixtures.json');
  const { user } = await mockFixtures();
  await writeFile(fixtures, JSON.stringify({ user }));
  const json = join(folder, 'report.json');
  const out = [];
  const code = await modules.conformance.main(
    ['--base-url', BASE_URL, '--fixtures', fixtures, '--openapi', new URL('../conformance/openapi.fixture.json', import.meta.url).pathname, '--json', json, '--only', 'csrf,letters'],
    { stdout: (text) => out.push(text), stderr: (text) => out.push(text) },
  );
  assert.equal(code, 0, out.join('\n'));
  assert.match(out.join('\n'), /passed\s+csrf: /);
  assert.match(out.join('\n'), /not run\s+letters\.confirm: .*\(needs the fixture mailbox\)/);
  const written = JSON.parse(await readFile(json, 'utf8'));
  assert.equal(written.summary.failed, 0);
  assert.ok(!out.join('\n').includes(user.password), 'the password is not printed');
});

test('bad usage and a fixtures file with mistakes exit 2 with a message for each mistake', async () => {
  const run = async (args) => {
    const err = [];
    const code = await modules.conformance.main(args, { stdout: () => {}, stderr: (text) => err.push(text) });
    return { code, err: err.join('\n') };
  };
  const fixtures = join(folder, 'bad.json');
  await writeFile(fixtures, JSON.stringify({ user: { email: 'nobody' }, paymentAmount: 12.5, mailbox: { url: 'http://x/' }, acount: {} }));
  const bad = await run(['--base-url', BASE_URL, '--fixtures', fixtures]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /user\.email must be an e-mail address/);
  assert.match(bad.err, /user\.password must be a non-empty string/);
  assert.match(bad.err, /paymentAmount \(kopecks\) must be a whole number/);
  assert.match(bad.err, /mailbox url or command must contain \{email\}/);
  assert.match(bad.err, /"acount" is not a fixture/);

  assert.equal((await run(['--fixtures', fixtures])).code, 2);
  assert.match((await run(['--base-url', 'ftp://x/', '--fixtures', fixtures])).err, /--base-url must be an http or https URL/);
  assert.match((await run(['--base-url', BASE_URL, '--fixtures', join(folder, 'missing.json')])).err, /cannot read the fixtures file/);
  assert.match((await run(['--bogus'])).err, /Unknown option/);
  const good = join(folder, 'good.json');
  await writeFile(good, '{}');
  assert.match((await run(['--base-url', BASE_URL, '--fixtures', good, '--only', 'nope'])).err, /no such family or check: nope/);
  assert.match((await run(['--base-url', BASE_URL, '--fixtures', good, '--timeout', '0'])).err, /--timeout must be a number of seconds above 0/);
  const notOpenApi = join(folder, 'not-openapi.json');
  await writeFile(notOpenApi, '{"swagger": "2.0"}');
  assert.match((await run(['--base-url', BASE_URL, '--fixtures', good, '--openapi', notOpenApi])).err, /OpenAPI document cannot be used/);
});

test('--help lists every check with its fixtures and the side effects on the backend', async () => {
  const out = [];
  assert.equal(await modules.conformance.main(['--help'], { stdout: (text) => out.push(text) }), 0);
  const help = out.join('\n');
  for (const family of modules.conformance.FAMILIES) for (const check of family.checks) assert.ok(help.includes(check.id), check.id);
  assert.match(help, /Side effects on the backend/);
  assert.match(help, /idempotency\.replay: one payment of paymentAmount/);
});

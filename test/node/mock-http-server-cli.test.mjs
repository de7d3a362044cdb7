// The built `lk-widgets-mock` CLI as a child process: rollup builds the bin
// (the same output `npm run build` makes, into a folder of its own), each
// test starts it on port 0 and reads the URL it prints.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FAST = ['--password-iterations', 'test', '--captcha-difficulty', '1'];
const DEMO = { email: 'abonent@example.ru', password: 'gaz2015' };
const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-Requested-With': 'lk-widgets' };
const ACCOUNT = { supplierId: 'mrg-pskov', number: '6001234567' };

let binFolder;
let bin;
let dataFolder;
const children = new Set();

before(async () => {
  // The config's paths are relative to the repository, as for `npm run build`.
  process.chdir(root);
  binFolder = await mkdtemp(join(root, 'node_modules', '.lk-bin-test-'));
  const { mockServerBin } = await import(join(root, 'rollup.config.mjs'));
  const config = mockServerBin(binFolder);
  const bundle = await rollup({ ...config, onwarn: () => undefined });
  await bundle.write(config.output);
  await bundle.close();
  bin = join(binFolder, 'lk-widgets-mock.js');
  dataFolder = await mkdtemp(join(tmpdir(), 'lk-mock-cli-'));
});

after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await rm(binFolder, { recursive: true, force: true });
  await rm(dataFolder, { recursive: true, force: true });
});

/** Runs the CLI to its end: exit code, stdout, stderr. */
function run(args, { file = bin, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the CLI and waits for the URL it prints. */
function start(args = [], { env = {} } = {}) {
  const child = spawn(process.execPath, [bin, ...(env.PORT === undefined ? ['--port', '0'] : []), ...FAST, ...args], {
    env: { ...process.env, ...env },
  });
  children.add(child);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => children.delete(child));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const api = /lk-widgets mock API: (\S+)\n/u.exec(stdout);
      if (!api) return;
      if (args.includes('--admin') && !/lk-widgets mock admin: \S+\n/u.test(stdout)) return;
      resolve({ child, exited, apiUrl: api[1], adminUrl: /lk-widgets mock admin: (\S+)\n/u.exec(stdout)?.[1], stdout });
    });
    exited.then(({ code }) => reject(new Error(`the CLI exited with ${code} before listening: ${stderr}`)));
  });
}

const post = (url, body, headers = {}) =>
  fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });

async function logIn(apiUrl) {
  const answer = await post(`${apiUrl}auth/login`, DEMO);
  assert.equal(answer.status, 200);
  return answer.headers.getSetCookie()[0].split(';')[0];
}

describe('the built CLI', () => {
  test('prints its URL, serves the API with real cookies, and exits 0 on SIGTERM', async () => {
    const server = await start([], { env: { PORT: '0' } });
    assert.match(server.apiUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/$/u);
    assert.match(server.stdout, /^lk-widgets mock API: http:\/\/127\.0\.0\.1:\d+\/api\/\n$/u);
    const cookie = await logIn(server.apiUrl);
    assert.equal((await (await fetch(`${server.apiUrl}auth/session`, { headers: { Cookie: cookie } })).json()).user.email, DEMO.email);
    assert.deepEqual(await (await fetch(`${server.apiUrl}auth/session`)).json(), { user: null });
    server.child.kill('SIGTERM');
    assert.deepEqual(await server.exited, { code: 0, signal: null });
  });

  test('serves the admin API with --admin, and https with --cert and --key (Secure cookie)', async () => {
    const tls = join(root, 'test', 'fixtures', 'tls');
    const server = await start(['--admin', '--cert', join(tls, 'cert.pem'), '--key', join(tls, 'key.pem')]);
    assert.match(server.apiUrl, /^https:/u);
    assert.equal(server.adminUrl, server.apiUrl.replace(/api\/$/u, '__admin/'));
    const ca = await readFile(join(tls, 'cert.pem'));
    const answer = await new Promise((resolve, reject) => {
      const request = httpsRequest(`${server.adminUrl}clock`, { ca }, (response) => {
        response.resume();
        resolve(response);
      });
      request.on('error', reject);
      request.end();
    });
    assert.equal(answer.statusCode, 200);
    const login = await new Promise((resolve, reject) => {
      const request = httpsRequest(`${server.apiUrl}auth/login`, { method: 'POST', headers: JSON_HEADERS, ca }, (response) => {
        response.resume();
        resolve(response);
      });
      request.on('error', reject);
      request.end(JSON.stringify(DEMO));
    });
    assert.match(login.headers['set-cookie'][0], /HttpOnly; SameSite=Lax; Secure$/u);
    server.child.kill('SIGINT');
    assert.equal((await server.exited).code, 0);
  });

  test('--help prints the options and exits 0; a wrong flag exits 2 with one line of why', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    for (const flag of ['--port', '--host', '--base', '--allow-origin', '--data', '--admin', '--cert', '--key', '--link-base', '--latency', '--password-iterations', '--captcha-difficulty']) {
      assert.ok(help.stdout.includes(flag), `--help names ${flag}`);
    }
    const wrong = await run(['--port', 'eighty']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--port must be an integer/u);
    assert.equal((await run(['--cert', 'x.pem'])).code, 2);
    assert.equal((await run(['--no-such-flag'])).code, 2);
    assert.equal((await run(['--password-iterations', 'many'])).code, 2);
    const origin = await run(['--port', '0', '--allow-origin', 'http://shop.test/page']);
    assert.equal(origin.code, 2);
    assert.match(origin.stderr, /allowed origin is a scheme, host and port/u);
  });

  test('a port in use stops the start with one clear line and exit code 1', async () => {
    const server = await start();
    const { port } = new URL(server.apiUrl);
    const second = await run(['--port', port]);
    assert.equal(second.code, 1);
    assert.match(second.stderr, new RegExp(`^lk-widgets mock: port ${port} on 127\\.0\\.0\\.1 is in use`, 'u'));
    server.child.kill('SIGTERM');
    await server.exited;
  });

  test('without msw it says in one line how to install it, and exits non-zero', async () => {
    // The built bin where no node_modules can be found.
    const alone = await mkdtemp(join(tmpdir(), 'lk-mock-no-msw-'));
    try {
      await cp(binFolder, alone, { recursive: true });
      const result = await run(['--port', '0'], { file: join(alone, 'lk-widgets-mock.js') });
      assert.notEqual(result.code, 0);
      assert.equal(result.stderr.trim().split('\n').length, 1);
      assert.match(result.stderr, /npm install -D msw/u);
    } finally {
      await rm(alone, { recursive: true, force: true });
    }
  });
});

describe('npm run mock:server', () => {
  test('runs the CLI from the sources, with no build, and passes its arguments on', async () => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'mock-server.mjs'), '--port', '0', '--base', '/sandbox/', ...FAST], {
      cwd: root,
    });
    children.add(child);
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const apiUrl = await new Promise((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /lk-widgets mock API: (\S+)\n/u.exec(stdout);
        if (match) resolve(match[1]);
      });
      exited.then((code) => reject(new Error(`mock-server.mjs exited with ${code}`)));
    });
    assert.match(apiUrl, /^http:\/\/127\.0\.0\.1:\d+\/sandbox\/$/u);
    assert.equal((await post(`${apiUrl}auth/login`, DEMO)).status, 200);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    children.delete(child);
  });
});

describe('the CLI with --data', () => {
  test('the session and a connected account survive a restart (SIGINT flushes)', async () => {
    const dataFile = join(dataFolder, 'restart.json');
    const first = await start(['--data', dataFile]);
    const cookie = await logIn(first.apiUrl);
    const connected = await post(`${first.apiUrl}accounts`, ACCOUNT, { Cookie: cookie });
    const { account } = await connected.json();
    first.child.kill('SIGINT');
    assert.equal((await first.exited).code, 0);

    const second = await start(['--data', dataFile]);
    assert.equal((await (await fetch(`${second.apiUrl}auth/session`, { headers: { Cookie: cookie } })).json()).user.email, DEMO.email);
    const { accounts } = await (await fetch(`${second.apiUrl}accounts`, { headers: { Cookie: cookie } })).json();
    assert.ok(accounts.some((each) => each.id === account.id));
    second.child.kill('SIGTERM');
    await second.exited;
  });

  test('a kill in the middle of writes leaves a whole, valid file that the next start reads', async () => {
    const dataFile = join(dataFolder, 'killed.json');
    for (const killAfter of [5, 20, 45]) {
      const server = await start(['--data', dataFile, '--admin']);
      // Many state changes in flight, each one a write of the file.
      const writes = Array.from({ length: 60 }, (_, index) =>
        fetch(`${server.adminUrl}latency`, { method: 'PUT', body: JSON.stringify({ ms: index }) }).catch(() => undefined),
      );
      await new Promise((resolve) => setTimeout(resolve, killAfter));
      server.child.kill('SIGKILL');
      await server.exited;
      await Promise.all(writes);
      const state = JSON.parse(await readFile(dataFile, 'utf8'));
      assert.equal(typeof state.version, 'number');
      assert.equal(typeof state.controls.latency, 'number');
    }
    const again = await start(['--data', dataFile]);
    assert.equal((await post(`${again.apiUrl}auth/login`, DEMO)).status, 200);
    // Temporary files a kill left behind are gone once a server opens the file again.
    assert.deepEqual((await readdir(dataFolder)).filter((name) => name.startsWith('.killed.json.')), []);
    again.child.kill('SIGTERM');
    await again.exited;
  });

  test('a corrupt file stops the start with a clear message and a non-zero code, and is left as it was', async () => {
    const dataFile = join(dataFolder, 'corrupt.json');
    await writeFile(dataFile, '{"version": 5, "users": ');
    const result = await run(['--port', '0', '--data', dataFile]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^lk-widgets mock: the data file .*corrupt\.json is not valid JSON/u);
    assert.equal(result.stdout, '');
    assert.equal(await readFile(dataFile, 'utf8'), '{"version": 5, "users": ');
  });
});

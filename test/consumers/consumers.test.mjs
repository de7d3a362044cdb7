// Proven by installing it: the package packed as npm publishes it (after
// `npm run build`) and installed from the tarball into three consumer projects
// kept beside this file, each copied to a scratch folder outside the
// repository: a plain HTML page with the single-file bundle and no build step,
// a Vite + React 19 + TypeScript app and a Vite + Vue 3 + TypeScript app. The
// typed ones type-check with the package's own framework types (and a second
// file of misuse must fail to), all build, and each runs in Chromium: the demo
// user logs in through <lk-login-form>, the form says "Вы вошли как …", and the
// host's own handler of lk-login writes a line the test reads.
//
// The API is the package's own `lk-widgets-mock` bin, installed from the
// tarball, as a real HTTP server on another origin: that proves the bin too,
// and keeps msw and its service worker out of the apps, as in production.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { ensureBundle } from '../../scripts/serve-demo.mjs';
import { startMockProcess } from '../support/mock-process.mjs';
import {
  DEMO_USER,
  announcedErrors,
  installProject,
  logInAsDemoUser,
  mustRun,
  openPage,
  packPackage,
  startStaticServer,
  runCommand,
  textIn,
  typeErrors,
  unexpectedProblems,
} from './harness.mjs';

const STEP = { timeout: 300_000 };

let scratch;
let packed;
let html;
let mock;
let browser;
const servers = {};
/** The typed projects' installs, started in `before`: name → its folder once installed. */
const installs = {};

before(
  async () => {
    assert.ok(ensureBundle({ quiet: true }), 'npm run build failed');
    scratch = await mkdtemp(join(tmpdir(), 'lk-widgets-consumers-'));
    packed = await packPackage(scratch);
    // The three installs at once (mostly waiting on the cache and the disk); each
    // typed project's test awaits its own, so a failure is reported there.
    for (const name of ['react', 'vue']) {
      installs[name] = installProject(name, scratch);
      installs[name].catch(() => {});
    }
    // The plain page's project first: its msw lets lk-widgets-mock run from its node_modules/.bin.
    html = await installProject('html', scratch);
    const bundle = createRequire(join(html, 'package.json')).resolve('lk-widgets/lk-widgets.min.js');
    servers.html = await startStaticServer(html, { routes: { '/lk-widgets.min.js': bundle } });
    servers.react = await startStaticServer(join(scratch, 'react', 'dist'));
    servers.vue = await startStaticServer(join(scratch, 'vue', 'dist'), { trustedTypes: ['vue'] });
    const origins = Object.values(servers).flatMap((server) => ['--allow-origin', server.origin]);
    mock = await startMockProcess(join(html, 'node_modules', '.bin', 'lk-widgets-mock'), ['--port', '0', '--password-iterations', 'test', ...origins], {
      cwd: html,
    });
    for (const server of Object.values(servers)) server.allowApi(mock.apiBase);
    browser = await puppeteer.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  },
  STEP,
);

after(async () => {
  // An install still running would write into the folder removed below.
  await Promise.allSettled(Object.values(installs));
  await browser?.close();
  await mock?.stop();
  await Promise.all(Object.values(servers).map((server) => server.stop()));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** The consumer's page at `origin`, told where the API is; logs in and reads the host's line. */
async function logInOnConsumerPage(origin) {
  const url = new URL('/', origin);
  url.searchParams.set('api-base', mock.apiBase);
  const { page, problems, close } = await openPage(browser, url.href);
  try {
    await logInAsDemoUser(page);
    await textIn(page, '#host-log', `lk-login: ${DEMO_USER.email}`);
    assert.deepEqual(unexpectedProblems(problems, mock.apiBase), []);
  } finally {
    await close();
  }
}

test('the tarball holds the built package, its types, manifest, README, licence and docs, and no tests, stories, sources or demo', () => {
  const allowed = [/^package\.json$/u, /^README\.md$/u, /^LICENSE$/u, /^dist\//u, /^docs\/[^/]+\.md$/u, /^conformance\/fixtures\.mock\.json$/u];
  assert.deepEqual(
    packed.files.filter((path) => !allowed.some((pattern) => pattern.test(path))),
    [],
  );
  assert.deepEqual(
    packed.files.filter((path) => /(^|\/)(test|tests|stories|demo|\.storybook)\//u.test(path) || /\.stories\.|\.test\./u.test(path)),
    [],
    'no tests, stories or demo',
  );
  assert.deepEqual(
    packed.files.filter((path) => /\.tsx?$/u.test(path) && !/^dist\/types\/.*\.d\.ts$/u.test(path)),
    [],
    'no TypeScript sources: declarations only, under dist/types/',
  );
  for (const path of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/lk-widgets.min.js', 'dist/custom-elements.json', 'dist/types/src/index.d.ts', 'dist/bin/lk-widgets-mock.js']) {
    assert.ok(packed.files.includes(path), `the tarball holds ${path}`);
  }
});

test('html: a plain page with lk-widgets/lk-widgets.min.js and no build step logs in, and its addEventListener gets lk-login', STEP, async () => {
  await logInOnConsumerPage(servers.html.origin);
});

/**
 * The steps of a typed project: install it from the tarball, type-check it,
 * compile its misuse on its own and expect exactly the errors its lines
 * announce (`// error TS2322: …`), build it with Vite, and log in on the
 * built app.
 */
async function typedProject(t, name, { typecheck, misuse }) {
  let dir;
  await t.test('installs from the tarball', async () => {
    dir = await installs[name];
  });
  const bin = (command) => join(dir, 'node_modules', '.bin', command);
  await t.test(`type-checks with ${typecheck}`, async () => {
    await mustRun(bin(typecheck), ['-p', 'tsconfig.json'], dir);
  });
  await t.test(`${misuse}: a misspelt attribute and a handler of the wrong type are type errors`, async () => {
    const announced = announcedErrors(misuse, await readFile(join(dir, misuse), 'utf8'));
    assert.equal(announced.length, 2);
    const { code, output } = await runCommand(bin(typecheck), ['-p', 'tsconfig.misuse.json'], dir);
    assert.notEqual(code, 0, `${misuse} type-checked:\n${output}`);
    assert.deepEqual(
      typeErrors(output).map((error) => `${error.at} ${error.code}`),
      announced,
      output,
    );
  });
  await t.test('builds with vite build', async () => {
    await mustRun(bin('vite'), ['build', '--logLevel', 'warn'], dir);
  });
  await t.test('logs in, and the host gets lk-login', async () => {
    await logInOnConsumerPage(servers[name].origin);
  });
}

test('react: a Vite + React 19 + TypeScript app types <lk-login-form> with lk-widgets/react-jsx and hears lk-login through its onlk-login prop', STEP, (t) =>
  typedProject(t, 'react', { typecheck: 'tsc', misuse: 'misuse/misuse.tsx' }),
);

test('vue: a Vite + Vue 3 + TypeScript app types <lk-login-form> with lk-widgets/vue under vue-tsc and hears lk-login through @lk-login', STEP, (t) =>
  typedProject(t, 'vue', { typecheck: 'vue-tsc', misuse: 'misuse/Misuse.vue' }),
);

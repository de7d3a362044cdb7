// What the consumer-project test needs around the projects themselves: the
// package packed as npm publishes it, each project copied to a scratch folder
// outside the repository (so nothing resolves from the repository's own
// node_modules) and installed from the tarball, its commands run, its pages
// served under the SDK's Content-Security-Policy, and the demo user logged in
// through the form in Chromium.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { cp, readFile, rename } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp.mjs';
import { DEMO_USER, WAIT, textIn } from '../e2e/cabinet-driver.mjs';

export { DEMO_USER, WAIT, textIn };

const execFileAsync = promisify(execFile);

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROJECTS = fileURLToPath(new URL('./', import.meta.url));

/** The projects' name for the tarball: their package.json says `"lk-widgets": "file:../lk-widgets.tgz"`. */
const TARBALL = 'lk-widgets.tgz';

/** npm without its update check, so a run prints nothing but its own output. */
const NPM_ENV = { ...process.env, npm_config_update_notifier: 'false' };

/**
 * Runs `command args…` in `cwd` and resolves with its exit code and all it
 * printed; never rejects for a non-zero exit, so a test can expect a failure.
 *
 * @returns {Promise<{code: number, output: string}>}
 */
export async function runCommand(command, args, cwd) {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd, env: NPM_ENV, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

/** Like {@link runCommand}, and fails with the output when the command does. */
export async function mustRun(command, args, cwd) {
  const result = await runCommand(command, args, cwd);
  assert.equal(result.code, 0, `${command} ${args.join(' ')} failed in ${cwd}:\n${result.output}`);
  return result.output;
}

/**
 * `npm pack` of the repository (its dist/ must be built) into `scratch`, as
 * `lk-widgets.tgz`.
 *
 * @returns {Promise<{tarball: string, files: string[]}>} the tarball and the paths it holds.
 */
export async function packPackage(scratch) {
  const output = await mustRun('npm', ['pack', '--json', '--pack-destination', scratch], ROOT);
  // npm prints the JSON list last; anything a lifecycle script printed would come before it.
  const [packed] = JSON.parse(output.slice(output.indexOf('[')));
  const tarball = join(scratch, TARBALL);
  await rename(join(scratch, packed.filename), tarball);
  return { tarball, files: packed.files.map((file) => file.path) };
}

/**
 * Copies the project `name` (a folder beside this file) into `scratch` and
 * installs it: from the npm cache when it can, lk-widgets from the tarball.
 *
 * @returns {Promise<string>} the project's folder in `scratch`.
 */
export async function installProject(name, scratch) {
  const dir = join(scratch, name);
  await cp(join(PROJECTS, name), dir, { recursive: true });
  await mustRun('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  return dir;
}

/**
 * The TypeScript errors in a compiler's output: `file:line` (the path as
 * the compiler gives it, relative to the project), the code and the message.
 *
 * @returns {{at: string, code: string, message: string}[]}
 */
export function typeErrors(output) {
  // tsc prints `file(line,col): error TS…: message`; vue-tsc the same, as it runs tsc.
  return [...output.matchAll(/^(\S[^(\n]*)\((\d+),\d+\): error (TS\d+): (.*)$/gmu)].map((match) => ({
    at: `${match[1]}:${match[2]}`,
    code: match[3],
    message: match[4],
  }));
}

/**
 * The errors a file of misuse announces: each line that says `error TS…`
 * (in a comment) must fail with that error, as `file:line TS…`.
 */
export const announcedErrors = (file, text) =>
  text.split('\n').flatMap((line, index) => {
    const code = /\berror (TS\d+)\b/u.exec(line)?.[1];
    return code ? [`${file}:${index + 1} ${code}`] : [];
  });

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Serves the files under `root` (`/` is index.html) on a free port of
 * 127.0.0.1, as a supplier's static host would, every answer under the SDK's
 * strict Content-Security-Policy with the API's origin added to
 * `connect-src`. `routes` maps a path to a file elsewhere (the bundle a plain
 * page copies from the package); `trustedTypes` names the host's own Trusted
 * Types policies, which its policy allows beside the SDK's (Vue's runtime
 * creates one called `vue`).
 */
export async function startStaticServer(root, { routes = {}, trustedTypes = [] } = {}) {
  const sitePolicy = CONTENT_SECURITY_POLICY.replace('trusted-types ', ['trusted-types', ...trustedTypes, ''].join(' '));
  let policy = sitePolicy;
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host.invalid').pathname);
    const file = routes[path] ?? normalize(join(root, path === '/' ? 'index.html' : path));
    const headers = { 'Content-Security-Policy': policy };
    if (!routes[path] && !file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) {
      response.writeHead(403, headers).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      // No favicon either: a 204 keeps the browser from logging a 404 the test would count.
      response.writeHead(path === '/favicon.ico' ? 204 : 404, headers).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    /** Lets the pages call the API on `apiBase`'s origin. */
    allowApi(apiBase) {
      policy = `${sitePolicy}; connect-src 'self' ${new URL(apiBase).origin}`;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Opens `url` in a browser context of its own (its own cookie jar, so each
 * project logs in afresh) and records what goes wrong on the page: console
 * errors, uncaught errors, answers of 400 and up.
 */
export async function openPage(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error?.message ?? error)));
  page.on('response', (answer) => answer.status() >= 400 && problems.push(`${answer.status()} ${answer.url()}`));
  await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
  return { page, problems, close: () => context.close() };
}

/** Logs the demo user in through `<lk-login-form>`, typing as a person does, and waits for "Вы вошли как …". */
export async function logInAsDemoUser(page) {
  await page.waitForSelector('lk-login-form input[name="email"]', WAIT);
  await page.type('lk-login-form input[name="email"]', DEMO_USER.email);
  await page.type('lk-login-form input[name="password"]', DEMO_USER.password);
  await page.keyboard.press('Enter');
  await textIn(page, 'lk-login-form [part~="signed-in-as"]', `Вы вошли как ${DEMO_USER.email}.`);
}

/**
 * What may go wrong on a consumer's page and nothing else: before logging in
 * the form asks for the session, and the API's 401 is logged by the browser.
 */
export const unexpectedProblems = (problems, apiBase) =>
  problems.filter((text) => !text.startsWith(`401 ${new URL('auth/session', apiBase).href}`) && !/status of 401/u.test(text));

// End-to-end over the real path a supplier deploys: the production
// single-file bundle on a page of one origin, the API (`lk-widgets-mock`, a
// real HTTP server) on another origin of the same site. Nothing of msw runs
// in the page: the session is the server's HttpOnly cookie, sent by the
// browser itself under CORS with credentials.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp.mjs';
import { BUNDLE, ROOT, ensureBundle } from '../../scripts/serve-demo.mjs';
import { startMockProcess } from '../support/mock-process.mjs';
import { TEST, WAIT, connect, logIn, openSection, payOwnAmount, textIn } from './cabinet-driver.mjs';

const MOCK_CLI = join(ROOT, 'dist', 'bin', 'lk-widgets-mock.js');

let page;
let pageServer;
let mock;
let browser;
let profile;

/** The supplier's page: the bundle and one `<lk-cabinet>` pointed at the API's origin. */
const supplierPage = (apiBase) => `<!doctype html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>Личный кабинет — сайт поставщика</title>
  <script type="module" src="/lk-widgets.min.js"></script>
</head>
<body>
  <main><lk-cabinet api-base="${apiBase}"></lk-cabinet></main>
</body>
</html>`;

/** Serves the supplier's page and the bundle on a free port of 127.0.0.1, under the strict policy plus the API's origin in `connect-src`. */
async function startPageServer() {
  const bundle = await readFile(BUNDLE);
  let html = '';
  let policy = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page.invalid').pathname;
    if (path === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy });
      response.end(html);
    } else if (path === '/lk-widgets.min.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Security-Policy': policy });
      response.end(bundle);
    } else if (path === '/favicon.ico') {
      // A supplier's site has its icon; this page has none to give.
      response.writeHead(204);
      response.end();
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Points the page at the API, once its address is known. */
    serve(apiBase) {
      html = supplierPage(apiBase);
      policy = `${CONTENT_SECURITY_POLICY}; connect-src 'self' ${new URL(apiBase).origin}`;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

before(
  async () => {
    assert.ok(ensureBundle({ quiet: true }), 'npm run build failed');
    pageServer = await startPageServer();
    mock = await startMockProcess(process.execPath, [MOCK_CLI, '--port', '0', '--allow-origin', pageServer.origin, '--password-iterations', 'test'], { cwd: ROOT });
    pageServer.serve(mock.apiBase);
    profile = await mkdtemp(join(tmpdir(), 'lk-widgets-e2e-cross-origin-'));
    browser = await puppeteer.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, userDataDir: profile });
  },
  { timeout: 240_000 },
);

after(async () => {
  await browser?.close();
  await mock?.stop();
  await pageServer?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

test('the production bundle on one origin, lk-widgets-mock on another of the same site: log in, connect, pay with a reading, reload and still be logged in', TEST, async () => {
  assert.notEqual(new URL(mock.apiBase).origin, pageServer.origin, 'the API must be on another origin');
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  const problems = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error?.message ?? error)));
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const failed = [];
  page.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
  await page.goto(`${pageServer.origin}/`, { waitUntil: 'load' });

  await logIn(page);
  // The session is the API's own cookie: HttpOnly, so the page cannot read it, and not msw's emulated jar.
  const cookies = await page.cookies(mock.apiBase);
  const session = cookies.find((cookie) => cookie.name === 'lk_session');
  assert.ok(session, 'the browser keeps the session cookie of the API');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Lax');
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.equal(await page.evaluate(() => localStorage.getItem('__msw-cookie-store__')), null);

  await openSection(page, 'Подключить ЛС');
  await connect(page, 'Межрегионгаз Пятигорск (Республика Дагестан)', '5812345678');
  await openSection(page, 'Оплата');
  await textIn(page, 'lk-pay-now [part~="balance"]', 'Задолженности нет, переплата 1 956,85 ₽.');
  await payOwnAmount(page, '500,00', '27950');
  await textIn(page, 'lk-pay-now [part~="result-message"]', 'Оплата прошла: 500,00 ₽.');

  await page.reload({ waitUntil: 'load' });
  await textIn(page, 'lk-cabinet [part~="user"]', 'Вы вошли как abonent@example.ru');
  await openSection(page, 'Лицевой счет');
  await textIn(page, 'lk-account-summary [part~="fact-debt"]', '2 456,85 ₽');
  await textIn(page, 'lk-account-summary [part~="meters"]', '27950', WAIT);

  // Every call went to the API's origin over the network; nothing else was loaded from anywhere but the page's own origin.
  const apiOrigin = new URL(mock.apiBase).origin;
  assert.ok(requests.some((url) => url.startsWith(`${apiOrigin}/api/accounts/`)));
  assert.deepEqual(requests.filter((url) => !url.startsWith(`${apiOrigin}/`) && !url.startsWith(`${pageServer.origin}/`)), []);
  // Nothing went wrong, not even before logging in: having no session is an answer ({"user": null}), not a 401 the browser logs.
  assert.deepEqual(failed, []);
  assert.deepEqual(problems, []);
  await page.close();
});

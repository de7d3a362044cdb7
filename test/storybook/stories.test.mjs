// The built Storybook (npm run build-storybook first): every story of
// <lk-login-form> renders in Chromium, runs its play function to the end and
// reaches the state it is named after, each on its own mock backend.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const staticDir = fileURLToPath(new URL('../../storybook-static/', import.meta.url));
const STORY = 'elements-lk-login-form--';
let server;
let browser;
let profile;
let base;

before(async () => {
  assert.ok(existsSync(join(staticDir, 'iframe.html')), 'storybook-static is missing: run npm run build-storybook');
  server = await serveStatic(staticDir);
  base = `http://localhost:${server.address().port}`;
  profile = await mkdtemp(join(tmpdir(), 'lk-storybook-'));
  browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, userDataDir: profile });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (profile) await rm(profile, { recursive: true, force: true });
});

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };

/** A plain static server for the built Storybook: files as they are, nothing transformed or cached. */
function serveStatic(root) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, 'localhost', () => resolve(server)));
}

const text = (page, needle, timeout = 10_000) =>
  page.waitForFunction((n) => document.querySelector('#storybook-root')?.textContent.includes(n), { timeout }, needle);

/** Opens a story of <lk-login-form> by its short name. */
const openStory = (name) => openStoryById(`${STORY}${name}`);

/** Opens a story and waits until its render and play function have finished. */
async function openStoryById(id) {
  const name = id;
  // A fresh context per story, as a new visitor: msw's Service Worker
  // registration is per origin, and one story's worker set-up must not
  // outlive its page into the next story's.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('close', () => void context.close().catch(() => undefined));
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
  await page.waitForFunction(
    () => {
      const renders = window.__STORYBOOK_PREVIEW__?.storyRenders ?? [];
      return renders.length > 0 && renders.every((render) => ['finished', 'errored', 'aborted'].includes(render.phase));
    },
    { timeout: 30_000 },
  );
  const phases = await page.evaluate(() => window.__STORYBOOK_PREVIEW__.storyRenders.map((render) => render.phase));
  assert.deepEqual(phases, ['finished'], `${name}: the story did not finish`);
  return { page, errors };
}

const states = {
  empty: (page) => page.waitForSelector('lk-login-form form input[name=email]'),
  filled: (page) =>
    page.waitForFunction(() => document.querySelector('input[name=password]')?.value === 'gaz2015'),
  invalid: (page) => text(page, 'Исправьте, пожалуйста, ошибки:'),
  'wrong-password': (page) => text(page, 'Неверный e-mail или пароль'),
  throttled: (page) => text(page, 'Слишком много попыток входа'),
  'server-error': (page) => text(page, 'На сервере произошла ошибка'),
  'slow-network': (page) => text(page, 'Вы вошли как abonent@example.ru.', 15_000),
  'logged-in': (page) => text(page, 'Вы вошли как abonent@example.ru.'),
  english: (page) => text(page, 'Log in to your account'),
};

/** Every story in the build: each must render and run its play function to the end, with no page error. */
const indexFile = join(staticDir, 'index.json');
const allStories = existsSync(indexFile)
  ? Object.values(JSON.parse(readFileSync(indexFile, 'utf8')).entries).filter((entry) => entry.type === 'story')
  : [];

test('the build lists stories for every element with stories', () => {
  assert.ok(allStories.length > 0, 'no stories in storybook-static/index.json: run npm run build-storybook');
});

for (const story of allStories.filter((entry) => !entry.id.startsWith(STORY))) {
  test(`the "${story.id}" story renders and finishes its play function`, { timeout: 60_000 }, async () => {
    const { page, errors } = await openStoryById(story.id);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

for (const [name, reached] of Object.entries(states)) {
  test(`the "${name}" story reaches its state`, { timeout: 60_000 }, async () => {
    const { page, errors } = await openStory(name);
    await reached(page);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the docs page shows every story side by side, each on its own API base', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/iframe.html?id=${STORY}docs&viewMode=docs`, { waitUntil: 'load' });
  const count = Object.keys(states).length;
  await page.waitForFunction(
    (n) => document.querySelectorAll('lk-login-form form input[name=email]').length >= n,
    { timeout: 30_000 },
    count,
  );
  const bases = await page.evaluate(() => [...document.querySelectorAll('lk-provider')].map((provider) => provider.getAttribute('api-base')));
  assert.equal(new Set(bases).size, bases.length, `shared API bases: ${bases.join(', ')}`);
  assert.deepEqual(errors, []);
  await page.close();
});

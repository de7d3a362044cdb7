// What the types promise, in a browser (npm run build first): a small React
// app (fixtures/react-runtime/app.jsx), bundled with esbuild against the
// built package and react-dom 19, runs in Chromium. React 19 adds a listener
// for `onlk-login` (the event's own name after `on`) and sets a prop the
// element has as a property, any other as an attribute; the lk-widgets/react
// wrappers set properties and call their onLk… handlers.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
let browser;
let seen;

before(async () => {
  const bundle = await build({
    entryPoints: [join(root, 'test', 'node', 'fixtures', 'react-runtime', 'app.jsx')],
    bundle: true,
    format: 'esm',
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  browser = await puppeteer.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // An http base, so the relative link addresses count as the page's own; a
  // loopback port nothing listens on, so the elements' API calls (which the
  // test does not need) are refused at once and go nowhere else.
  await page.setContent('<!doctype html><base href="http://127.0.0.1:9/"><div id="root"></div>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
  await page.waitForSelector('body[data-ready]', { timeout: 10_000 }).catch(() => assert.fail(`the app did not run: ${errors.join('; ')}`));
  seen = await page.evaluate(() => window.seen);
}, { timeout: 60_000 });

after(() => browser?.close());

test('React 19: `onlk-login` on the tag is a listener for lk-login, with the LkLoginEvent', () => {
  assert.equal(seen.defined, true, 'lk-widgets/react registered the tag');
  assert.equal(seen.tag, 'abonent@example.ru');
});

test('React 19: a prop the element has is set as its property, a dashed one as the attribute', () => {
  assert.equal(seen.tagProperty, '/recover');
  assert.equal(seen.tagPropertyNotAttribute, false);
  assert.equal(seen.tagAttribute, '/register');
});

test('lk-widgets/react: the wrapper sets properties and calls onLkLogin and onToggle with the events', () => {
  assert.equal(seen.wrapperProperty, '/register');
  assert.equal(seen.hintText, 'Номер на квитанции');
  assert.equal(seen.wrapper, 'abonent@example.ru');
  assert.equal(seen.toggle, 'open');
});

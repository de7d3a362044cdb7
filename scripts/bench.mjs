#!/usr/bin/env node
// npm run bench: what an element costs, measured in headless Chromium on this
// machine, one run, printed as tables. A measurement, not a test: it fails
// only when it cannot measure. Everything runs on the production build
// (dist/, Lit's production build, minified) against the mock backend over
// real HTTP on another origin, as a supplier's page would call its API.
//
// 1. Render: 100 <lk-login-form>s against 100 naive Lit login forms with the
//    same fields in light DOM, alternating, the median of each.
// 2. The cabinet: from opening the page to the login form; logged in, to
//    the navigation panel and to the summary and the history of 5812345678
//    (the first section); from "Оплата" back to "Лицевой счет".
// 3. Heap: each element mounted and removed 1,000 times after a warm-up of
//    1,000 (V8's compiled code and feedback grow for the first few hundred
//    mounts and then stop: measured from the start, that growth reads as a
//    leak of about 40 bytes a mount), after forced garbage collection,
//    logged in, against a plain <div> as the noise floor.
// 4. Size: npm run size's table.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { importTypeScript } from './lib/typescript-module.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
const ROUNDS = 21;
const WARM_UP_ROUNDS = 4;
const FORMS = 100;
const CYCLES = 1000;
const DEMO_USER = { email: 'abonent@example.ru', password: 'gaz2015' };
const ACCOUNT = '5812345678';

if (!existsSync(join(dist, 'all.js'))) {
  console.error('bench: dist/ is missing; run npm run build first.');
  process.exit(1);
}

/** A naive Lit login form: the same fields, light DOM, no client, no checks, no states. */
const NAIVE_FORM = `
import { LitElement, html } from 'lit';
let count = 0;
class NaiveLoginForm extends LitElement {
  static properties = { email: { state: true }, password: { state: true } };
  constructor() {
    super();
    this.email = '';
    this.password = '';
    this.uid = 'naive' + ++count;
  }
  createRenderRoot() {
    return this;
  }
  render() {
    const id = this.uid;
    return html\`<form novalidate @submit=\${(event) => event.preventDefault()}>
      <h2>Вход в Личный кабинет</h2>
      <div><label for="\${id}-email">E-mail (логин)</label>
        <input id="\${id}-email" name="email" type="email" autocomplete="username" .value=\${this.email} @input=\${(event) => (this.email = event.target.value)}></div>
      <div><label for="\${id}-password">Пароль</label>
        <input id="\${id}-password" name="password" type="password" autocomplete="current-password" .value=\${this.password} @input=\${(event) => (this.password = event.target.value)}></div>
      <button type="submit">Войти</button>
      <p><a href="/recover">Забыли пароль?</a></p>
      <p>Ещё нет Личного кабинета? <a href="/register">Зарегистрироваться</a></p>
    </form>\`;
  }
}
customElements.define('naive-login-form', NaiveLoginForm);
`;

/** Bundles the pages' scripts as a site's bundler would: production conditions, minified, split. */
async function bundle() {
  const { outputFiles } = await build({
    stdin: {
      contents: `import './dist/all.js';\n${NAIVE_FORM}\nwindow.benchReady = true;`,
      resolveDir: root,
      sourcefile: 'bench-page.js',
      loader: 'js',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: '/bench',
    write: false,
    logLevel: 'error',
  });
  return new Map(outputFiles.map((file) => [file.path.replace(/^\/bench/u, ''), file.contents]));
}

/**
 * Counts the requests in flight, so the heap is read once the network is
 * quiet: a request still on its way holds its loader, its signal and its
 * timers, which would read as a leak of the element that made it.
 */
const COUNT_REQUESTS = `<script>
  const fetchOfPage = window.fetch;
  window.benchInFlight = 0;
  window.fetch = (...args) => {
    window.benchInFlight += 1;
    return fetchOfPage(...args).finally(() => (window.benchInFlight -= 1));
  };
</script>`;

function page(apiUrl, body) {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>lk-widgets bench</title>
${COUNT_REQUESTS}
<script type="module" src="/stdin.js"></script></head>
<body><lk-provider api-base="${apiUrl}">${body}</lk-provider></body></html>`;
}

async function serve(files, pages) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://bench').pathname;
    const html = pages[path];
    const file = files.get(path);
    if (html) response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    else if (file) response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(file);
    else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => `${value.toFixed(1)} ms`;

/** Render cost: `FORMS` of a tag appended, rendered and laid out; rounds alternate between the two tags. */
async function renderBench(browserPage) {
  return browserPage.evaluate(
    async ({ forms, rounds, warmUp }) => {
      const host = document.getElementById('host');
      // The session is asked once per page: the rounds start once it is known, so every round renders forms.
      const first = host.appendChild(document.createElement('lk-login-form'));
      while (!first.querySelector('input[type="password"]')) await new Promise((resolve) => requestAnimationFrame(resolve));
      first.remove();
      const round = async (tag) => {
        const box = document.createElement('div');
        const start = performance.now();
        for (let i = 0; i < forms; i += 1) box.append(document.createElement(tag));
        host.append(box);
        await Promise.all([...box.children].map((element) => element.updateComplete));
        box.getBoundingClientRect();
        const time = performance.now() - start;
        const rendered = box.querySelectorAll('form input[type="password"]').length;
        box.remove();
        if (rendered !== forms) throw new Error(`${tag}: ${rendered} of ${forms} forms rendered`);
        return time;
      };
      const times = { 'lk-login-form': [], 'naive-login-form': [] };
      for (let i = 0; i < warmUp + rounds; i += 1) {
        const order = i % 2 === 0 ? ['lk-login-form', 'naive-login-form'] : ['naive-login-form', 'lk-login-form'];
        for (const tag of order) {
          const time = await round(tag);
          if (i >= warmUp) times[tag].push(time);
        }
      }
      return times;
    },
    { forms: FORMS, rounds: ROUNDS, warmUp: WARM_UP_ROUNDS },
  );
}

/** Heap growth of `cycles` mounts and removals of `tag`, after as many to warm up (the JIT's code and feedback settle first). */
async function heapBench(browserPage, cdp, tag) {
  const usedHeap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const cycle = () =>
    browserPage.evaluate(
      async ({ tag, cycles }) => {
        const host = document.getElementById('host');
        for (let i = 0; i < cycles; i += 1) {
          const element = document.createElement(tag);
          host.append(element);
          await element.updateComplete;
          element.remove();
        }
        // The requests the elements made must have ended (or been aborted) before the heap is read.
        while (window.benchInFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      },
      { tag, cycles: CYCLES },
    );
  await cycle();
  const before = await usedHeap();
  await cycle();
  const after = await usedHeap();
  return after - before;
}

/** The cabinet as a visitor meets it: the login form, then the account's summary and history. */
async function cabinetBench(browser, origin, apiUrl) {
  const tab = await browser.newPage();
  await tab.goto(`${origin}/cabinet.html`, { waitUntil: 'domcontentloaded' });
  await tab.waitForSelector('lk-login-form input[type="password"]', { timeout: 30_000 });
  const toLoginForm = await tab.evaluate(() => performance.now());
  await tab.type('lk-login-form input[name="email"]', DEMO_USER.email);
  await tab.type('lk-login-form input[type="password"]', DEMO_USER.password);
  await tab.keyboard.press('Enter');
  await tab.waitForFunction(() => document.querySelector('lk-cabinet')?.textContent.includes('Вы вошли как'), { timeout: 30_000 });
  // The account is connected through the API, then the page opened again: the cabinet of a returning abonent.
  const connected = await tab.evaluate(async (apiUrl, account) => {
    const response = await fetch(`${apiUrl}accounts`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'lk-widgets' },
      body: JSON.stringify({ supplierId: 'mrg-pyatigorsk-dagestan', number: account }),
    });
    return response.status;
  }, apiUrl, ACCOUNT);
  if (connected >= 300) throw new Error(`connecting ${ACCOUNT} answered ${connected}`);
  await tab.reload({ waitUntil: 'domcontentloaded' });
  await tab.waitForFunction(
    () => [...document.querySelectorAll('lk-cabinet [part~="nav-link"]')].some((link) => link.textContent.trim() === 'Лицевой счет'),
    { timeout: 30_000 },
  );
  const toSignedIn = await tab.evaluate(() => performance.now());
  // "Лицевой счет" is the first section of a returning abonent: first when the page opens, then again from "Оплата".
  const accountShown = (account, from) =>
    tab.evaluate(
      async (account, from) => {
        const link = (name) => [...document.querySelectorAll('lk-cabinet [part~="nav-link"]')].find((each) => each.textContent.trim() === name);
        const shown = () =>
          link('Лицевой счет')?.getAttribute('aria-current') === 'page' &&
          document.querySelector('lk-account-summary [part~="fact-debt"]') &&
          document.querySelector('lk-account-history table, lk-account-history svg') &&
          document.querySelector('lk-cabinet')?.textContent.includes(account);
        let start = 0;
        if (from) {
          link(from).click();
          while (link(from).getAttribute('aria-current') !== 'page') await new Promise((resolve) => requestAnimationFrame(resolve));
          start = performance.now();
          link('Лицевой счет').click();
        }
        while (!shown()) {
          if (performance.now() - start > 30_000) throw new Error('the summary and history did not appear');
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        return performance.now() - start;
      },
      account,
      from,
    );
  const toAccountFirst = await accountShown(ACCOUNT, undefined);
  const toAccount = await accountShown(ACCOUNT, 'Оплата');
  await tab.close();
  return { toLoginForm, toSignedIn, toAccountFirst, toAccount };
}

const { createMockHttpServer } = await importTypeScript('mocks/http/server.ts');
const files = await bundle();
const pages = {};
const site = await serve(files, pages);
const mock = await createMockHttpServer({ allowOrigins: [site.origin] });
pages['/render.html'] = page(mock.apiUrl, '<div id="host"></div>');
pages['/cabinet.html'] = page(mock.apiUrl, '<lk-cabinet></lk-cabinet>');

// Without the Network domain: DevTools would otherwise keep every response for the inspector, in the page's own heap.
const browser = await puppeteer.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'], headless: true, networkEnabled: false });
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await tab.goto(`${site.origin}/render.html`, { waitUntil: 'load' });
  await tab.waitForFunction(() => window.benchReady === true);

  const times = await renderBench(tab);
  const lk = median(times['lk-login-form']);
  const naive = median(times['naive-login-form']);
  console.log(`\nRender: ${FORMS} forms appended, rendered and laid out; median of ${ROUNDS} alternating rounds after ${WARM_UP_ROUNDS} to warm up`);
  console.table([
    { element: '<lk-login-form>', median: ms(lk), fastest: ms(Math.min(...times['lk-login-form'])), slowest: ms(Math.max(...times['lk-login-form'])) },
    { element: 'naive Lit login form', median: ms(naive), fastest: ms(Math.min(...times['naive-login-form'])), slowest: ms(Math.max(...times['naive-login-form'])) },
  ]);
  console.log(`Ratio: ${(lk / naive).toFixed(2)}× (goal ≤ 1.5×)`);

  const cabinet = await cabinetBench(browser, site.origin, mock.apiUrl);
  console.log('\nThe cabinet against the mock over HTTP');
  console.table([
    { step: 'page opened → the login form', time: ms(cabinet.toLoginForm) },
    { step: 'page opened, logged in → the navigation panel', time: ms(cabinet.toSignedIn) },
    { step: `page opened, logged in → summary and history of ${ACCOUNT}`, time: ms(cabinet.toAccountFirst) },
    { step: `"Оплата", then "Лицевой счет" → summary and history`, time: ms(cabinet.toAccount) },
  ]);

  const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName);
  // A page of the same browser as the cabinet's, so logged in with the account connected:
  // the elements load and show their data, which is where a leak would hide.
  await tab.close();
  const heapTab = await browser.newPage();
  heapTab.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await heapTab.goto(`${site.origin}/render.html`, { waitUntil: 'load' });
  await heapTab.waitForFunction(() => window.benchReady === true);
  const cdp = await heapTab.createCDPSession();
  const rows = [];
  for (const tag of ['div', 'naive-login-form', ...tags.filter((tag) => tag !== 'lk-provider').sort()]) {
    const growth = await heapBench(heapTab, cdp, tag);
    rows.push({ element: tag === 'div' ? '<div> (noise floor)' : `<${tag}>`, 'heap growth': `${(growth / 1024).toFixed(1)} KB`, 'per mount': `${(growth / CYCLES).toFixed(0)} B` });
  }
  console.log(`\nHeap: growth over ${CYCLES} mounts and removals, after ${CYCLES} to warm up, after forced garbage collection (logged in, ${ACCOUNT} connected)`);
  console.table(rows);
} finally {
  await browser.close();
  await mock.close();
  site.server.close();
}

console.log('\nSize (npm run size)');
const size = spawnSync(process.execPath, [join(root, 'scripts', 'size.mjs')], { cwd: root, encoding: 'utf8' });
process.stdout.write(size.stdout);
process.stdout.write(size.stderr);

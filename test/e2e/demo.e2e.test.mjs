// End-to-end test of the demo pages in Debian's headless Chromium
// (puppeteer-core), served by scripts/serve-demo.mjs under the SDK's
// Content-Security-Policy (scripts/csp.mjs), against the in-browser MSW mock backend.
//
//   node --test test/e2e/
//
// Every page must load with no CSP or Trusted Types violation and no
// uncaught error. Only localhost is used. The server builds
// dist/lk-widgets.min.js first when it is missing or older than src/.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { CONTENT_SECURITY_POLICY, DEMO_PAGES, startDemoServer } from '../../scripts/serve-demo.mjs';

/** mocks/data/users.ts: the demo user (the README and the page show it too). */
const DEMO_USER = { email: 'abonent@example.ru', password: 'gaz2015' };

/** A page's first load compiles TypeScript and installs the msw worker; later waits are short. */
const LOAD = { timeout: 15_000 };
const WAIT = { timeout: 8_000 };
const TEST = { timeout: 60_000 };

const CSP_MESSAGE = /Content[- ]Security[- ]Policy|Trusted ?Types?|Trusted(HTML|Script|ScriptURL)\b/i;

const FORM = 'lk-login-form';
const EMAIL = `${FORM} input[name="email"]`;
const PASSWORD = `${FORM} input[name="password"]`;
const LOGOUT = `${FORM} [part~="logout"]`;
const SIGNED_IN_TEXT = `Вы вошли как ${DEMO_USER.email}`;
/** The demo's main page is the whole cabinet: once logged in, its panel names the user and has "Выйти". */
const CABINET_USER = 'lk-cabinet [part~="user"]';
const CABINET_LOGOUT = 'lk-cabinet [part~="logout"]';

let server;
let browser;
let userDataDir;

before(
  async () => {
    server = await startDemoServer({ port: 0, quiet: true });
    userDataDir = await mkdtemp(join(tmpdir(), 'lk-widgets-e2e-'));
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
      userDataDir,
    });
  },
  // Includes `npm run build` when the bundle is stale.
  { timeout: 240_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/**
 * Opens `path` in a new tab that records CSP and Trusted Types violations
 * (console messages and `securitypolicyviolation` events) and uncaught errors.
 */
async function openPage(path) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = { csp: [], errors: [], warnings: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (CSP_MESSAGE.test(text)) problems.csp.push(`console: ${text}`);
    if (message.type() === 'warn') problems.warnings.push(text);
  });
  page.on('pageerror', (error) => problems.errors.push(String(error?.stack ?? error?.message ?? error)));
  await page.evaluateOnNewDocument(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}: ${event.sample}`);
    });
  });

  /** Moves the violations the current document recorded into `problems` (before a reload or close). */
  async function collectViolations() {
    const recorded = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    problems.csp.push(...recorded.map((text) => `event: ${text}`));
  }

  async function goto(url) {
    const response = await page.goto(url, { waitUntil: 'load', ...LOAD });
    // 304 on a second visit: the dev server answers conditional requests.
    assert.ok([200, 304].includes(response?.status()), `${url} answered ${response?.status()}`);
    assert.equal(response.headers()['content-security-policy'], CONTENT_SECURITY_POLICY, `${url} must carry the CSP`);
  }

  async function reload() {
    await collectViolations();
    const response = await page.reload({ waitUntil: 'load', ...LOAD });
    assert.ok([200, 304].includes(response?.status()), `the reload answered ${response?.status()}`);
  }

  /** Asserts no violation and no uncaught error so far, then closes the tab. */
  async function closeClean() {
    await collectViolations();
    await page.close();
    assert.deepEqual(problems.csp, [], 'CSP / Trusted Types violations');
    assert.deepEqual(problems.errors, [], 'uncaught page errors');
  }

  await goto(new URL(path, server.url).href);
  return { page, problems, reload, closeClean };
}

/** Presses Tab until `selector` has the focus (at most `max` presses); returns the count. */
async function tabUntil(page, selector, max = 80) {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return presses;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  assert.fail(`${max} Tab presses never focused ${selector}; the focus is on ${focused}`);
}

/** Waits until the page shows the demo user logged in: in the cabinet's panel, or in a lone login form. */
const waitForSignedIn = (page) =>
  page.waitForFunction(
    (text) => (document.querySelector('lk-cabinet [part~="user"]') ?? document.querySelector('lk-login-form'))?.textContent?.includes(text),
    WAIT,
    SIGNED_IN_TEXT,
  );

/** Logs in by typing into the fields and pressing Enter (not the keyboard-only path). */
async function typeAndLogIn(page, password = DEMO_USER.password) {
  await page.waitForSelector(EMAIL, LOAD);
  await page.type(EMAIL, DEMO_USER.email);
  await page.type(PASSWORD, password);
  await page.keyboard.press('Enter');
  await waitForSignedIn(page);
}

describe('demo server', () => {
  test('redirects / to /demo/ and serves the msw worker, all under the CSP', TEST, async () => {
    const root = await fetch(server.url, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(new URL(root.headers.get('location'), server.url).pathname, '/demo/');
    assert.equal(root.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);

    const worker = await fetch(new URL('/mockServiceWorker.js', server.url));
    assert.equal(worker.status, 200);
    assert.match(await worker.text(), /Mock Service Worker/);
    assert.equal(worker.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  });
});

describe('demo/index.html', () => {
  test('a person logs in and out with the keyboard alone', TEST, async () => {
    const { page, closeClean } = await openPage(DEMO_PAGES.demo);
    await page.waitForSelector(EMAIL, LOAD);

    // From the top of the page, Tab by Tab, to the e-mail field.
    await tabUntil(page, EMAIL);
    await page.keyboard.type(DEMO_USER.email);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate((selector) => document.activeElement?.matches(selector), PASSWORD), 'Tab moves to the password');
    await page.keyboard.type(DEMO_USER.password);
    await page.keyboard.press('Enter');

    await waitForSignedIn(page);
    const greeting = await page.$eval(CABINET_USER, (node) => node.textContent.trim());
    assert.match(greeting, /^Вы вошли как abonent@example\.ru/);

    // "Выйти", reached with Tab and pressed with Enter.
    await tabUntil(page, CABINET_LOGOUT);
    assert.equal(await page.$eval(CABINET_LOGOUT, (button) => button.textContent.trim()), 'Выйти');
    await page.keyboard.press('Enter');
    await page.waitForSelector(EMAIL, WAIT);
    assert.equal(await page.$(CABINET_LOGOUT), null, 'the signed-in state is gone');

    await closeClean();
  });

  test('a reload after login keeps the user logged in (IndexedDB + the msw cookie jar)', TEST, async () => {
    const { page, reload, closeClean } = await openPage(DEMO_PAGES.demo);
    await typeAndLogIn(page);

    await reload();
    await waitForSignedIn(page);
    assert.equal(await page.$(EMAIL), null, 'no login form after the reload');

    // Leave the demo data as it was: logged out.
    await page.click(CABINET_LOGOUT);
    await page.waitForSelector(EMAIL, WAIT);
    await closeClean();
  });

  test('the mock controls are labelled buttons and selects that work', TEST, async () => {
    const { page, closeClean } = await openPage(DEMO_PAGES.demo);
    await page.waitForSelector('#clock-15m:not([disabled])', LOAD);

    const controls = await page.$$eval('.mock-controls button, .mock-controls select', (nodes) =>
      nodes.map((node) => ({
        tag: node.localName,
        type: node.getAttribute('type'),
        name: node.localName === 'select' ? (node.labels?.[0]?.textContent.trim() ?? '') : node.textContent.trim(),
      })),
    );
    assert.ok(controls.length >= 7, `controls: ${JSON.stringify(controls)}`);
    for (const control of controls) {
      assert.ok(control.name, `${control.tag} has no label`);
      if (control.tag === 'button') assert.equal(control.type, 'button', `${control.name} must be type="button"`);
    }

    const before = await page.$eval('#mock-time', (node) => node.value);
    await page.focus('#clock-1d');
    await page.keyboard.press('Enter');
    await page.waitForFunction((old) => document.querySelector('#mock-time').value !== old, WAIT, before);
    await page.waitForFunction(() => document.querySelector('#mock-offset').textContent.includes('1 д'), WAIT);

    // A login fault shows in the form, and clearing it lets the login through.
    await page.select('#fault-login', 'server-error');
    await page.waitForFunction(() => document.querySelector('#mock-status').textContent.includes('вход'), WAIT);
    await page.type(EMAIL, DEMO_USER.email);
    await page.type(PASSWORD, DEMO_USER.password);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${FORM} [part~="fault"]`, WAIT);
    await page.select('#fault-login', '');
    await page.waitForFunction(() => document.querySelector('#mock-status').textContent.includes('снова работает'), WAIT);
    await page.click(`${FORM} [part~="retry"]`);
    await waitForSignedIn(page);

    // "Сбросить демо-данные": fresh seed, so logged out and the clock back at real time.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load', ...LOAD }), page.click('#mock-reset')]);
    await page.waitForSelector(EMAIL, LOAD);
    await page.waitForSelector('#clock-15m:not([disabled])', WAIT);
    assert.equal(await page.$eval('#mock-offset', (node) => node.textContent.trim()), 'Совпадает с реальным.');
    assert.equal(await page.$eval('#fault-login', (node) => node.value), '');
    await closeClean();
  });
});

describe('demo/host-css.html', () => {
  /** Computed styles of the form's nodes and, for contrast, of the host's own. */
  const readStyles = (page) =>
    page.evaluate(() => {
      const form = document.querySelector('lk-login-form');
      const pick = (node, ...names) => {
        const style = getComputedStyle(node);
        const rect = node.getBoundingClientRect();
        return { ...Object.fromEntries(names.map((name) => [name, style[name]])), width: rect.width, left: rect.left, right: rect.right };
      };
      const native = form.querySelector('form');
      return {
        hostInput: pick(document.querySelector('#host-search'), 'float', 'textTransform'),
        hostButton: pick(document.querySelector('form:not([part]) button'), 'textTransform', 'position'),
        form: pick(native, 'display', 'flexDirection'),
        email: pick(form.querySelector('input[name="email"]'), 'float', 'textTransform', 'boxSizing', 'borderTopStyle', 'fontSize', 'marginLeft'),
        password: pick(form.querySelector('input[name="password"]'), 'float', 'textTransform', 'borderTopStyle'),
        submit: pick(form.querySelector('[part~="submit"]'), 'textTransform', 'position', 'top', 'backgroundColor'),
        label: pick(form.querySelector('label[part~="label"]'), 'fontSize', 'color', 'display'),
        title: pick(form.querySelector('[part~="title"]'), 'fontSize', 'color'),
        link: pick(form.querySelector('a[part~="link"]'), 'fontSize', 'color'),
        field: pick(form.querySelector('[part~="field"]'), 'marginTop', 'borderTopStyle'),
      };
    });

  test("the login form keeps its layout under the host page's aggressive CSS", TEST, async () => {
    const { page, closeClean } = await openPage(DEMO_PAGES.hostCss);
    await page.waitForSelector(EMAIL, LOAD);
    const styles = await readStyles(page);

    // The host CSS is in force on the page's own elements…
    assert.equal(styles.hostInput.float, 'left');
    assert.equal(styles.hostInput.textTransform, 'uppercase');
    assert.equal(styles.hostButton.textTransform, 'uppercase');
    assert.equal(styles.hostButton.position, 'relative');

    // …and not on the form's.
    assert.equal(styles.form.display, 'grid');
    for (const input of [styles.email, styles.password]) {
      assert.equal(input.float, 'none');
      assert.equal(input.textTransform, 'none');
      assert.notEqual(input.borderTopStyle, 'dashed');
    }
    assert.equal(styles.email.boxSizing, 'border-box');
    assert.equal(styles.email.marginLeft, '0px');
    assert.ok(parseFloat(styles.email.fontSize) < 30, `e-mail font-size ${styles.email.fontSize}`);
    assert.ok(styles.email.left >= styles.form.left - 0.5 && styles.email.right <= styles.form.right + 0.5, 'the e-mail input stays inside the form');
    assert.ok(styles.email.width > 200, `the e-mail input is ${styles.email.width}px wide`);

    assert.equal(styles.submit.textTransform, 'none');
    assert.equal(styles.submit.position, 'static');
    assert.notEqual(styles.submit.backgroundColor, 'rgb(255, 105, 180)', 'not hotpink');
    assert.ok(styles.submit.width < styles.form.width, 'the submit button is not 100% wide');

    assert.ok(parseFloat(styles.label.fontSize) >= 12, `label font-size ${styles.label.fontSize}`);
    assert.notEqual(styles.label.color, 'rgb(255, 255, 0)', 'label not yellow');
    assert.equal(styles.label.display, 'block');
    assert.ok(parseFloat(styles.title.fontSize) < 40, `title font-size ${styles.title.fontSize}`);
    assert.notEqual(styles.title.color, 'rgb(255, 0, 0)', 'title not red');
    assert.ok(parseFloat(styles.link.fontSize) < 40, `link font-size ${styles.link.fontSize}`);
    assert.notEqual(styles.link.color, 'rgb(0, 255, 0)', 'link not lime');
    assert.equal(styles.field.marginTop, '0px');
    assert.equal(styles.field.borderTopStyle, 'none');

    // Logged in, "Выйти" is a normal button too.
    await typeAndLogIn(page);
    const logout = await page.$eval(LOGOUT, (button) => {
      const style = getComputedStyle(button);
      return { textTransform: style.textTransform, position: style.position, width: button.getBoundingClientRect().width };
    });
    assert.equal(logout.textTransform, 'none');
    assert.equal(logout.position, 'static');
    assert.ok(logout.width < styles.form.width, '"Выйти" is not 100% wide');

    await closeClean();
  });
});

describe('demo/two-copies.html', () => {
  test('two copies of the bundle: the second warns, nothing breaks, login works', TEST, async () => {
    const { page, problems, closeClean } = await openPage(DEMO_PAGES.twoCopies);
    await page.waitForSelector('body[data-two-copies]', LOAD);
    assert.equal(await page.$eval('body', (body) => body.dataset.twoCopies), 'ok', await page.$eval('#proof-result', (node) => node.textContent));
    assert.ok(
      problems.warnings.some((text) => /<lk-login-form> is already defined/.test(text)),
      `the second copy warns: ${JSON.stringify(problems.warnings)}`,
    );

    await typeAndLogIn(page);
    await page.click(LOGOUT);
    await page.waitForSelector(EMAIL, WAIT);
    await closeClean();
  });
});

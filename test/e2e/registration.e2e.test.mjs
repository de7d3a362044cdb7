// End-to-end, as a person with a keyboard: register → open the letter in
// the demo's mailbox → follow its link → confirmed → log in; and forgot
// password → letter → new password → log in with it. The demo runs under
// the SDK's CSP (scripts/csp.mjs) against the in-browser mock (IndexedDB), so the letter's
// link opens the demo in a fresh page load, as a real letter would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PAGES } from '../../scripts/serve-demo.mjs';
import { useDemoBrowser } from './support.mjs';

const LOAD = { timeout: 20_000 };
const WAIT = { timeout: 15_000 };
const TEST = { timeout: 120_000 };
const CSP_MESSAGE = /Content[- ]Security[- ]Policy|Trusted ?Types?/i;

const demo = useDemoBrowser('registration');

/** A tab on the demo that fails the test on a CSP violation or an uncaught error. */
async function openDemo() {
  const page = await demo.browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  const problems = [];
  page.on('console', (message) => CSP_MESSAGE.test(message.text()) && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error?.message ?? error)));
  await page.goto(new URL(DEMO_PAGES.demo, demo.server.url).href, { waitUntil: 'load', ...LOAD });
  // Each flow starts from the seed, logged out ("Сбросить демо-данные" reloads the page).
  await page.waitForSelector('#mock-reset:not([disabled])', LOAD);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', ...LOAD }), page.click('#mock-reset')]);
  await page.waitForSelector('#mock-reset:not([disabled])', LOAD);
  return { page, problems };
}

/** Presses Tab until `selector` has the focus. */
async function tabTo(page, selector, max = 120) {
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

const textIn = (page, selector, text) =>
  page.waitForFunction((s, t) => document.querySelector(s)?.textContent?.includes(t), WAIT, selector, text);

/** Opens the newest letter to `to` in the demo's mailbox and follows its link, by keyboard. */
async function followNewestLetter(page, subjectPart) {
  await textIn(page, '#mailbox-list', subjectPart);
  await page.focus('#mailbox-list .mailbox__open');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#mailbox-letter .mailbox__link', WAIT);
  await page.focus('#mailbox-letter .mailbox__link');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', ...LOAD }), page.keyboard.press('Enter')]);
}

async function logInWithKeyboard(page, email, password) {
  await page.waitForSelector('lk-login-form input[name="email"]', WAIT);
  await page.focus('lk-login-form input[name="email"]');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  // The demo is the whole cabinet: logged in, its panel names the user.
  await textIn(page, 'lk-cabinet [part~="user"]', `Вы вошли как ${email}`);
}

test('register → letter → confirm → log in, with the keyboard', TEST, async () => {
  const { page, problems } = await openDemo();
  const email = `e2e-${Date.now()}@example.ru`;
  const password = 'Gaz4e2e7';

  await page.waitForSelector('lk-login-form [part~="link-register"]', LOAD);
  await tabTo(page, 'lk-login-form [part~="link-register"]');
  await page.keyboard.press('Enter');

  await page.waitForSelector('lk-register-form input[name="email"]', WAIT);
  await page.focus('lk-register-form input[name="email"]');
  await page.keyboard.type(email);
  await page.focus('lk-register-form input[name="password"]');
  await page.keyboard.type(password);
  await page.focus('lk-register-form input[name="password-repeat"]');
  await page.keyboard.type(password);
  await textIn(page, 'lk-register-form lk-captcha', 'Проверка пройдена');
  await page.keyboard.press('Enter');

  await textIn(page, 'lk-register-form', 'Вы успешно зарегистрированы в Системе.');
  await page.waitForFunction(() => /Ссылка действительна до \d{2}\.\d{2}\.\d{4}/.test(document.querySelector('lk-register-form')?.textContent ?? ''), WAIT);

  await followNewestLetter(page, 'одтвержд');
  await textIn(page, 'lk-confirm-email', 'подтверждён');
  assert.ok(!(await page.evaluate(() => location.search.includes('lk-confirm'))), 'the token left the address bar');

  await page.focus('lk-confirm-email [part~="link-login"]');
  await page.keyboard.press('Enter');
  await logInWithKeyboard(page, email, password);
  // A confirmed user gets the cabinet's sections, not the confirmation state.
  await page.waitForSelector('lk-cabinet [part~="nav"]', WAIT);
  assert.equal(await page.$('lk-login-form [part~="unconfirmed"]'), null, 'the e-mail counts as confirmed');
  assert.deepEqual(problems, []);
  await page.close();
});

test('forgot password → letter → new password → log in with it, with the keyboard', TEST, async () => {
  const { page, problems } = await openDemo();
  const email = 'abonent@example.ru';
  const newPassword = `Nov${Date.now() % 100000}`;

  await page.waitForSelector('lk-login-form [part~="link-recover"]', LOAD);
  await tabTo(page, 'lk-login-form [part~="link-recover"]');
  await page.keyboard.press('Enter');

  await page.waitForSelector('lk-password-recovery input[name="email"]', WAIT);
  await page.focus('lk-password-recovery input[name="email"]');
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  await textIn(page, 'lk-password-recovery', 'Проверьте почту');

  await followNewestLetter(page, 'пароля');
  await page.waitForSelector('lk-password-recovery input[name="password"]', WAIT);
  assert.ok(!(await page.evaluate(() => location.search.includes('lk-reset'))), 'the token left the address bar');
  await page.focus('lk-password-recovery input[name="password"]');
  await page.keyboard.type(newPassword);
  await page.focus('lk-password-recovery input[name="password-repeat"]');
  await page.keyboard.type(newPassword);
  await page.keyboard.press('Enter');
  await textIn(page, 'lk-password-recovery', 'Пароль изменён');

  await page.focus('lk-password-recovery [part~="link-login"]');
  await page.keyboard.press('Enter');
  await logInWithKeyboard(page, email, newPassword);
  assert.deepEqual(problems, []);

  // Leave the demo data as the README describes it.
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', ...LOAD }), page.click('#mock-reset')]);
  await page.close();
});

// How the end-to-end tests drive the demo's <lk-cabinet> as a person with a
// keyboard: open a page that records CSP violations and page errors, move the
// focus with Tab, open a section from the navigation panel, log in, connect
// an account.
import assert from 'node:assert/strict';
import { DEMO_PAGES } from '../../scripts/serve-demo.mjs';

export const LOAD = { timeout: 20_000 };
export const WAIT = { timeout: 15_000 };
export const TEST = { timeout: 180_000 };
export const DEMO_USER = { email: 'abonent@example.ru', password: 'gaz2015' };
const CSP_MESSAGE = /Content[- ]Security[- ]Policy|Trusted ?Types?/i;

/**
 * Pages of the demo served by `demo` (from `useDemoBrowser`): `open(path)`
 * gives a tab that records CSP violations and uncaught errors in `problems`;
 * `openDemo()` the demo's main page from the seed, logged out ("Сбросить
 * демо-данные" reloads the page).
 */
export function demoPages(demo) {
  async function open(path) {
    const page = await demo.browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    const problems = [];
    page.on('console', (message) => CSP_MESSAGE.test(message.text()) && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(String(error?.message ?? error)));
    await page.goto(new URL(path, demo.server.url).href, { waitUntil: 'load', ...LOAD });
    return { page, problems };
  }

  async function openDemo() {
    const opened = await open(DEMO_PAGES.demo);
    await resetDemo(opened.page);
    return opened;
  }

  return { open, openDemo };
}

/** "Сбросить демо-данные": back to the seed, logged out; the page reloads. */
export async function resetDemo(page) {
  await page.waitForSelector('#mock-reset:not([disabled])', LOAD);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', ...LOAD }), page.click('#mock-reset')]);
  await page.waitForSelector('#mock-reset:not([disabled])', LOAD);
}

/** Whether the focused node matches `selector` and, if given, has the text `text`. */
const focusIs = (page, selector, text) =>
  page.evaluate(
    (wanted, label) => {
      const node = document.activeElement;
      return Boolean(node?.matches(wanted) && (label === undefined || node.textContent.trim() === label));
    },
    selector,
    text,
  );

/** Presses Tab (or Shift+Tab) until the focus is on `selector` (with the text `text`). */
export async function moveFocusTo(page, selector, { text, back = false, max = 150 } = {}) {
  for (let presses = 0; presses < max; presses += 1) {
    if (back) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    } else {
      await page.keyboard.press('Tab');
    }
    if (await focusIs(page, selector, text)) return;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  assert.fail(`the keyboard never reached ${selector} ${text ?? ''}; the focus is on ${focused}`);
}

/**
 * Waits until the node of `selector` has `text` in it. Any run of white space
 * matches any other: Intl's ru-RU money has no-break spaces ("1 956,85 ₽").
 */
export const textIn = (page, selector, text, options = WAIT) =>
  page.waitForFunction(
    (s, t) => {
      const spaced = (value) => value.replace(/\s+/gu, ' ');
      return spaced(document.querySelector(s)?.textContent ?? '').includes(spaced(t));
    },
    options,
    selector,
    text,
  );

const NAV_LINK = 'lk-cabinet [part~="nav-link"]';

/** To a section with the keyboard: back to the navigation panel, then Enter. */
export async function openSection(page, name) {
  await moveFocusTo(page, NAV_LINK, { text: name, back: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (label) =>
      [...document.querySelectorAll('lk-cabinet [part~="nav-link"]')]
        .find((link) => link.textContent.trim() === label)
        ?.getAttribute('aria-current') === 'page',
    WAIT,
    name,
  );
}

export async function logIn(page, password = DEMO_USER.password) {
  await page.waitForSelector('lk-login-form input[name="email"]', WAIT);
  await moveFocusTo(page, 'lk-login-form input[name="email"]');
  await page.keyboard.type(DEMO_USER.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await textIn(page, 'lk-cabinet [part~="user"]', `Вы вошли как ${DEMO_USER.email}`);
}

/** Chooses a supplier in the focused native select with the arrow keys, as a keyboard user does. */
async function chooseSupplier(page, name) {
  const select = 'lk-account-connect select';
  for (let presses = 0; presses < 12; presses += 1) {
    const chosen = await page.$eval(select, (node) => node.selectedOptions[0]?.textContent.trim());
    if (chosen === name) return;
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`${name} is not among the suppliers`);
}

/** Connects an account from the section "Подключить ЛС", which must be open. */
export async function connect(page, supplier, number) {
  await moveFocusTo(page, 'lk-account-connect select');
  await page.keyboard.press('Home');
  await chooseSupplier(page, supplier);
  await moveFocusTo(page, 'lk-account-connect input[name="number"]');
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
  await textIn(page, 'lk-account-connect [part~="status"]', `Лицевой счет ${number} подключен.`);
}

/** From the choice step of "Оплата": an own amount, optionally with a reading for the one meter, then "Продолжить" and "Оплатить". */
export async function payOwnAmount(page, amount, reading) {
  await moveFocusTo(page, 'lk-pay-now [part~="input-amount"]');
  await page.keyboard.type(amount);
  if (reading !== undefined) {
    await moveFocusTo(page, 'lk-pay-now [part~="with-readings"] input[type="checkbox"]');
    await page.keyboard.press('Space');
    await page.waitForSelector('lk-pay-now [part~="input-reading"]', WAIT);
    await moveFocusTo(page, 'lk-pay-now [part~="input-reading"]');
    await page.keyboard.type(reading);
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('lk-pay-now [part~="form-confirm"]', WAIT);
  await moveFocusTo(page, 'lk-pay-now [part~="pay"]');
  await page.keyboard.press('Enter');
}

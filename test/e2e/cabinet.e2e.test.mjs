// End-to-end, as a person with a keyboard, in the demo's <lk-cabinet>: log in,
// connect the seed's account 5812345678 at Межрегионгаз Пятигорск
// (Республика Дагестан) and a second one, switch between them, change the
// password, log out and log in with the new password. Also: the cabinet alone
// on a blank page, and the demo's brand and colour-scheme switch. Every page
// runs under the SDK's CSP (scripts/csp.mjs) against the in-browser mock (IndexedDB).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PAGES } from '../../scripts/serve-demo.mjs';
import { useDemoBrowser } from './support.mjs';
import { DEMO_USER, LOAD, TEST, WAIT, connect, demoPages, logIn, moveFocusTo, openSection, resetDemo, textIn } from './cabinet-driver.mjs';

const demo = useDemoBrowser('cabinet');
const { open, openDemo } = demoPages(demo);

test('log in, connect two accounts, switch, change the password, log out and in again: keyboard only', TEST, async () => {
  const { page, problems } = await openDemo();
  const newPassword = 'gaz2027';

  await logIn(page, DEMO_USER.password);
  await textIn(page, 'lk-cabinet', 'Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.');
  await textIn(page, 'lk-cabinet [part~="connect-first"]', 'Для начала работы с Личным кабинетом Вам необходимо подключить');

  await openSection(page, 'Подключить ЛС');
  assert.match(await page.evaluate(() => location.search), /lk-section=connect/);
  await connect(page, 'Межрегионгаз Пятигорск (Республика Дагестан)', '5812345678');
  await connect(page, 'Межрегионгаз Псков', '6001234567');

  // Switch: the accounts list's radio group, with the arrow keys.
  await moveFocusTo(page, 'lk-accounts input[type="radio"]:checked');
  const before = await page.$eval('lk-accounts input[type="radio"]:checked', (radio) => radio.labels[0].textContent);
  assert.match(before, /5812345678/);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /6001234567/.test(document.querySelector('lk-accounts input[type="radio"]:checked')?.labels[0].textContent ?? ''), WAIT);
  await openSection(page, 'Лицевой счет');
  await textIn(page, 'lk-account-summary [part~="facts"]', '6001234567');
  await textIn(page, 'lk-account-summary [part~="facts"]', 'Межрегионгаз Псков');

  // And back, from the "Лицевой счет" section's own list.
  await moveFocusTo(page, 'lk-accounts input[type="radio"]:checked');
  await page.keyboard.press('ArrowUp');
  await textIn(page, 'lk-account-summary [part~="facts"]', '5812345678');

  await openSection(page, 'Настройки');
  await moveFocusTo(page, 'lk-settings [part~="input-current-password"]');
  await page.keyboard.type(DEMO_USER.password);
  await moveFocusTo(page, 'lk-settings [part~="input-new-password"]');
  await page.keyboard.type(newPassword);
  await moveFocusTo(page, 'lk-settings [part~="input-repeat-password"]');
  await page.keyboard.type(newPassword);
  await page.keyboard.press('Enter');
  await textIn(page, 'lk-settings', 'Пароль изменён. На других устройствах нужно войти заново.');

  await moveFocusTo(page, 'lk-cabinet [part~="logout"]', { back: true });
  await page.keyboard.press('Enter');
  await logIn(page, newPassword);
  assert.deepEqual(problems, []);

  // Leave the demo data as the README describes it.
  await resetDemo(page);
  await page.close();
});

test('<lk-cabinet> alone on a blank page is the whole cabinet', TEST, async () => {
  const { page, problems } = await open(DEMO_PAGES.cabinet);
  await logIn(page, DEMO_USER.password);
  await page.waitForSelector('lk-cabinet [part~="nav"]', WAIT);
  assert.equal(await page.evaluate(() => document.querySelectorAll('body *:not(lk-cabinet, lk-cabinet *, main, h1)').length), 0);
  await moveFocusTo(page, 'lk-cabinet [part~="logout"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('lk-login-form input[name="email"]', WAIT);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the demo switches brand and colour scheme live, through custom properties only', TEST, async () => {
  const { page, problems } = await open(DEMO_PAGES.demo);
  await page.waitForSelector('lk-login-form [part~="submit"]', LOAD);
  const look = () =>
    page.$eval('lk-login-form [part~="submit"]', (button) => {
      const style = getComputedStyle(button);
      return { background: style.backgroundColor, radius: style.borderTopLeftRadius, font: style.fontFamily, scheme: document.documentElement.dataset.scheme };
    });
  await page.select('#theme-scheme', 'light');
  await page.select('#theme-brand', 'pskov');
  const pskov = await look();
  await page.select('#theme-brand', 'pyatigorsk');
  const pyatigorsk = await look();
  assert.notEqual(pyatigorsk.background, pskov.background, 'the brand colour changes');
  assert.notEqual(pyatigorsk.radius, pskov.radius, 'the corner radius changes');
  assert.notEqual(pyatigorsk.font, pskov.font, 'the font changes');
  await page.select('#theme-scheme', 'dark');
  const dark = await look();
  assert.equal(dark.scheme, 'dark');
  assert.notEqual(dark.background, pyatigorsk.background, 'the dark scheme has its own primary colour');
  const surface = await page.$eval('lk-login-form input[name="email"]', (input) => getComputedStyle(input).backgroundColor);
  assert.equal(surface, 'rgb(23, 32, 42)', 'inputs take the dark surface');
  // Back to the defaults for the other tests.
  await page.select('#theme-brand', 'pskov');
  await page.select('#theme-scheme', 'system');
  assert.deepEqual(problems, []);
  await page.close();
});

// End-to-end, as a person with a keyboard, in the demo's <lk-cabinet>: a
// payment whose answer is lost is never forgotten. Pay 100 ₽ with the payment
// service set to "сервис не отвечает"; the session then ends (a logout in a
// second tab); log in again; "Оплата" resolves the payment with its own
// Idempotency-Key before it offers a new one, and the history holds exactly
// one 100 ₽ payment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PAGES } from '../../scripts/serve-demo.mjs';
import { useDemoBrowser } from './support.mjs';
import { LOAD, TEST, WAIT, connect, demoPages, logIn, moveFocusTo, openSection, resetDemo, textIn } from './cabinet-driver.mjs';

const demo = useDemoBrowser('uncertain-payment');
const { open, openDemo } = demoPages(demo);

const PAY_NOW = 'lk-pay-now';

/** The payments listed by <lk-payment-history>: amount and status, as shown. */
const listedPayments = (page) =>
  page.$$eval('lk-payment-history [part~="payment"]', (rows) =>
    rows.map((row) => {
      const text = (part) => row.querySelector(`[part~="${part}"]`)?.textContent.replace(/\s+/gu, ' ').trim();
      return `${text('payment-amount')} ${text('payment-status')}`;
    }),
  );

test('a lost answer, then the session ends in another tab: after logging in again "Оплата" resolves the payment first, paid once: keyboard only', TEST, async () => {
  const { page, problems } = await openDemo();
  await logIn(page);
  await openSection(page, 'Подключить ЛС');
  await connect(page, 'Межрегионгаз Пятигорск (Республика Дагестан)', '5812345678');

  // The service takes the payment and never answers: the client gives up, and the payment may have gone through.
  await page.select('#mock-payment-outcome', 'timeout');
  await openSection(page, 'Оплата');
  await moveFocusTo(page, `${PAY_NOW} [part~="input-amount"]`);
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${PAY_NOW} [part~="form-confirm"]`, WAIT);
  await moveFocusTo(page, `${PAY_NOW} [part~="pay"]`);
  await page.keyboard.press('Enter');
  await textIn(page, `${PAY_NOW} [part~="fault"]`, 'Оплата могла пройти', { timeout: 40_000 });
  await page.select('#mock-payment-outcome', 'success');

  // "Выйти" in a second tab ends the session on the backend.
  const second = await open(DEMO_PAGES.demo);
  await textIn(second.page, 'lk-cabinet [part~="user"]', 'Вы вошли как', LOAD);
  await moveFocusTo(second.page, 'lk-cabinet [part~="logout"]');
  await second.page.keyboard.press('Enter');
  await second.page.waitForSelector('lk-login-form input[name="email"]', WAIT);
  assert.deepEqual(second.problems, []);
  await second.page.close();

  // Back in the first tab, "Повторить" finds the session gone: the cabinet asks to log in again.
  await page.bringToFront();
  await moveFocusTo(page, `${PAY_NOW} [part~="retry"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('lk-login-form input[name="email"]', WAIT);

  // Logged in again, "Оплата" sends the same payment again before anything new, and shows it paid.
  await logIn(page);
  await openSection(page, 'Оплата');
  await textIn(page, `${PAY_NOW} [part~="result-message"]`, 'Оплата прошла: 100,00 ₽.');
  await textIn(page, `${PAY_NOW} [part~="result-message"]`, 'Это платеж, отправленный ранее: деньги списаны один раз.');
  await page.waitForFunction(() => document.querySelectorAll('lk-payment-history [part~="payment"]').length >= 1, WAIT);
  assert.deepEqual(await listedPayments(page), ['100,00 ₽ Проведён']);

  assert.deepEqual(problems, []);
  await resetDemo(page);
  await page.waitForSelector('lk-login-form input[name="email"]', LOAD);
  await page.close();
});

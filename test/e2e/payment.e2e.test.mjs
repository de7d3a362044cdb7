// End-to-end, as a person with a keyboard, in the demo's <lk-cabinet>: issue
// 5's flow. Open account 5812345678, see its 1 956,85 ₽ overpayment and
// "Счетчик 1" at 27927, pay 500,00 ₽ with a reading of 27950, get the receipt,
// and see the new balance, the new last reading and the payment in the
// history. Then the payment service declines a card, and loses an answer:
// each ends in a clear message, and the retry after the lost answer pays once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemoBrowser } from './support.mjs';
import { LOAD, TEST, WAIT, connect, demoPages, logIn, moveFocusTo, openSection, payOwnAmount, resetDemo, textIn } from './cabinet-driver.mjs';

const demo = useDemoBrowser('payment');
const { openDemo } = demoPages(demo);

const PAY_NOW = 'lk-pay-now';
const SUMMARY = 'lk-account-summary';

/** The payments listed by <lk-payment-history>: amount and status, as shown. */
const listedPayments = (page) =>
  page.$$eval('lk-payment-history [part~="payment"]', (rows) =>
    rows.map((row) => {
      const text = (part) => row.querySelector(`[part~="${part}"]`)?.textContent.replace(/\s+/gu, ' ').trim();
      return `${text('payment-amount')} ${text('payment-status')}`;
    }),
  );

/** The cabinet's nodes that stick out past the right edge of the screen, outside a scrolling table box. */
const widerThanScreen = (page) =>
  page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    return [...document.querySelectorAll('lk-cabinet *')]
      .filter((node) => !node.closest('[part~="table-scroll"]') && node.getBoundingClientRect().right > edge + 0.5)
      .map((node) => `${node.localName}[part="${node.getAttribute('part')}"]`);
  });

test('pay 500,00 ₽ with a reading of 27950 and see it everywhere; a declined card and a lost answer pay nothing twice: keyboard only', TEST, async () => {
  const { page, problems } = await openDemo();
  await logIn(page);
  await openSection(page, 'Подключить ЛС');
  await connect(page, 'Межрегионгаз Пятигорск (Республика Дагестан)', '5812345678');

  // What the abonent owes: an overpayment, said in words, and the meter.
  await openSection(page, 'Лицевой счет');
  await textIn(page, `${SUMMARY} [part~="fact-debt"]`, '1 956,85 ₽');
  await textIn(page, `${SUMMARY} [part~="fact-debt"]`, 'переплата');
  await textIn(page, SUMMARY, 'Счетчик 1');
  await textIn(page, SUMMARY, '27927');

  // "оплатить онлайн" leads to "Оплата", which offers an advance payment.
  await moveFocusTo(page, `${SUMMARY} [part~="link-pay"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('lk-section') === 'pay', WAIT);
  await textIn(page, `${PAY_NOW} [part~="balance"]`, 'Задолженности нет, переплата 1 956,85 ₽.');

  await payOwnAmount(page, '500,00', '27950');
  await textIn(page, `${PAY_NOW} [part~="result-message"]`, 'Оплата прошла: 500,00 ₽.');
  await textIn(page, `${PAY_NOW} [part~="receipt"]`, '5812345678');
  await textIn(page, `${PAY_NOW} [part~="receipt"]`, 'Межрегионгаз Пятигорск (Республика Дагестан)');
  await textIn(page, `${PAY_NOW} [part~="receipt"]`, 'Чек №');
  await page.waitForFunction(() => document.querySelectorAll('lk-payment-history [part~="payment"]').length === 1, WAIT);
  assert.deepEqual(await listedPayments(page), ['500,00 ₽ Проведён']);

  // The new balance (1 956,85 + 500,00 overpaid) and the new last reading, in "Лицевой счет" and its history.
  await openSection(page, 'Лицевой счет');
  await textIn(page, `${SUMMARY} [part~="fact-debt"]`, '2 456,85 ₽');
  await textIn(page, `${SUMMARY} [part~="meters"]`, '27950');
  await textIn(page, 'lk-account-history [part~="readings-table"]', '27950');

  // The card is declined: a clear message, nothing paid.
  await page.select('#mock-payment-outcome', 'declined');
  await openSection(page, 'Оплата');
  await payOwnAmount(page, '100');
  await textIn(page, `${PAY_NOW} [part~="declined"]`, 'Банк отклонил платеж, деньги не списаны.');

  // The service takes the payment and the answer is lost: "Оплатить" again is a new confirmation;
  // the client gives up after its timeout, and "Повторить" (the same key) shows the payment made, once.
  await page.select('#mock-payment-outcome', 'timeout');
  await moveFocusTo(page, `${PAY_NOW} [part~="pay"]`);
  await page.keyboard.press('Enter');
  await textIn(page, `${PAY_NOW} [part~="fault"]`, 'Оплата могла пройти', { timeout: 40_000 });
  await moveFocusTo(page, `${PAY_NOW} [part~="fault"] [part~="retry"]`);
  await page.keyboard.press('Enter');
  await textIn(page, `${PAY_NOW} [part~="result-message"]`, 'Оплата прошла: 100,00 ₽.');
  await page.waitForFunction(() => document.querySelectorAll('lk-payment-history [part~="payment"]').length === 3, WAIT);
  assert.deepEqual(await listedPayments(page), ['100,00 ₽ Проведён', '100,00 ₽ Отклонён', '500,00 ₽ Проведён']);

  // On a phone's screen every section fits: wide tables scroll in their own box, the page does not.
  await page.setViewport({ width: 360, height: 800 });
  for (const [section, ready] of [
    ['Лицевой счет', 'lk-account-history [part~="readings-table"]'],
    ['Оплата', 'lk-payment-history [part~="payment"]'],
    ['Показания', 'lk-readings-form [part~="input-reading"]'],
  ]) {
    await openSection(page, section);
    await page.waitForSelector(ready, WAIT);
    assert.deepEqual(await widerThanScreen(page), [], `${section} is wider than a 360 px screen`);
  }

  assert.deepEqual(problems, []);
  await page.select('#mock-payment-outcome', 'success');
  await resetDemo(page);
  await page.waitForSelector('lk-login-form input[name="email"]', LOAD);
  await page.close();
});

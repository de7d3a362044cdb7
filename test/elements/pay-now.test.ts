import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendMouse } from '@web/test-runner-commands';
import { html } from 'lit';
import { http } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { problem } from '../../mocks/problem.js';
import { createClient } from '../../src/api/client.js';
import { fetchPayments, pay } from '../../src/api/payments.js';
import type { LkPayNowElement } from '../../src/elements/pay-now/pay-now.js';
import type { LkProviderElement } from '../../src/elements/provider/provider.js';
import '../../src/entries/account-summary.js';
import '../../src/entries/pay-now.js';
import type { LkErrorEvent } from '../../src/events/error.js';
import type { LkPaymentEvent } from '../../src/events/payment.js';
import type { LkReadingsSubmittedEvent } from '../../src/events/readings-submitted.js';
import type { Account } from '../../src/schemas/account.js';
import { DAGESTAN, DEMO_USER, logInWithAccounts, mockFetch, PSKOV, useMockBackend } from '../mocks/helpers.js';
import { FAULTS } from './bad-input.js';
import { countRequests, expectTargetsAtLeast24, findPart, pasteInto, press, renderWithAccounts, textOf, typeInto } from './helpers.js';
import type { AccountsSetup } from './helpers.js';


/** Money as Intl's ru-RU writes it, white space folded as textOf folds it. */
const rubles = (kopecks: number, locale = 'ru-RU') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB' }).format(kopecks / 100).replace(/\s+/g, ' ');

/**
 * The bad-input corpus on the amount (docs/promises.md#22): a name, the value, and
 * what the message says. `paste` for what a keyboard cannot type here.
 */
const BAD_AMOUNTS: readonly (readonly [name: string, value: string, message: RegExp, how: 'type' | 'paste'])[] = [
  ['empty', '', /^Введите сумму оплаты, например 1 234,56\.$/u, 'type'],
  ['only spaces', '   ', /^Введите сумму оплаты/u, 'type'],
  ['Latin letters', 'abc', /Введите сумму цифрами/u, 'type'],
  ['Cyrillic', 'сто рублей', /Введите сумму цифрами/u, 'paste'],
  ['Cyrillic look-alike', '1О0', /Введите сумму цифрами/u, 'paste'],
  ['full-width digits', '１２３', /широкими цифрами/u, 'paste'],
  ['zero', '0', /слишком маленькая: платеж не может быть меньше 1,00 ₽/u, 'type'],
  ['half a rouble', '0,5', /слишком маленькая/u, 'type'],
  ['three decimals', '1,234', /не больше двух цифр копеек/u, 'type'],
  ['negative', '-100', /не может быть отрицательной/u, 'type'],
  ['exponent', '1e5', /Введите сумму цифрами/u, 'type'],
  ['too large', '600 000', /слишком большая: за один платеж можно оплатить не более 500 000,00 ₽/u, 'type'],
  ['very long', '9'.repeat(300), /слишком большая/u, 'paste'],
  ['emoji', '100🔥', /Введите сумму цифрами/u, 'paste'],
  ['markup', '<b>100</b>', /Введите сумму цифрами/u, 'paste'],
  ['SQL', "1' OR '1'='1", /Введите сумму цифрами/u, 'paste'],
];

describe('<lk-pay-now>', () => {
  const backend = useMockBackend();

  /** Logs the demo user in, connects `accounts` (the first is current), then renders `content`. */
  async function render(content = html`<lk-pay-now></lk-pay-now>`, setup: AccountsSetup = {}): Promise<LkPayNowElement> {
    const element = await renderWithAccounts<LkPayNowElement>(backend, content, { accounts: [DAGESTAN], ...setup });
    await findPart(element, '[part~="continue"], [part~="empty"], [part~="logged-out"]');
    return element;
  }

  /** A client whose payment gives up after `timeout` ms (the mock provider's `timeout` never answers). */
  const shortTimeout = (timeout = 2000) => createClient({ baseUrl: backend.apiBase, retries: 0, timeout });

  /** The backend's own view, read past the element. */
  async function backendAccounts(): Promise<Account[]> {
    return ((await (await mockFetch(backend, 'accounts')).json()) as { accounts: Account[] }).accounts;
  }
  const backendPayments = async (accountId: string) => fetchPayments(createClient({ baseUrl: backend.apiBase }), accountId);

  /**
   * Waits until the mock provider (outcome `timeout`) has taken the payment and holds its answer,
   * so the test does not end, and reset the backend, in the middle of the handler.
   */
  async function paymentHeld(): Promise<void> {
    const [account] = await backendAccounts();
    await waitUntil(async () => (await backendPayments(account!.id)).length === 1, 'the payment was not taken');
  }

  /** The `Idempotency-Key` of every payment request that reaches the mock from now on. */
  function recordPaymentKeys(): { readonly keys: (string | null)[]; stop(): void } {
    const worker = pageWorker()!;
    const keys: (string | null)[] = [];
    const listener = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && request.url.startsWith(backend.apiBase) && request.url.endsWith('/payments')) {
        keys.push(request.headers.get('Idempotency-Key'));
      }
    };
    worker.events.on('request:start', listener);
    return { keys, stop: () => worker.events.removeListener('request:start', listener) };
  }

  const part = <T extends HTMLElement = HTMLElement>(element: Element, name: string) => element.querySelector<T>(`[part~="${name}"]`);
  const amountInput = (element: Element) => part<HTMLInputElement>(element, 'input-amount')!;
  const status = (element: Element) => textOf(part(element, 'pay-now')!.querySelector(':scope > [part~="status"]'));
  const facts = (element: Element, dl: string) =>
    Object.fromEntries(
      [...element.querySelectorAll(`[part~="${dl}"] [part~="fact"]`)].map((row) => [textOf(row.querySelector('dt')), textOf(row.querySelector('dd'))]),
    );
  const focused = (node: Element | null) => node !== null && document.activeElement === node;
  const storeOf = (element: Element) => element.closest<LkProviderElement>('lk-provider')!.environment.accounts;

  async function submit(element: LkPayNowElement, name: 'continue' | 'pay' = 'continue'): Promise<void> {
    part(element, name)!.click();
    await element.updateComplete;
  }

  /** Types an own amount (and, if given, a reading for the first meter) and presses "Продолжить". */
  async function choose(element: LkPayNowElement, { amount, reading }: { amount?: string; reading?: string } = {}): Promise<void> {
    if (amount !== undefined) {
      element.querySelector<HTMLInputElement>('[part~="radio"][value="own"]')?.click();
      await element.updateComplete;
      await typeInto(amountInput(element), amount);
    }
    if (reading !== undefined) {
      part(element, 'checkbox')!.click();
      await element.updateComplete;
      await typeInto(part(element, 'input-reading')!, reading);
    }
    await submit(element);
    await findPart(element, '[part~="form-confirm"]');
  }

  /** From the confirmation, "Оплатить", and waits for the result or an alert. */
  async function payAndWait(element: LkPayNowElement): Promise<void> {
    await submit(element, 'pay');
    // Long enough for a client's short timeout (the mock provider's `timeout` never answers).
    await waitUntil(() => element.querySelector('[part~="result"], [role="alert"]'), 'no result and no alert', { timeout: 6000 });
    await element.updateComplete;
  }

  describe('accessibility', () => {
    it('is accessible choosing, with a debt and the readings open', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      await expect(element).to.be.accessible();
      part(element, 'checkbox')!.click();
      await element.updateComplete;
      expect(element.querySelectorAll('[part~="input-reading"]').length).to.equal(2);
      await expect(element).to.be.accessible();
      expectTargetsAtLeast24(element);
    });

    it('is accessible with an overpayment (an advance)', async () => {
      await expect(await render()).to.be.accessible();
    });

    it('is accessible invalid', async () => {
      const element = await render();
      part(element, 'checkbox')!.click();
      await element.updateComplete;
      await typeInto(part(element, 'input-reading')!, '1');
      await submit(element);
      expect(element.querySelectorAll('[part~="field-error"]').length).to.equal(2);
      await expect(element).to.be.accessible();
    });

    it('is accessible confirming and processing', async () => {
      const element = await render();
      await choose(element, { amount: '500', reading: '27950' });
      await expect(element).to.be.accessible();
      expectTargetsAtLeast24(element);
      await backend.payments.setOutcome('timeout');
      await submit(element, 'pay');
      await waitUntil(() => status(element).startsWith('Платеж обрабатывается'));
      await expect(element).to.be.accessible();
      await paymentHeld();
    });

    it('is accessible with the receipt', async () => {
      const element = await render();
      await choose(element, { amount: '500', reading: '27950' });
      await payAndWait(element);
      expect(part(element, 'receipt')).to.not.equal(null);
      await expect(element).to.be.accessible();
      expectTargetsAtLeast24(element);
    });

    it('is accessible declined', async () => {
      const element = await render();
      await backend.payments.setOutcome('declined');
      await choose(element, { amount: '500' });
      await payAndWait(element);
      expect(part(element, 'declined')).to.not.equal(null);
      await expect(element).to.be.accessible();
    });

    it('is accessible after a timeout', async () => {
      const element = await render(undefined, { provider: { client: shortTimeout() } });
      await backend.payments.setOutcome('timeout');
      await choose(element, { amount: '500' });
      await payAndWait(element);
      expect(part(element, 'fault')).to.not.equal(null);
      await expect(element).to.be.accessible();
    });

    it('is accessible logged out and with no account', async () => {
      await expect(await render(undefined, { loggedIn: false })).to.be.accessible();
      await expect(await render(undefined, { accounts: [] })).to.be.accessible();
    });

    it('is accessible in English, choosing and with the receipt', async () => {
      const element = await render(undefined, { provider: { locale: 'en' }, accounts: [PSKOV] });
      expect(element.lang).to.equal('en');
      await expect(element).to.be.accessible();
      await choose(element);
      await payAndWait(element);
      expect(textOf(part(element, 'subtitle'))).to.equal('Payment made');
      await expect(element).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('offers the seed’s three choices for a debt: the debt (chosen), an own amount, readings with the payment', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      expect(textOf(part(element, 'title'))).to.equal('Оплатить онлайн');
      expect(part(element, 'title')!.localName).to.equal('h2');
      expect(textOf(part(element, 'account'))).to.equal('Лицевой счет 6001234567, Межрегионгаз Псков');
      expect(textOf(part(element, 'balance'))).to.equal(`Сумма долга за период: ${rubles(123456)}`);
      expect(textOf(part(element, 'legend'))).to.equal('Выберите сумму оплаты');
      const options = [...element.querySelectorAll('[part~="option"]')].map((option) => textOf(option));
      expect(options).to.deep.equal([`По текущему долгу: ${rubles(123456)}`, 'По самостоятельно внесенной сумме']);
      expect(element.querySelector<HTMLInputElement>('[part~="radio"][value="debt"]')!.checked).to.equal(true);
      // The own amount's field appears only when chosen.
      expect(amountInput(element)).to.equal(null);
      expect(textOf(part(element, 'with-readings'))).to.equal('Передать показания при оплате');
      expect(part<HTMLInputElement>(element, 'checkbox')!.checked).to.equal(false);
      expect(part(element, 'meter-readings')).to.equal(null);
      expect(textOf(part(element, 'continue'))).to.equal('Продолжить');
    });

    it('says an overpayment in words and offers an advance of an own amount (5812345678)', async () => {
      const element = await render();
      expect(textOf(part(element, 'balance'))).to.equal(
        `Задолженности нет, переплата ${rubles(195685)}. Вы можете внести авансовый платеж: он будет учтен в следующих начислениях.`,
      );
      expect(textOf(part(element, 'balance'))).to.contain('переплата 1 956,85 ₽');
      expect(part(element, 'choice')).to.equal(null);
      const input = amountInput(element);
      expect(textOf(element.querySelector(`label[for="${input.id}"]`))).to.equal('Сумма авансового платежа, ₽');
      expect(input.getAttribute('inputmode')).to.equal('decimal');
      expect(input.getAttribute('aria-describedby')).to.equal(`${input.id}-hint`);
      expect(textOf(part(element, 'hint'))).to.equal(
        `От ${rubles(100)} до ${rubles(50_000_000)}. Рубли и копейки через запятую, например 1 234,56`,
      );
    });

    it('confirms the debt with the amount, the account, the supplier and "не передаются"', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      await choose(element);
      expect(textOf(part(element, 'subtitle'))).to.equal('Проверьте данные платежа');
      expect(part(element, 'subtitle')!.localName).to.equal('h3');
      expect(facts(element, 'details')).to.deep.equal({
        'Сумма к оплате': rubles(123456),
        'Лицевой счет': '6001234567',
        Поставщик: 'Межрегионгаз Псков',
        Показания: 'не передаются',
      });
      expect(textOf(part(element, 'pay'))).to.equal('Оплатить');
      expect(textOf(part(element, 'change'))).to.equal('Изменить');
      expect(focused(part(element, 'subtitle'))).to.equal(true);
    });

    it('says to log in when logged out, with a link from login-href', async () => {
      const element = await render(html`<lk-pay-now login-href="/login"></lk-pay-now>`, { loggedIn: false });
      expect(textOf(part(element, 'logged-out-message'))).to.equal('Войдите в Личный кабинет, чтобы оплатить онлайн.');
      expect(element.querySelector('a[part~="link-login"]')!.getAttribute('href')).to.equal('/login');
    });

    it('says "Нет подключенных ЛС" and offers "Подключить ЛС" (connect-href) with no account', async () => {
      const element = await render(html`<lk-pay-now connect-href="/connect"></lk-pay-now>`, { accounts: [] });
      await findPart(element, '[part~="empty"]');
      expect(textOf(part(element, 'empty'))).to.equal('Нет подключенных ЛС');
      expect(element.querySelector('a[part~="link-connect"]')!.getAttribute('href')).to.equal('/connect');
    });

    it('shows its status while the accounts load', async () => {
      // Unsettled: the held accounts never let the element settle.
      const element = await renderWithAccounts<LkPayNowElement>(backend, html`<lk-pay-now></lk-pay-now>`, {
        before: () => backend.faults.set('accounts', 'timeout'),
        provider: { client: shortTimeout(60_000) },
        settled: false,
      });
      await waitUntil(() => element.querySelector('[part~="pay-now"]') && status(element) === 'Загружаем сведения по лицевому счету…');
      expect(element.querySelector('[part~="pay-now"] > [part~="status"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(element).to.be.accessible();
    });
  });

  describe('attributes', () => {
    it('pays for the account of account-id, not the current one', async () => {
      await logInWithAccounts(backend, [DAGESTAN, PSKOV]);
      const [, pskov] = await backendAccounts();
      const element = await render(html`<lk-pay-now account-id=${pskov!.id}></lk-pay-now>`, { loggedIn: false });
      await findPart(element, '[part~="continue"]');
      expect(textOf(part(element, 'account'))).to.contain('6001234567');
    });

    it('says the account of account-id is not connected', async () => {
      const element = await render(html`<lk-pay-now account-id="nobody"></lk-pay-now>`);
      expect(textOf(part(element, 'empty'))).to.equal('Этот лицевой счет не подключен к Личному кабинету.');
    });

    it('sets its headings from heading-level', async () => {
      const element = await render(html`<lk-pay-now heading-level="3"></lk-pay-now>`);
      expect(part(element, 'title')!.localName).to.equal('h3');
      await choose(element, { amount: '500' });
      expect(part(element, 'subtitle')!.localName).to.equal('h4');
      await payAndWait(element);
      expect(part(element, 'receipt-title')!.localName).to.equal('h5');
    });
  });

  describe('user input', () => {
    it('takes the amount from real key presses, as typed', async () => {
      const element = await render();
      await typeInto(amountInput(element), '1 234,56');
      expect(amountInput(element).value).to.equal('1 234,56');
      await submit(element);
      await findPart(element, '[part~="form-confirm"]');
      expect(facts(element, 'details')['Сумма к оплате']).to.equal(rubles(123456));
    });

    it('switches to an own amount with the arrow keys, and back to the debt', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      element.querySelector<HTMLInputElement>('[part~="radio"]:checked')!.focus();
      await press('ArrowDown');
      await element.updateComplete;
      expect(element.querySelector<HTMLInputElement>('[value="own"]')!.checked).to.equal(true);
      expect(amountInput(element)).to.not.equal(null);
      await press('ArrowUp');
      await element.updateComplete;
      expect(amountInput(element)).to.equal(null);
    });

    it('keeps everything typed through "Изменить"', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      await choose(element, { amount: '500,5', reading: '4600' });
      expect(facts(element, 'details')['Показания']).to.equal('Счетчик 1 (кухня): 4600');
      part(element, 'change')!.click();
      await element.updateComplete;
      expect(element.querySelector<HTMLInputElement>('[value="own"]')!.checked).to.equal(true);
      expect(amountInput(element).value).to.equal('500,5');
      expect(part<HTMLInputElement>(element, 'checkbox')!.checked).to.equal(true);
      expect(part<HTMLInputElement>(element, 'input-reading')!.value).to.equal('4600');
      expect(focused(element.querySelector('[value="own"]'))).to.equal(true);
    });
  });

  describe('validation', () => {
    for (const [name, value, message, how] of BAD_AMOUNTS) {
      it(`refuses the amount: ${name}, with no request, keeping the value`, async () => {
        const element = await render();
        const input = amountInput(element);
        if (how === 'paste') pasteInto(input, value);
        else if (value !== '') await typeInto(input, value);
        await element.updateComplete;
        const requests = countRequests(backend);
        await submit(element);
        requests.stop();
        const error = element.querySelector(`#${input.id}-error`);
        expect(textOf(error)).to.match(message);
        expect(amountInput(element).getAttribute('aria-invalid')).to.equal('true');
        expect(amountInput(element).getAttribute('aria-describedby')).to.equal(`${input.id}-error ${input.id}-hint`);
        expect(amountInput(element).value).to.equal(value);
        expect(requests.count).to.equal(0);
        expect(part(element, 'form-confirm')).to.equal(null);
        // The summary takes the focus and links to the field.
        const summary = part(element, 'error-summary')!;
        expect(focused(summary)).to.equal(true);
        const link = summary.querySelector<HTMLAnchorElement>('a')!;
        expect(link.getAttribute('href')).to.equal(`#${input.id}`);
        link.click();
        expect(focused(amountInput(element))).to.equal(true);
      });
    }

    it('accepts "1 234,56", "1234.56" and "500 ₽"', async () => {
      const element = await render();
      for (const [typed, kopecks] of [['1 234,56', 123456], ['1234.56', 123456], ['500 ₽', 50000]] as const) {
        pasteInto(amountInput(element), typed);
        await submit(element);
        await findPart(element, '[part~="form-confirm"]');
        expect(facts(element, 'details')['Сумма к оплате']).to.equal(rubles(kopecks));
        part(element, 'change')!.click();
        await element.updateComplete;
      }
    });

    it('refuses a reading below the last one and an empty set of readings, both in the summary', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      part(element, 'checkbox')!.click();
      await element.updateComplete;
      const requests = countRequests(backend);
      await submit(element);
      expect(textOf(part(element, 'error-summary'))).to.contain('Счетчик 1 (кухня): Введите показания хотя бы одного счетчика.');
      await typeInto(part(element, 'input-reading')!, '4000');
      await submit(element);
      requests.stop();
      expect(requests.count).to.equal(0);
      const [first] = element.querySelectorAll<HTMLInputElement>('[part~="input-reading"]');
      expect(first!.getAttribute('aria-invalid')).to.equal('true');
      expect(first!.value).to.equal('4000');
      const link = part(element, 'error-summary')!.querySelector<HTMLAnchorElement>('a')!;
      expect(link.getAttribute('href')).to.equal(`#${first!.id}`);
    });

    it('drops the readings’ errors when the box is unticked', async () => {
      const element = await render();
      part(element, 'checkbox')!.click();
      await element.updateComplete;
      pasteInto(amountInput(element), '500');
      await submit(element);
      expect(element.querySelectorAll('[part~="error-summary-item"]').length).to.equal(1);
      part(element, 'checkbox')!.click();
      await element.updateComplete;
      expect(part(element, 'error-summary')).to.equal(null);
      await submit(element);
      await findPart(element, '[part~="form-confirm"]');
    });
  });

  describe('submission', () => {
    it('pays 500,00 ₽ with a reading of 27950 on 5812345678: receipt, new balance, new last reading, events', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      await choose(element, { amount: '500,00', reading: '27950' });
      expect(facts(element, 'details')).to.deep.equal({
        'Сумма к оплате': rubles(50000),
        'Лицевой счет': '5812345678',
        Поставщик: 'Межрегионгаз Пятигорск (Республика Дагестан)',
        Показания: 'Счетчик 1: 27950',
      });
      const keys = recordPaymentKeys();
      const payment = oneEvent(element, 'lk-payment') as Promise<LkPaymentEvent>;
      const readings = oneEvent(element, 'lk-readings-submitted') as Promise<LkReadingsSubmittedEvent>;
      await payAndWait(element);
      keys.stop();

      expect(keys.keys).to.have.length(1);
      expect(keys.keys[0]).to.match(/^[A-Za-z0-9_-]{16,128}$/u);
      expect(textOf(part(element, 'subtitle'))).to.equal('Оплата прошла');
      expect(focused(part(element, 'subtitle'))).to.equal(true);
      expect(status(element)).to.equal(`Оплата прошла: ${rubles(50000)}. Чек ниже, его можно распечатать.`);
      const receipt = part(element, 'receipt')!;
      expect(receipt.localName).to.equal('section');
      expect(receipt.getAttribute('aria-labelledby')).to.equal(part(element, 'receipt-title')!.id);
      const rows = facts(element, 'receipt-details');
      expect(rows['Номер чека']).to.match(/^ЧЕК-\d{6}$/u);
      expect(textOf(part(element, 'receipt-title'))).to.equal(`Чек № ${rows['Номер чека']}`);
      expect(rows['Дата']).to.match(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/u);
      expect(rows['Сумма']).to.equal(rubles(50000));
      expect(rows['Лицевой счет']).to.equal('5812345678');
      expect(rows['Поставщик']).to.equal('Межрегионгаз Пятигорск (Республика Дагестан)');
      expect(rows['Переданные показания']).to.equal('Счетчик 1: 27950 (23 м³)');

      const { detail } = await payment;
      expect(detail.payment.amount).to.equal(50000);
      expect(detail.payment.status).to.equal('succeeded');
      expect(detail.receipt.number).to.equal(rows['Номер чека']);
      const submitted = await readings;
      expect(submitted.detail.readings.map(({ value }) => value)).to.deep.equal([27950]);
      expect(submitted.detail.account.debt).to.equal(-195685 - 50000);

      // The session's store, so every element, has the new balance and last reading.
      const current = storeOf(element).current!;
      expect(current.debt).to.equal(-245685);
      expect(current.meters[0]!.lastReading).to.equal(27950);
      const [after] = await backendAccounts();
      expect(after!.debt).to.equal(-245685);
      expect(after!.meters[0]!.lastReading).to.equal(27950);
      const payments = await backendPayments(account!.id);
      expect(payments.map(({ amount, status: state }) => [amount, state])).to.deep.equal([[50000, 'succeeded']]);
    });

    it('fires lk-payment but no lk-readings-submitted without readings', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      let readingsEvents = 0;
      element.addEventListener('lk-readings-submitted', () => readingsEvents++);
      await choose(element);
      const payment = oneEvent(element, 'lk-payment') as Promise<LkPaymentEvent>;
      await payAndWait(element);
      const event = await payment;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.payment.amount).to.equal(123456);
      expect(readingsEvents).to.equal(0);
      expect(part(element, 'fact-readings')).to.equal(null);
    });

    it('shows the new balance in a separate <lk-account-summary> on the page', async () => {
      const element = await render(html`<lk-pay-now></lk-pay-now><lk-account-summary></lk-account-summary>`);
      const summary = element.parentElement!.querySelector('lk-account-summary')!;
      const debt = () => textOf(summary.querySelector('[part~="fact-debt"] [part~="fact-value"]'));
      await waitUntil(() => debt() !== '');
      expect(debt()).to.contain(rubles(-195685));
      await choose(element, { amount: '500', reading: '27950' });
      await payAndWait(element);
      await summary.updateComplete;
      expect(debt()).to.equal(`${rubles(-245685)} (переплата)`);
      expect(textOf(summary.querySelector('[part~="meter-reading"]'))).to.equal('27950');
    });

    it('starts a new payment with "Новый платеж", the fields empty', async () => {
      const element = await render();
      await choose(element, { amount: '500', reading: '27950' });
      await payAndWait(element);
      part(element, 'new-payment')!.click();
      await element.updateComplete;
      expect(amountInput(element).value).to.equal('');
      expect(part<HTMLInputElement>(element, 'checkbox')!.checked).to.equal(false);
      expect(focused(amountInput(element))).to.equal(true);
      expect(textOf(part(element, 'balance'))).to.contain(`переплата ${rubles(245685)}`);
    });

    it('prints with "Распечатать чек", and its print styles keep only the receipt', async () => {
      const element = await render();
      await choose(element, { amount: '500' });
      await payAndWait(element);
      const print = window.print;
      let printed = 0;
      window.print = () => void printed++;
      try {
        part(element, 'print')!.click();
      } finally {
        window.print = print;
      }
      expect(printed).to.equal(1);
      const shown = (name: string) => getComputedStyle(part(element, name)!).display !== 'none';
      expect([shown('title'), shown('result-actions'), shown('receipt')]).to.deep.equal([true, true, true]);
      await emulateMedia({ media: 'print' });
      try {
        expect([shown('title'), shown('result-actions'), shown('result-message'), shown('receipt')]).to.deep.equal([
          false,
          false,
          false,
          true,
        ]);
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });
  });

  describe('idempotency', () => {
    it('sends an Idempotency-Key made when "Оплатить" is pressed, a new one per confirmation', async () => {
      const element = await render();
      const keys = recordPaymentKeys();
      await choose(element, { amount: '500' });
      expect(keys.keys).to.have.length(0);
      await payAndWait(element);
      part(element, 'new-payment')!.click();
      await element.updateComplete;
      await choose(element, { amount: '500' });
      await payAndWait(element);
      // The same amount a moment ago: the confirmation asks again before a second payment.
      expect(part(element, 'duplicate')).to.not.equal(null);
      expect(keys.keys).to.have.length(1);
      await payAndWait(element);
      keys.stop();
      expect(keys.keys).to.have.length(2);
      expect(keys.keys[0]).to.not.equal(keys.keys[1]);
    });

    it('makes one request for a double click on "Оплатить"', async () => {
      const element = await render();
      await choose(element, { amount: '500' });
      const requests = recordPaymentKeys();
      const { x, y, width, height } = part(element, 'pay')!.getBoundingClientRect();
      const position: [number, number] = [Math.round(x + width / 2), Math.round(y + height / 2)];
      await sendMouse({ type: 'click', position });
      await sendMouse({ type: 'click', position });
      await waitUntil(() => part(element, 'result'), 'no receipt');
      requests.stop();
      expect(requests.keys).to.have.length(1);
      const [account] = await backendAccounts();
      expect(await backendPayments(account!.id)).to.have.length(1);
    });

    it('makes one request for two clicks before any re-render, and for Enter then a click', async () => {
      const element = await render();
      await choose(element, { amount: '500' });
      const requests = recordPaymentKeys();
      const pay = part(element, 'pay')!;
      pay.click();
      pay.click();
      await waitUntil(() => part(element, 'result'), 'no receipt');
      part(element, 'new-payment')!.click();
      await element.updateComplete;
      await choose(element, { amount: '600' });
      part(element, 'pay')!.focus();
      await press('Enter');
      part(element, 'pay')?.click();
      await waitUntil(() => part(element, 'result'), 'no receipt');
      requests.stop();
      expect(requests.keys).to.have.length(2);
      const [account] = await backendAccounts();
      expect((await backendPayments(account!.id)).map(({ amount }) => amount)).to.deep.equal([60000, 50000]);
    });
  });

  describe('payment provider outcomes', () => {
    it('says so while the payment service processes it', async () => {
      const element = await render();
      await backend.payments.setOutcome('timeout');
      await choose(element, { amount: '500' });
      await submit(element, 'pay');
      await waitUntil(() => status(element) === 'Платеж обрабатывается платежным сервисом. Не закрывайте страницу.');
      const line = element.querySelector('[part~="pay-now"] > [part~="status"]')!;
      expect(line.getAttribute('role')).to.equal('status');
      expect(line.getAttribute('aria-busy')).to.equal('true');
      expect(part(element, 'pay')!.getAttribute('aria-disabled')).to.equal('true');
      expect(part(element, 'change')!.getAttribute('aria-disabled')).to.equal('true');
      await paymentHeld();
    });

    it('declined: nothing charged, and "Оплатить" again is a new confirmation with a new key', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      await backend.payments.setOutcome('declined');
      const keys = recordPaymentKeys();
      await choose(element, { amount: '500' });
      await payAndWait(element);
      expect(textOf(part(element, 'declined'))).to.equal(
        'Банк отклонил платеж, деньги не списаны. Проверьте данные карты или возьмите другую карту и нажмите «Оплатить» еще раз.',
      );
      expect(part(element, 'declined')!.getAttribute('role')).to.equal('alert');
      expect(storeOf(element).current!.debt).to.equal(-195685);
      // The store is told the account's payments changed, so a payment history on the page asks again.
      expect(storeOf(element).revision(account!.id)).to.equal(1);
      expect(focused(part(element, 'pay'))).to.equal(true);

      await backend.payments.setOutcome('success');
      await payAndWait(element);
      keys.stop();
      expect(storeOf(element).revision(account!.id)).to.equal(2);
      expect(part(element, 'receipt')).to.not.equal(null);
      expect(keys.keys).to.have.length(2);
      expect(keys.keys[0]).to.not.equal(keys.keys[1]);
      const payments = await backendPayments(account!.id);
      expect(payments.map(({ status: state }) => state).sort()).to.deep.equal(['declined', 'succeeded']);
    });

    it('timeout: says it may have gone through; "Повторить" with the same key gets the receipt, paid once', async () => {
      const element = await render(undefined, { provider: { client: shortTimeout() } });
      const [account] = await backendAccounts();
      await backend.payments.setOutcome('timeout');
      const keys = recordPaymentKeys();
      const errors: LkErrorEvent[] = [];
      element.addEventListener('lk-error', (event) => errors.push(event));
      await choose(element, { amount: '500,00', reading: '27950' });
      await payAndWait(element);
      const fault = part(element, 'fault')!;
      expect(fault.getAttribute('role')).to.equal('alert');
      expect(textOf(fault)).to.contain('Сервер не ответил вовремя.');
      expect(textOf(fault)).to.contain('Оплата могла пройти: повторная попытка не спишет деньги дважды');
      // Only the retry: a new "Оплатить" could pay twice.
      expect(part(element, 'pay')).to.equal(null);
      expect(part(element, 'change')).to.equal(null);
      expect(focused(part(element, 'retry'))).to.equal(true);
      expect(errors).to.have.length(1);

      part(element, 'retry')!.click();
      await waitUntil(() => part(element, 'result'), 'no receipt after the retry');
      keys.stop();
      expect(keys.keys).to.have.length(2);
      expect(keys.keys[1]).to.equal(keys.keys[0]);
      expect(facts(element, 'receipt-details')['Переданные показания']).to.equal('Счетчик 1: 27950 (23 м³)');
      const payments = await backendPayments(account!.id);
      expect(payments).to.have.length(1);
      expect(payments[0]!.amount).to.equal(50000);
      expect(storeOf(element).current!.debt).to.equal(-245685);
    });

    it('still being processed (409): says so, and "Повторить" reuses the key', async () => {
      const element = await render();
      await choose(element, { amount: '500' });
      const url = backend.url('payments');
      pageWorker()!.use(http.post(url, () => problem(409, 'idempotency_key_in_use'), { once: true }));
      const keys = recordPaymentKeys();
      await payAndWait(element);
      expect(textOf(part(element, 'fault'))).to.contain('Платеж еще обрабатывается. Подождите немного и нажмите «Повторить»');
      part(element, 'retry')!.click();
      await waitUntil(() => part(element, 'result'), 'no receipt after the retry');
      keys.stop();
      expect(keys.keys).to.have.length(2);
      expect(keys.keys[1]).to.equal(keys.keys[0]);
    });

    it('a reading the backend refuses (422) goes back to the choice with the error on the field', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      await choose(element, { amount: '500', reading: '27950' });
      // Meanwhile a reading of 27960 arrived another way: 27950 is now below the last.
      const url = backend.url('readings').replace(':accountId', encodeURIComponent(account!.id));
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'lk-widgets' },
        body: JSON.stringify({ readings: [{ meterId: account!.meters[0]!.id, value: 27960 }] }),
      });
      expect(answer.status).to.equal(200);
      await submit(element, 'pay');
      await findPart(element, '[part~="error-summary"]');
      expect(part(element, 'form-choose')).to.not.equal(null);
      const input = part<HTMLInputElement>(element, 'input-reading')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.value).to.equal('27950');
      expect(amountInput(element).value).to.equal('500');
      expect(textOf(part(element, 'error-summary'))).to.contain('Счетчик 1: Показания меньше последних принятых.');
      expect(await backendPayments(account!.id)).to.have.length(0);
    });
  });

  describe('a payment whose outcome is not known', () => {
    /** Pays 500 ₽ with the provider set to take the payment and never answer: the element ends unsure. */
    async function unsurePayment(element: LkPayNowElement): Promise<void> {
      await backend.payments.setOutcome('timeout');
      await choose(element, { amount: '500' });
      await payAndWait(element);
      expect(textOf(part(element, 'fault'))).to.contain('Оплата могла пройти');
      await backend.payments.setOutcome('success');
    }

    /** Logs the demo user in again, through the backend and the element's session. */
    async function logInAgain(element: LkPayNowElement): Promise<void> {
      const answer = await mockFetch(backend, 'login', { method: 'POST', body: { email: DEMO_USER.email, password: DEMO_USER.password } });
      expect(answer.status).to.equal(200);
      const session = element.closest<LkProviderElement>('lk-provider')!.environment.session;
      session.signedIn(((await answer.json()) as { user: Parameters<typeof session.signedIn>[0] }).user);
    }

    it('survives the session ending and is resolved with its key at the next visit, before anything new can be paid', async () => {
      const element = await render(undefined, { provider: { client: shortTimeout() } });
      const [account] = await backendAccounts();
      const keys = recordPaymentKeys();
      await unsurePayment(element);
      // The session ends elsewhere (a logout in another tab): the next call is refused.
      await mockFetch(backend, 'logout', { method: 'POST' });
      storeOf(element).session.expired();
      await findPart(element, '[part~="logged-out"]');
      expect(part(element, 'fault')).to.equal(null);

      await logInAgain(element);
      await waitUntil(() => part(element, 'result'), 'the unsure payment was not resolved');
      keys.stop();
      expect(keys.keys).to.have.length(2);
      expect(keys.keys[1]).to.equal(keys.keys[0]);
      expect(textOf(part(element, 'result-message'))).to.contain('Это платеж, отправленный ранее: деньги списаны один раз.');
      expect(await backendPayments(account!.id)).to.have.length(1);
      await expect(element).to.be.accessible();
    });

    it('survives a reload: a new page resolves it first, and says so while it does', async () => {
      const first = await render(undefined, { provider: { client: shortTimeout() } });
      const [account] = await backendAccounts();
      await unsurePayment(first);
      first.closest('lk-provider')!.remove();

      // "Reloaded": a new provider, session and element over the same storage, the backend slow to answer.
      await backend.latency.set(300);
      const element = await renderWithAccounts<LkPayNowElement>(backend, html`<lk-pay-now></lk-pay-now>`, { loggedIn: false, settled: false });
      await waitUntil(() => part(element, 'pay-now') && status(element) === 'Проверяем, прошел ли отправленный ранее платеж. Деньги не спишутся дважды.', 'no word of the check');
      expect(part(element, 'continue')).to.equal(null);
      expect(textOf(part(element, 'subtitle'))).to.equal('Платеж, результат которого неизвестен');
      await expect(element).to.be.accessible();
      await waitUntil(() => part(element, 'result'), 'the unsure payment was not resolved', { timeout: 5000 });
      expect(await backendPayments(account!.id)).to.have.length(1);
    });

    it('refused on a field at the next visit: the refusal is on the field it names, not a bare "check the fields"', async () => {
      const first = await render(undefined, { provider: { client: shortTimeout() } });
      const [account] = await backendAccounts();
      await unsurePayment(first);
      first.closest('lk-provider')!.remove();

      // "Reloaded": the new page resolves the payment, and the backend refuses its amount.
      pageWorker()!.use(
        http.post(backend.url('payments'), () => problem(422, 'validation_failed', { errors: [{ pointer: '/amount', code: 'amount_too_large' }] }), {
          once: true,
        }),
      );
      const element = await renderWithAccounts<LkPayNowElement>(backend, html`<lk-pay-now></lk-pay-now>`, { loggedIn: false, settled: false });
      await waitUntil(() => part(element, 'error-summary'), 'the refusal was not shown', { timeout: 5000 });
      expect(part(element, 'form-choose')).to.not.equal(null);
      expect(textOf(part(element, 'error-summary'))).to.contain('Сумма слишком большая');
      expect(textOf(part(element, 'error-summary'))).to.not.contain('Проверьте значение этого поля.');
      // Only the payment the provider took before the fault: the refusal made none.
      expect(await backendPayments(account!.id)).to.have.length(1);
    });

    it('after two "still being processed" answers offers the payments list, which settles it without a new key', async () => {
      const element = await render(undefined, { provider: { client: shortTimeout() } });
      const keys = recordPaymentKeys();
      await unsurePayment(element);
      pageWorker()!.use(http.post(backend.url('payments'), () => problem(409, 'idempotency_key_in_use'), { once: true }));
      expect(part(element, 'check-payments')).to.equal(null);
      part(element, 'retry')!.click();
      await waitUntil(() => part(element, 'check-payments'), 'no way out after two tries');
      expect(focused(part(element, 'check-payments'))).to.equal(true);
      await expect(element).to.be.accessible();
      part(element, 'check-payments')!.click();
      await waitUntil(() => part(element, 'result'), 'the payments list did not settle it');
      keys.stop();
      expect(keys.keys).to.have.length(2);
      expect(keys.keys[1]).to.equal(keys.keys[0]);
      expect(facts(element, 'receipt-details')['Сумма']).to.equal(rubles(50000));
    });

    it('a replayed answer does not overwrite a newer balance: the account is read again', async () => {
      const element = await render(undefined, { provider: { client: shortTimeout() } });
      const [account] = await backendAccounts();
      await unsurePayment(element);
      // Meanwhile another payment of 100 ₽ was made elsewhere: the backend's balance moved on twice.
      await pay(createClient({ baseUrl: backend.apiBase }), account!.id, { amount: 10000 }, { idempotencyKey: crypto.randomUUID() });
      part(element, 'retry')!.click();
      await waitUntil(() => part(element, 'result'), 'no receipt after the retry');
      const [now] = await backendAccounts();
      expect(now!.debt).to.equal(-195685 - 50000 - 10000);
      await waitUntil(() => storeOf(element).current!.debt === now!.debt, `the page shows ${storeOf(element).current!.debt}`);
    });
  });

  describe('a payment of the same amount a little earlier', () => {
    it('is said in the confirmation, which asks again with "Оплатить еще раз"', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      await pay(createClient({ baseUrl: backend.apiBase }), account!.id, { amount: 50000 }, { idempotencyKey: crypto.randomUUID() });
      await choose(element, { amount: '500' });
      await waitUntil(() => part(element, 'duplicate'), 'no warning');
      expect(textOf(part(element, 'duplicate'))).to.match(/^Платеж на 500,00 ₽ по этому лицевому счету уже проведен .+Если нужен еще один платеж, нажмите «Оплатить еще раз»\.$/u);
      expect(part(element, 'duplicate')!.getAttribute('role')).to.equal('alert');
      expect(textOf(part(element, 'pay'))).to.equal('Оплатить еще раз');
      await expect(element).to.be.accessible();
      await payAndWait(element);
      expect(part(element, 'receipt')).to.not.equal(null);
      expect(await backendPayments(account!.id)).to.have.length(2);
    });

    it('stops "Оплатить" pressed before the payments are read, and puts the focus on "Оплатить еще раз"', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      await pay(createClient({ baseUrl: backend.apiBase }), account!.id, { amount: 50000 }, { idempotencyKey: crypto.randomUUID() });
      await backend.latency.set(300);
      const keys = recordPaymentKeys();
      await choose(element, { amount: '500' });
      await submit(element, 'pay');
      expect(status(element)).to.equal('Проверяем последние платежи…');
      await waitUntil(() => part(element, 'duplicate'), 'no warning', { timeout: 3000 });
      await element.updateComplete;
      keys.stop();
      expect(keys.keys).to.deep.equal([]);
      expect(focused(part(element, 'pay'))).to.equal(true);
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`${fault} on the payment: a clear message, and "Повторить" reuses the key`, async () => {
        const element = await render();
        const [account] = await backendAccounts();
        await backend.faults.set('payments', fault);
        const keys = recordPaymentKeys();
        await choose(element, { amount: '500' });
        const error = oneEvent(element, 'lk-error') as Promise<LkErrorEvent>;
        await payAndWait(element);
        expect(textOf(part(element, 'fault'))).to.contain(message);
        expect(textOf(part(element, 'fault'))).to.contain('Оплата могла пройти');
        expect(status(element)).to.equal('');
        expect((await error).detail.error).to.not.equal(undefined);

        await backend.faults.clear('payments');
        part(element, 'retry')!.click();
        await waitUntil(() => part(element, 'result'), 'no receipt after the retry');
        keys.stop();
        expect(keys.keys).to.have.length(2);
        expect(keys.keys[1]).to.equal(keys.keys[0]);
        expect(await backendPayments(account!.id)).to.have.length(1);
      });
    }

    it('timeout fault on the payment: a clear message, and "Повторить" reuses the key', async () => {
      const element = await render(undefined, { provider: { client: shortTimeout() } });
      const [account] = await backendAccounts();
      await backend.faults.set('payments', 'timeout');
      const keys = recordPaymentKeys();
      await choose(element, { amount: '500' });
      await payAndWait(element);
      expect(textOf(part(element, 'fault'))).to.contain('Сервер не ответил вовремя.');
      await backend.faults.clear('payments');
      part(element, 'retry')!.click();
      await waitUntil(() => part(element, 'result'), 'no receipt after the retry');
      keys.stop();
      expect(keys.keys).to.have.length(2);
      expect(keys.keys[1]).to.equal(keys.keys[0]);
      expect(await backendPayments(account!.id)).to.have.length(1);
    });

    it('keeps a payment that may have been made on screen when another account becomes current', async () => {
      const element = await render(undefined, { accounts: [DAGESTAN, PSKOV] });
      await backend.faults.set('payments', 'server-error');
      await choose(element, { amount: '500' });
      await payAndWait(element);
      const [, pskov] = await backendAccounts();
      storeOf(element).select(pskov!.id);
      await element.updateComplete;
      expect(part(element, 'retry')).to.not.equal(null);
      expect(facts(element, 'details')['Лицевой счет']).to.equal('5812345678');
    });
  });

  describe('keyboard only', () => {
    it('chooses, confirms, pays and starts again with the keyboard alone', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      element.querySelector<HTMLInputElement>('[part~="radio"]:checked')!.focus();
      await press('ArrowDown');
      await element.updateComplete;
      await press('Tab');
      expect(focused(amountInput(element))).to.equal(true);
      await typeInto(amountInput(element), '500');
      await press('Tab');
      expect(focused(part(element, 'checkbox'))).to.equal(true);
      await press('Space');
      await element.updateComplete;
      await press('Tab');
      const [first] = element.querySelectorAll<HTMLInputElement>('[part~="input-reading"]');
      expect(focused(first!)).to.equal(true);
      await typeInto(first!, '4600');
      await press('Enter');
      await findPart(element, '[part~="form-confirm"]');
      expect(focused(part(element, 'subtitle'))).to.equal(true);
      expect(facts(element, 'details')['Показания']).to.equal('Счетчик 1 (кухня): 4600');

      await press('Tab');
      expect(focused(part(element, 'pay'))).to.equal(true);
      await press('Enter');
      await findPart(element, '[part~="result"]');
      await element.updateComplete;
      expect(focused(part(element, 'subtitle'))).to.equal(true);
      await press('Tab');
      expect(focused(part(element, 'print'))).to.equal(true);
      await press('Tab');
      expect(focused(part(element, 'new-payment'))).to.equal(true);
      await press('Enter');
      await element.updateComplete;
      expect(part(element, 'form-choose')).to.not.equal(null);
      expect(focused(element.querySelector('[part~="radio"][value="debt"]'))).to.equal(true);
    });
  });
});

import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { createClient } from '../../src/api/client.js';
import { isApiError } from '../../src/api/errors.js';
import { newIdempotencyKey, pay } from '../../src/api/payments.js';
import type { PaymentList, PaymentResponse } from '../../src/schemas/payment.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { LkPayNowElement } from '../../src/elements/pay-now/pay-now.js';
import type { LkPaymentHistoryElement } from '../../src/elements/payment-history/payment-history.js';
import type { LkProviderElement } from '../../src/elements/provider/provider.js';
import '../../src/entries/pay-now.js';
import '../../src/entries/payment-history.js';
import { DAGESTAN, DAGESTAN_ID, PSKOV, PSKOV_ID, useMockBackend } from '../mocks/helpers.js';
import { FAULTS } from './bad-input.js';
import { countRequests, expectTargetsAtLeast24, findPart, press, renderWithAccounts, textOf, typeInto } from './helpers.js';
import type { AccountsSetup } from './helpers.js';

const DAGESTAN_SUPPLIER = 'Межрегионгаз Пятигорск (Республика Дагестан)';

/** An instant as the seed writes dates, `28.11.2026`, in the page's time zone as the element shows it; written out here, not by the element's formatter. */
const dotted = (instant: string) => {
  const date = new Date(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()}`;
};
/** Money as Intl writes it, white space folded as textOf folds it. */
const rubles = (kopecks: number, locale = 'ru-RU') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB' }).format(kopecks / 100).replace(/\s+/g, ' ');

describe('<lk-payment-history>', () => {
  const backend = useMockBackend();

  /**
   * Logs the demo user in, connects `accounts` (by default 5812345678, current, and 6001234567),
   * runs `before` (the payments to list), then renders `content`.
   */
  const render = (content = html`<lk-payment-history></lk-payment-history>`, setup: AccountsSetup = {}) =>
    renderWithAccounts<LkPaymentHistoryElement>(backend, content, { accounts: [DAGESTAN, PSKOV], ...setup });

  /** Renders without waiting for the element to settle (5812345678 connected): for the states on the way, and faults the first request meets. */
  const renderUnsettled = (client = withoutRetries()) =>
    render(undefined, { accounts: [DAGESTAN], provider: { client }, settled: false });

  /** A client that does not retry a failed GET, so a fault shows at once. */
  const withoutRetries = (timeout?: number) => createClient({ baseUrl: backend.apiBase, retries: 0, ...(timeout ? { timeout } : {}) });

  /** Pays through the API, as `<lk-pay-now>` elsewhere on the page would (the session's cookie is the page's). */
  const payOn = (accountId: string, amount: number): Promise<PaymentResponse> =>
    pay(createClient({ baseUrl: backend.apiBase }), accountId, { amount }, { idempotencyKey: newIdempotencyKey() });

  /** A payment the mock provider declines: it rejects with 402, and the payment is listed as declined. */
  async function declinedOn(accountId: string, amount: number): Promise<void> {
    await backend.payments.setOutcome('declined');
    const error = await payOn(accountId, amount).catch((caught: unknown) => caught);
    expect(isApiError(error) && error.status === 402, 'declined').to.equal(true);
    await backend.payments.setOutcome('success');
  }

  /** Makes the backend answer the next payments request with `list`. */
  function answerPayments(list: PaymentList): void {
    pageWorker()!.use(
      http.get(new URL('accounts/:accountId/payments', backend.apiBase).href, () => HttpResponse.json(list), { once: true }),
    );
  }

  const storeOf = (element: Element) => element.closest<LkProviderElement>('lk-provider')!.environment.accounts;
  const status = (element: Element) => textOf(element.querySelector('[part~="status"]'));
  const rows = (element: Element) => [...element.querySelectorAll('[part~="payment"]')].map((row) => [...row.children].map((cell) => textOf(cell)));
  const toggles = (element: Element) => [...element.querySelectorAll<HTMLButtonElement>('[part~="receipt-toggle"]')];
  const paymentRequests = (paths: readonly string[]) => paths.filter((path) => path.endsWith('/payments'));
  /** The open receipt's rows as label → value. */
  const receiptOf = (element: Element) =>
    [...element.querySelectorAll('[part~="receipt-row"]:not([hidden]) [part~="receipt-fact"]')].map((fact) => [
      textOf(fact.querySelector('dt')),
      textOf(fact.querySelector('dd')),
    ]);

  describe('accessibility', () => {
    it('is accessible with a succeeded and a declined payment, a receipt open', async () => {
      const element = await render(undefined, {
        before: async () => {
          await payOn(DAGESTAN_ID, 50000);
          await declinedOn(DAGESTAN_ID, 70000);
        },
      });
      await findPart(element, '[part~="table"]');
      await expect(element).to.be.accessible();
      toggles(element)[0]!.click();
      await waitUntil(() => receiptOf(element).length === 5);
      await expect(element).to.be.accessible();
    });

    it('is accessible while loading', async () => {
      await backend.faults.set('payments', 'timeout');
      const element = await renderUnsettled(createClient({ baseUrl: backend.apiBase }));
      await waitUntil(() => status(element) === 'Загружаем историю платежей…');
      expect(element.querySelector('[part~="status"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    it('is accessible with no payment', async () => {
      const element = await render();
      await findPart(element, '[part~="empty"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible with no account', async () => {
      const element = await render(undefined, { accounts: [] });
      await findPart(element, '[part~="no-account"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible with an account-id that is not connected', async () => {
      const element = await render(html`<lk-payment-history account-id="mrg-samara-6312345678"></lk-payment-history>`);
      await findPart(element, '[part~="not-connected"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible when the payments failed to load', async () => {
      await backend.faults.set('payments', 'server-error');
      const element = await render(undefined, { provider: { client: withoutRetries() } });
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible logged out', async () => {
      const element = await render(undefined, { loggedIn: false });
      await findPart(element, '[part~="logged-out"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible in English', async () => {
      const element = await render(undefined, { provider: { locale: 'en' }, before: () => payOn(DAGESTAN_ID, 50000) });
      toggles(element)[0]!.click();
      await waitUntil(() => receiptOf(element).length === 5);
      await expect(element).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('speaks its words: the title, the account, the columns', async () => {
      const element = await render(undefined, { before: () => payOn(DAGESTAN_ID, 50000) });
      const title = element.querySelector('[part~="title"]')!;
      expect([textOf(title), title.localName]).to.deep.equal(['История платежей', 'h2']);
      expect(textOf(element.querySelector('[part~="account"]'))).to.equal('Лицевой счет 5812345678');
      const table = element.querySelector('[part~="table"]')!;
      expect(table.getAttribute('aria-labelledby')).to.equal(title.id);
      expect([...table.querySelectorAll('thead th')].map((th) => [textOf(th), th.getAttribute('scope')])).to.deep.equal([
        ['Дата', 'col'],
        ['Сумма', 'col'],
        ['Статус', 'col'],
        ['Чек', 'col'],
      ]);
      expect(element.lang).to.equal('ru');
    });

    it('says "Платежей пока нет" before the first payment', async () => {
      const element = await render();
      const empty = await findPart(element, '[part~="empty"]');
      expect(textOf(empty)).to.equal('Платежей пока нет');
      expect(element.querySelector('table') === null).to.equal(true);
      expect(status(element)).to.equal('');
    });

    it('shows a payment made through the API: date, amount, "Проведён", and the receipt it opens', async () => {
      let paid: PaymentResponse | undefined;
      const element = await render(undefined, { before: async () => (paid = await payOn(DAGESTAN_ID, 50000)) });
      const { payment, receipt } = paid!;
      expect(rows(element)).to.deep.equal([[dotted(payment.createdAt), '500,00 ₽', 'Проведён', receipt.number]]);
      expect(element.querySelector('[part~="payment-date"]')!.getAttribute('scope')).to.equal('row');
      expect(element.querySelector('[part~="payment-status"]')!.getAttribute('part')).to.contain('payment-succeeded');
      const button = toggles(element)[0]!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-label')).to.equal(`Чек ${receipt.number}`);
      const row = document.getElementById(button.getAttribute('aria-controls')!)!;
      expect(row.hidden).to.equal(true);
      button.click();
      await waitUntil(() => button.getAttribute('aria-expanded') === 'true');
      expect(row.hidden).to.equal(false);
      expect(receiptOf(element)).to.deep.equal([
        ['Номер чека', receipt.number],
        ['Дата', dotted(receipt.issuedAt)],
        ['Сумма', '500,00 ₽'],
        ['Лицевой счет', '5812345678'],
        ['Поставщик', DAGESTAN_SUPPLIER],
      ]);
      button.click();
      await waitUntil(() => button.getAttribute('aria-expanded') === 'false');
      expect(row.hidden).to.equal(true);
    });

    it('shows a declined payment as "Отклонён", with no receipt', async () => {
      const element = await render(undefined, { before: () => declinedOn(DAGESTAN_ID, 70000) });
      expect(rows(element)).to.have.length(1);
      const [date, amount, state, receipt] = rows(element)[0]!;
      expect([amount, state, receipt]).to.deep.equal(['700,00 ₽', 'Отклонён', '—чека нет']);
      expect(date).to.match(/^\d\d\.\d\d\.\d{4}$/);
      expect(element.querySelector('[part~="payment-status"]')!.getAttribute('part')).to.contain('payment-declined');
      expect(toggles(element)).to.have.length(0);
      expect(element.querySelector('[part~="receipt-row"]') === null).to.equal(true);
    });

    it('lists the payments newest first', async () => {
      const element = await render(undefined, {
        before: async () => {
          await payOn(DAGESTAN_ID, 50000);
          await declinedOn(DAGESTAN_ID, 70000);
          await payOn(DAGESTAN_ID, 123456);
        },
      });
      expect(rows(element).map((row) => row.slice(1, 3))).to.deep.equal([
        ['1 234,56 ₽', 'Проведён'],
        ['700,00 ₽', 'Отклонён'],
        ['500,00 ₽', 'Проведён'],
      ]);
    });

    it('renders the backend’s words as text', async () => {
      const markup = '<img src=x onerror="window.__lkInjected=1">';
      answerPayments({
        payments: [
          {
            id: 'p1',
            accountId: DAGESTAN_ID,
            createdAt: '2015-05-25T09:00:00.000Z',
            amount: 50000,
            status: 'succeeded',
            receipt: { number: markup, issuedAt: '2015-05-25T09:00:00.000Z', amount: 50000, accountNumber: '5812345678', supplierName: markup },
          },
        ],
      });
      const element = await render();
      await findPart(element, '[part~="receipt-toggle"]');
      toggles(element)[0]!.click();
      await waitUntil(() => receiptOf(element).length === 5);
      expect(rows(element)[0]![3]).to.equal(markup);
      expect(receiptOf(element).at(-1)).to.deep.equal(['Поставщик', markup]);
      expect(element.querySelector('img') === null).to.equal(true);
      expect((window as { __lkInjected?: number }).__lkInjected).to.equal(undefined);
    });

    it('says "Нет подключенных ЛС" and offers "Подключить ЛС" with no account, asking for no payments', async () => {
      const requests = countRequests(backend);
      const element = await render(undefined, { accounts: [] });
      const empty = await findPart(element, '[part~="no-account"]');
      expect(textOf(empty)).to.equal('Нет подключенных ЛС');
      expect(textOf(element.querySelector('[part~="link-connect"]'))).to.equal('Подключить ЛС');
      expect(paymentRequests(requests.paths)).to.have.length(0);
      requests.stop();
    });

    it('keeps targets at least 24 by 24 CSS pixels', async () => {
      const element = await render(undefined, { before: () => payOn(DAGESTAN_ID, 50000) });
      expectTargetsAtLeast24(element);
    });
  });

  describe('the current account', () => {
    it('shows a payment made elsewhere on the page once the store has the new account (env.accounts.update), asking once', async () => {
      const element = await render();
      await findPart(element, '[part~="empty"]');
      const requests = countRequests(backend);
      const answer = await payOn(DAGESTAN_ID, 50000);
      // Nothing tells the element but the store.
      expect(rows(element)).to.have.length(0);
      storeOf(element).update(answer.account);
      await waitUntil(() => rows(element).length === 1, 'the new payment');
      expect(rows(element)[0]!.slice(1)).to.deep.equal(['500,00 ₽', 'Проведён', answer.receipt.number]);
      // The test's own payment, then the element's one request.
      expect(paymentRequests(requests.paths)).to.have.length(2);
      expect(status(element)).to.equal('');
      requests.stop();
    });

    it('shows a payment declined in <lk-pay-now> on the same page as "Отклонён", without a reload, asking once', async () => {
      const element = await render(html`<lk-payment-history></lk-payment-history><lk-pay-now></lk-pay-now>`);
      const payNow = element.parentElement!.querySelector<LkPayNowElement>('lk-pay-now')!;
      await findPart(element, '[part~="empty"]');
      const store = storeOf(element);
      const account = store.current!;
      await backend.payments.setOutcome('declined');
      // Дагестан is overpaid: the own amount is the only choice.
      await typeInto(await findPart<HTMLInputElement>(payNow, '[part~="input-amount"]'), '700');
      payNow.querySelector<HTMLElement>('[part~="continue"]')!.click();
      const pay = await findPart(payNow, '[part~="form-confirm"] [part~="pay"]');
      const requests = countRequests(backend);
      pay.click();
      await findPart(payNow, '[part~="declined"]');
      await waitUntil(() => rows(element).length === 1, 'the declined payment');
      expect(rows(element)[0]!.slice(1)).to.deep.equal(['700,00 ₽', 'Отклонён', '—чека нет']);
      // Nothing about the account changed: the store kept its object, and was told of the payment.
      expect(store.current === account).to.equal(true);
      expect(store.revision(account.id)).to.equal(1);
      // The payment, then the list asked for once.
      expect(paymentRequests(requests.paths)).to.have.length(2);
      expect(status(element)).to.equal('');
      requests.stop();
    });

    it('keeps a receipt open, and the list shown, while the payments are asked for again', async () => {
      const element = await render(undefined, { before: () => payOn(DAGESTAN_ID, 50000) });
      toggles(element)[0]!.click();
      await waitUntil(() => receiptOf(element).length === 5);
      const second = await payOn(DAGESTAN_ID, 60000);
      await storeOf(element).reload();
      await waitUntil(() => rows(element).length === 2, 'the second payment');
      expect(rows(element)[0]![3]).to.equal(second.receipt.number);
      // The first payment's receipt, now in the second row, is still the one open.
      expect(toggles(element).map((button) => button.getAttribute('aria-expanded'))).to.deep.equal(['false', 'true']);
      expect(receiptOf(element)[2]).to.deep.equal(['Сумма', '500,00 ₽']);
    });

    it('shows the other account’s payments when the current one changes, never the old ones under its number', async () => {
      const element = await render(undefined, { before: () => payOn(DAGESTAN_ID, 50000) });
      await backend.faults.set('payments', 'timeout');
      storeOf(element).select(PSKOV_ID);
      await waitUntil(() => status(element) === 'Загружаем историю платежей…');
      expect(textOf(element.querySelector('[part~="account"]'))).to.equal('Лицевой счет 6001234567');
      expect(element.querySelector('[part~="table"]') === null, 'Дагестан’s payments under Псков’s number').to.equal(true);
      await backend.faults.clear();
      storeOf(element).select(DAGESTAN_ID);
      await waitUntil(() => rows(element).length === 1);
      expect(status(element)).to.equal('');
    });

    it('drops its request when it leaves the page, asks for nothing while away, and asks again when back', async () => {
      const element = await render(undefined, { before: () => payOn(DAGESTAN_ID, 50000) });
      const parent = element.parentElement!;
      const requests = countRequests(backend);
      element.remove();
      await element.updateComplete;
      expect(requests.count, 'nothing asked for off the page').to.equal(0);
      parent.append(element);
      await waitUntil(() => rows(element).length === 1);
      expect(paymentRequests(requests.paths)).to.have.length(1);
      requests.stop();
    });

    it('forgets the payments when the user logs out', async () => {
      const element = await render(undefined, { before: () => payOn(DAGESTAN_ID, 50000) });
      await element.closest<LkProviderElement>('lk-provider')!.environment.session.logout();
      await findPart(element, '[part~="logged-out-message"]');
      expect(element.querySelector('table') === null).to.equal(true);
    });
  });

  describe('attributes', () => {
    it('shows the payments of account-id', async () => {
      const element = await render(html`<lk-payment-history account-id=${PSKOV_ID}></lk-payment-history>`, {
        before: () => payOn(PSKOV_ID, 123456),
      });
      expect(storeOf(element).current!.id).to.equal(DAGESTAN_ID);
      await waitUntil(() => textOf(element.querySelector('[part~="account"]')) === 'Лицевой счет 6001234567');
      expect(rows(element).map((row) => row[1])).to.deep.equal(['1 234,56 ₽']);
      toggles(element)[0]!.click();
      await waitUntil(() => receiptOf(element).length === 5);
      expect(receiptOf(element)[3]).to.deep.equal(['Лицевой счет', '6001234567']);
    });

    it('says an account-id that is not connected is not, without a retry', async () => {
      const element = await render(html`<lk-payment-history account-id="mrg-samara-6312345678"></lk-payment-history>`);
      const message = await findPart(element, '[part~="not-connected"]');
      expect(textOf(message)).to.equal('Этот лицевой счет не подключен к Вашему Личному кабинету.');
      expect(element.querySelector('[part~="retry"]') === null).to.equal(true);
      expect(element.querySelector('[part~="link-connect"]') !== null).to.equal(true);
    });

    it('sets its heading at heading-level, between 2 and 6', async () => {
      const nested = await render(html`<lk-payment-history heading-level="3"></lk-payment-history>`, { accounts: [] });
      expect(nested.querySelector('[part~="title"]')!.localName).to.equal('h3');
      const wrong = await render(html`<lk-payment-history heading-level="9"></lk-payment-history>`, { accounts: [] });
      expect(wrong.querySelector('[part~="title"]')!.localName).to.equal('h6');
      const junk = await render(html`<lk-payment-history heading-level="<h1>"></lk-payment-history>`, { accounts: [] });
      expect(junk.querySelector('[part~="title"]')!.localName).to.equal('h2');
    });

    it('says to log in when logged out, with login-href, and asks for nothing', async () => {
      const requests = countRequests(backend);
      const element = await render(html`<lk-payment-history login-href="/login"></lk-payment-history>`, { loggedIn: false });
      expect(textOf(element.querySelector('[part~="logged-out-message"]'))).to.equal('Войдите в Личный кабинет, чтобы увидеть историю платежей.');
      const link = element.querySelector('[part~="link-login"]')!;
      expect([link.localName, link.getAttribute('href'), textOf(link)]).to.deep.equal(['a', '/login', 'Войти в Личный кабинет']);
      expect(paymentRequests(requests.paths)).to.have.length(0);
      requests.stop();
    });

    it('makes "Подключить ЛС" a real link with connect-href, and a navigation otherwise', async () => {
      const visited: NavigateTarget[] = [];
      const element = await render(undefined, { accounts: [], provider: { navigator: (to: NavigateTarget) => visited.push(to) } });
      const button = await findPart(element, '[part~="link-connect"]');
      expect(button.localName).to.equal('button');
      setTimeout(() => button.click());
      const event = await oneEvent(element, 'lk-navigate');
      expect(event.detail.to).to.equal('connect');
      expect(visited).to.deep.equal(['connect']);
      const linked = await render(html`<lk-payment-history connect-href="/connect"></lk-payment-history>`, { accounts: [] });
      expect((await findPart(linked, '[part~="link-connect"]')).getAttribute('href')).to.equal('/connect');
    });

    it('speaks English with locale="en"', async () => {
      let paid: PaymentResponse | undefined;
      const element = await render(html`<lk-payment-history locale="en"></lk-payment-history>`, {
        before: async () => {
          paid = await payOn(DAGESTAN_ID, 50000);
          await declinedOn(DAGESTAN_ID, 70000);
        },
      });
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Payment history');
      expect(textOf(element.querySelector('[part~="account"]'))).to.equal('Personal account 5812345678');
      expect([...element.querySelectorAll('thead th')].map((th) => textOf(th))).to.deep.equal(['Date', 'Amount', 'Status', 'Receipt']);
      expect(rows(element).map((row) => row.slice(1))).to.deep.equal([
        [rubles(70000, 'en-GB'), 'Declined', '—no receipt'],
        [rubles(50000, 'en-GB'), 'Paid', paid!.receipt.number],
      ]);
      expect(toggles(element)[0]!.getAttribute('aria-label')).to.equal(`Receipt ${paid!.receipt.number}`);
      toggles(element)[0]!.click();
      await waitUntil(() => receiptOf(element).length === 5);
      expect(receiptOf(element).map(([label]) => label)).to.deep.equal(['Receipt number', 'Date', 'Amount', 'Personal account', 'Supplier']);
      expect(element.lang).to.equal('en');
    });

    it('speaks English with no account, logged out and when empty', async () => {
      const none = await render(html`<lk-payment-history locale="en"></lk-payment-history>`, { accounts: [] });
      expect(textOf(await findPart(none, '[part~="no-account"]'))).to.equal('No personal accounts connected');
      expect(textOf(none.querySelector('[part~="link-connect"]'))).to.equal('Connect an account');
      await none.closest<LkProviderElement>('lk-provider')!.environment.session.logout();
      const out = await findPart(none, '[part~="logged-out-message"]');
      expect(textOf(out)).to.equal('Log in to see your payment history.');
      expect(textOf(none.querySelector('[part~="link-login"]'))).to.equal('Log in');
      const empty = await render(html`<lk-payment-history locale="en"></lk-payment-history>`, { accounts: [DAGESTAN] });
      expect(textOf(await findPart(empty, '[part~="empty"]'))).to.equal('No payments yet');
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} of the payments with a message and a retry`, async () => {
        await backend.faults.set('payments', fault);
        const element = await renderUnsettled();
        await oneEvent(element, 'lk-error');
        const alert = await findPart(element, '[part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain(message);
        expect(status(element), 'no endless loading').to.equal('');
        await backend.faults.clear();
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await findPart(element, '[part~="empty"]');
        expect(element.querySelector('[part~="fault"]') === null).to.equal(true);
      });
    }

    it('ends a timeout of the payments with a message and a retry, never an endless spinner', async () => {
      await backend.faults.set('payments', 'timeout');
      const element = await render(undefined, { provider: { client: withoutRetries(200) } });
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      expect(status(element)).to.equal('');
      await backend.faults.clear();
      await payOn(DAGESTAN_ID, 50000);
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => rows(element).length === 1);
    });

    it('ends a failure of the account list with a message and a retry', async () => {
      const element = await render(undefined, {
        accounts: [DAGESTAN],
        before: () => backend.faults.set('accounts', 'server-error'),
        provider: { client: withoutRetries() },
      });
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('На сервере произошла ошибка');
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await findPart(element, '[part~="empty"]');
      expect(textOf(element.querySelector('[part~="account"]'))).to.equal('Лицевой счет 5812345678');
    });
  });

  describe('keyboard', () => {
    it('reaches the table, then each receipt with Tab, opens it with Enter and closes it with Space, the focus staying on it', async () => {
      const element = await render(undefined, {
        before: async () => {
          await payOn(DAGESTAN_ID, 50000);
          await payOn(DAGESTAN_ID, 60000);
        },
      });
      const [newest, older] = toggles(element);
      const before = document.createElement('button');
      before.textContent = 'before';
      element.before(before);
      before.focus();
      await press('Tab');
      const box = element.querySelector('[part~="table-scroll"]');
      expect(document.activeElement === box, 'the table first: it scrolls with the keyboard on a narrow screen').to.equal(true);
      await press('Tab');
      expect(document.activeElement === newest, 'the newest receipt first').to.equal(true);
      await press('Enter');
      await waitUntil(() => newest!.getAttribute('aria-expanded') === 'true');
      expect(receiptOf(element)[2]).to.deep.equal(['Сумма', '600,00 ₽']);
      expect(document.activeElement === newest, 'the focus stays on it').to.equal(true);
      await press('Space');
      await waitUntil(() => newest!.getAttribute('aria-expanded') === 'false');
      expect(receiptOf(element)).to.have.length(0);
      await press('Tab');
      expect(document.activeElement === older, 'then the older one').to.equal(true);
      await press('Space');
      await waitUntil(() => older!.getAttribute('aria-expanded') === 'true');
      expect(receiptOf(element)[2]).to.deep.equal(['Сумма', '500,00 ₽']);
      before.remove();
    });
  });
});

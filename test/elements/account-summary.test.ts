import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { SUPPLIER_ACCOUNTS } from '../../mocks/data/supplier-register.js';
import { HISTORY_MONTHS } from '../../mocks/supplier-register.js';
import { createClient } from '../../src/api/client.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { LkAccountSummaryElement } from '../../src/elements/account-summary/account-summary.js';
import type { LkProviderElement } from '../../src/elements/provider/provider.js';
import '../../src/entries/account-summary.js';
import type { Account, AccountHistory } from '../../src/schemas/account.js';
import { DAGESTAN, logInWithAccounts, mockFetch, PSKOV, SAMARA, useMockBackend } from '../mocks/helpers.js';
import { FAULTS } from './bad-input.js';
import { countRequests, expectTargetsAtLeast24, findPart, press, renderWithAccounts, textOf } from './helpers.js';
import type { AccountsSetup } from './helpers.js';


/** The facts of the register, as the mock was seeded with them: the figures the element must show. */
const facts = (number: string) => SUPPLIER_ACCOUNTS.find((account) => account.number === number)!;

/**
 * The month names the test expects, written out here so the assertions do
 * not depend on the element's own formatting code.
 */
const RU_MONTHS = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const inWords = (month: string, names = RU_MONTHS) => `${names[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;
/** `2015-05-25` → `25.05.2015`. */
const dotted = (date: string) => date.split('-').reverse().join('.');
/** Money as Intl's ru-RU writes it, white space folded as textOf folds it. */
const rubles = (kopecks: number, locale = 'ru-RU') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB' }).format(kopecks / 100).replace(/\s+/g, ' ');

describe('<lk-account-summary>', () => {
  const backend = useMockBackend();

  /** Logs the demo user in, connects `accounts` (by default 5812345678, current, and 6001234567), then renders `content`. */
  const render = (content = html`<lk-account-summary></lk-account-summary>`, setup: AccountsSetup = {}) =>
    renderWithAccounts<LkAccountSummaryElement>(backend, content, { accounts: [DAGESTAN, PSKOV], ...setup });

  /** Renders without waiting for the element to settle, with a client that does not retry: for the states on the way. */
  const renderUnsettled = (setup: AccountsSetup = {}) =>
    render(undefined, { accounts: [DAGESTAN], provider: { client: withoutRetries() }, ...setup, settled: false });

  /** A client that does not retry a failed GET, so a fault shows at once. */
  const withoutRetries = (timeout?: number) => createClient({ baseUrl: backend.apiBase, retries: 0, ...(timeout ? { timeout } : {}) });

  /** The backend's own answers, read past the SDK: what the element must show. */
  async function backendAccounts(): Promise<Account[]> {
    return ((await (await mockFetch(backend, 'accounts')).json()) as { accounts: Account[] }).accounts;
  }
  async function backendHistory(accountId: string): Promise<AccountHistory> {
    const url = backend.url('accountHistory').replace(':accountId', encodeURIComponent(accountId));
    return (await fetch(url, { headers: { Accept: 'application/json' } })).json() as Promise<AccountHistory>;
  }

  const select = (element: Element) => element.querySelector<HTMLSelectElement>('select')!;
  const options = (element: Element) => [...select(element).options].map((option) => textOf(option));
  /** The rows of a `<dl>` part as term → description. */
  const rows = (element: Element, part: 'facts' | 'figures') =>
    Object.fromEntries(
      [...element.querySelectorAll(`[part~="${part}"] [part~="fact"]`)].map((row) => [textOf(row.querySelector('dt')), textOf(row.querySelector('dd'))]),
    );
  const status = (element: Element) => textOf(element.querySelector('[part~="status"]'));
  const storeOf = (element: Element) => element.closest<LkProviderElement>('lk-provider')!.environment.accounts;
  const meterRows = (element: Element) =>
    [...element.querySelectorAll('[part~="meter"]')].map((row) => [...row.children].map((cell) => textOf(cell)));
  const historyRequests = (paths: readonly string[]) => paths.filter((path) => path.endsWith('/history'));

  async function choose(element: LkAccountSummaryElement, month: string): Promise<void> {
    const field = select(element);
    field.value = month;
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await element.updateComplete;
  }

  describe('accessibility', () => {
    it('is accessible with the seed’s account, an overpayment', async () => {
      const element = await render();
      await expect(element).to.be.accessible();
    });

    it('is accessible with an earlier period chosen', async () => {
      const element = await render();
      await choose(element, select(element).options[1]!.value);
      await expect(element).to.be.accessible();
    });

    it('is accessible with a debt and with no debt', async () => {
      await expect(await render(undefined, { accounts: [PSKOV] })).to.be.accessible();
      await expect(await render(undefined, { accounts: [SAMARA] })).to.be.accessible();
    });

    it('is accessible while the accounts load', async () => {
      const element = await renderUnsettled({ accounts: [], before: () => backend.faults.set('accounts', 'timeout') });
      await waitUntil(() => status(element) === 'Загружаем сведения по лицевому счету…');
      expect(element.querySelector('[part~="status"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    it('is accessible while the earlier periods load', async () => {
      const element = await renderUnsettled({ before: () => backend.faults.set('accountHistory', 'timeout') });
      await waitUntil(() => status(element) === 'Загружаем прошлые периоды…');
      expect(element.querySelector('[part~="status"]')!.getAttribute('aria-busy')).to.equal('true');
      // The open period is shown meanwhile.
      expect(rows(element, 'figures')['Сумма долга за период']).to.contain(rubles(facts('5812345678').debt));
      await expect(element).to.be.accessible();
    });

    it('is accessible when the earlier periods failed to load', async () => {
      await backend.faults.set('accountHistory', 'server-error');
      const element = await render(undefined, { provider: { client: withoutRetries() } });
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible with no account', async () => {
      const element = await render(undefined, { accounts: [] });
      await expect(element).to.be.accessible();
    });

    it('is accessible logged out', async () => {
      const element = await render(undefined, { loggedIn: false });
      await expect(element).to.be.accessible();
    });

    it('is accessible in English', async () => {
      const element = await render(undefined, { provider: { locale: 'en' } });
      await choose(element, select(element).options[2]!.value);
      await expect(element).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('uses the seed’s wording: "Лицевой счет", the intro, "Общие сведения", the period in words', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Лицевой счет');
      expect(element.querySelector('[part~="title"]')!.localName).to.equal('h2');
      expect(textOf(element.querySelector('[part~="intro"]'))).to.equal(
        'В данном разделе Вы можете просмотреть общую информацию по лицевому счету',
      );
      expect(textOf(element.querySelector('[part~="subtitle"]'))).to.equal('Общие сведения');
      expect(element.querySelector('[part~="subtitle"]')!.localName).to.equal('h3');
      const figures = rows(element, 'figures');
      expect(figures['Дата периода счета']).to.equal(inWords(account!.period));
      expect(figures['Дата периода счета']).to.match(/^[А-Я][а-я]+ \d{4}$/u);
      expect(element.lang).to.equal('ru');
    });

    it('shows the number, the supplier and the address of the account in a <dl>', async () => {
      const element = await render();
      expect(element.querySelector('dl[part~="facts"]')).to.not.equal(null);
      expect(rows(element, 'facts')).to.deep.equal({
        'Номер лицевого счета': '5812345678',
        Поставщик: 'Межрегионгаз Пятигорск (Республика Дагестан)',
        Адрес: facts('5812345678').address,
      });
    });

    it('shows the Дагестан account’s −1 956,85 ₽ as an overpayment, in words too', async () => {
      const element = await render();
      const debt = facts('5812345678').debt;
      expect(debt, 'the seed’s figure').to.equal(-195685);
      const figures = rows(element, 'figures');
      expect(figures['Сумма долга за период']).to.equal(`${rubles(debt)} (переплата)`);
      // Intl's ru-RU money: 1 956,85 ₽, the sign before it.
      expect(figures['Сумма долга за период']).to.match(/^[-−]1 956,85 ₽ \(переплата\)$/u);
      expect(element.querySelector('[part~="amount-overpayment"]')).to.not.equal(null);
      expect(figures['Количество счетчиков']).to.equal('1');
    });

    it('lists the meters in a table "Приборы учета": name, last reading and its date', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      const table = element.querySelector('table[part~="meters"]')!;
      expect(textOf(table.querySelector('caption'))).to.equal('Приборы учета');
      const heads = [...table.querySelectorAll('thead th')];
      expect(heads.map((th) => textOf(th))).to.deep.equal(['Наименование', 'Последние показания', 'Дата показаний']);
      expect(heads.every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
      expect(table.querySelector('tbody th')!.getAttribute('scope')).to.equal('row');
      const meter = account!.meters[0]!;
      expect(meterRows(element)).to.deep.equal([['Счетчик 1', '27927', dotted(meter.lastReadingDate!)]]);
      expect(meter.lastReading).to.equal(facts('5812345678').meters[0]!.lastReading);
      expect(meterRows(element)[0]![2]).to.match(/^\d{2}\.\d{2}\.\d{4}$/u);
    });

    it('shows a debtor’s debt without the overpayment words', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      const debt = facts('6001234567').debt;
      expect(debt).to.be.above(0);
      const figures = rows(element, 'figures');
      expect(figures['Сумма долга за период']).to.equal(rubles(debt));
      expect(figures['Сумма долга за период']).to.not.contain('переплата');
      expect(element.querySelector('[part~="amount-debt"]')).to.not.equal(null);
      expect(figures['Количество счетчиков']).to.equal('2');
      expect(meterRows(element).map(([name, reading]) => [name, reading])).to.deep.equal(
        facts('6001234567').meters.map((meter) => [meter.name, String(meter.lastReading)]),
      );
    });

    it('says there is no debt when the balance is zero', async () => {
      const element = await render(undefined, { accounts: [SAMARA] });
      expect(facts('6312345678').debt).to.equal(0);
      expect(rows(element, 'figures')['Сумма долга за период']).to.equal(`${rubles(0)} (долга нет)`);
      expect(textOf(element)).to.not.contain('переплата');
    });

    it('lists the open period and the closed months, newest first, in words, in a native select "Период"', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      const { months } = await backendHistory(account!.id);
      const field = select(element);
      expect(textOf(element.querySelector(`label[for="${field.id}"]`))).to.equal('Период');
      expect(options(element)).to.have.length(HISTORY_MONTHS + 1);
      expect(options(element)[0]).to.equal(`${inWords(account!.period)} (текущий период)`);
      expect(options(element).slice(1)).to.deep.equal(months.map(({ month }) => inWords(month)).reverse());
      expect(field.selectedIndex).to.equal(0);
    });

    it('says "Нет подключенных ЛС" and offers "Подключить ЛС" when there is no account', async () => {
      const requests = countRequests(backend);
      const element = await render(undefined, { accounts: [] });
      expect(textOf(element.querySelector('[part~="empty"]'))).to.equal('Нет подключенных ЛС');
      expect(textOf(element.querySelector('[part~="link-connect"]'))).to.equal('Подключить ЛС');
      expect(element.querySelector('select')).to.equal(null);
      expect(historyRequests(requests.paths)).to.have.length(0);
      requests.stop();
    });

    it('keeps targets at least 24 by 24 CSS pixels', async () => {
      const element = await render();
      expectTargetsAtLeast24(element);
      const { height } = select(element).getBoundingClientRect();
      expect(height).to.be.at.least(24);
    });

    it('renders what the backend sends as text, never as markup', async () => {
      const markup = '<img src=x onerror="window.__lkInjected=1">';
      pageWorker()!.use(
        http.get(
          new URL('accounts', backend.apiBase).href,
          () =>
            HttpResponse.json({
              accounts: [
                {
                  id: 'a1',
                  number: '5812345678',
                  supplierId: 'mrg-pskov',
                  supplierName: markup,
                  address: markup,
                  period: '2015-06',
                  debt: -195685,
                  tariff: 601,
                  meters: [{ id: 'm1', name: markup, digits: 5, lastReading: 27927, lastReadingDate: '2015-05-25' }],
                  connectedAt: '2015-06-01T00:00:00.000Z',
                },
              ],
            }),
          { once: true },
        ),
        http.get(new URL('accounts/a1/history', backend.apiBase).href, () => HttpResponse.json({ months: [] }), { once: true }),
      );
      const element = await render(undefined, { accounts: [] });
      expect(element.querySelector('img')).to.equal(null);
      expect(rows(element, 'facts')['Поставщик']).to.equal(markup);
      expect(rows(element, 'facts')['Адрес']).to.equal(markup);
      expect(meterRows(element)).to.deep.equal([[markup, '27927', '25.05.2015']]);
      // The seed's own period, in words.
      expect(rows(element, 'figures')['Дата периода счета']).to.equal('Июнь 2015');
      expect((window as { __lkInjected?: number }).__lkInjected).to.equal(undefined);
    });
  });

  describe('attributes', () => {
    it('shows the account named by account-id rather than the current one', async () => {
      await logInWithAccounts(backend, [DAGESTAN, PSKOV]);
      const pskov = (await backendAccounts()).find((account) => account.number === PSKOV.number)!;
      const element = await render(html`<lk-account-summary account-id=${pskov.id}></lk-account-summary>`, { accounts: [] });
      expect(storeOf(element).current?.number).to.equal('5812345678');
      expect(rows(element, 'facts')['Номер лицевого счета']).to.equal('6001234567');
      expect(rows(element, 'figures')['Сумма долга за период']).to.equal(rubles(pskov.debt));
    });

    it('says so when account-id names an account not connected', async () => {
      const element = await render(html`<lk-account-summary account-id="mrg-samara-6312345678"></lk-account-summary>`);
      expect(textOf(element.querySelector('[part~="empty"]'))).to.equal('Этот лицевой счет не подключен к Личному кабинету.');
      expect(element.querySelector('select')).to.equal(null);
    });

    it('makes "оплатить онлайн" a real link with pay-href', async () => {
      const element = await render(html`<lk-account-summary pay-href="/pay"></lk-account-summary>`);
      const link = element.querySelector<HTMLAnchorElement>('[part~="link-pay"]')!;
      expect(link.localName).to.equal('a');
      expect(link.getAttribute('href')).to.equal('/pay');
      expect(textOf(link)).to.equal('оплатить онлайн');
    });

    it('sets its heading at heading-level, between 2 and 6, and "Общие сведения" one deeper', async () => {
      const nested = await render(html`<lk-account-summary heading-level="4"></lk-account-summary>`);
      expect(nested.querySelector('[part~="title"]')!.localName).to.equal('h4');
      expect(nested.querySelector('[part~="subtitle"]')!.localName).to.equal('h5');
      const deepest = await render(html`<lk-account-summary heading-level="6"></lk-account-summary>`, { accounts: [] });
      expect(deepest.querySelector('[part~="subtitle"]')!.localName).to.equal('h6');
      const wrong = await render(html`<lk-account-summary heading-level="<h1>"></lk-account-summary>`, { accounts: [] });
      expect(wrong.querySelector('[part~="title"]')!.localName).to.equal('h2');
    });

    it('speaks English with locale="en"', async () => {
      const element = await render(html`<lk-account-summary locale="en"></lk-account-summary>`);
      const [account] = await backendAccounts();
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Personal account');
      expect(textOf(element.querySelector('[part~="subtitle"]'))).to.equal('General information');
      const figures = rows(element, 'figures');
      expect(figures['Billing period']).to.equal(inWords(account!.period, EN_MONTHS));
      expect(figures['Amount owed for the period']).to.equal(`${rubles(account!.debt, 'en-GB')} (overpayment)`);
      expect(figures['Number of meters']).to.equal('1');
      expect(textOf(element.querySelector('caption'))).to.equal('Meters');
      expect(textOf(element.querySelector('[part~="link-pay"]'))).to.equal('Pay online');
      expect(options(element)[0]).to.equal(`${inWords(account!.period, EN_MONTHS)} (current period)`);
      expect(element.lang).to.equal('en');
    });

    it('says to log in when logged out, with login-href, and asks for nothing', async () => {
      const requests = countRequests(backend);
      const element = await render(html`<lk-account-summary login-href="/login"></lk-account-summary>`, { loggedIn: false });
      expect(textOf(element.querySelector('[part~="logged-out-message"]'))).to.equal(
        'Войдите в Личный кабинет, чтобы увидеть сведения по лицевому счету.',
      );
      expect(element.querySelector('[part~="link-login"]')!.getAttribute('href')).to.equal('/login');
      expect(requests.paths.filter((path) => path.includes('/accounts'))).to.have.length(0);
      requests.stop();
    });
  });

  describe('user input', () => {
    it('shows a closed month’s figures when it is chosen, equal to the history’s', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      const { months } = await backendHistory(account!.id);
      // Three months back: the sums come from the backend's own answer, service by service.
      const closed = months.at(-3)!;
      const sum = (key: 'closing' | 'charged' | 'paid' | 'consumption') => closed.services.reduce((total, service) => total + service[key], 0);
      await choose(element, closed.month);
      const figures = rows(element, 'figures');
      expect(figures['Дата периода счета']).to.equal(inWords(closed.month));
      const closing = sum('closing');
      expect(figures['Сумма долга на конец периода']).to.satisfy((text: string) => text.startsWith(rubles(closing)));
      expect(figures['Начислено']).to.equal(rubles(sum('charged')));
      expect(figures['Оплачено']).to.equal(rubles(sum('paid')));
      expect(figures['Потребление, м³']).to.equal(String(sum('consumption')));
      expect(figures['Сумма долга за период'], 'the open period’s figure is gone').to.equal(undefined);
      // The newest closed month closes at the account's debt (the mock's figures add up).
      await choose(element, months.at(-1)!.month);
      expect(rows(element, 'figures')['Сумма долга на конец периода']).to.equal(`${rubles(account!.debt)} (переплата)`);
    });

    it('goes back to the account’s figures when the open period is chosen', async () => {
      const element = await render();
      await choose(element, select(element).options[1]!.value);
      await choose(element, select(element).options[0]!.value);
      const figures = rows(element, 'figures');
      expect(figures['Сумма долга за период']).to.equal(`${rubles(facts('5812345678').debt)} (переплата)`);
      expect(figures['Начислено']).to.equal(undefined);
    });

    it('never loses the chosen period on a re-render, and asks for the history once', async () => {
      const requests = countRequests(backend);
      const element = await render();
      const month = select(element).options[4]!.value;
      await choose(element, month);
      const shown = rows(element, 'figures');
      // A newer copy of the same account (after a payment elsewhere), a re-render, another locale and back.
      const store = storeOf(element);
      store.update({ ...store.current!, debt: store.current!.debt + 100 });
      element.requestUpdate();
      await element.updateComplete;
      element.locale = 'en';
      await element.updateComplete;
      expect(select(element).value).to.equal(month);
      element.locale = 'ru';
      await element.updateComplete;
      expect(select(element).value).to.equal(month);
      // The list asked for again (as after a payment): the account stays shown meanwhile.
      const reloaded = store.reload();
      await element.updateComplete;
      expect(select(element).value).to.equal(month);
      await reloaded;
      await element.updateComplete;
      expect(select(element).value).to.equal(month);
      expect(rows(element, 'figures')).to.deep.equal(shown);
      expect(historyRequests(requests.paths)).to.have.length(1);
      requests.stop();
    });

    it('shows another account when the current one changes in the store, from its open period', async () => {
      const element = await render();
      await choose(element, select(element).options[2]!.value);
      const pskov = (await backendAccounts()).find((account) => account.number === PSKOV.number)!;
      storeOf(element).select(pskov.id);
      await element.updateComplete;
      expect(rows(element, 'facts')['Номер лицевого счета']).to.equal('6001234567');
      expect(rows(element, 'figures')['Сумма долга за период']).to.equal(rubles(pskov.debt));
      expect(select(element).selectedIndex).to.equal(0);
      expect(meterRows(element)).to.have.length(2);
      // Its own closed months arrive.
      const { months } = await backendHistory(pskov.id);
      await waitUntil(() => options(element).length === months.length + 1);
      expect(options(element)[1]).to.equal(inWords(months.at(-1)!.month));
    });

    it('asks again for the history when put back on the page after leaving while it loaded', async () => {
      const element = await renderUnsettled({ before: () => backend.faults.set('accountHistory', 'timeout') });
      await waitUntil(() => status(element) === 'Загружаем прошлые периоды…');
      const parent = element.parentElement!;
      element.remove();
      await backend.faults.clear();
      parent.append(element);
      await waitUntil(() => options(element).length === HISTORY_MONTHS + 1, 'the history was not asked for again');
      expect(status(element)).to.equal('');
    });
  });

  describe('navigation', () => {
    it('fires lk-navigate "pay" from "оплатить онлайн", and the navigator goes there', async () => {
      const visited: NavigateTarget[] = [];
      const element = await render(undefined, { provider: { navigator: (to: NavigateTarget) => visited.push(to) } });
      const button = element.querySelector<HTMLElement>('[part~="link-pay"]')!;
      expect(button.localName).to.equal('button');
      expect(textOf(button)).to.equal('оплатить онлайн');
      setTimeout(() => button.click());
      const event = await oneEvent(element, 'lk-navigate');
      expect(event.detail.to).to.equal('pay');
      expect(event.cancelable).to.equal(true);
      expect(visited).to.deep.equal(['pay']);
    });

    it('lets the host page cancel the navigation', async () => {
      const visited: NavigateTarget[] = [];
      const element = await render(undefined, { provider: { navigator: (to: NavigateTarget) => visited.push(to) } });
      element.addEventListener('lk-navigate', (event) => event.preventDefault());
      element.querySelector<HTMLElement>('[part~="link-pay"]')!.click();
      expect(visited).to.deep.equal([]);
    });

    it('offers "Подключить ЛС" with no account', async () => {
      const element = await render(undefined, { accounts: [] });
      setTimeout(() => element.querySelector<HTMLElement>('[part~="link-connect"]')!.click());
      expect((await oneEvent(element, 'lk-navigate')).detail.to).to.equal('connect');
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} of the history with a message and a retry, the open period still shown`, async () => {
        await backend.faults.set('accountHistory', fault);
        const element = await renderUnsettled();
        await oneEvent(element, 'lk-error');
        const alert = await findPart(element, '[part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain('Прошлые периоды не загрузились.');
        expect(textOf(alert)).to.contain(message);
        expect(status(element), 'no endless loading').to.equal('');
        expect(options(element)).to.have.length(1);
        expect(rows(element, 'figures')['Сумма долга за период']).to.equal(`${rubles(facts('5812345678').debt)} (переплата)`);
        await backend.faults.clear();
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await waitUntil(() => options(element).length === HISTORY_MONTHS + 1);
        expect(element.querySelector('[part~="fault"]')).to.equal(null);
      });
    }

    it('ends a timeout of the history with a message and a retry, never an endless spinner', async () => {
      await backend.faults.set('accountHistory', 'timeout');
      const element = await render(undefined, { provider: { client: withoutRetries(200) } });
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      expect(status(element)).to.equal('');
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => options(element).length === HISTORY_MONTHS + 1);
    });

    it('keeps the chosen period when a reload of the history fails', async () => {
      const element = await render(undefined, { provider: { client: withoutRetries() } });
      const month = select(element).options[3]!.value;
      await choose(element, month);
      const shown = rows(element, 'figures');
      await backend.faults.set('accountHistory', 'server-error');
      // The account's period moves on (a month closed): its history is asked for again, and fails.
      const store = storeOf(element);
      store.update({ ...store.current!, period: '2099-01' });
      await findPart(element, '[part~="fault"]');
      expect(select(element).value).to.equal(month);
      expect(rows(element, 'figures')['Сумма долга на конец периода']).to.equal(shown['Сумма долга на конец периода']);
    });

    it('ends a failure of the accounts with a message and a retry', async () => {
      const element = await renderUnsettled({ before: () => backend.faults.set('accounts', 'server-error') });
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('На сервере произошла ошибка');
      expect(status(element)).to.equal('');
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => rows(element, 'facts')['Номер лицевого счета'] === '5812345678');
    });
  });

  describe('keyboard only', () => {
    it('reaches the period with Tab, changes it with the arrow keys, passes the meters table and pays with Enter', async () => {
      const wrapper = await render(html`<div><button type="button">before</button><lk-account-summary></lk-account-summary></div>`);
      const element = wrapper.querySelector('lk-account-summary')!;
      await waitUntil(() => options(element).length === HISTORY_MONTHS + 1);
      const [account] = await backendAccounts();
      const { months } = await backendHistory(account!.id);
      wrapper.querySelector('button')!.focus();
      await press('Tab');
      expect(document.activeElement === select(element), 'the period').to.equal(true);
      await press('ArrowDown');
      await waitUntil(() => rows(element, 'figures')['Дата периода счета'] === inWords(months.at(-1)!.month));
      await press('ArrowDown');
      await waitUntil(() => rows(element, 'figures')['Дата периода счета'] === inWords(months.at(-2)!.month));
      const charged = months.at(-2)!.services.reduce((total, service) => total + service.charged, 0);
      expect(rows(element, 'figures')['Начислено']).to.equal(rubles(charged));
      await press('ArrowUp');
      await press('ArrowUp');
      await waitUntil(() => rows(element, 'figures')['Сумма долга за период'] !== undefined);
      expect(select(element).selectedIndex).to.equal(0);
      await press('Tab');
      // Compared with ===: a failed equal() would format the DOM nodes, which can hang the page.
      const box = element.querySelector('[part~="table-scroll"]');
      expect(document.activeElement === box, 'the meters table, which scrolls with the keyboard on a narrow screen').to.equal(true);
      await press('Tab');
      expect(document.activeElement === element.querySelector('[part~="link-pay"]'), '"оплатить онлайн"').to.equal(true);
      const navigate = oneEvent(element, 'lk-navigate');
      await press('Enter');
      expect((await navigate).detail.to).to.equal('pay');
    });
  });
});

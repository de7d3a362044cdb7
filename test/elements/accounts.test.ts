import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { createClient } from '../../src/api/client.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { LkAccountConnectElement } from '../../src/elements/account-connect/account-connect.js';
import type { LkAccountsElement } from '../../src/elements/accounts/accounts.js';
import type { LkProviderElement } from '../../src/elements/provider/provider.js';
import '../../src/entries/account-connect.js';
import '../../src/entries/accounts.js';
import type { LkAccountSelectedEvent } from '../../src/events/account-selected.js';
import { DAGESTAN, mockFetch, PSKOV, useMockBackend } from '../mocks/helpers.js';
import { FAULTS } from './bad-input.js';
import { countRequests, expectTargetsAtLeast24, findPart, press, renderWithAccounts, textOf, typeInto } from './helpers.js';
import type { AccountsSetup } from './helpers.js';


describe('<lk-accounts>', () => {
  const backend = useMockBackend();

  /** Logs the demo user in, connects `accounts` (by default 5812345678, current, and 6001234567), then renders `content`. */
  const render = (content = html`<lk-accounts></lk-accounts>`, setup: AccountsSetup = {}) =>
    renderWithAccounts<LkAccountsElement>(backend, content, { accounts: [DAGESTAN, PSKOV], ...setup });

  /** Renders without waiting for the element to settle, no account connected: for the states on the way. */
  const renderUnsettled = (setup: AccountsSetup = {}) => render(undefined, { accounts: [], ...setup, settled: false });

  /** A client that does not retry a failed GET or DELETE, so a fault shows at once. */
  const withoutRetries = (timeout?: number) => createClient({ baseUrl: backend.apiBase, retries: 0, ...(timeout ? { timeout } : {}) });

  const items = (element: Element) => [...element.querySelectorAll<HTMLElement>('[part~="account"]')];
  const radios = (element: Element) => [...element.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const disconnectButtons = (element: Element) => [...element.querySelectorAll<HTMLButtonElement>('[part~="disconnect"]')];
  const confirmButton = (element: Element) => element.querySelector<HTMLButtonElement>('[part~="confirm-disconnect"]');
  const cancelButton = (element: Element) => element.querySelector<HTMLButtonElement>('[part~="cancel"]');
  const status = (element: Element) => textOf(element.querySelector('[part~="status"]'));
  const storeOf = (element: Element) => element.closest<LkProviderElement>('lk-provider')!.environment.accounts;
  const deletes = (paths: readonly string[]) => paths.filter((path) => /\/accounts\/[^/]+$/.test(path));

  async function askToDisconnect(element: LkAccountsElement, index: number) {
    disconnectButtons(element)[index]!.click();
    await findPart(element, '[part~="confirm"]');
  }

  describe('accessibility', () => {
    it('is accessible with no account', async () => {
      const element = await render(undefined, { accounts: [] });
      await expect(element).to.be.accessible();
    });

    it('is accessible with two accounts, one current', async () => {
      const element = await render();
      await expect(element).to.be.accessible();
    });

    it('is accessible while loading', async () => {
      const element = await renderUnsettled({ before: () => backend.faults.set('accounts', 'timeout') });
      await waitUntil(() => status(element) === 'Загружаем лицевые счета…');
      expect(element.querySelector('[part~="status"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    it('is accessible while asking to disconnect', async () => {
      const element = await render();
      await askToDisconnect(element, 1);
      await expect(element).to.be.accessible();
    });

    it('is accessible when the list failed to load', async () => {
      await backend.faults.set('accounts', 'server-error');
      const element = await render(undefined, { provider: { client: withoutRetries() }, accounts: [] });
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible when disconnecting failed', async () => {
      await backend.faults.set('account', 'server-error');
      const element = await render(undefined, { provider: { client: withoutRetries() } });
      await askToDisconnect(element, 0);
      confirmButton(element)!.click();
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible after a disconnection', async () => {
      const element = await render();
      await askToDisconnect(element, 0);
      confirmButton(element)!.click();
      await waitUntil(() => status(element).includes('отключен'));
      await expect(element).to.be.accessible();
    });

    it('is accessible logged out', async () => {
      const element = await render(undefined, { loggedIn: false });
      await expect(element).to.be.accessible();
    });

    it('is accessible in English', async () => {
      const element = await render(undefined, { provider: { locale: 'en' } });
      await askToDisconnect(element, 0);
      await expect(element).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('says "Нет подключенных ЛС" and offers "Подключить ЛС" when there is no account', async () => {
      const element = await render(undefined, { accounts: [] });
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Текущие Лицевые счета');
      expect(textOf(element.querySelector('[part~="empty"]'))).to.equal('Нет подключенных ЛС');
      const link = element.querySelector<HTMLElement>('[part~="link-connect"]')!;
      expect(textOf(link)).to.equal('Подключить ЛС');
      expect(element.querySelector('fieldset')).to.equal(null);
      expect(element.lang).to.equal('ru');
    });

    it('shows each account: the number, the supplier’s full name and the address', async () => {
      const element = await render();
      const [first, second] = items(element);
      expect(items(element)).to.have.length(2);
      expect(textOf(first!.querySelector('[part~="account-number"]'))).to.equal('Лицевой счет 5812345678');
      expect(textOf(first!.querySelector('[part~="account-supplier"]'))).to.equal('Межрегионгаз Пятигорск (Республика Дагестан)');
      expect(textOf(first!.querySelector('[part~="account-address"]'))).to.equal(
        'Адрес: Республика Дагестан, г. Махачкала, ул. Гагарина, д. 12, кв. 5',
      );
      expect(textOf(second!.querySelector('[part~="account-number"]'))).to.equal('Лицевой счет 6001234567');
      expect(textOf(second!.querySelector('[part~="account-supplier"]'))).to.equal('Межрегионгаз Псков');
    });

    it('chooses the current account with native radio buttons in a fieldset, the first connected current', async () => {
      const element = await render();
      const fieldset = element.querySelector('fieldset')!;
      expect(textOf(fieldset.querySelector('legend'))).to.equal('Лицевой счет, с которым Вы работаете');
      expect(radios(element)).to.have.length(2);
      expect(radios(element).every((radio) => fieldset.contains(radio))).to.equal(true);
      expect(new Set(radios(element).map((radio) => radio.name)).size).to.equal(1);
      expect(radios(element).map((radio) => radio.checked)).to.deep.equal([true, false]);
      expect(items(element)[0]!.getAttribute('part')).to.contain('account-current');
      expect(textOf(items(element)[0]!.querySelector('[part~="current-mark"]'))).to.equal('текущий');
      expect(items(element)[1]!.querySelector('[part~="current-mark"]')).to.equal(null);
      // The radio is named by its number and described by the supplier and the address.
      const radio = radios(element)[0]!;
      expect(textOf(element.querySelector(`label[for="${radio.id}"]`))).to.contain('Лицевой счет 5812345678');
      const described = radio.getAttribute('aria-describedby')!.split(' ').map((id) => textOf(document.getElementById(id)));
      expect(described[0]).to.equal('Межрегионгаз Пятигорск (Республика Дагестан)');
    });

    it('names each "Отключить" by its account for screen readers', async () => {
      const element = await render();
      expect(disconnectButtons(element).map((button) => textOf(button))).to.deep.equal([
        'Отключить лицевой счет 5812345678',
        'Отключить лицевой счет 6001234567',
      ]);
    });

    it('gives every instance its own ids and radio group', async () => {
      const wrapper = await render(html`<div><lk-accounts></lk-accounts><lk-accounts></lk-accounts></div>`);
      await waitUntil(() => wrapper.querySelectorAll('input[type="radio"]').length === 4);
      const ids = [...wrapper.querySelectorAll('[id]')].map((node) => node.id);
      expect(new Set(ids).size).to.equal(ids.length);
      const names = new Set([...wrapper.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => radio.name));
      expect(names.size).to.equal(2);
    });

    it('keeps targets at least 24 by 24 CSS pixels', async () => {
      const element = await render();
      await askToDisconnect(element, 0);
      expectTargetsAtLeast24(element);
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
                  debt: 0,
                  tariff: 601,
                  meters: [],
                  connectedAt: '2015-06-01T00:00:00.000Z',
                },
              ],
            }),
          { once: true },
        ),
      );
      const element = await render(undefined, { accounts: [] });
      await findPart(element, '[part~="account"]');
      expect(element.querySelector('img')).to.equal(null);
      expect(textOf(element.querySelector('[part~="account-supplier"]'))).to.equal(markup);
      expect((window as { __lkInjected?: number }).__lkInjected).to.equal(undefined);
    });
  });

  describe('attributes', () => {
    it('makes "Подключить ЛС" a real link with connect-href, and a navigation otherwise', async () => {
      const visited: NavigateTarget[] = [];
      const element = await render(undefined, { accounts: [], provider: { navigator: (to: NavigateTarget) => visited.push(to) } });
      const button = element.querySelector<HTMLElement>('[part~="link-connect"]')!;
      expect(button.localName).to.equal('button');
      setTimeout(() => button.click());
      const event = await oneEvent(element, 'lk-navigate');
      expect(event.detail.to).to.equal('connect');
      expect(visited).to.deep.equal(['connect']);

      const linked = await render(html`<lk-accounts connect-href="/connect"></lk-accounts>`, { accounts: [] });
      expect(linked.querySelector('[part~="link-connect"]')!.getAttribute('href')).to.equal('/connect');
    });

    it('sets its heading at heading-level, between 2 and 6', async () => {
      const plain = await render(undefined, { accounts: [] });
      expect(plain.querySelector('[part~="title"]')!.localName).to.equal('h2');
      const nested = await render(html`<lk-accounts heading-level="4"></lk-accounts>`, { accounts: [] });
      expect(nested.querySelector('[part~="title"]')!.localName).to.equal('h4');
      const wrong = await render(html`<lk-accounts heading-level="<h1>"></lk-accounts>`, { accounts: [] });
      expect(wrong.querySelector('[part~="title"]')!.localName).to.equal('h2');
    });

    it('speaks English with locale="en"', async () => {
      const element = await render(undefined, { provider: { locale: 'en' } });
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Current personal accounts');
      expect(textOf(element.querySelector('[part~="account-number"]'))).to.equal('Personal account 5812345678');
      await askToDisconnect(element, 0);
      expect(textOf(element.querySelector('[part~="confirm-question"]'))).to.equal(
        'Disconnect personal account 5812345678 from your account? The supplier keeps its data.',
      );
      expect(element.lang).to.equal('en');
    });

    it('says to log in when logged out, with login-href', async () => {
      const requests = countRequests(backend);
      const element = await render(html`<lk-accounts login-href="/login"></lk-accounts>`, { loggedIn: false });
      expect(textOf(element)).to.contain('Войдите в Личный кабинет, чтобы увидеть подключенные лицевые счета.');
      expect(element.querySelector('[part~="link-login"]')!.getAttribute('href')).to.equal('/login');
      expect(requests.paths.filter((path) => path.endsWith('/accounts'))).to.have.length(0);
      requests.stop();
    });
  });

  describe('user input', () => {
    it('makes the chosen account current and fires lk-account-selected', async () => {
      const element = await render();
      const selected = oneEvent(element, 'lk-account-selected');
      radios(element)[1]!.click();
      const { detail } = await selected;
      expect(detail.account.number).to.equal('6001234567');
      expect(storeOf(element).current?.number).to.equal('6001234567');
      await element.updateComplete;
      expect(items(element)[1]!.getAttribute('part')).to.contain('account-current');
      expect(textOf(items(element)[1]!.querySelector('[part~="current-mark"]'))).to.equal('текущий');
    });

    it('chooses with the arrow keys', async () => {
      const element = await render();
      radios(element)[0]!.focus();
      const selected = oneEvent(element, 'lk-account-selected');
      await press('ArrowDown');
      expect((await selected).detail.account.number).to.equal('6001234567');
      expect(radios(element)[1]!.checked).to.equal(true);
    });

    it('shows a change made elsewhere and fires nothing for it', async () => {
      const element = await render();
      const fired: LkAccountSelectedEvent[] = [];
      element.addEventListener('lk-account-selected', (event) => fired.push(event));
      const store = storeOf(element);
      store.select(store.accounts[1]!.id);
      await element.updateComplete;
      expect(radios(element).map((radio) => radio.checked)).to.deep.equal([false, true]);
      expect(fired).to.have.length(0);
    });

    it('asks before disconnecting, inside the element, and Отмена changes nothing', async () => {
      const element = await render();
      const requests = countRequests(backend);
      await askToDisconnect(element, 1);
      expect(textOf(element.querySelector('[part~="confirm-question"]'))).to.equal(
        'Отключить лицевой счет 6001234567 от Личного кабинета? Данные у поставщика сохранятся.',
      );
      expect(textOf(confirmButton(element))).to.equal('Отключить');
      expect(textOf(cancelButton(element))).to.equal('Отмена');
      expect(disconnectButtons(element)[1]!.getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => document.activeElement === confirmButton(element));
      cancelButton(element)!.click();
      await waitUntil(() => document.activeElement === disconnectButtons(element)[1]);
      expect(element.querySelector('[part~="confirm"]')).to.equal(null);
      expect(items(element)).to.have.length(2);
      expect(deletes(requests.paths)).to.have.length(0);
      requests.stop();
    });

    it('closes the question with Escape', async () => {
      const element = await render();
      await askToDisconnect(element, 0);
      await waitUntil(() => document.activeElement === confirmButton(element));
      await press('Escape');
      await waitUntil(() => element.querySelector('[part~="confirm"]') === null);
      expect(document.activeElement).to.equal(disconnectButtons(element)[0]);
    });

    it('disconnects, says so, and puts the focus back in the list', async () => {
      const element = await render();
      const requests = countRequests(backend);
      await askToDisconnect(element, 1);
      confirmButton(element)!.click();
      await waitUntil(() => status(element) === 'Лицевой счет 6001234567 отключен.');
      expect(items(element)).to.have.length(1);
      expect(deletes(requests.paths)).to.have.length(1);
      expect(document.activeElement).to.equal(radios(element)[0]);
      requests.stop();
      // The backend forgot it too.
      const listed = await (await mockFetch(backend, 'accounts')).json();
      expect(listed.accounts.map((account: { number: string }) => account.number)).to.deep.equal(['5812345678']);
    });

    it('makes another account current when the current one is disconnected, and says so with lk-account-selected', async () => {
      const element = await render();
      const fired: string[] = [];
      element.addEventListener('lk-account-selected', (event) => fired.push(event.detail.account.number));
      await askToDisconnect(element, 0);
      confirmButton(element)!.click();
      await waitUntil(() => status(element).includes('отключен'));
      expect(radios(element).map((radio) => radio.checked)).to.deep.equal([true]);
      expect(storeOf(element).current?.number).to.equal('6001234567');
      // The user's disconnection changed the current account: the page is told which one it is now.
      expect(fired).to.deep.equal(['6001234567']);
    });

    it('fires no lk-account-selected when an account that was not current is disconnected', async () => {
      const element = await render();
      const fired: Event[] = [];
      element.addEventListener('lk-account-selected', (event) => fired.push(event));
      await askToDisconnect(element, 1);
      confirmButton(element)!.click();
      await waitUntil(() => status(element).includes('отключен'));
      expect(storeOf(element).current?.number).to.equal('5812345678');
      expect(fired).to.have.length(0);
    });

    it('ends with "Нет подключенных ЛС" and the focus on "Подключить ЛС" after the last account', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      await askToDisconnect(element, 0);
      confirmButton(element)!.click();
      await waitUntil(() => textOf(element.querySelector('[part~="empty"]')) === 'Нет подключенных ЛС');
      expect(document.activeElement).to.equal(element.querySelector('[part~="link-connect"]'));
    });

    it('works with the keyboard alone', async () => {
      const element = await render();
      radios(element)[0]!.focus();
      await press('Tab');
      expect(document.activeElement).to.equal(disconnectButtons(element)[0]);
      await press('Shift+Tab');
      expect(document.activeElement).to.equal(radios(element)[0]);
      await press('ArrowDown');
      await waitUntil(() => storeOf(element).current?.number === '6001234567');
      await press('Tab');
      expect(document.activeElement).to.equal(disconnectButtons(element)[1]);
      await press('Enter');
      await waitUntil(() => document.activeElement === confirmButton(element));
      await press('Tab');
      expect(document.activeElement).to.equal(cancelButton(element));
      await press('Shift+Tab');
      await press('Enter');
      await waitUntil(() => status(element) === 'Лицевой счет 6001234567 отключен.');
      expect(document.activeElement).to.equal(radios(element)[0]);
    });
  });

  describe('shared with the other elements of the session', () => {
    it('shows an account connected by <lk-account-connect> at once, without a reload', async () => {
      const wrapper = await render(
        html`<div><lk-account-connect supplier="mrg-pskov"></lk-account-connect><lk-accounts></lk-accounts></div>`,
        { accounts: [DAGESTAN] },
      );
      const connect = wrapper.querySelector<LkAccountConnectElement>('lk-account-connect')!;
      const list = wrapper.querySelector<LkAccountsElement>('lk-accounts')!;
      await waitUntil(() => items(list).length === 1);
      const requests = countRequests(backend);
      await typeInto(connect.querySelector<HTMLInputElement>('input[name="number"]')!, PSKOV.number);
      const connected = oneEvent(connect, 'lk-account-connected');
      connect.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await connected;
      await waitUntil(() => items(list).length === 2);
      expect(textOf(items(list)[1]!.querySelector('[part~="account-number"]'))).to.equal('Лицевой счет 6001234567');
      expect(requests.paths, 'one POST, no reload of the list').to.have.length(1);
      expect(radios(list).map((radio) => radio.checked), 'the oldest stays current').to.deep.equal([true, false]);
      requests.stop();
    });

    it('lists every account when one was connected before the list was first shown', async () => {
      const connect = await render(html`<lk-account-connect supplier="mrg-pskov"></lk-account-connect>`, { accounts: [DAGESTAN] });
      await typeInto(connect.querySelector<HTMLInputElement>('input[name="number"]')!, PSKOV.number);
      const connected = oneEvent(connect, 'lk-account-connected');
      connect.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await connected;
      // The cabinet shows the list later, on another page of the same session.
      const list = document.createElement('lk-accounts');
      connect.after(list);
      await waitUntil(() => items(list).length === 2, 'the list lacks the accounts connected earlier');
      expect(radios(list).map((radio) => radio.checked), 'the oldest stays current').to.deep.equal([true, false]);
    });

    it('changes what every element sees when one chooses', async () => {
      const wrapper = await render(html`<div><lk-accounts></lk-accounts><lk-accounts></lk-accounts></div>`);
      const [first, second] = [...wrapper.querySelectorAll<LkAccountsElement>('lk-accounts')];
      await waitUntil(() => radios(second!).length === 2);
      const fired: Event[] = [];
      wrapper.addEventListener('lk-account-selected', (event) => fired.push(event));
      radios(first!)[1]!.click();
      await second!.updateComplete;
      expect(radios(second!).map((radio) => radio.checked)).to.deep.equal([false, true]);
      expect(items(second!)[1]!.getAttribute('part')).to.contain('account-current');
      expect(storeOf(second!).current?.number).to.equal('6001234567');
      expect(fired.map((event) => event.target), 'only the element the user used fires').to.deep.equal([first]);
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} of the list with a message and a retry`, async () => {
        await backend.faults.set('accounts', fault);
        const element = await renderUnsettled({ provider: { client: withoutRetries() } });
        const failed = oneEvent(element, 'lk-error');
        await failed;
        const alert = await findPart(element, '[part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain(message);
        expect(status(element), 'no endless loading').to.equal('');
        await backend.faults.clear();
        await mockFetch(backend, 'accounts', { method: 'POST', body: PSKOV });
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await waitUntil(() => items(element).length === 1);
        expect(element.querySelector('[part~="fault"]')).to.equal(null);
      });

    }

    // A disconnection's success is an empty answer: an unreadable body is a fault, a JSON one of any shape is ignored.
    for (const [fault, message] of FAULTS.filter(([kind]) => kind !== 'wrong-shape')) {
      it(`ends a ${fault} of a disconnection with a message and a retry`, async () => {
        const element = await render(undefined, { provider: { client: withoutRetries() } });
        await backend.faults.set('account', fault);
        await askToDisconnect(element, 1);
        const failed = oneEvent(element, 'lk-error');
        confirmButton(element)!.click();
        await failed;
        const alert = await findPart(element, '[part~="fault"]');
        expect(textOf(alert)).to.contain(message);
        expect(items(element)).to.have.length(2);
        expect(status(element)).to.equal('');
        await backend.faults.clear();
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await waitUntil(() => status(element) === 'Лицевой счет 6001234567 отключен.');
        expect(items(element)).to.have.length(1);
        expect(element.querySelector('[part~="fault"]')).to.equal(null);
      });
    }

    it('ends a timeout of the list with a message and a retry, never an endless spinner', async () => {
      await backend.faults.set('accounts', 'timeout');
      const element = await render(undefined, { accounts: [], provider: { client: withoutRetries(200) } });
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      expect(status(element)).to.equal('');
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await findPart(element, '[part~="empty"]');
    });

    it('ends a timeout of a disconnection with a message and a retry', async () => {
      const element = await render(undefined, { provider: { client: withoutRetries(200) } });
      await backend.faults.set('account', 'timeout');
      await askToDisconnect(element, 0);
      confirmButton(element)!.click();
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      expect(status(element)).to.equal('');
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => items(element).length === 1);
    });
  });
});

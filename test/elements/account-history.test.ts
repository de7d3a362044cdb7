import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { fetchAccountHistory } from '../../src/api/accounts.js';
import { createClient } from '../../src/api/client.js';
import { newIdempotencyKey, pay } from '../../src/api/payments.js';
import { fetchReadings, submitReadings } from '../../src/api/readings.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { LkAccountHistoryElement } from '../../src/elements/account-history/account-history.js';
import type { LkProviderElement } from '../../src/elements/provider/provider.js';
import '../../src/entries/account-history.js';
import { formatDay, formatMoney } from '../../src/i18n/format.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { AccountHistory, HistoryMonth } from '../../src/schemas/account.js';
import type { ReadingHistory, ReadingHistoryEntry } from '../../src/schemas/reading.js';
import { DAGESTAN, PSKOV, PSKOV_ID, useMockBackend } from '../mocks/helpers.js';
import { FAULTS } from './bad-input.js';
import { countRequests, expectTargetsAtLeast24, findPart, press, renderWithAccounts, textOf } from './helpers.js';
import type { AccountsSetup } from './helpers.js';


/** The months as the seed writes them ("Май 2015"), to read the month headers against. */
const MONTH_NAMES: Record<Locale, readonly string[]> = {
  ru: ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const inWords = (month: string, locale: Locale = 'ru') => `${MONTH_NAMES[locale][Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

describe('<lk-account-history>', () => {
  const backend = useMockBackend();

  /** Logs the demo user in, connects `accounts` (by default 5812345678, current, and 6001234567), then renders `content`. */
  const render = (content = html`<lk-account-history></lk-account-history>`, setup: AccountsSetup = {}) =>
    renderWithAccounts<LkAccountHistoryElement>(backend, content, { accounts: [DAGESTAN, PSKOV], ...setup });

  /** Renders without waiting for the element to settle (5812345678 connected): for the states on the way. */
  const renderUnsettled = (setup: AccountsSetup = {}) => render(undefined, { accounts: [DAGESTAN], ...setup, settled: false });

  /** Renders and waits for the table. */
  async function renderTable(...args: Parameters<typeof render>): Promise<LkAccountHistoryElement> {
    const element = await render(...args);
    await findPart(element, '[part~="table"]');
    return element;
  }

  /** A client that does not retry a failed GET, so a fault shows at once. */
  const withoutRetries = (timeout?: number) => createClient({ baseUrl: backend.apiBase, retries: 0, ...(timeout ? { timeout } : {}) });

  /** The history as the API gives it, asked for by the test itself (the session's cookie is the page's). */
  const historyOf = (accountId: string) => fetchAccountHistory(createClient({ baseUrl: backend.apiBase }), accountId);

  /** Makes the backend answer the next history request with `history`. */
  function answerHistory(history: AccountHistory): void {
    pageWorker()!.use(
      http.get(new URL('accounts/:accountId/history', backend.apiBase).href, () => HttpResponse.json(history), { once: true }),
    );
  }

  /** A client of the test's own on the page's session (the cookie is the page's). */
  const testClient = () => createClient({ baseUrl: backend.apiBase });

  /** Makes the backend answer the next readings request with `readings`. */
  function answerReadings(readings: ReadingHistory): void {
    pageWorker()!.use(
      http.get(new URL('accounts/:accountId/readings', backend.apiBase).href, () => HttpResponse.json(readings), { once: true }),
    );
  }

  /** Renders and waits for the readings' table. */
  async function renderReadings(...args: Parameters<typeof render>): Promise<LkAccountHistoryElement> {
    const element = await render(...args);
    await findPart(element, '[part~="readings-table"]');
    return element;
  }

  const readingsOf = (element: Element) => element.querySelector('[part~="readings"]');
  const readingsStatus = (element: Element) => textOf(element.querySelector('[part~="readings-status"]'));
  const readingsToggle = (element: Element) => element.querySelector<HTMLButtonElement>('[part~="readings-toggle"]');
  const readingsRequests = (paths: readonly string[]) => paths.filter((path) => path.endsWith('/readings'));
  /** The readings' rows as text, cell by cell. */
  const readingRows = (element: Element) =>
    [...element.querySelectorAll('[part~="reading"]')].map((row) => [...row.children].map((cell) => textOf(cell)));
  /** The rows the readings' table must show for `readings` (newest first in the API). */
  const expectedReadingRows = (readings: readonly ReadingHistoryEntry[], locale: Locale = 'ru', none = 'нет данных') =>
    readings.map(({ date, meterName, value, consumption }) => [
      formatDay(date, locale),
      meterName,
      String(value),
      consumption === null ? `—${none}` : new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB').format(consumption).replace(/\s+/g, ' '),
    ]);

  const storeOf = (element: Element) => element.closest<LkProviderElement>('lk-provider')!.environment.accounts;
  const status = (element: Element) => textOf(element.querySelector('[part~="status"]'));
  const monthGroups = (element: Element) => [...element.querySelectorAll<HTMLTableSectionElement>('[part~="month-group"]')];
  const toggle = (element: Element) => element.querySelector<HTMLButtonElement>('[part~="toggle"]');
  const chartImage = (element: Element) => element.querySelector<SVGSVGElement>('[part~="chart-image"]')!;
  const bars = (element: Element) => [...chartImage(element).querySelectorAll<SVGRectElement>('.lk-chart-bar')];
  const historyRequests = (paths: readonly string[]) => paths.filter((path) => path.endsWith('/history'));

  /** The table's rows as text, cell by cell, month header included where it stands. */
  const rowsOf = (element: Element) =>
    [...element.querySelectorAll('[part~="month-group"] tr')].map((row) => [...row.children].map((cell) => textOf(cell)));

  /** The rows the table must show for `months` (oldest first in the API), newest first, in `locale`. */
  const expectedRows = (months: readonly HistoryMonth[], locale: Locale = 'ru', overpaid = 'переплата') =>
    [...months].reverse().flatMap(({ month, services }) =>
      services.map((service, index) => {
        const balance = (kopecks: number) => `${formatMoney(kopecks, locale)}${kopecks < 0 ? ` ${overpaid}` : ''}`;
        return [
          ...(index === 0 ? [inWords(month, locale)] : []),
          service.service,
          balance(service.opening),
          formatMoney(service.charged, locale),
          formatMoney(service.paid, locale),
          balance(service.closing),
          String(service.consumption),
        ].map((text) => text.replace(/\s+/g, ' '));
      }),
    );

  describe('accessibility', () => {
    it('is accessible with the history and its chart', async () => {
      const element = await renderTable();
      expect(chartImage(element)).to.exist;
      await expect(element).to.be.accessible();
    });

    it('is accessible with every month shown', async () => {
      const element = await renderTable();
      toggle(element)!.click();
      await waitUntil(() => monthGroups(element).length === 24);
      await expect(element).to.be.accessible();
    });

    it('is accessible while loading', async () => {
      const element = await renderUnsettled({ before: () => backend.faults.set('accountHistory', 'timeout') });
      await waitUntil(() => status(element) === 'Загружаем историю по лицевому счету…');
      expect(element.querySelector('[part~="status"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    it('is accessible with no account', async () => {
      const element = await render(undefined, { accounts: [] });
      await findPart(element, '[part~="no-account"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible with an empty history', async () => {
      answerHistory({ months: [] });
      const element = await render();
      await findPart(element, '[part~="empty"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible when the history failed to load', async () => {
      await backend.faults.set('accountHistory', 'server-error');
      const element = await render(undefined, { provider: { client: withoutRetries() } });
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible with every reading shown', async () => {
      const element = await renderReadings();
      readingsToggle(element)!.click();
      await waitUntil(() => readingRows(element).length === 24);
      await expect(element).to.be.accessible();
    });

    it('is accessible while the readings load, with the history shown', async () => {
      // Unsettled: a settled element has nothing busy, and these readings never come.
      const element = await renderUnsettled({ before: () => backend.faults.set('readings', 'timeout') });
      await findPart(element, '[part~="table"]');
      await waitUntil(() => readingsStatus(element) === 'Загружаем показания счетчиков…');
      expect(element.querySelector('[part~="readings-status"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(status(element), 'the history’s own status is done').to.equal('');
      await expect(element).to.be.accessible();
    });

    it('is accessible when only the readings failed', async () => {
      await backend.faults.set('readings', 'server-error');
      const element = await render(undefined, { provider: { client: withoutRetries() } });
      await findPart(element, '[part~="readings"] [part~="fault"]');
      await findPart(element, '[part~="table"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible with no reading', async () => {
      answerReadings({ readings: [] });
      const element = await render();
      await findPart(element, '[part~="readings-empty"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible logged out', async () => {
      const element = await render(undefined, { loggedIn: false });
      await expect(element).to.be.accessible();
    });

    it('is accessible in English', async () => {
      const element = await renderTable(undefined, { provider: { locale: 'en' } });
      await expect(element).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('speaks the seed’s words: the title, the account, the columns', async () => {
      const element = await renderTable();
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('История изменений по услугам');
      expect(element.querySelector('[part~="title"]')!.localName).to.equal('h2');
      expect(textOf(element.querySelector('[part~="account"]'))).to.equal('Лицевой счет 5812345678');
      expect([...element.querySelectorAll('[part~="table"] thead th')].map((th) => [textOf(th), th.getAttribute('scope')])).to.deep.equal([
        ['Месяц', 'col'],
        ['Услуга', 'col'],
        ['Сальдо на начало', 'col'],
        ['Начислено', 'col'],
        ['Оплачено', 'col'],
        ['Сальдо на конец', 'col'],
        ['Потребление, м³', 'col'],
      ]);
      expect(textOf(element.querySelector('[part~="caption"]'))).to.equal('Начисления, оплаты и потребление: последние 12 месяцев из 24');
      expect(element.lang).to.equal('ru');
    });

    it('shows the backend’s figures for the last twelve months, newest first, month and service as row headers', async () => {
      const element = await renderTable();
      const { months } = await historyOf(storeOf(element).current!.id);
      expect(months).to.have.length(24);
      expect(rowsOf(element)).to.deep.equal(expectedRows(months.slice(-12)));
      const first = monthGroups(element)[0]!;
      expect(first.querySelector('th[part~="month"]')!.getAttribute('scope')).to.equal('rowgroup');
      expect(first.querySelector('th[part~="service"]')!.getAttribute('scope')).to.equal('row');
    });

    it('ends with the account’s debt, −1 956,85 ₽, shown as an overpayment', async () => {
      const element = await renderTable();
      const newest = monthGroups(element)[0]!;
      const closing = newest.querySelector('[part~="cell-closing"]')!;
      expect(textOf(closing.querySelector('[part~="amount"]'))).to.equal(formatMoney(-195685, 'ru').replace(/\s+/g, ' '));
      expect(textOf(closing.querySelector('[part~="amount"]'))).to.equal('-1 956,85 ₽');
      expect(storeOf(element).current!.debt).to.equal(-195685);
      expect(textOf(closing.querySelector('[part~="overpayment"]'))).to.equal('переплата');
    });

    it('writes a month in words, as the seed does ("Май 2015"), and renders the backend’s words as text', async () => {
      const markup = '<img src=x onerror="window.__lkInjected=1">';
      answerHistory({
        months: [{ month: '2015-05', services: [{ service: markup, opening: 0, charged: 54090, paid: 250000, closing: -195910, consumption: 90 }] }],
      });
      const element = await renderTable();
      expect(rowsOf(element)).to.deep.equal([['Май 2015', markup, '0,00 ₽', '540,90 ₽', '2 500,00 ₽', '-1 959,10 ₽ переплата', '90']]);
      expect(element.querySelector('img') === null).to.equal(true);
      expect((window as { __lkInjected?: number }).__lkInjected).to.equal(undefined);
      // Twelve months or fewer: nothing to show more of.
      expect(toggle(element) === null).to.equal(true);
      expect(textOf(element.querySelector('[part~="caption"]'))).to.equal('Начисления, оплаты и потребление: все месяцы (1 месяц)');
    });

    it('says so when there is no closed month yet', async () => {
      answerHistory({ months: [] });
      const element = await render();
      const empty = await findPart(element, '[part~="empty"]');
      expect(textOf(empty)).to.contain('ещё нет закрытых месяцев');
      expect(element.querySelector('[part~="table"]') === null, 'no charges table').to.equal(true);
      expect(element.querySelector('[part~="chart"]') === null, 'no chart').to.equal(true);
    });

    it('says "Нет подключенных ЛС" and offers "Подключить ЛС" with no account, asking for no history', async () => {
      const requests = countRequests(backend);
      const element = await render(undefined, { accounts: [] });
      const empty = await findPart(element, '[part~="no-account"]');
      expect(textOf(empty)).to.equal('Нет подключенных ЛС');
      expect(textOf(element.querySelector('[part~="link-connect"]'))).to.equal('Подключить ЛС');
      expect(historyRequests(requests.paths)).to.have.length(0);
      requests.stop();
    });

    it('draws twelve consumption bars in proportion to the data, and the payments as a line', async () => {
      const element = await renderTable();
      const { months } = await historyOf(storeOf(element).current!.id);
      const recent = months.slice(-12);
      const consumption = recent.map((month) => month.services.reduce((total, service) => total + service.consumption, 0));
      const heights = bars(element).map((bar) => Number(bar.getAttribute('height')));
      expect(heights).to.have.length(12);
      const ratio = heights[consumption.indexOf(Math.max(...consumption))]! / Math.max(...consumption);
      expect(ratio).to.be.greaterThan(0);
      heights.forEach((height, index) => expect(height, `month ${recent[index]!.month}`).to.be.closeTo(consumption[index]! * ratio, 0.02));
      // The tallest bar is most of the plot: the scale comes from the data.
      expect(Math.max(...heights) / Number(chartImage(element).viewBox.baseVal.height)).to.be.greaterThan(0.4);
      expect(chartImage(element).querySelectorAll('.lk-chart-point')).to.have.length(12);
      expect(chartImage(element).querySelectorAll('.lk-chart-label:not(.lk-chart-year)')).to.have.length(12);
      // The bars really are drawn: the geometry attributes survive the element's styles.
      expect(bars(element)[consumption.indexOf(Math.max(...consumption))]!.getBBox().height).to.be.greaterThan(0);
    });

    it('draws a zero as a bar of no height', async () => {
      answerHistory({
        months: [
          { month: '2015-04', services: [{ service: 'Газоснабжение', opening: 0, charged: 0, paid: 0, closing: 0, consumption: 0 }] },
          { month: '2015-05', services: [{ service: 'Газоснабжение', opening: 0, charged: 6010, paid: 0, closing: 6010, consumption: 10 }] },
        ],
      });
      const element = await renderTable();
      const heights = bars(element).map((bar) => Number(bar.getAttribute('height')));
      expect(heights[0]).to.equal(0);
      expect(heights[1]).to.be.greaterThan(0);
    });

    it('makes the chart one image named by its caption and described by the table', async () => {
      const element = await renderTable();
      const image = chartImage(element);
      expect(image.getAttribute('role')).to.equal('img');
      expect(textOf(document.getElementById(image.getAttribute('aria-labelledby')!))).to.equal(
        'Потребление газа и оплаты за последние 12 месяцев',
      );
      const table = element.querySelector('[part~="table"]')!;
      expect(table.id).to.not.equal('');
      expect(image.getAttribute('aria-describedby')).to.equal(table.id);
      expect(image.getAttribute('viewBox')).to.match(/^0 0 \d+ \d+$/);
      expect(image.getBoundingClientRect().width).to.be.closeTo(element.querySelector('[part~="chart"]')!.getBoundingClientRect().width, 1);
      // The legend says in words which shape is which.
      expect([...element.querySelectorAll('[part~="legend-item"]')].map((item) => textOf(item))).to.deep.equal([
        'Потребление, м³',
        'Оплачено, ₽',
      ]);
    });

    it('takes the chart’s colours from custom properties, for a dark scheme', async () => {
      const element = await renderTable();
      const provider = element.closest('lk-provider')!;
      provider.style.setProperty('--lk-chart-consumption', 'rgb(120, 180, 255)');
      provider.style.setProperty('--lk-chart-payments', 'rgb(250, 200, 120)');
      expect(getComputedStyle(bars(element)[0]!).fill).to.equal('rgb(120, 180, 255)');
      expect(getComputedStyle(chartImage(element).querySelector('.lk-chart-line')!).stroke).to.equal('rgb(250, 200, 120)');
    });

    it('shows every month with "Показать все месяцы", and the last twelve again', async () => {
      const element = await renderTable();
      const { months } = await historyOf(storeOf(element).current!.id);
      const button = toggle(element)!;
      expect(textOf(button)).to.equal('Показать все месяцы');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(element.querySelector('[part~="table"]')!.id);
      expect(monthGroups(element)).to.have.length(12);
      button.click();
      await waitUntil(() => monthGroups(element).length === 24);
      expect(rowsOf(element)).to.deep.equal(expectedRows(months));
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(textOf(button)).to.equal('Показать последние 12 месяцев');
      expect(textOf(element.querySelector('[part~="caption"]'))).to.equal('Начисления, оплаты и потребление: все месяцы (24 месяца)');
      expect(status(element)).to.equal('Показаны все месяцы: 24.');
      // The chart stays on the last twelve.
      expect(bars(element)).to.have.length(12);
      button.click();
      await waitUntil(() => monthGroups(element).length === 12);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(status(element)).to.equal('Показаны последние 12 месяцев.');
    });

    it('keeps targets at least 24 by 24 CSS pixels', async () => {
      const element = await renderTable();
      await findPart(element, '[part~="readings-toggle"]');
      expectTargetsAtLeast24(element);
    });
  });

  describe('the readings', () => {
    it('shows "Показания счетчиков" under the charges: date, meter, reading, consumption, the newest twelve first', async () => {
      const element = await renderReadings();
      const readings = await fetchReadings(testClient(), storeOf(element).current!.id);
      expect(readings).to.have.length(24);
      const title = element.querySelector('[part~="readings-title"]')!;
      expect([textOf(title), title.localName]).to.deep.equal(['Показания счетчиков', 'h3']);
      expect(readingsOf(element)!.getAttribute('aria-labelledby')).to.equal(title.id);
      // Under the charges table, in the document's order.
      const charges = element.querySelector('[part~="table"]')!;
      expect(Boolean(charges.compareDocumentPosition(readingsOf(element)!) & Node.DOCUMENT_POSITION_FOLLOWING)).to.equal(true);
      expect([...element.querySelectorAll('[part~="readings-head"]')].map((th) => [textOf(th), th.getAttribute('scope')])).to.deep.equal([
        ['Дата', 'col'],
        ['Наименование', 'col'],
        ['Показания', 'col'],
        ['Потребление, м³', 'col'],
      ]);
      expect(textOf(element.querySelector('[part~="readings-caption"]'))).to.equal('Последние 12 показаний из 24');
      expect(readingRows(element)).to.deep.equal(expectedReadingRows(readings.slice(0, 12)));
      expect(readingRows(element)[0]).to.deep.equal([formatDay(readings[0]!.date, 'ru'), 'Счетчик 1', '27927', String(readings[0]!.consumption)]);
      expect(element.querySelector('[part~="reading-date"]')!.getAttribute('scope')).to.equal('row');
    });

    it('shows every reading with "Показать все показания", the oldest with nothing to count from, and the twelve again', async () => {
      const element = await renderReadings();
      const readings = await fetchReadings(testClient(), storeOf(element).current!.id);
      const button = readingsToggle(element)!;
      expect([textOf(button), button.getAttribute('aria-expanded')]).to.deep.equal(['Показать все показания', 'false']);
      expect(button.getAttribute('aria-controls')).to.equal(element.querySelector('[part~="readings-table"]')!.id);
      button.click();
      await waitUntil(() => readingRows(element).length === 24);
      expect(readingRows(element)).to.deep.equal(expectedReadingRows(readings));
      expect(readingRows(element).at(-1)!.at(-1)).to.equal('—нет данных');
      expect([textOf(button), button.getAttribute('aria-expanded')]).to.deep.equal(['Показать последние 12 показаний', 'true']);
      expect(textOf(element.querySelector('[part~="readings-caption"]'))).to.equal('Все показания (24)');
      expect(readingsStatus(element)).to.equal('Показаны все показания: 24.');
      // The charges table keeps its own choice.
      expect(monthGroups(element)).to.have.length(12);
      button.click();
      await waitUntil(() => readingRows(element).length === 12);
      expect(readingsStatus(element)).to.equal('Показаны последние 12 показаний.');
    });

    it('shows each meter of an account with two', async () => {
      const element = await renderReadings(html`<lk-account-history account-id=${PSKOV_ID}></lk-account-history>`);
      await waitUntil(() => readingRows(element)[0]?.[1] === 'Счетчик 1 (кухня)');
      const readings = await fetchReadings(testClient(), PSKOV_ID);
      expect(readingRows(element)).to.deep.equal(expectedReadingRows(readings.slice(0, 12)));
      expect(readingRows(element).slice(0, 2).map((row) => row[1])).to.deep.equal(['Счетчик 1 (кухня)', 'Счетчик 2 (котёл)']);
    });

    it('renders the backend’s words as text, and no toggle for twelve readings or fewer', async () => {
      const markup = '<img src=x onerror="window.__lkInjected=1">';
      answerReadings({ readings: [{ meterId: 'm1', meterName: markup, value: 27927, date: '2015-05-25', consumption: null }] });
      const element = await renderReadings();
      expect(readingRows(element)).to.deep.equal([['25.05.2015', markup, '27927', '—нет данных']]);
      expect(element.querySelector('img') === null).to.equal(true);
      expect((window as { __lkInjected?: number }).__lkInjected).to.equal(undefined);
      expect(readingsToggle(element) === null).to.equal(true);
      expect(textOf(element.querySelector('[part~="readings-caption"]'))).to.equal('Все показания (1)');
    });

    it('says so when there is no reading yet', async () => {
      answerReadings({ readings: [] });
      const element = await render();
      const empty = await findPart(element, '[part~="readings-empty"]');
      expect(textOf(empty)).to.equal('По этому лицевому счету ещё нет показаний.');
      expect(element.querySelector('[part~="readings-table"]') === null).to.equal(true);
      await findPart(element, '[part~="table"]');
    });

    it('shows a reading sent through the API once the store has the new account (env.accounts.update), asking once', async () => {
      const element = await renderReadings();
      const store = storeOf(element);
      const meter = store.current!.meters[0]!;
      const answer = await submitReadings(testClient(), store.current!.id, { readings: [{ meterId: meter.id, value: 27950 }] });
      const requests = countRequests(backend);
      // Nothing tells the element but the store.
      expect(readingRows(element)[0]![2]).to.equal('27927');
      store.update(answer.account);
      await waitUntil(() => readingRows(element)[0]?.[2] === '27950', 'the new reading');
      expect(readingRows(element)[0]).to.deep.equal([formatDay(answer.readings[0]!.date, 'ru'), 'Счетчик 1', '27950', '23']);
      expect(readingRows(element)[1]![2]).to.equal('27927');
      expect(readingsRequests(requests.paths)).to.have.length(1);
      // The closed months did not change: the history is not asked for again.
      expect(historyRequests(requests.paths)).to.have.length(0);
      expect(readingsStatus(element)).to.equal('');
      requests.stop();
    });

    it('shows a reading paid with once the store reloads the list', async () => {
      const element = await renderReadings();
      const store = storeOf(element);
      const meter = store.current!.meters[0]!;
      await pay(testClient(), store.current!.id, { amount: 50000, readings: [{ meterId: meter.id, value: 27961 }] }, { idempotencyKey: newIdempotencyKey() });
      await store.reload();
      await waitUntil(() => readingRows(element)[0]?.[2] === '27961', 'the reading sent with the payment');
      expect(readingRows(element)[0]![3]).to.equal('34');
      // The table stayed while the list and the readings were asked for again.
      expect(monthGroups(element)).to.have.length(12);
    });

    it('shows the other account’s readings when the current one changes, never the old ones under its number', async () => {
      const element = await renderReadings();
      await backend.faults.set('readings', 'timeout');
      storeOf(element).select(PSKOV_ID);
      await waitUntil(() => readingsStatus(element) === 'Загружаем показания счетчиков…');
      expect(element.querySelector('[part~="readings-table"]') === null, 'Дагестан’s readings under Псков’s number').to.equal(true);
      await backend.faults.clear();
      storeOf(element).select(storeOf(element).accounts[0]!.id);
      await waitUntil(() => readingRows(element)[0]?.[2] === '27927');
      expect(readingsStatus(element)).to.equal('');
    });
  });

  describe('the current account', () => {
    it('shows the other account when the current one changes in the store, with one request', async () => {
      const element = await renderTable();
      const requests = countRequests(backend);
      storeOf(element).select(PSKOV_ID);
      await waitUntil(() => textOf(element.querySelector('[part~="account"]')) === 'Лицевой счет 6001234567');
      const { months } = await historyOf(PSKOV_ID);
      await waitUntil(() => JSON.stringify(rowsOf(element)) === JSON.stringify(expectedRows(months.slice(-12))), 'the Псков figures');
      expect(months.at(-1)!.services[0]!.closing).to.equal(123456);
      expect(textOf(monthGroups(element)[0]!.querySelector('[part~="overpayment"]'))).to.equal('');
      // The test's own request for the figures is the second one.
      expect(historyRequests(requests.paths)).to.deep.equal([
        new URL(`accounts/${PSKOV_ID}/history`, backend.apiBase).pathname,
        new URL(`accounts/${PSKOV_ID}/history`, backend.apiBase).pathname,
      ]);
      requests.stop();
    });

    it('drops a request still under way when the account changes, and never shows the old account’s figures', async () => {
      const element = await renderTable();
      await backend.faults.set('accountHistory', 'timeout');
      storeOf(element).select(PSKOV_ID);
      await waitUntil(() => status(element) === 'Загружаем историю по лицевому счету…');
      expect(element.querySelector('[part~="table"]') === null, 'Дагестан’s figures under Псков’s number').to.equal(true);
      await backend.faults.clear();
      storeOf(element).select(storeOf(element).accounts[0]!.id);
      await waitUntil(() => textOf(element.querySelector('[part~="account"]')) === 'Лицевой счет 5812345678');
      await findPart(element, '[part~="table"]');
      expect(status(element)).to.equal('');
    });

    it('drops its requests when it leaves the page, asks for nothing while away, and asks again when back', async () => {
      const element = await renderReadings();
      const parent = element.parentElement!;
      const requests = countRequests(backend);
      element.remove();
      await element.updateComplete;
      expect(requests.count, 'nothing asked for off the page').to.equal(0);
      parent.append(element);
      await findPart(element, '[part~="readings-table"]');
      await findPart(element, '[part~="table"]');
      expect([historyRequests(requests.paths).length, readingsRequests(requests.paths).length]).to.deep.equal([1, 1]);
      requests.stop();
    });

    it('forgets the history when the user logs out', async () => {
      const element = await renderTable();
      await element.closest<LkProviderElement>('lk-provider')!.environment.session.logout();
      await findPart(element, '[part~="logged-out-message"]');
      // Neither the charges nor the readings stay.
      expect(element.querySelector('table') === null).to.equal(true);
    });
  });

  describe('attributes', () => {
    it('shows the account of account-id', async () => {
      const element = await renderTable(html`<lk-account-history account-id=${PSKOV_ID}></lk-account-history>`);
      expect(storeOf(element).current!.number).to.equal('5812345678');
      await waitUntil(() => textOf(element.querySelector('[part~="account"]')) === 'Лицевой счет 6001234567');
      const { months } = await historyOf(PSKOV_ID);
      expect(rowsOf(element)).to.deep.equal(expectedRows(months.slice(-12)));
    });

    it('says an account-id that is not connected is not, without a retry', async () => {
      const element = await render(html`<lk-account-history account-id="mrg-samara-6312345678"></lk-account-history>`);
      const message = await findPart(element, '[part~="not-connected"]');
      expect(textOf(message)).to.equal('Этот лицевой счет не подключен к Вашему Личному кабинету.');
      expect(element.querySelector('[part~="retry"]') === null).to.equal(true);
      expect(element.querySelector('[part~="link-connect"]')).to.exist;
      // The readings of an account not connected are not shown either.
      expect(readingsOf(element) === null).to.equal(true);
    });

    it('sets its heading at heading-level, between 2 and 6', async () => {
      const nested = await render(html`<lk-account-history heading-level="4"></lk-account-history>`, { accounts: [] });
      expect(nested.querySelector('[part~="title"]')!.localName).to.equal('h4');
      const wrong = await render(html`<lk-account-history heading-level="<h1>"></lk-account-history>`, { accounts: [] });
      expect(wrong.querySelector('[part~="title"]')!.localName).to.equal('h2');
    });

    it('speaks English with locale="en"', async () => {
      const element = await renderTable(html`<lk-account-history locale="en"></lk-account-history>`);
      const { months } = await historyOf(storeOf(element).current!.id);
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('History of charges by service');
      expect(textOf(element.querySelector('[part~="account"]'))).to.equal('Personal account 5812345678');
      expect([...element.querySelectorAll('[part~="table"] thead th')].map((th) => textOf(th))).to.deep.equal([
        'Month',
        'Service',
        'Opening balance',
        'Charged',
        'Paid',
        'Closing balance',
        'Consumption, m³',
      ]);
      expect(rowsOf(element)).to.deep.equal(expectedRows(months.slice(-12), 'en', 'overpaid'));
      expect(textOf(toggle(element))).to.equal('Show all months');
      expect(textOf(element.querySelector('[part~="chart-title"]'))).to.equal('Gas consumption and payments over the last 12 months');
      await findPart(element, '[part~="readings-table"]');
      const readings = await fetchReadings(testClient(), storeOf(element).current!.id);
      expect(textOf(element.querySelector('[part~="readings-title"]'))).to.equal('Meter readings');
      expect([...element.querySelectorAll('[part~="readings-head"]')].map((th) => textOf(th))).to.deep.equal([
        'Date',
        'Meter',
        'Reading',
        'Consumption, m³',
      ]);
      expect(textOf(element.querySelector('[part~="readings-caption"]'))).to.equal('The last 12 readings of 24');
      expect(readingRows(element)).to.deep.equal(expectedReadingRows(readings.slice(0, 12), 'en'));
      expect(textOf(readingsToggle(element))).to.equal('Show all readings');
      readingsToggle(element)!.click();
      await waitUntil(() => readingRows(element).length === 24);
      expect(readingRows(element).at(-1)!.at(-1)).to.equal('—no data');
      expect(textOf(readingsToggle(element))).to.equal('Show the last 12 readings');
      expect(readingsStatus(element)).to.equal('Showing all readings: 24.');
      expect(element.lang).to.equal('en');
    });

    it('says to log in when logged out, with login-href, and asks for nothing', async () => {
      const requests = countRequests(backend);
      const element = await render(html`<lk-account-history login-href="/login"></lk-account-history>`, { loggedIn: false });
      expect(textOf(element.querySelector('[part~="logged-out-message"]'))).to.equal(
        'Войдите в Личный кабинет, чтобы увидеть историю по лицевому счету.',
      );
      expect(element.querySelector('[part~="link-login"]')!.getAttribute('href')).to.equal('/login');
      expect(historyRequests(requests.paths)).to.have.length(0);
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
      const linked = await render(html`<lk-account-history connect-href="/connect"></lk-account-history>`, { accounts: [] });
      expect((await findPart(linked, '[part~="link-connect"]')).getAttribute('href')).to.equal('/connect');
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} of the history with a message and a retry`, async () => {
        await backend.faults.set('accountHistory', fault);
        const element = await renderUnsettled({ provider: { client: withoutRetries() } });
        await oneEvent(element, 'lk-error');
        const alert = await findPart(element, '[part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain(message);
        expect(status(element), 'no endless loading').to.equal('');
        await backend.faults.clear();
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await findPart(element, '[part~="table"]');
        expect(element.querySelector('[part~="fault"]') === null).to.equal(true);
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
      await findPart(element, '[part~="table"]');
    });

    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} of the readings with their own message and retry, the history still shown`, async () => {
        await backend.faults.set('readings', fault);
        const element = await renderUnsettled({ provider: { client: withoutRetries() } });
        await oneEvent(element, 'lk-error');
        const alert = await findPart(element, '[part~="readings"] [part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain('Показания счетчиков не загрузились.');
        expect(textOf(alert)).to.contain(message);
        expect(readingsStatus(element), 'no endless loading').to.equal('');
        // The chart and the charges work on.
        await findPart(element, '[part~="table"]');
        expect(bars(element)).to.have.length(12);
        expect(element.querySelectorAll('[part~="fault"]')).to.have.length(1);
        await backend.faults.clear();
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await findPart(element, '[part~="readings-table"]');
        expect(element.querySelector('[part~="fault"]') === null).to.equal(true);
        expect(readingRows(element)).to.have.length(12);
      });
    }

    it('ends a timeout of the readings with a message and a retry, never an endless spinner', async () => {
      await backend.faults.set('readings', 'timeout');
      const element = await render(undefined, { provider: { client: withoutRetries(200) } });
      const alert = await findPart(element, '[part~="readings"] [part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      expect(readingsStatus(element)).to.equal('');
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await findPart(element, '[part~="readings-table"]');
    });

    it('keeps the readings when only the history fails, each with its own retry', async () => {
      await backend.faults.set('accountHistory', 'server-error');
      const element = await renderReadings(undefined, { provider: { client: withoutRetries() } });
      const alert = await findPart(element, '[part~="fault"]');
      expect(alert.closest('[part~="readings"]') === null, 'the history’s alert, not the readings’').to.equal(true);
      expect(readingRows(element)).to.have.length(12);
      await backend.faults.clear();
      const requests = countRequests(backend);
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await findPart(element, '[part~="table"]');
      // The history's retry asks for the history only.
      expect(readingsRequests(requests.paths)).to.have.length(0);
      requests.stop();
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
      await findPart(element, '[part~="table"]');
      expect(textOf(element.querySelector('[part~="account"]'))).to.equal('Лицевой счет 5812345678');
    });
  });

  describe('keyboard', () => {
    it('reaches the table and the toggle with Tab, and opens and closes with Enter and Space', async () => {
      const element = await renderTable();
      const region = element.querySelector<HTMLElement>('[part~="table-scroll"]')!;
      region.focus();
      expect(document.activeElement, 'the table scrolls with the keyboard').to.equal(region);
      await press('Tab');
      expect(document.activeElement).to.equal(toggle(element));
      await press('Enter');
      await waitUntil(() => monthGroups(element).length === 24);
      expect(document.activeElement, 'the focus stays on the toggle').to.equal(toggle(element));
      expect(toggle(element)!.getAttribute('aria-expanded')).to.equal('true');
      await press('Space');
      await waitUntil(() => monthGroups(element).length === 12);
      expect(toggle(element)!.getAttribute('aria-expanded')).to.equal('false');
      await press('Shift+Tab');
      expect(document.activeElement).to.equal(region);
    });

    it('reaches the readings’ table and toggle after the charges’, and opens and closes it with Enter and Space', async () => {
      const element = await renderReadings();
      toggle(element)!.focus();
      await press('Tab');
      const box = element.querySelector('[part~="readings"] [part~="table-scroll"]');
      expect(document.activeElement === box, 'the readings’ table is next, and scrolls with the keyboard').to.equal(true);
      await press('Tab');
      expect(document.activeElement === readingsToggle(element), 'the readings’ toggle is next').to.equal(true);
      await press('Enter');
      await waitUntil(() => readingRows(element).length === 24);
      expect(document.activeElement === readingsToggle(element), 'the focus stays on it').to.equal(true);
      await press('Space');
      await waitUntil(() => readingRows(element).length === 12);
      expect(readingsToggle(element)!.getAttribute('aria-expanded')).to.equal('false');
    });
  });
});

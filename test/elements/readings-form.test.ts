import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { SUPPLIER_ACCOUNTS } from '../../mocks/data/supplier-register.js';
import { createClient } from '../../src/api/client.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/api/paths.js';
import type { LkAccountSummaryElement } from '../../src/elements/account-summary/account-summary.js';
import type { LkProviderElement } from '../../src/elements/provider/provider.js';
import type { LkReadingsFormElement } from '../../src/elements/readings-form/readings-form.js';
import '../../src/entries/account-summary.js';
import '../../src/entries/readings-form.js';
import type { LkReadingsSubmittedEvent } from '../../src/events/readings-submitted.js';
import type { Account } from '../../src/schemas/account.js';
import { DAGESTAN, logInWithAccounts, mockFetch, PSKOV, useMockBackend } from '../mocks/helpers.js';
import { FAULTS } from './bad-input.js';
import { countRequests, expectTargetsAtLeast24, findPart, pasteInto, press, renderWithAccounts, textOf, typeInto } from './helpers.js';
import type { AccountsSetup } from './helpers.js';

/** The facts of the register, as the mock was seeded with them. */
const facts = (number: string) => SUPPLIER_ACCOUNTS.find((account) => account.number === number)!;
const TARIFF = facts('5812345678').tariff;

/** `2015-05-25` → `25.05.2015`. */
const dotted = (date: string) => date.split('-').reverse().join('.');
/** Money as Intl's ru-RU writes it, white space folded as textOf folds it. */
const rubles = (kopecks: number, locale = 'ru-RU') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB' }).format(kopecks / 100).replace(/\s+/g, ' ');

/** The messages the test expects, written out here rather than read from the catalogue. */
const MESSAGES = {
  none: 'Введите показания хотя бы одного счетчика.',
  required: 'Введите показания счетчика или снимите отметку «Счетчик прошел через ноль».',
  fullwidth: 'Введите показания обычными цифрами от 0 до 9, не широкими (как «２７»).',
  format: 'Введите показания целым числом: только цифры от 0 до 9, без букв, пробелов, запятых, точек и знака минус.',
  digits: 'На счетчике 5 цифр: введите не больше 5 цифр.',
  below: 'Показания не могут быть меньше последних (27927). Если счетчик прошел через ноль, отметьте это.',
  rolloverNotBelow:
    'Показания не меньше последних (27927), значит счетчик не проходил через ноль: снимите отметку «Счетчик прошел через ноль».',
  backendBelow: 'Показания меньше последних принятых. Проверьте их; если счетчик прошел через ноль, отметьте это.',
};

/**
 * The bad-reading corpus (docs/promises.md#20, #22) for "Счетчик 1" (5 digits,
 * last 27927): a name, the value, how it gets in (typed with real keys, or
 * pasted when it is very long), whether the rollover box is ticked first,
 * and the message it must get.
 */
const BAD_READINGS: readonly (readonly [name: string, value: string, how: 'type' | 'paste', rollover: boolean, message: string])[] = [
  ['empty', '', 'type', false, MESSAGES.none],
  ['only spaces', '   ', 'type', false, MESSAGES.none],
  ['Latin letters', '27a50', 'type', false, MESSAGES.format],
  ['Cyrillic look-alike of 3', 'З7950', 'type', false, MESSAGES.format],
  ['full-width digits', '２７９５０', 'type', false, MESSAGES.fullwidth],
  ['decimal comma', '27950,5', 'type', false, MESSAGES.format],
  ['decimal point', '27950.5', 'type', false, MESSAGES.format],
  ['inner space', '27 950', 'type', false, MESSAGES.format],
  ['negative', '-27950', 'type', false, MESSAGES.format],
  ['too many digits', '279500', 'type', false, MESSAGES.digits],
  ['below the last without rollover', '27000', 'type', false, MESSAGES.below],
  ['rollover ticked with a value not below', '27950', 'type', true, MESSAGES.rolloverNotBelow],
  ['rollover ticked with nothing typed', '', 'type', true, MESSAGES.required],
  ['very long', '9'.repeat(5000), 'paste', false, MESSAGES.digits],
  ['emoji', '27🔥50', 'type', false, MESSAGES.format],
  ['markup', '<b>1</b>', 'type', false, MESSAGES.format],
  ['SQL', "1' OR '1'='1", 'type', false, MESSAGES.format],
];

describe('<lk-readings-form>', () => {
  const backend = useMockBackend();

  /** Logs the demo user in, connects `accounts` (the first is current), then renders `content`. */
  async function render<T extends HTMLElement = LkReadingsFormElement>(
    content = html`<lk-readings-form></lk-readings-form>`,
    setup: AccountsSetup = {},
  ): Promise<T> {
    const element = await renderWithAccounts<T>(backend, content, { accounts: [DAGESTAN], ...setup });
    // The form shows once the accounts are in.
    const form = element.localName === 'lk-readings-form' ? element : element.querySelector('lk-readings-form')!;
    if (setup.loggedIn !== false) await waitUntil(() => !form.querySelector('[part~="status"][aria-busy]'), 'the accounts never loaded');
    return element;
  }

  /** Renders without waiting for the element to settle, with a client that does not retry: for the states on the way. */
  const renderUnsettled = (setup: AccountsSetup = {}) =>
    renderWithAccounts<LkReadingsFormElement>(backend, html`<lk-readings-form></lk-readings-form>`, {
      accounts: [DAGESTAN],
      provider: { client: withoutRetries() },
      ...setup,
      settled: false,
    });

  /** A client that does not retry a failed GET, with a short timeout if asked, so a fault shows at once. */
  const withoutRetries = (timeout?: number) => createClient({ baseUrl: backend.apiBase, retries: 0, ...(timeout ? { timeout } : {}) });

  async function backendAccounts(): Promise<Account[]> {
    return ((await (await mockFetch(backend, 'accounts')).json()) as { accounts: Account[] }).accounts;
  }

  /** Sends readings past the SDK, as another session of the same user would. */
  async function sendElsewhere(accountId: string, readings: { meterId: string; value: number }[]): Promise<void> {
    const answer = await fetch(backend.url('readings').replace(':accountId', encodeURIComponent(accountId)), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
      body: JSON.stringify({ readings }),
    });
    expect(answer.status).to.equal(200);
  }

  const inputs = (element: Element) => [...element.querySelectorAll<HTMLInputElement>('[part~="input-reading"]')];
  const reading = (element: Element, index = 0) => inputs(element)[index]!;
  const rollover = (element: Element, index = 0) =>
    element.querySelectorAll('[part~="meter"]')[index]!.querySelector<HTMLInputElement>('[part~="rollover-input"]');
  const submit = (element: Element) => element.querySelector<HTMLButtonElement>('[part~="submit"]')!;
  const summary = (element: Element) => element.querySelector<HTMLElement>('[part~="error-summary"]');
  const fault = (element: Element) => element.querySelector<HTMLElement>('[part~="fault"]');
  const status = (element: Element) => textOf(element.querySelector('[part~="status"]'));
  const meterPart = (element: Element, part: string, index = 0) =>
    textOf(element.querySelectorAll('[part~="meter"]')[index]!.querySelector(`[part~="${part}"]`));
  /** The inline error of an input, found through its aria-describedby as a screen reader finds it. */
  const errorOf = (input: HTMLInputElement) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .find((node) => node?.getAttribute('part')?.includes('field-error'));
  const storeOf = (element: Element) => element.closest<LkProviderElement>('lk-provider')!.environment.accounts;
  const readingPosts = (paths: readonly string[]) => paths.filter((path) => path.endsWith('/readings'));

  async function tick(element: LkReadingsFormElement, index = 0): Promise<void> {
    rollover(element, index)!.click();
    await element.updateComplete;
  }

  async function typeReading(element: LkReadingsFormElement, value: string, index = 0): Promise<void> {
    await typeInto(reading(element, index), value);
    await element.updateComplete;
  }

  /** Sets a field to `value`, whatever was in it (select all, then type over it). */
  async function retype(element: LkReadingsFormElement, value: string, index = 0): Promise<void> {
    pasteInto(reading(element, index), '');
    await typeReading(element, value, index);
  }

  describe('accessibility', () => {
    it('is accessible empty', async () => {
      await expect(await render()).to.be.accessible();
    });

    it('is accessible filled, with the volume and the estimate shown', async () => {
      const element = await render();
      await typeReading(element, '27950');
      expect(meterPart(element, 'meter-estimate')).to.contain('23 м³');
      await expect(element).to.be.accessible();
    });

    it('is accessible with the rollover box shown and ticked', async () => {
      const element = await render();
      await typeReading(element, '100');
      await tick(element);
      await expect(element).to.be.accessible();
    });

    it('is accessible invalid, with the error summary', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      await typeReading(element, '12a', 0);
      await typeReading(element, '1', 1);
      submit(element).click();
      await findPart(element, '[part~="error-summary"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible while the accounts load', async () => {
      const element = await renderUnsettled({ accounts: [], before: () => backend.faults.set('accounts', 'timeout') });
      await waitUntil(() => status(element) === 'Загружаем сведения по лицевому счету…');
      expect(element.querySelector('[part~="status"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    it('is accessible while the readings are sent', async () => {
      const element = await render();
      await backend.faults.set('readings', 'timeout');
      await typeReading(element, '27950');
      submit(element).click();
      await waitUntil(() => status(element) === 'Передаем показания…');
      expect(submit(element).getAttribute('aria-disabled')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    it('is accessible with a fault', async () => {
      const element = await render();
      await backend.faults.set('readings', 'server-error');
      await typeReading(element, '27950');
      submit(element).click();
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible after success', async () => {
      const element = await render();
      await typeReading(element, '27950');
      submit(element).click();
      await waitUntil(() => status(element).startsWith('Показания приняты'));
      await expect(element).to.be.accessible();
    });

    it('is accessible with no account', async () => {
      await expect(await render(undefined, { accounts: [] })).to.be.accessible();
    });

    it('is accessible logged out', async () => {
      await expect(await render(undefined, { loggedIn: false })).to.be.accessible();
    });

    it('is accessible in English', async () => {
      const element = await render(undefined, { provider: { locale: 'en' } });
      await typeReading(element, '100');
      submit(element).click();
      await findPart(element, '[part~="error-summary"]');
      await expect(element).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('uses the seed’s wording: "Передача показаний", "Приборы учета", the meter, its last reading and date, "Передать показания"', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      const meter = account!.meters[0]!;
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Передача показаний');
      expect(element.querySelector('[part~="title"]')!.localName).to.equal('h2');
      expect(textOf(element.querySelector('[part~="account"]'))).to.equal('Лицевой счет № 5812345678');
      expect(textOf(element.querySelector('[part~="meter-readings-legend"]'))).to.equal('Приборы учета');
      expect(meterPart(element, 'meter-name')).to.equal('Счетчик 1');
      expect(meterPart(element, 'meter-last')).to.equal(`Последние показания: 27927 от ${dotted(meter.lastReadingDate!)}`);
      expect(textOf(element.querySelector('[part~="meter"] [part~="label"]'))).to.equal('Новые показания (Счетчик 1)');
      expect(textOf(submit(element))).to.equal('Передать показания');
      expect(submit(element).type).to.equal('submit');
      expect(rollover(element), 'no rollover box until the value is below the last').to.equal(null);
      expect(status(element)).to.equal('');
    });

    it('makes the field a labelled numeric text input, described by the last reading, never cut to the dial', async () => {
      const element = await render();
      const input = reading(element);
      expect(input.type).to.equal('text');
      expect(input.inputMode).to.equal('numeric');
      expect(input.autocomplete).to.equal('off');
      expect(input.labels![0]!.textContent).to.contain('Новые показания');
      expect(input.hasAttribute('maxlength')).to.equal(false);
      const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => textOf(document.getElementById(id)));
      expect(described).to.include(meterPart(element, 'meter-last'));
      expect(element.querySelector('form')!.noValidate).to.equal(true);
    });

    it('shows one group per meter, labelled by its name', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      const groups = [...element.querySelectorAll('[part~="meter"]')];
      expect(groups).to.have.length(2);
      expect(groups.map((group) => textOf(document.getElementById(group.getAttribute('aria-labelledby')!)))).to.deep.equal([
        'Счетчик 1 (кухня)',
        'Счетчик 2 (котёл)',
      ]);
      expect(meterPart(element, 'meter-last', 1)).to.contain('Последние показания: 18230');
      expect(new Set(inputs(element).map((input) => input.id)).size).to.equal(2);
    });

    it('keeps targets at least 24 by 24 CSS pixels, the rollover box included', async () => {
      const element = await render();
      await typeReading(element, '100');
      expect(rollover(element)).to.not.equal(null);
      expectTargetsAtLeast24(element);
    });

    it('renders what the backend sends as text, never as markup', async () => {
      const element = await render();
      const store = storeOf(element);
      const account = store.current!;
      store.update({ ...account, meters: [{ ...account.meters[0]!, name: '<img src=x onerror=alert(1)>' }] });
      await element.updateComplete;
      expect(meterPart(element, 'meter-name')).to.equal('<img src=x onerror=alert(1)>');
      expect(element.querySelector('img')).to.equal(null);
    });

    it('says "Нет подключенных ЛС" and offers "Подключить ЛС" when there is no account', async () => {
      const element = await render(undefined, { accounts: [] });
      expect(textOf(element.querySelector('[part~="empty"]'))).to.equal('Нет подключенных ЛС');
      expect(textOf(element.querySelector('[part~="link-connect"]'))).to.equal('Подключить ЛС');
      expect(element.querySelector('form')).to.equal(null);
    });

    it('says there is nothing to send for an account without meters', async () => {
      const element = await render();
      const store = storeOf(element);
      store.update({ ...store.current!, meters: [] });
      await element.updateComplete;
      expect(textOf(element.querySelector('[part~="empty"]'))).to.equal('У этого лицевого счета нет приборов учета: передавать показания не нужно.');
      expect(element.querySelector('form')).to.equal(null);
    });
  });

  describe('attributes', () => {
    it('sends readings for the account named by account-id rather than the current one', async () => {
      await logInWithAccounts(backend, [DAGESTAN, PSKOV]);
      const pskov = (await backendAccounts()).find((account) => account.number === PSKOV.number)!;
      const element = await render(html`<lk-readings-form account-id=${pskov.id}></lk-readings-form>`, { accounts: [] });
      expect(storeOf(element).current?.number).to.equal('5812345678');
      expect(textOf(element.querySelector('[part~="account"]'))).to.equal('Лицевой счет № 6001234567');
      await typeReading(element, '4600');
      const submitted = oneEvent(element, 'lk-readings-submitted');
      submit(element).click();
      expect((await submitted).detail.account.id).to.equal(pskov.id);
    });

    it('says so when account-id names an account not connected', async () => {
      const element = await render(html`<lk-readings-form account-id="mrg-samara-6312345678"></lk-readings-form>`);
      expect(textOf(element.querySelector('[part~="empty"]'))).to.equal('Этот лицевой счет не подключен к Личному кабинету.');
      expect(element.querySelector('form')).to.equal(null);
    });

    it('sets its heading at heading-level, between 2 and 6', async () => {
      const nested = await render(html`<lk-readings-form heading-level="4"></lk-readings-form>`);
      expect(nested.querySelector('[part~="title"]')!.localName).to.equal('h4');
      const wrong = await render(html`<lk-readings-form heading-level="9"></lk-readings-form>`, { accounts: [] });
      expect(wrong.querySelector('[part~="title"]')!.localName).to.equal('h6');
    });

    it('makes "Подключить ЛС" a real link with connect-href', async () => {
      const element = await render(html`<lk-readings-form connect-href="/connect"></lk-readings-form>`, { accounts: [] });
      const link = element.querySelector<HTMLAnchorElement>('[part~="link-connect"]')!;
      expect(link.localName).to.equal('a');
      expect(link.getAttribute('href')).to.equal('/connect');
    });

    it('says to log in when logged out, with login-href, and asks for no accounts', async () => {
      const requests = countRequests(backend);
      const element = await render(html`<lk-readings-form login-href="/login"></lk-readings-form>`, { loggedIn: false });
      expect(textOf(element.querySelector('[part~="logged-out-message"]'))).to.equal('Войдите в Личный кабинет, чтобы передать показания.');
      expect(element.querySelector('[part~="link-login"]')!.getAttribute('href')).to.equal('/login');
      expect(requests.paths.filter((path) => path.includes('/accounts'))).to.have.length(0);
      requests.stop();
    });

    it('speaks English with locale="en": labels, the estimate, a message and the success', async () => {
      const element = await render(html`<lk-readings-form locale="en"></lk-readings-form>`);
      expect(element.lang).to.equal('en');
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Meter readings');
      expect(textOf(element.querySelector('[part~="meter"] [part~="label"]'))).to.equal('New reading (Счетчик 1)');
      expect(textOf(submit(element))).to.equal('Send the readings');
      expect(meterPart(element, 'meter-last')).to.match(/^Last reading: 27927 on \d\d\/\d\d\/\d{4}$/);
      await typeReading(element, '27000');
      expect(meterPart(element, 'meter-estimate')).to.equal('This is below the last reading. If the meter went past zero, tick the box.');
      expect(textOf(element.querySelector('[part~="rollover-label"]'))).to.equal('The meter went past zero');
      submit(element).click();
      await findPart(element, '[part~="error-summary"]');
      expect(textOf(errorOf(reading(element)))).to.equal(
        'The reading cannot be below the last one (27927). If the meter went past zero, tick the box.',
      );
      await retype(element, '27950');
      expect(meterPart(element, 'meter-estimate')).to.equal(
        `Used since the last reading: 23 m³, about ${rubles(23 * TARIFF, 'en-GB')} to be charged (at ${rubles(TARIFF, 'en-GB')} per m³).`,
      );
      submit(element).click();
      await waitUntil(() => status(element) === 'Readings accepted: Счетчик 1 — 27950 (23 m³).');
    });
  });

  describe('user input', () => {
    it('shows the volume and the estimated charge at the tariff as the user types', async () => {
      const element = await render();
      expect(meterPart(element, 'meter-estimate')).to.equal('');
      await typeReading(element, '2795');
      expect(meterPart(element, 'meter-estimate'), 'below the last so far').to.contain('меньше последних');
      await typeReading(element, '0');
      expect(meterPart(element, 'meter-estimate')).to.equal(
        `Объем с последних показаний: 23 м³, к начислению примерно ${rubles(23 * TARIFF)} (по тарифу ${rubles(TARIFF)} за м³).`,
      );
      const input = reading(element);
      const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => textOf(document.getElementById(id)));
      expect(described).to.include(meterPart(element, 'meter-estimate'));
      await press('Backspace');
      await press('Backspace');
      await press('Backspace');
      await press('Backspace');
      await press('Backspace');
      await element.updateComplete;
      expect(meterPart(element, 'meter-estimate')).to.equal('');
    });

    it('offers the rollover box once the value is below the last, and counts the volume across zero when ticked', async () => {
      const element = await render();
      await typeReading(element, '100');
      expect(meterPart(element, 'meter-estimate')).to.equal('Это меньше последних показаний. Если счетчик прошел через ноль, отметьте это.');
      expect(textOf(element.querySelector('[part~="rollover-label"]'))).to.equal('Счетчик прошел через ноль');
      expect(rollover(element)!.checked).to.equal(false);
      await tick(element);
      // 100000 − 27927 + 100.
      const volume = 100_000 - 27_927 + 100;
      expect(meterPart(element, 'meter-estimate')).to.contain(`${new Intl.NumberFormat('ru-RU').format(volume).replace(/\s+/g, ' ')} м³`);
      expect(meterPart(element, 'meter-estimate')).to.contain(rubles(volume * TARIFF));
      // Ticked, it stays while the value changes, so it can be unticked.
      await retype(element, '27950');
      expect(rollover(element)!.checked).to.equal(true);
      await tick(element);
      expect(rollover(element), 'unticked above the last: gone').to.equal(null);
    });

    it('never loses what was typed on a re-render, a change of locale or a reload of the accounts', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      await typeReading(element, '4600', 0);
      await typeReading(element, '18000', 1);
      await tick(element, 1);
      element.locale = 'en';
      await element.updateComplete;
      element.locale = 'ru';
      await element.updateComplete;
      await storeOf(element).reload();
      await element.updateComplete;
      expect(inputs(element).map((input) => input.value)).to.deep.equal(['4600', '18000']);
      expect(rollover(element, 1)!.checked).to.equal(true);
    });

    it('keeps what was typed per account when the current account changes', async () => {
      const element = await render(undefined, { accounts: [DAGESTAN, PSKOV] });
      await typeReading(element, '27950');
      const store = storeOf(element);
      const [dagestan, pskov] = store.accounts;
      store.select(pskov!.id);
      await element.updateComplete;
      expect(inputs(element).map((input) => input.value)).to.deep.equal(['', '']);
      store.select(dagestan!.id);
      await element.updateComplete;
      expect(reading(element).value).to.equal('27950');
    });
  });

  describe('validation', () => {
    for (const [name, value, how, ticked, message] of BAD_READINGS) {
      it(`refuses ${name} with a message, sends nothing, and keeps the value`, async () => {
        const element = await render();
        if (ticked) {
          // The box appears below the last; then the value is what the case says.
          await typeReading(element, '100');
          await tick(element);
          await retype(element, value);
        } else if (how === 'paste') {
          pasteInto(reading(element), value);
        } else if (value !== '') {
          await typeReading(element, value);
        }
        await element.updateComplete;
        const requests = countRequests(backend);
        submit(element).click();
        const box = await findPart(element, '[part~="error-summary"]');
        await waitUntil(() => document.activeElement === box, 'the summary took no focus');
        const input = reading(element);
        expect(textOf(errorOf(input))).to.equal(message);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(textOf(box.querySelector('[part~="error-summary-link"]'))).to.equal(`Счетчик 1: ${message}`);
        expect(box.querySelector('a')!.getAttribute('href')).to.equal(`#${input.id}`);
        expect(input.value === value, 'the value is kept as typed').to.equal(true);
        expect(requests.count).to.equal(0);
        requests.stop();
      });
    }

    it('moves the focus to the field from the summary’s link', async () => {
      const element = await render();
      await typeReading(element, '27a');
      submit(element).click();
      const box = await findPart(element, '[part~="error-summary"]');
      box.querySelector<HTMLAnchorElement>('a')!.click();
      expect(document.activeElement === reading(element)).to.equal(true);
    });

    it('sends nothing when one meter of two is wrong, and names only that one', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      await typeReading(element, '4600', 0);
      await typeReading(element, '100', 1);
      const requests = countRequests(backend);
      submit(element).click();
      const box = await findPart(element, '[part~="error-summary"]');
      const items = [...box.querySelectorAll('[part~="error-summary-item"]')].map((item) => textOf(item));
      expect(items).to.deep.equal(['Счетчик 2 (котёл): Показания не могут быть меньше последних (18230). Если счетчик прошел через ноль, отметьте это.']);
      expect(reading(element, 0).hasAttribute('aria-invalid')).to.equal(false);
      expect(reading(element, 1).getAttribute('aria-invalid')).to.equal('true');
      expect(requests.count).to.equal(0);
      requests.stop();
    });

    it('clears the errors once a corrected submit is sent', async () => {
      const element = await render();
      await typeReading(element, '27000');
      submit(element).click();
      await findPart(element, '[part~="error-summary"]');
      await retype(element, '27950');
      submit(element).click();
      await waitUntil(() => status(element).startsWith('Показания приняты'));
      expect(summary(element)).to.equal(null);
      expect(reading(element).hasAttribute('aria-invalid')).to.equal(false);
    });
  });

  describe('submission', () => {
    it('sends the reading, says it was accepted, clears the field, fires lk-readings-submitted and updates a separate summary', async () => {
      const page = await render<HTMLElement>(html`<div><lk-readings-form></lk-readings-form><lk-account-summary></lk-account-summary></div>`);
      const element = page.querySelector('lk-readings-form')!;
      const summaryElement = page.querySelector<LkAccountSummaryElement>('lk-account-summary')!;
      const lastInSummary = () => textOf(summaryElement.querySelector('[part~="meter-reading"]'));
      await waitUntil(() => lastInSummary() === '27927');
      await typeReading(element, '27950');
      const submitted = oneEvent(element, 'lk-readings-submitted') as Promise<LkReadingsSubmittedEvent>;
      await press('Enter');
      const event = await submitted;
      expect(event.bubbles && event.composed).to.equal(true);
      const [accepted] = event.detail.readings;
      expect(accepted!.value).to.equal(27950);
      expect(accepted!.consumption).to.equal(23);
      expect(event.detail.account.meters[0]!.lastReading).to.equal(27950);
      await waitUntil(() => status(element) === 'Показания приняты: Счетчик 1 — 27950 (23 м³).');
      expect(element.querySelector('[part~="status"]')!.getAttribute('role')).to.equal('status');
      expect(reading(element).value).to.equal('');
      expect(meterPart(element, 'meter-last')).to.equal(`Последние показания: 27950 от ${dotted(accepted!.date)}`);
      // The other element of the session shows the new last reading, without asking the backend again.
      await waitUntil(() => lastInSummary() === '27950', 'the summary kept the old reading');
      expect(textOf(summaryElement.querySelector('[part~="meter-date"]'))).to.equal(dotted(accepted!.date));
      // And the backend has it.
      const [account] = await backendAccounts();
      expect(account!.meters[0]!.lastReading).to.equal(27950);
    });

    it('accepts a rollover the user confirmed', async () => {
      const element = await render();
      await typeReading(element, '100');
      await tick(element);
      const submitted = oneEvent(element, 'lk-readings-submitted') as Promise<LkReadingsSubmittedEvent>;
      submit(element).click();
      const { detail } = await submitted;
      expect(detail.readings[0]!.value).to.equal(100);
      expect(detail.readings[0]!.consumption).to.equal(100_000 - 27_927 + 100);
      await waitUntil(() => status(element).startsWith('Показания приняты: Счетчик 1 — 100'));
      expect(rollover(element), 'the box is gone with the value').to.equal(null);
    });

    it('sends only the meters that were filled', async () => {
      const element = await render(undefined, { accounts: [PSKOV] });
      await typeReading(element, '18300', 1);
      const submitted = oneEvent(element, 'lk-readings-submitted') as Promise<LkReadingsSubmittedEvent>;
      submit(element).click();
      const { detail } = await submitted;
      expect(detail.readings.map(({ value }) => value)).to.deep.equal([18300]);
      await waitUntil(() => status(element) === 'Показания приняты: Счетчик 2 (котёл) — 18300 (70 м³).');
    });

    it('puts the backend’s refusal on the meter’s field and shows the newer last reading, keeping the value', async () => {
      const element = await render();
      const [account] = await backendAccounts();
      // Another session sends a higher reading: the one shown here is now stale.
      await sendElsewhere(account!.id, [{ meterId: account!.meters[0]!.id, value: 28000 }]);
      await typeReading(element, '27950');
      const requests = countRequests(backend);
      submit(element).click();
      const box = await findPart(element, '[part~="error-summary"]');
      await waitUntil(() => document.activeElement === box, 'the summary took no focus');
      expect(textOf(errorOf(reading(element)))).to.equal(MESSAGES.backendBelow);
      expect(reading(element).getAttribute('aria-invalid')).to.equal('true');
      expect(reading(element).value).to.equal('27950');
      expect(readingPosts(requests.paths)).to.have.length(1);
      await waitUntil(() => meterPart(element, 'meter-last').startsWith('Последние показания: 28000'), 'the last reading was not reloaded');
      expect(reading(element).value).to.equal('27950');
      requests.stop();
    });

    it('sends one request for a double click and an Enter', async () => {
      const element = await render();
      await backend.latency.set(50);
      await typeReading(element, '27950');
      const requests = countRequests(backend);
      const submitted = oneEvent(element, 'lk-readings-submitted');
      submit(element).click();
      submit(element).click();
      reading(element).focus();
      await press('Enter');
      await submitted;
      await element.updateComplete;
      expect(readingPosts(requests.paths)).to.have.length(1);
      requests.stop();
    });
  });

  describe('server errors and network faults', () => {
    for (const [kind, message] of FAULTS) {
      it(`ends a ${kind} in an alert whose "Повторить" sends the same readings again`, async () => {
        const element = await render();
        await backend.faults.set('readings', kind);
        await typeReading(element, '27950');
        const requests = countRequests(backend);
        const failed = oneEvent(element, 'lk-error');
        submit(element).click();
        const alert = await findPart(element, '[part~="fault"]');
        await failed;
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert.querySelector('[part~="fault-message"]'))).to.contain(message);
        expect(reading(element).value, 'nothing typed is lost').to.equal('27950');
        expect(status(element)).to.equal('');
        // The user changes the field meanwhile: "Повторить" still sends what failed.
        await retype(element, '27960');
        await backend.faults.clear('readings');
        const submitted = oneEvent(element, 'lk-readings-submitted') as Promise<LkReadingsSubmittedEvent>;
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        const { detail } = await submitted;
        expect(detail.readings[0]!.value).to.equal(27950);
        await waitUntil(() => status(element).startsWith('Показания приняты'));
        expect(fault(element)).to.equal(null);
        expect(readingPosts(requests.paths)).to.have.length(2);
        requests.stop();
      });
    }

    it('ends a timeout in an alert with a retry, never an endless spinner', async () => {
      const element = await render(undefined, { provider: { client: withoutRetries(300) } });
      await backend.faults.set('readings', 'timeout');
      await typeReading(element, '27950');
      submit(element).click();
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      expect(submit(element).getAttribute('aria-disabled')).to.equal('false');
      await backend.faults.clear('readings');
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => status(element).startsWith('Показания приняты'));
    });

    it('sends once for a double press of "Повторить"', async () => {
      const element = await render();
      await backend.faults.set('readings', 'server-error');
      await typeReading(element, '27950');
      submit(element).click();
      const alert = await findPart(element, '[part~="fault"]');
      await backend.faults.clear('readings');
      await backend.latency.set(50);
      const requests = countRequests(backend);
      const retry = alert.querySelector<HTMLButtonElement>('[part~="retry"]')!;
      retry.click();
      retry.click();
      await waitUntil(() => status(element).startsWith('Показания приняты'));
      expect(readingPosts(requests.paths)).to.have.length(1);
      requests.stop();
    });

    it('ends a failure of the accounts with a message and a retry', async () => {
      const element = await renderUnsettled({ before: () => backend.faults.set('accounts', 'server-error') });
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('На сервере произошла ошибка');
      await backend.faults.clear('accounts');
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => reading(element), 'the form never came');
    });
  });

  describe('keyboard only', () => {
    it('types a reading, ticks the rollover with Space and sends with Enter', async () => {
      const page = await render<HTMLElement>(html`<div><button type="button">before</button><lk-readings-form></lk-readings-form></div>`);
      const element = page.querySelector('lk-readings-form')!;
      page.querySelector('button')!.focus();
      await press('Tab');
      expect(document.activeElement === reading(element)).to.equal(true);
      await sendKeysType('100');
      await element.updateComplete;
      await press('Tab');
      expect(document.activeElement === rollover(element)).to.equal(true);
      await press('Space');
      await element.updateComplete;
      expect(rollover(element)!.checked).to.equal(true);
      await press('Tab');
      expect(document.activeElement === submit(element)).to.equal(true);
      const submitted = oneEvent(element, 'lk-readings-submitted');
      await press('Enter');
      await submitted;
      await waitUntil(() => status(element).startsWith('Показания приняты: Счетчик 1 — 100'));
    });

    it('reaches the field from the error summary with Tab and Enter', async () => {
      const element = await render();
      reading(element).focus();
      await press('Enter');
      const box = await findPart(element, '[part~="error-summary"]');
      await waitUntil(() => document.activeElement === box);
      await press('Tab');
      expect(document.activeElement === box.querySelector('a')).to.equal(true);
      await press('Enter');
      expect(document.activeElement === reading(element)).to.equal(true);
      await sendKeysType('27950');
      await press('Enter');
      await waitUntil(() => status(element).startsWith('Показания приняты'));
    });
  });
});

/** Types into whatever has the focus, with real key presses. */
const sendKeysType = (text: string) => sendKeys({ type: text });

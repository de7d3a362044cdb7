import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { createClient } from '../../src/api/client.js';
import type { Client } from '../../src/api/client.js';
import { resetConfiguration } from '../../src/context/environment.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { LkAccountConnectElement } from '../../src/elements/account-connect/account-connect.js';
import type { LkHintElement } from '../../src/elements/hint/hint.js';
import type { LkProviderElement } from '../../src/elements/provider/provider.js';
import '../../src/entries/account-connect.js';
import { problem } from '../../mocks/problem.js';
import { logIn, mockFetch, useMockBackend } from '../mocks/helpers.js';
import { BAD_ACCOUNT_NUMBERS, FAULTS } from './bad-input.js';
import { countRequests, expectTargetsAtLeast24, findPart, pasteInto, press, renderWithBackend, textOf, typeInto } from './helpers.js';

const DAGESTAN = 'mrg-pyatigorsk-dagestan';
const PSKOV = 'mrg-pskov';
const ROSTOV = 'mrg-rostov';

/** The seed's own "?" text for Дагестан. */
const SEED_SECTOR_HINT =
  'Укажите двузначный код абонентского пункта/сектора и номер лицевого счета, указанные на квитанции, без пробелов и запятых. ' +
  'Пример: 5812345678, где 58 – код абонентского пункта/сектора, 12345678 – номер лицевого счета.';

/** What the field says for each code of the bad-input corpus (a ten-digit supplier). */
const EXPECTED_MESSAGE: Record<(typeof BAD_ACCOUNT_NUMBERS)[number][2], RegExp> = {
  account_required: /^Укажите номер лицевого счета, указанный на квитанции\.$/,
  account_length: /^Номер лицевого счета должен состоять из 10 цифр, а введено \d+\.$/,
  account_letters: /есть буквы.*«З» вместо «3»/,
  account_fullwidth: /широкими цифрами/,
  account_chars: /только из цифр 0–9/,
};

describe('<lk-account-connect>', () => {
  const backend = useMockBackend();

  /** Logs the demo user in (unless `loggedIn` is false), then renders `content` in a provider. */
  async function render(
    content: TemplateResult = html`<lk-account-connect></lk-account-connect>`,
    provider = {},
    { loggedIn = true } = {},
  ): Promise<LkAccountConnectElement> {
    if (loggedIn) await logIn(backend);
    return renderWithBackend<LkAccountConnectElement>(backend, content, provider);
  }
  const renderFor = (supplier: string, provider = {}) =>
    render(html`<lk-account-connect supplier=${supplier}></lk-account-connect>`, provider);

  const select = (element: Element) => element.querySelector<HTMLSelectElement>('select[name="supplierId"]')!;
  const numberInput = (element: Element) => element.querySelector<HTMLInputElement>('input[name="number"]')!;
  const submit = (element: Element) => element.querySelector<HTMLButtonElement>('[part~="submit"]')!;
  const hint = (element: Element) => element.querySelector<LkHintElement>('lk-hint')!;
  const fieldError = (element: Element) => element.querySelector('[part~="field-error"]');
  const status = (element: Element) => textOf(element.querySelector('[part~="status"]'));
  const summary = (element: Element) => element.querySelector('[part~="error-summary"]');
  const connects = (paths: readonly string[]) => paths.filter((path) => path.endsWith('/accounts'));

  /** Chooses a supplier as the user does: the select's value changes and it fires `change`. */
  async function choose(element: LkAccountConnectElement, supplierId: string) {
    select(element).value = supplierId;
    select(element).dispatchEvent(new Event('change', { bubbles: true }));
    await element.updateComplete;
  }

  async function fillAndSubmit(element: LkAccountConnectElement, number: string) {
    // Long values are pasted: typing hundreds of keys is slow and proves nothing more.
    if (number.length > 40) pasteInto(numberInput(element), number);
    else if (number) await typeInto(numberInput(element), number);
    submit(element).click();
  }

  /** A client that does not retry a failed GET, so a fault of the supplier list shows at once. */
  const withoutRetries = () => createClient({ baseUrl: backend.apiBase, retries: 0 });

  /** Renders without waiting for the element to settle: for the states on the way. */
  async function renderUnsettled(client?: ReturnType<typeof createClient>) {
    await logIn(backend);
    resetConfiguration();
    const provider = await fixture<LkProviderElement>(html`<lk-provider api-base=${backend.apiBase} .clock=${backend.clock} .client=${client}
      ><lk-account-connect></lk-account-connect
    ></lk-provider>`);
    return provider.querySelector('lk-account-connect')!;
  }

  describe('accessibility', () => {
    it('is accessible when empty', async () => {
      const element = await render();
      await expect(element).to.be.accessible();
    });

    it('is accessible while the supplier list loads', async () => {
      await backend.faults.set('suppliers', 'timeout');
      const element = await renderUnsettled();
      await waitUntil(() => status(element) === 'Загружаем список поставщиков…');
      expect(element.querySelector('[part~="status"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    it('is accessible with a supplier chosen and the hint open', async () => {
      const element = await renderFor(DAGESTAN);
      await typeInto(numberInput(element), '5812345678');
      hint(element).open = true;
      await hint(element).updateComplete;
      await expect(element).to.be.accessible();
    });

    it('is accessible with errors shown', async () => {
      const element = await render();
      submit(element).click();
      await findPart(element, '[part~="error-summary"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible while connecting', async () => {
      await backend.faults.set('accounts', 'timeout');
      const element = await renderFor(PSKOV);
      await fillAndSubmit(element, '6001234567');
      await waitUntil(() => status(element) === 'Подключаем лицевой счет…');
      await expect(element).to.be.accessible();
    });

    it('is accessible after "not found"', async () => {
      const element = await renderFor(PSKOV);
      await fillAndSubmit(element, '6001234568');
      await findPart(element, '[part~="error-summary"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible with a fault and its retry button', async () => {
      await backend.faults.set('accounts', 'server-error');
      const element = await renderFor(PSKOV);
      await fillAndSubmit(element, '6001234567');
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible when the supplier list failed', async () => {
      await backend.faults.set('suppliers', 'server-error');
      const element = await render(undefined, { client: withoutRetries() });
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible once connected', async () => {
      const element = await renderFor(PSKOV);
      await fillAndSubmit(element, '6001234567');
      await waitUntil(() => status(element).includes('подключен'));
      await expect(element).to.be.accessible();
    });

    it('is accessible logged out', async () => {
      const element = await render(undefined, {}, { loggedIn: false });
      await expect(element).to.be.accessible();
    });

    it('is accessible in English, with errors', async () => {
      const element = await render(undefined, { locale: 'en' });
      submit(element).click();
      await findPart(element, '[part~="error-summary"]');
      await expect(element).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('speaks Russian with the seed wording', async () => {
      const element = await render();
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Подключение лицевых счетов');
      expect(textOf(element.querySelector('[part~="intro"]'))).to.equal(
        'Уважаемый абонент! Для подключения лицевого счета укажите его номер указанный на квитанции.',
      );
      expect(textOf(element.querySelector(`label[for="${select(element).id}"]`))).to.equal('Поставщик');
      expect(textOf(element.querySelector(`label[for="${numberInput(element).id}"]`))).to.equal('Лицевой счет');
      expect(textOf(submit(element))).to.equal('Подключить ЛС');
      expect(submit(element).type).to.equal('submit');
      expect(element.lang).to.equal('ru');
    });

    it('offers "< не выбрана >" first, then the whole catalogue, names whole', async () => {
      const element = await render();
      const options = [...select(element).options];
      expect(options[0]!.value).to.equal('');
      expect(textOf(options[0])).to.equal('< не выбрана >');
      expect(select(element).value).to.equal('');
      expect(options.map((option) => option.value).slice(1)).to.include.members([PSKOV, DAGESTAN, ROSTOV, 'mrg-samara']);
      expect(options).to.have.length(10);
      expect(options.map((option) => textOf(option))).to.include('Межрегионгаз Пятигорск (Республика Дагестан)');
      expect(options.map((option) => textOf(option))).to.include('Межрегионгаз Пятигорск (Республика Северная Осетия — Алания)');
    });

    it('takes the number in a numeric text field, described by the hint', async () => {
      const element = await render();
      const input = numberInput(element);
      expect(input.type).to.equal('text');
      expect(input.inputMode).to.equal('numeric');
      expect(input.autocomplete).to.equal('off');
      expect(input.hasAttribute('maxlength')).to.equal(false);
      const describedBy = input.getAttribute('aria-describedby')!.split(' ');
      expect(describedBy).to.include(hint(element).textId);
      expect(textOf(document.getElementById(hint(element).textId))).to.equal(
        'Сначала выберите поставщика: номер лицевого счета у каждого поставщика устроен по-своему.',
      );
      expect(hint(element).label).to.equal('Лицевой счет');
    });

    it('gives every instance its own ids', async () => {
      const wrapper = await render(html`<div><lk-account-connect></lk-account-connect><lk-account-connect></lk-account-connect></div>`);
      await waitUntil(() => wrapper.querySelectorAll('select').length === 2);
      const ids = [...wrapper.querySelectorAll('[id]')].map((node) => node.id);
      expect(new Set(ids).size).to.equal(ids.length);
    });

    it('keeps targets at least 24 by 24 CSS pixels', async () => {
      const element = await render();
      expectTargetsAtLeast24(element);
      for (const target of [select(element), hint(element).querySelector('button')!]) {
        const { width, height } = target.getBoundingClientRect();
        expect(width).to.be.at.least(24);
        expect(height).to.be.at.least(24);
      }
    });

    it('renders supplier names from the backend as text, never as markup', async () => {
      const markup = '<img src=x onerror="window.__lkInjected=1">';
      pageWorker()!.use(
        http.get(new URL('suppliers', backend.apiBase).href, () =>
          HttpResponse.json({
            suppliers: [{ id: 'evil', name: markup, accountRule: { kind: 'digits', length: 10 }, accountExample: '1234567890', accountNote: markup }],
          }),
          { once: true },
        ),
      );
      const element = await renderFor('evil');
      expect(textOf(select(element).options[1])).to.equal(markup);
      expect(hint(element).text).to.contain(markup);
      expect(element.querySelector('img')).to.equal(null);
      expect((window as { __lkInjected?: number }).__lkInjected).to.equal(undefined);
    });
  });

  describe('attributes', () => {
    it('preselects the supplier of supplier="…", with its hint', async () => {
      const element = await renderFor(DAGESTAN);
      expect(select(element).value).to.equal(DAGESTAN);
      expect(hint(element).text).to.equal(SEED_SECTOR_HINT);
    });

    it('treats an unknown supplier="…" as none chosen', async () => {
      const element = await renderFor('no-such-supplier');
      expect(select(element).value).to.equal('');
    });

    it('speaks English with locale="en"', async () => {
      const element = await renderFor(PSKOV, { locale: 'en' });
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Connect personal accounts');
      expect(textOf(submit(element))).to.equal('Connect account');
      expect(hint(element).text).to.equal('Enter the 10-digit account number as printed on your bill, without spaces or commas. Example: 6001234567.');
      expect(hint(element).locale).to.equal('en');
      expect(element.lang).to.equal('en');
      await fillAndSubmit(element, '600123456');
      await findPart(element, '[part~="field-error"]');
      expect(textOf(fieldError(element))).to.equal('The account number must have 10 digits, but 9 were entered.');
    });

    it('asks to log in when logged out, through lk-navigate or login-href', async () => {
      const visited: NavigateTarget[] = [];
      const element = await render(undefined, { navigator: (to: NavigateTarget) => visited.push(to) }, { loggedIn: false });
      expect(element.querySelector('form')).to.equal(null);
      expect(textOf(element)).to.contain('Чтобы подключить лицевой счет, войдите в Личный кабинет.');
      const link = element.querySelector<HTMLElement>('[part~="link-login"]')!;
      setTimeout(() => link.click());
      expect((await oneEvent(element, 'lk-navigate')).detail.to).to.equal('login');
      expect(visited).to.deep.equal(['login']);

      const linked = await render(html`<lk-account-connect login-href="/login"></lk-account-connect>`, {}, { loggedIn: false });
      expect(linked.querySelector('[part~="link-login"]')!.getAttribute('href')).to.equal('/login');
    });
  });

  describe('user input and the hint', () => {
    it('changes the hint with the supplier', async () => {
      const element = await render();
      await choose(element, DAGESTAN);
      expect(hint(element).text).to.equal(SEED_SECTOR_HINT);
      expect(textOf(document.getElementById(hint(element).textId))).to.equal(SEED_SECTOR_HINT);
      await choose(element, PSKOV);
      expect(hint(element).text).to.equal(
        'Укажите номер лицевого счета из 10 цифр, указанный на квитанции, без пробелов и запятых. Пример: 6001234567.',
      );
      await choose(element, 'mrg-samara');
      expect(hint(element).text).to.contain('Пример: 6312345678.');
      await choose(element, ROSTOV);
      expect(hint(element).text).to.equal(
        'Укажите номер лицевого счета из 10 цифр, указанный на квитанции, без пробелов и запятых. Пример: 6112345678. ' +
          'Номер лицевого счета напечатан в правом верхнем углу квитанции.',
      );
      await choose(element, '');
      expect(hint(element).text).to.contain('Сначала выберите поставщика');
    });

    it('builds the hint from the rule and the example of any supplier', async () => {
      pageWorker()!.use(
        http.get(new URL('suppliers', backend.apiBase).href, () =>
          HttpResponse.json({
            suppliers: [
              {
                id: 'three-sector',
                name: 'Газ (сектор из трёх цифр)',
                accountRule: { kind: 'sector', sectorLength: 3, numberLength: 6, sectors: null },
                accountExample: '123456789',
                accountNote: null,
              },
              { id: 'twelve', name: 'Газ (12 цифр)', accountRule: { kind: 'digits', length: 12 }, accountExample: '123456789012', accountNote: null },
            ],
          }),
          { once: true },
        ),
      );
      const element = await renderFor('three-sector');
      expect(hint(element).text).to.equal(
        'Укажите трёхзначный код абонентского пункта/сектора и номер лицевого счета, указанные на квитанции, без пробелов и запятых. ' +
          'Пример: 123456789, где 123 – код абонентского пункта/сектора, 456789 – номер лицевого счета.',
      );
      await choose(element, 'twelve');
      expect(hint(element).text).to.equal(
        'Укажите номер лицевого счета из 12 цифр, указанный на квитанции, без пробелов и запятых. Пример: 123456789012.',
      );
    });

    it('keeps what is typed, key by key', async () => {
      const element = await renderFor(DAGESTAN);
      await typeInto(numberInput(element), '58 123');
      expect(numberInput(element).value).to.equal('58 123');
      expect(element.number).to.equal('58 123');
    });

    it('connects with the keyboard alone', async () => {
      const element = await render();
      select(element).focus();
      await press('Shift+Tab');
      await press('Tab');
      expect(document.activeElement).to.equal(select(element));
      // The arrow keys choose in a closed select; Псков comes first after "< не выбрана >".
      await press('ArrowDown');
      await waitUntil(() => select(element).value === PSKOV, 'the arrow did not choose the supplier');
      await element.updateComplete;
      expect(hint(element).text).to.contain('6001234567');
      await press('Tab');
      expect(document.activeElement).to.equal(numberInput(element));
      await typeInto(numberInput(element), '6001234567');
      await press('Tab');
      expect(hint(element).contains(document.activeElement)).to.equal(true);
      await press('Tab');
      expect(document.activeElement).to.equal(submit(element));
      const connected = oneEvent(element, 'lk-account-connected');
      await press('Enter');
      expect((await connected).detail.account.number).to.equal('6001234567');
    });
  });

  describe('validation', () => {
    it('sends nothing when empty, and focuses a summary that links to each field', async () => {
      const element = await render();
      const requests = countRequests(backend);
      submit(element).click();
      const box = await findPart(element, '[part~="error-summary"]');
      await waitUntil(() => document.activeElement === box);
      const links = [...box.querySelectorAll<HTMLAnchorElement>('a')];
      expect(links.map((link) => link.hash)).to.deep.equal([`#${select(element).id}`, `#${numberInput(element).id}`]);
      expect(textOf(box)).to.contain('Выберите поставщика.');
      expect(textOf(box)).to.contain('Укажите номер лицевого счета, указанный на квитанции.');
      expect(select(element).getAttribute('aria-invalid')).to.equal('true');
      expect(numberInput(element).getAttribute('aria-invalid')).to.equal('true');
      const describedBy = numberInput(element).getAttribute('aria-describedby')!.split(' ');
      expect(textOf(document.getElementById(describedBy[0]!))).to.equal('Укажите номер лицевого счета, указанный на квитанции.');
      expect(describedBy).to.include(hint(element).textId);
      links[1]!.click();
      expect(document.activeElement).to.equal(numberInput(element));
      expect(requests.count).to.equal(0);
      requests.stop();
    });

    it('asks for the supplier, and still says what no rule allows', async () => {
      const element = await render();
      const requests = countRequests(backend);
      await fillAndSubmit(element, '58123456ab');
      const box = await findPart(element, '[part~="error-summary"]');
      expect(textOf(box)).to.contain('Выберите поставщика.');
      expect(textOf(box)).to.contain('есть буквы');
      expect(numberInput(element).value).to.equal('58123456ab');
      expect(requests.count).to.equal(0);
      requests.stop();
    });

    for (const [name, value, code] of BAD_ACCOUNT_NUMBERS) {
      it(`explains a bad number (${name}), sends nothing and keeps it`, async () => {
        const element = await renderFor(PSKOV);
        const requests = countRequests(backend);
        await fillAndSubmit(element, value);
        await findPart(element, '[part~="field-error"]');
        expect(textOf(fieldError(element))).to.match(EXPECTED_MESSAGE[code]);
        expect(numberInput(element).getAttribute('aria-invalid')).to.equal('true');
        expect(numberInput(element).value).to.equal(value);
        expect(select(element).value).to.equal(PSKOV);
        expect(requests.count).to.equal(0);
        requests.stop();
      });
    }

    it('counts the digits of the number without the separators', async () => {
      const element = await renderFor(PSKOV);
      await fillAndSubmit(element, '58 123-456,7');
      await findPart(element, '[part~="field-error"]');
      expect(textOf(fieldError(element))).to.equal('Номер лицевого счета должен состоять из 10 цифр, а введено 9.');
      expect(numberInput(element).value).to.equal('58 123-456,7');
    });

    it('names an unknown sector code', async () => {
      const element = await renderFor(DAGESTAN);
      const requests = countRequests(backend);
      await fillAndSubmit(element, '9912345678');
      await findPart(element, '[part~="field-error"]');
      expect(textOf(fieldError(element))).to.equal(
        'Код абонентского пункта/сектора 99 не найден. Проверьте первые две цифры по квитанции.',
      );
      expect(requests.count).to.equal(0);
      requests.stop();
    });

    it('drops the old messages when another supplier is chosen', async () => {
      const element = await renderFor(DAGESTAN);
      await fillAndSubmit(element, '9912345678');
      await findPart(element, '[part~="field-error"]');
      await choose(element, PSKOV);
      expect(fieldError(element)).to.equal(null);
      expect(numberInput(element).value).to.equal('9912345678');
    });
  });

  describe('submission', () => {
    it('connects a number pasted with spaces, dashes and commas, normalised', async () => {
      const element = await renderFor(DAGESTAN);
      const requests = countRequests(backend);
      const connected = oneEvent(element, 'lk-account-connected');
      pasteInto(numberInput(element), '58 123-456,78');
      submit(element).click();
      const { detail } = await connected;
      expect(detail.account).to.include({ number: '5812345678', supplierId: DAGESTAN });
      expect(connects(requests.paths)).to.have.length(1);
      await waitUntil(() => status(element) === 'Лицевой счет 5812345678 подключен.');
      expect(element.querySelector('[part~="status"]')!.getAttribute('role')).to.equal('status');
      expect(numberInput(element).value, 'cleared for the next account').to.equal('');
      expect(select(element).value, 'the supplier stays').to.equal(DAGESTAN);
      requests.stop();
    });

    it('says "not found" at the number, naming the supplier', async () => {
      const element = await renderFor(PSKOV);
      await fillAndSubmit(element, '6001234568');
      const box = await findPart(element, '[part~="error-summary"]');
      const message = 'Лицевой счет 6001234568 не найден у поставщика «Межрегионгаз Псков». Проверьте номер и поставщика по квитанции.';
      await waitUntil(() => document.activeElement === box);
      expect(textOf(fieldError(element))).to.equal(message);
      expect(box.querySelector('a')!.hash).to.equal(`#${numberInput(element).id}`);
      expect(numberInput(element).getAttribute('aria-invalid')).to.equal('true');
      expect(numberInput(element).value).to.equal('6001234568');
    });

    it('after 10 numbers not found in an hour, says how long to wait in words and sends nothing until then', async () => {
      await logIn(backend);
      for (let i = 0; i < 10; i++) {
        const body = { supplierId: PSKOV, number: `60${String(90_000_000 + i)}` };
        expect((await mockFetch(backend, 'accounts', { method: 'POST', body })).status).to.equal(404);
      }
      const element = await renderFor(PSKOV);
      await fillAndSubmit(element, '6001234567');
      const box = await findPart(element, '[part~="error-summary"]');
      await waitUntil(() => document.activeElement === box);
      expect(textOf(box)).to.contain(
        'Слишком много попыток подключить лицевой счет. Проверьте номер и поставщика по квитанции и повторите через 60 минут.',
      );
      expect(fieldError(element)).to.equal(null);
      expect(element.querySelector('[part~="fault"]')).to.equal(null);
      await expect(element).to.be.accessible();

      const requests = countRequests(backend);
      submit(element).click();
      await waitUntil(() => textOf(summary(element)).includes('повторите через'));
      expect(connects(requests.paths)).to.have.length(0);
      requests.stop();

      await backend.clock.advance(60 * 60_000);
      const connected = oneEvent(element, 'lk-account-connected');
      submit(element).click();
      expect((await connected).detail.account.number).to.equal('6001234567');
    });

    it('says the wait in English too', async () => {
      pageWorker()!.use(
        http.post(backend.url('accounts'), () => problem(429, 'too_many_requests', { retryAfter: 90 }, { 'Retry-After': '90' }), {
          once: true,
        }),
      );
      const element = await renderFor(PSKOV, { locale: 'en' });
      await fillAndSubmit(element, '6001234567');
      await waitUntil(() => textOf(summary(element)).includes('Too many attempts'));
      expect(textOf(summary(element))).to.contain('Check the number and the supplier on the receipt and try again in 2 minutes.');
    });

    it('says when the account is connected already', async () => {
      const element = await renderFor(DAGESTAN);
      await fillAndSubmit(element, '5812345678');
      await waitUntil(() => status(element).includes('подключен'));
      await fillAndSubmit(element, '5812345678');
      await findPart(element, '[part~="field-error"]');
      expect(textOf(fieldError(element))).to.equal('Этот лицевой счет уже подключен к Вашему Личному кабинету.');
      expect(status(element)).to.equal('');
    });

    it('puts the backend\u2019s field errors (422) at their fields', async () => {
      pageWorker()!.use(
        http.post(new URL('accounts', backend.apiBase).href, () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              status: 422,
              code: 'validation_failed',
              errors: [
                { pointer: '/supplierId', code: 'supplier_unknown' },
                { pointer: '/number', code: 'account_length' },
              ],
            },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
          { once: true },
        ),
      );
      const element = await renderFor(PSKOV);
      await fillAndSubmit(element, '6001234567');
      const box = await findPart(element, '[part~="error-summary"]');
      expect(textOf(box)).to.contain('Этого поставщика нет в списке.');
      expect(textOf(box)).to.contain('Номер лицевого счета должен состоять из 10 цифр, а введено 10.');
      expect(select(element).getAttribute('aria-invalid')).to.equal('true');
      expect(numberInput(element).getAttribute('aria-invalid')).to.equal('true');
    });

    it('sends one request for a double click and an Enter', async () => {
      await backend.latency.set(50);
      const element = await renderFor(PSKOV);
      await typeInto(numberInput(element), '6001234567');
      const requests = countRequests(backend);
      const connected = oneEvent(element, 'lk-account-connected');
      submit(element).click();
      submit(element).click();
      numberInput(element).focus();
      await press('Enter');
      await connected;
      expect(connects(requests.paths)).to.have.length(1);
      requests.stop();
    });

    it('asks to log in when the session ended, keeping the number', async () => {
      pageWorker()!.use(
        http.post(new URL('accounts', backend.apiBase).href, () =>
          HttpResponse.json(
            { type: 'about:blank', status: 401, code: 'unauthenticated' },
            { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
          ),
          { once: true },
        ),
      );
      const element = await renderFor(PSKOV);
      await fillAndSubmit(element, '6001234567');
      await findPart(element, '[part~="logged-out"]');
      expect(element.querySelector('[part~="fault"]')).to.equal(null);
      expect(element.number).to.equal('6001234567');
    });
  });

  describe('leaving the page', () => {
    it('asks for the catalogue again only when it comes back, not once it has been removed mid-load', async () => {
      await logIn(backend);
      const real = createClient({ baseUrl: backend.apiBase });
      const asked: string[] = [];
      const client: Client = { ...real, request: (spec) => (asked.push(spec.path), real.request(spec)) };
      // The first answer waits for the test, so the element is surely removed while it loads.
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      pageWorker()!.use(
        http.get(
          new URL('suppliers', backend.apiBase).href,
          async () => {
            await released;
          },
          { once: true },
        ),
      );
      const wrapper = await fixture<HTMLElement>(
        html`<lk-provider api-base=${backend.apiBase} .client=${client}><lk-account-connect></lk-account-connect></lk-provider>`,
      );
      const element = wrapper.querySelector<LkAccountConnectElement>('lk-account-connect')!;
      await waitUntil(() => asked.includes('suppliers'), 'the catalogue was not asked for');
      element.remove();
      await element.updateComplete;
      expect(asked.filter((path) => path === 'suppliers')).to.have.length(1);
      release();

      wrapper.append(element);
      await findPart(element, 'select[name="supplierId"] option[value="mrg-pskov"]');
      expect(asked.filter((path) => path === 'suppliers')).to.have.length(2);
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} with a message, keeps the input and retries`, async () => {
        await backend.faults.set('accounts', fault);
        const element = await renderFor(PSKOV);
        const failed = oneEvent(element, 'lk-error');
        await fillAndSubmit(element, '6001234567');
        await failed;
        const alert = await findPart(element, '[part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain(message);
        expect(numberInput(element).value).to.equal('6001234567');
        expect(select(element).value).to.equal(PSKOV);
        expect(status(element)).to.equal('');
        await backend.faults.clear();
        const connected = oneEvent(element, 'lk-account-connected');
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        expect((await connected).detail.account.number).to.equal('6001234567');
      });

      it(`ends a ${fault} of the supplier list with a message and a retry`, async () => {
        await backend.faults.set('suppliers', fault);
        const element = await render(undefined, { client: withoutRetries() });
        const alert = await findPart(element, '[part~="fault"]');
        expect(textOf(alert)).to.contain(message);
        expect(select(element)).to.equal(null);
        expect(status(element), 'no endless loading').to.equal('');
        await backend.faults.clear();
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await findPart(element, 'select[name="supplierId"]');
        expect(element.querySelector('[part~="fault"]')).to.equal(null);
      });
    }

    it('ends a timeout with a message and a retry, never an endless spinner', async () => {
      await backend.faults.set('accounts', 'timeout');
      const element = await renderFor(PSKOV, { client: createClient({ baseUrl: backend.apiBase, timeout: 200, retries: 0 }) });
      await fillAndSubmit(element, '6001234567');
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      expect(status(element)).to.equal('');
      expect(submit(element).getAttribute('aria-disabled')).to.equal('false');
      await backend.faults.clear();
      const connected = oneEvent(element, 'lk-account-connected');
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await connected;
    });

    it('ends a timeout of the supplier list with a message and a retry', async () => {
      await backend.faults.set('suppliers', 'timeout');
      const element = await render(undefined, { client: createClient({ baseUrl: backend.apiBase, timeout: 200, retries: 0 }) });
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await findPart(element, 'select[name="supplierId"]');
    });
  });
});

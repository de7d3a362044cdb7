import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { fieldsProblem, problem } from '../../mocks/problem.js';
import { createClient } from '../../src/api/client.js';
import type { Client } from '../../src/api/client.js';
import { resetConfiguration } from '../../src/context/environment.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { LkProviderElement } from '../../src/elements/provider/provider.js';
import type { LkSettingsElement } from '../../src/elements/settings/settings.js';
import { emailKey } from '../../src/schemas/email.js';
import type { User } from '../../src/schemas/user.js';
import '../../src/entries/settings.js';
import { DEMO_USER, logIn, useMockBackend } from '../mocks/helpers.js';
import type { MockBackend } from '../../mocks/backend.js';
import { countRequests, findPart, pasteInto, press, renderWithBackend, textOf, typeInto } from './helpers.js';
import { BAD_NEW_PASSWORDS, COMMON_NEW_PASSWORD } from './bad-input.js';

const NEW_PASSWORD = 'novyi2027';
const WRONG_PASSWORD = 'neverno1';

interface Options {
  recoverHref?: string;
  loginHref?: string;
  /** Log the demo user in first (default). */
  loggedIn?: boolean;
}

interface Provider {
  locale?: string;
  navigator?: (to: NavigateTarget) => void;
  client?: Client;
}

/** Renders `<lk-settings>` on `backend`, by default with the demo user logged in. */
async function renderOn(backend: MockBackend, { recoverHref, loginHref, loggedIn = true }: Options = {}, provider: Provider = {}) {
  if (loggedIn) expect((await logIn(backend)).status).to.equal(200);
  return renderWithBackend<LkSettingsElement>(
    backend,
    html`<lk-settings recover-href=${ifDefined(recoverHref)} login-href=${ifDefined(loginHref)}></lk-settings>`,
    provider,
  );
}

const form = (element: Element) => element.querySelector<HTMLFormElement>('form[part~="password-change"]')!;
const usernameInput = (element: Element) => form(element).querySelector<HTMLInputElement>('input[name="username"]')!;
const currentInput = (element: Element) => form(element).querySelector<HTMLInputElement>('input[name="current-password"]')!;
const newInput = (element: Element) => form(element).querySelector<HTMLInputElement>('input[name="password"]')!;
const repeatInput = (element: Element) => form(element).querySelector<HTMLInputElement>('input[name="password-repeat"]')!;
const toggle = (element: Element) => form(element).querySelector<HTMLButtonElement>('[part~="toggle-password"]')!;
const submit = (element: Element) => form(element).querySelector<HTMLButtonElement>('[part~="submit"]')!;
const status = (element: Element) => form(element).querySelector<HTMLElement>('[part~="status"]')!;
const summary = (element: Element) => form(element).querySelector<HTMLElement>('[part~="error-summary"]');
const fieldError = (input: HTMLInputElement) => textOf(input.closest('[part~="field"]')!.querySelector('[part~="field-error"]'));
const labelOf = (element: Element, input: HTMLInputElement) => textOf(element.querySelector(`label[for="${input.id}"]`));
const changeCalls = (requests: { paths: string[] }) => requests.paths.filter((path) => path.endsWith('/auth/password')).length;

async function fillIn(element: Element, current = DEMO_USER.password, password = NEW_PASSWORD, repeat = password) {
  if (current) await typeInto(currentInput(element), current);
  if (password) await typeInto(newInput(element), password);
  if (repeat) await typeInto(repeatInput(element), repeat);
}

/** Submits and waits for a fresh error summary (each submit clears the last). */
async function submitForSummary(element: LkSettingsElement): Promise<HTMLElement> {
  const previous = summary(element);
  submit(element).click();
  await waitUntil(() => summary(element) && summary(element) !== previous, 'no new error summary');
  return summary(element)!;
}

describe('<lk-settings>', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });
  const render = (options: Options = {}, provider: Provider = {}) => renderOn(backend, options, provider);

  describe('accessibility', () => {
    it('is accessible when logged in, the form empty', async () => {
      await expect(await render()).to.be.accessible();
    });

    it('is accessible filled in, the rules half met', async () => {
      const element = await render();
      await fillIn(element, DEMO_USER.password, 'abc', '');
      await expect(element).to.be.accessible();
    });

    it('is accessible with errors shown', async () => {
      const element = await render();
      await submitForSummary(element);
      await expect(element).to.be.accessible();
    });

    it('is accessible after a wrong current password', async () => {
      const element = await render();
      await fillIn(element, WRONG_PASSWORD);
      await submitForSummary(element);
      await expect(element).to.be.accessible();
    });

    it('is accessible while the password is being changed', async () => {
      await backend.faults.set('changePassword', 'timeout');
      const element = await render();
      await fillIn(element);
      submit(element).click();
      await waitUntil(() => textOf(status(element)) === 'Меняем пароль…');
      await expect(element).to.be.accessible();
    });

    it('is accessible while the session is asked for', async () => {
      await logIn(backend);
      await backend.faults.set('session', 'timeout');
      resetConfiguration();
      const provider = await fixture<LkProviderElement>(
        html`<lk-provider api-base=${backend.apiBase} .clock=${backend.clock}><lk-settings></lk-settings></lk-provider>`,
      );
      const element = provider.querySelector('lk-settings')!;
      await element.updateComplete;
      const busy = element.querySelector('[aria-busy="true"]')!;
      expect(busy.getAttribute('role')).to.equal('status');
      expect(textOf(busy)).to.equal('Загрузка…');
      await expect(element).to.be.accessible();
    });

    it('is accessible with a fault and its retry button', async () => {
      await backend.faults.set('changePassword', 'server-error');
      const element = await render();
      await fillIn(element);
      submit(element).click();
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible when the password is changed', async () => {
      const element = await render();
      await fillIn(element);
      submit(element).click();
      await waitUntil(() => textOf(status(element)).startsWith('Пароль изменён'));
      await expect(element).to.be.accessible();
    });

    it('is accessible logged out', async () => {
      await expect(await render({ loggedIn: false })).to.be.accessible();
    });

    it('is accessible in English', async () => {
      await expect(await render({}, { locale: 'en' })).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('speaks Russian with the seed’s wording, and shows the login as text', async () => {
      const element = await render();
      expect(element.shadowRoot).to.equal(null);
      expect(element.lang).to.equal('ru');
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Настройки абонента');
      expect(textOf(element.querySelector('[part~="login"]'))).to.equal(`Логин: ${DEMO_USER.email}`);
      expect(textOf(element.querySelector('[part~="login-value"]'))).to.equal(DEMO_USER.email);
      const titles = [...element.querySelectorAll('[part~="section-title"]')].map(textOf);
      expect(titles).to.deep.equal(['Смена пароля', 'Подключение ЛС']);
      expect(textOf(form(element).querySelector('[part~="intro"]'))).to.equal(
        `Введите новый пароль для ${DEMO_USER.email}. Желательно, чтобы он отличался от ваших паролей для других веб-сайтов.`,
      );
      expect(labelOf(element, currentInput(element))).to.equal('Текущий пароль');
      expect(labelOf(element, newInput(element))).to.equal('Новый пароль');
      expect(labelOf(element, repeatInput(element))).to.equal('Повторите пароль');
      expect(textOf(form(element).querySelector('[part~="link-recover"]'))).to.equal('Забыли пароль?');
      expect(textOf(toggle(element))).to.equal('Показать пароль');
      expect(textOf(submit(element))).to.equal('Сменить пароль');
      expect(textOf(form(element).querySelector('[part~="password-rules"]'))).to.contain('От 5 до 10 символов');
    });

    it('is a real form with the autocomplete password managers need', async () => {
      const element = await render();
      const nativeForm = form(element);
      expect(nativeForm.localName).to.equal('form');
      for (const input of [usernameInput(element), currentInput(element), newInput(element), repeatInput(element)]) {
        expect(input.form, input.name).to.equal(nativeForm);
      }
      expect(currentInput(element).autocomplete).to.equal('current-password');
      expect(newInput(element).autocomplete).to.equal('new-password');
      expect(repeatInput(element).autocomplete).to.equal('new-password');
      for (const input of [currentInput(element), newInput(element), repeatInput(element)]) expect(input.type).to.equal('password');
      expect(submit(element).type).to.equal('submit');
    });

    it('holds the login in a hidden username field: labelled, read-only, no tab stop', async () => {
      const element = await render();
      const username = usernameInput(element);
      expect(username.autocomplete).to.equal('username');
      expect(username.type).to.equal('email');
      expect(username.value).to.equal(DEMO_USER.email);
      expect(username.readOnly).to.equal(true);
      expect(username.tabIndex).to.equal(-1);
      expect(username.hidden).to.equal(false);
      expect(labelOf(element, username)).to.equal('Логин (e-mail)');
      // Visually hidden, but in the layout, where password managers look.
      const { width, height } = username.closest('[part~="username"]')!.getBoundingClientRect();
      expect(width * height).to.be.at.most(1);
      expect(getComputedStyle(username).display).not.to.equal('none');
    });

    it('renders the accounts section with <lk-accounts> and <lk-account-connect>, both defined', async () => {
      const element = await render();
      const section = element.querySelector('[part~="accounts-section"]')!;
      expect(section.querySelector('lk-accounts')).to.exist;
      expect(section.querySelector('lk-account-connect')).to.exist;
      expect(customElements.get('lk-accounts')).to.exist;
      expect(customElements.get('lk-account-connect')).to.exist;
      expect(customElements.get('lk-settings')).to.exist;
    });

    it('keeps “Подключить ЛС” of the list on the page: the focus goes to the connect form below', async () => {
      const element = await render();
      const link = await findPart(element, 'lk-accounts [part~="link-connect"]');
      await findPart(element, 'lk-account-connect select');
      const leaving: string[] = [];
      const listener = (event: Event) => leaving.push((event as CustomEvent<{ to: string }>).detail.to);
      document.addEventListener('lk-navigate', listener);
      link.click();
      document.removeEventListener('lk-navigate', listener);
      expect(leaving).to.deep.equal([]);
      expect(element.querySelector('lk-account-connect')!.contains(document.activeElement)).to.equal(true);
    });

    it('gives every instance its own ids', async () => {
      await logIn(backend);
      const wrapper = await renderWithBackend<HTMLElement>(backend, html`<div><lk-settings></lk-settings><lk-settings></lk-settings></div>`);
      const ids = [...wrapper.querySelectorAll('lk-settings > * [id], lk-settings > [id]')]
        .filter((node) => node.closest('lk-accounts, lk-account-connect') === null)
        .map((node) => node.id);
      expect(ids.length).to.be.greaterThan(6);
      expect(new Set(ids).size).to.equal(ids.length);
    });

    it('keeps its targets at least 24 by 24 CSS pixels (the hidden username is none)', async () => {
      const element = await render();
      for (const target of form(element).querySelectorAll<HTMLElement>('input:not([name="username"]), button, a')) {
        const { width, height } = target.getBoundingClientRect();
        expect(width, target.outerHTML).to.be.at.least(24);
        expect(height, target.outerHTML).to.be.at.least(24);
      }
    });
  });

  describe('attributes', () => {
    it('keeps the page outline: its title, its sections one level deeper, and the inner elements deeper still', async () => {
      const element = await render();
      await waitUntil(() => element.querySelector('lk-accounts [part~="title"]') && element.querySelector('lk-account-connect [part~="title"]'));
      const level = (selector: string) => [...element.querySelectorAll(selector)].map((node) => node.localName);
      expect(level(':scope > [part~="title"]')).to.deep.equal(['h2']);
      expect(level('[part~="section-title"]')).to.deep.equal(['h3', 'h3']);
      expect(level('lk-accounts [part~="title"], lk-account-connect [part~="title"]')).to.deep.equal(['h4', 'h4']);
    });

    it('speaks English with locale="en"', async () => {
      const element = await render({}, { locale: 'en' });
      expect(element.lang).to.equal('en');
      expect(textOf(element.querySelector('[part~="title"]'))).to.equal('Account settings');
      expect(textOf(element.querySelector('[part~="login"]'))).to.equal(`Login: ${DEMO_USER.email}`);
      expect(labelOf(element, currentInput(element))).to.equal('Current password');
      expect(textOf(toggle(element))).to.equal('Show password');
      expect(textOf(submit(element))).to.equal('Change the password');
      await submitForSummary(element);
      expect(fieldError(currentInput(element))).to.equal('Enter your current password.');
      expect(fieldError(repeatInput(element))).to.contain('Repeat the password');
    });

    it('makes “Забыли пароль?” a real link with recover-href', async () => {
      const element = await render({ recoverHref: '/recover' });
      expect(form(element).querySelector('[part~="link-recover"]')!.getAttribute('href')).to.equal('/recover');
    });

    it('fires lk-navigate to recover from “Забыли пароль?”, and asks the navigator', async () => {
      const visited: NavigateTarget[] = [];
      const element = await render({}, { navigator: (to) => visited.push(to) });
      const navigated = oneEvent(element, 'lk-navigate');
      form(element).querySelector<HTMLElement>('[part~="link-recover"]')!.click();
      const event = await navigated;
      expect(event.detail.to).to.equal('recover');
      expect(event.cancelable).to.equal(true);
      expect(visited).to.deep.equal(['recover']);
    });

    it('logged out, says to log in and links to the login page (login-href)', async () => {
      const element = await render({ loggedIn: false, loginHref: '/login' });
      expect(element.querySelector('form')).to.equal(null);
      expect(textOf(element.querySelector('[part~="logged-out"]'))).to.equal('Настройки доступны после входа в Личный кабинет.');
      const link = element.querySelector<HTMLAnchorElement>('[part~="link-login"]')!;
      expect(textOf(link)).to.equal('Войти в Личный кабинет');
      expect(link.getAttribute('href')).to.equal('/login');

      const plain = await render({ loggedIn: false });
      const navigated = oneEvent(plain, 'lk-navigate');
      plain.querySelector<HTMLElement>('[part~="link-login"]')!.click();
      expect((await navigated).detail.to).to.equal('login');
    });

    it('follows the provider’s password-policy', async () => {
      const element = await render();
      element.closest('lk-provider')!.setAttribute('password-policy', 'strong');
      await element.updateComplete;
      await waitUntil(() => textOf(form(element).querySelector('[part~="password-rules"]')).includes('От 15 до 128'));
      const requests = countRequests(backend);
      await fillIn(element, DEMO_USER.password, 'gazPskov7');
      await submitForSummary(element);
      expect(fieldError(newInput(element))).to.match(/слишком короткий: нужно не менее 15/);
      expect(changeCalls(requests)).to.equal(0);
      requests.stop();
    });
  });

  describe('user input', () => {
    it('shows all three passwords with one “Показать пароль”, keeping values and caret, and masks them on submit', async () => {
      const element = await render();
      await fillIn(element, WRONG_PASSWORD);
      const inputs = [currentInput(element), newInput(element), repeatInput(element)];
      expect(toggle(element).getAttribute('aria-controls')!.split(' ')).to.have.members(inputs.map((input) => input.id));
      currentInput(element).focus();
      currentInput(element).setSelectionRange(2, 2);
      toggle(element).click();
      await waitUntil(() => inputs.every((input) => input.type === 'text'));
      expect(toggle(element).getAttribute('aria-pressed')).to.equal('true');
      expect(inputs.map((input) => input.value)).to.deep.equal([WRONG_PASSWORD, NEW_PASSWORD, NEW_PASSWORD]);
      expect(currentInput(element).selectionStart).to.equal(2);
      submit(element).click();
      await waitUntil(() => inputs.every((input) => input.type === 'password'));
      expect(toggle(element).getAttribute('aria-pressed')).to.equal('false');
    });

    it('marks the rules as the new password is typed', async () => {
      const element = await render();
      await typeInto(newInput(element), NEW_PASSWORD);
      await element.updateComplete;
      expect(form(element).querySelector('[part~="password-rule-length"]')!.getAttribute('part')).to.contain('password-rule-met');
      await typeInto(repeatInput(element), NEW_PASSWORD);
      await element.updateComplete;
      expect(form(element).querySelector('[part~="password-rule-match"]')!.getAttribute('part')).to.contain('password-rule-met');
    });
  });

  describe('validation', () => {
    it('sends nothing when empty: every field says what to do, the summary takes the focus and links to them', async () => {
      const element = await render();
      const requests = countRequests(backend);
      const box = await submitForSummary(element);
      await waitUntil(() => document.activeElement === box);
      expect(fieldError(currentInput(element))).to.equal('Введите текущий пароль.');
      expect(fieldError(newInput(element))).to.equal('Введите пароль.');
      expect(fieldError(repeatInput(element))).to.equal('Введите пароль ещё раз в поле «Повторите пароль».');
      for (const input of [currentInput(element), newInput(element), repeatInput(element)]) {
        expect(input.getAttribute('aria-invalid'), input.name).to.equal('true');
        expect(input.getAttribute('aria-describedby'), input.name).to.contain(`${input.id}-error`);
      }
      const links = [...box.querySelectorAll<HTMLAnchorElement>('[part~="error-summary-link"]')];
      expect(links.map((link) => link.hash.slice(1))).to.deep.equal([currentInput(element).id, newInput(element).id, repeatInput(element).id]);
      links[1]!.click();
      expect(document.activeElement).to.equal(newInput(element));
      expect(changeCalls(requests)).to.equal(0);
      requests.stop();
    });

    const badPasswords = [...BAD_NEW_PASSWORDS, COMMON_NEW_PASSWORD];
    for (const [name, value, message] of badPasswords) {
      it(`explains a bad new password (${name}), sends nothing and keeps every field`, async () => {
        const element = await render();
        const requests = countRequests(backend);
        await fillIn(element, DEMO_USER.password, value);
        await submitForSummary(element);
        expect(fieldError(newInput(element))).to.match(message);
        expect(fieldError(currentInput(element))).to.equal('');
        expect([currentInput(element).value, newInput(element).value, repeatInput(element).value]).to.deep.equal([
          DEMO_USER.password,
          value,
          value,
        ]);
        expect(changeCalls(requests)).to.equal(0);
        requests.stop();
      });
    }

    it('explains a repeat that does not match, and sends nothing', async () => {
      const element = await render();
      const requests = countRequests(backend);
      await fillIn(element, DEMO_USER.password, NEW_PASSWORD, `${NEW_PASSWORD}x`);
      await submitForSummary(element);
      expect(fieldError(repeatInput(element))).to.equal('Пароли не совпадают. Введите в поле «Повторите пароль» тот же пароль.');
      expect(repeatInput(element).value).to.equal(`${NEW_PASSWORD}x`);
      expect(changeCalls(requests)).to.equal(0);
      requests.stop();
    });

    it('explains a runaway paste into the current password, and keeps it whole', async () => {
      const element = await render();
      const requests = countRequests(backend);
      const pasted = 'x'.repeat(300);
      pasteInto(currentInput(element), pasted);
      await typeInto(newInput(element), NEW_PASSWORD);
      await typeInto(repeatInput(element), NEW_PASSWORD);
      await submitForSummary(element);
      expect(fieldError(currentInput(element))).to.match(/слишком длинный: не более 256/);
      expect(currentInput(element).value).to.equal(pasted);
      expect(changeCalls(requests)).to.equal(0);
      requests.stop();
    });
  });

  describe('submission', () => {
    it('changes the password: lk-password-changed, the fields emptied, the status says so, the new password logs in', async () => {
      const element = await render();
      await fillIn(element);
      const changed = oneEvent(element, 'lk-password-changed');
      submit(element).click();
      const event = await changed;
      expect(event.detail).to.deep.equal({});
      expect(event.bubbles && event.composed).to.equal(true);
      await waitUntil(() => textOf(status(element)) !== '');
      expect(status(element).getAttribute('role')).to.equal('status');
      expect(textOf(status(element))).to.equal('Пароль изменён. На других устройствах нужно войти заново.');
      expect([currentInput(element).value, newInput(element).value, repeatInput(element).value]).to.deep.equal(['', '', '']);
      expect(summary(element)).to.equal(null);
      // This session stays.
      expect(usernameInput(element).value).to.equal(DEMO_USER.email);

      const provider = element.closest('lk-provider')!;
      await provider.environment.session.logout();
      await waitUntil(() => element.querySelector('[part~="logged-out"]'));
      expect((await logIn(backend, DEMO_USER)).status).to.equal(401);
      expect((await logIn(backend, { email: DEMO_USER.email, password: NEW_PASSWORD })).status).to.equal(200);
    });

    it('says a wrong current password at its field, keeps the input, and counts it as a failed login', async () => {
      const element = await render();
      await fillIn(element, WRONG_PASSWORD);
      const box = await submitForSummary(element);
      await waitUntil(() => document.activeElement === box);
      expect(fieldError(currentInput(element))).to.match(/^Текущий пароль введён неверно\./);
      expect(currentInput(element).getAttribute('aria-invalid')).to.equal('true');
      expect(textOf(box)).to.contain('Текущий пароль введён неверно.');
      expect([currentInput(element).value, newInput(element).value, repeatInput(element).value]).to.deep.equal([
        WRONG_PASSWORD,
        NEW_PASSWORD,
        NEW_PASSWORD,
      ]);
      for (let attempt = 2; attempt <= 5; attempt += 1) await submitForSummary(element);
      expect(await backend.db.captchaRequired(emailKey(DEMO_USER.email))).to.equal(true);
    });

    it('after repeated wrong current passwords, shows the anti-robot check as the login form does, then changes', async () => {
      const element = await render();
      await fillIn(element, WRONG_PASSWORD);
      for (let attempt = 1; attempt <= 5; attempt += 1) await submitForSummary(element);
      expect(element.querySelector('lk-captcha')).to.equal(null);

      currentInput(element).select();
      await sendKeys({ type: DEMO_USER.password });
      const box = await submitForSummary(element);
      expect(textOf(box)).to.contain('Дождитесь, пока пройдёт проверка «Защита от роботов», и нажмите «Сменить пароль» ещё раз.');
      const captcha = await findPart(form(element), 'lk-captcha[part~="captcha"]');
      await waitUntil(() => textOf(captcha).includes('Проверка пройдена'), 'the check never passed');
      await expect(element).to.be.accessible();

      const changed = oneEvent(element, 'lk-password-changed');
      submit(element).click();
      await changed;
      expect(element.querySelector('lk-captcha')).to.equal(null);
      expect((await logIn(backend, { email: DEMO_USER.email, password: NEW_PASSWORD })).status).to.equal(200);
    });

    it('says so when the anti-robot answer did not pass, and runs the check again', async () => {
      pageWorker()!.use(http.post(backend.url('changePassword'), () => problem(403, 'captcha_invalid'), { once: true }));
      const element = await render();
      await fillIn(element);
      const box = await submitForSummary(element);
      expect(textOf(box)).to.contain('Проверка «Защита от роботов» устарела и проходит заново.');
      await findPart(form(element), 'lk-captcha');
    });

    it('says the backend’s word about the new password at that field (password_common)', async () => {
      pageWorker()!.use(
        http.post(backend.url('changePassword'), () => fieldsProblem([{ pointer: '/newPassword', code: 'password_common' }]), { once: true }),
      );
      const element = await render();
      await fillIn(element);
      await submitForSummary(element);
      expect(fieldError(newInput(element))).to.equal('Этот пароль слишком распространён, его легко подобрать. Придумайте другой.');
      expect(newInput(element).value).to.equal(NEW_PASSWORD);
    });

    it('sends one request for a double click and an Enter', async () => {
      const element = await render();
      await backend.latency.set(50);
      await fillIn(element);
      const requests = countRequests(backend);
      const changed = oneEvent(element, 'lk-password-changed');
      submit(element).click();
      submit(element).click();
      repeatInput(element).focus();
      await press('Enter');
      await changed;
      expect(changeCalls(requests)).to.equal(1);
      requests.stop();
    });

    it('shows the logged-out state, without the typed passwords, when the session has ended (401)', async () => {
      const element = await render();
      await fillIn(element);
      await backend.db.transact((state) => {
        state.sessions = {};
      });
      submit(element).click();
      await findPart(element, '[part~="logged-out"]');
      expect(element.querySelector('form')).to.equal(null);
      expect(element.querySelector('[part~="fault"]')).to.equal(null);
      // Logged in again, the form is empty: no password typed before stays behind.
      const { user } = (await (await logIn(backend)).json()) as { user: User };
      element.closest('lk-provider')!.environment.session.signedIn(user);
      await findPart(element, 'form[part~="password-change"]');
      expect([currentInput(element).value, newInput(element).value, repeatInput(element).value]).to.deep.equal(['', '', '']);
    });
  });

  describe('with a strict login throttle', () => {
    const strict = useMockBackend({ apiBase: '/strict-api/', throttle: { maxAttempts: 2, maxFailures: 5, window: 15 * 60_000 } });

    it('says how long to wait after too many attempts, sends nothing until then, then works again', async () => {
      // The login is the first attempt, a wrong current password the second, the next one is refused.
      const element = await renderOn(strict);
      await fillIn(element, WRONG_PASSWORD);
      await submitForSummary(element);
      expect(fieldError(currentInput(element))).to.contain('Текущий пароль введён неверно.');
      await submitForSummary(element);
      expect(textOf(summary(element))).to.match(/Слишком много попыток\. Повторите через 15 минут\./);

      const requests = countRequests(strict);
      await submitForSummary(element);
      expect(textOf(summary(element))).to.match(/Слишком много попыток\. Повторите через \d+ (минут|минуты|минуту)\./);
      expect(changeCalls(requests)).to.equal(0);
      expect(currentInput(element).value).to.equal(WRONG_PASSWORD);
      requests.stop();

      await strict.clock.advance(15 * 60_000 + 1000);
      currentInput(element).select();
      await sendKeys({ type: DEMO_USER.password });
      const changed = oneEvent(element, 'lk-password-changed');
      submit(element).click();
      await changed;
    });
  });

  describe('server errors and network faults', () => {
    // A password change answers 204 without a body: an unreadable body is a fault, a JSON one of any shape is ignored.
    for (const [fault, message] of [
      ['server-error', 'На сервере произошла ошибка'],
      ['malformed', 'не удалось прочитать'],
      ['network-error', 'Нет связи с сервером'],
      ['timeout', 'Сервер не ответил вовремя'],
    ] as const) {
      it(`ends a ${fault} with a message, keeps the input and retries`, async () => {
        await backend.faults.set('changePassword', fault);
        const client = createClient({ baseUrl: backend.apiBase, timeout: 300, retryDelay: () => 0 });
        const element = await render({}, { client });
        const failed = oneEvent(element, 'lk-error');
        await fillIn(element);
        submit(element).click();
        await failed;
        const alert = await findPart(form(element), '[part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain(message);
        expect(textOf(status(element)), 'no spinner left').to.equal('');
        expect([currentInput(element).value, newInput(element).value, repeatInput(element).value]).to.deep.equal([
          DEMO_USER.password,
          NEW_PASSWORD,
          NEW_PASSWORD,
        ]);
        await backend.faults.clear();
        const changed = oneEvent(element, 'lk-password-changed');
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await changed;
        await waitUntil(() => textOf(status(element)).startsWith('Пароль изменён'));
        expect(form(element).querySelector('[part~="fault"]')).to.equal(null);
      });
    }

    it('says when the session could not be checked, and retries', async () => {
      await backend.faults.set('session', 'server-error');
      await logIn(backend);
      // No waits between the client's retries of the GET: the fault shows at once.
      const element = await render({ loggedIn: false }, { client: createClient({ baseUrl: backend.apiBase, retryDelay: () => 0 }) });
      const alert = await findPart(element, '[part~="fault"]');
      expect(textOf(alert)).to.contain('На сервере произошла ошибка');
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await findPart(element, 'form[part~="password-change"]');
      await expect(element).to.be.accessible();
    });
  });

  describe('keyboard only', () => {
    it('changes the password with the keyboard alone', async () => {
      const element = await render();
      currentInput(element).focus();
      await sendKeys({ type: DEMO_USER.password });
      await press('Tab');
      expect(document.activeElement).to.equal(newInput(element));
      await sendKeys({ type: NEW_PASSWORD });
      await press('Tab');
      expect(document.activeElement).to.equal(repeatInput(element));
      await sendKeys({ type: NEW_PASSWORD });
      await press('Tab');
      expect(document.activeElement).to.equal(toggle(element));
      await press('Space');
      await waitUntil(() => currentInput(element).type === 'text');
      await press('Tab');
      expect(document.activeElement).to.equal(form(element).querySelector('[part~="link-recover"]'));
      await press('Tab');
      expect(document.activeElement).to.equal(submit(element));
      const changed = oneEvent(element, 'lk-password-changed');
      await press('Enter');
      await changed;
    });

    it('never stops on the hidden username: Shift+Tab from the current password leaves the form', async () => {
      const element = await render();
      currentInput(element).focus();
      await press('Shift+Tab');
      expect(document.activeElement).not.to.equal(usernameInput(element));
    });
  });
});

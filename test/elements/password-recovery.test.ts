import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { SESSION_COOKIE } from '../../mocks/sessions.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { LkPasswordRecoveryElement } from '../../src/elements/password-recovery/password-recovery.js';
import '../../src/entries/password-recovery.js';
import { DEMO_USER, jarCookies, lastLetter, logIn, mockFetch, sessionUserId, useMockBackend } from '../mocks/helpers.js';
import { badEmails, BAD_NEW_PASSWORDS, COMMON_NEW_PASSWORD } from './bad-input.js';
import { countRequests, findPart, pasteInto, press, renderWithBackend, textOf, typeInto, expectTargetsAtLeast24 } from './helpers.js';

const NEW_PASSWORD = 'Pskov2026';

describe('<lk-password-recovery>', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });

  // Step 2 reads its token from the page's address: every test gets the address back as it was.
  let address: string;
  beforeEach(() => {
    address = location.href;
  });
  afterEach(() => {
    history.replaceState(history.state, '', address);
  });

  interface Options {
    param?: string;
    loginHref?: string;
  }
  const render = ({ param, loginHref }: Options = {}, provider = {}) =>
    renderWithBackend<LkPasswordRecoveryElement>(
      backend,
      html`<lk-password-recovery param=${ifDefined(param)} login-href=${ifDefined(loginHref)}></lk-password-recovery>`,
      provider,
    );

  const emailInput = (element: Element) => element.querySelector<HTMLInputElement>('input[name="email"]')!;
  const passwordInput = (element: Element) => element.querySelector<HTMLInputElement>('input[name="password"]')!;
  const repeatInput = (element: Element) => element.querySelector<HTMLInputElement>('input[name="password-repeat"]')!;
  const submit = (element: Element) => element.querySelector<HTMLButtonElement>('[part~="submit"]')!;
  const title = (element: Element) => element.querySelector<HTMLElement>('[part~="title"]')!;
  const summary = (element: Element) => element.querySelector<HTMLElement>('[part~="error-summary"]');
  const fieldError = (input: HTMLInputElement) => textOf(input.closest('[part~="field"]')!.querySelector('[part~="field-error"]'));
  const calls = (requests: { paths: string[] }, endpoint: 'recover' | 'reset') =>
    requests.paths.filter((path) => path.endsWith(`/auth/${endpoint}`)).length;

  /** Asks the backend for a reset letter to `email` and returns the letter's link. */
  async function resetLink(email = DEMO_USER.email): Promise<string> {
    expect((await mockFetch(backend, 'recover', { method: 'POST', body: { email } })).status).to.equal(202);
    return (await lastLetter(backend, email, 'reset'))!.link!;
  }

  /** Opens the letter's link on this page: its token among other parameters, and a hash. */
  function openLink(link: string, param = 'lk-reset'): void {
    const token = new URL(link).searchParams.get('lk-reset')!;
    history.replaceState(history.state, '', `${location.pathname}?keep=1&${param}=${encodeURIComponent(token)}#section`);
  }

  /** Opens a fresh reset link for the demo user and renders the element on it. */
  async function renderResetStep(options: Options = {}) {
    openLink(await resetLink(), options.param);
    const element = await render(options);
    expect(element.state).to.equal('reset');
    return element;
  }

  async function fillIn(element: Element, password = NEW_PASSWORD, repeat = password) {
    if (password) await typeInto(passwordInput(element), password);
    if (repeat) await typeInto(repeatInput(element), repeat);
  }

  describe('accessibility', () => {
    it('is accessible when asking for the e-mail', async () => {
      await expect(await render()).to.be.accessible();
    });

    it('is accessible with errors shown', async () => {
      const element = await render();
      submit(element).click();
      await findPart(element, '[part~="error-summary"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible when the link is sent', async () => {
      const element = await render();
      await typeInto(emailInput(element), DEMO_USER.email);
      submit(element).click();
      await waitUntil(() => element.state === 'sent');
      await expect(element).to.be.accessible();
    });

    it('is accessible when asking for the new password, rules half met', async () => {
      const element = await renderResetStep();
      await typeInto(passwordInput(element), 'abc');
      await expect(element).to.be.accessible();
    });

    it('is accessible with the new password’s errors shown', async () => {
      const element = await renderResetStep();
      submit(element).click();
      await findPart(element, '[part~="error-summary"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible when the password is changed', async () => {
      const element = await renderResetStep();
      await fillIn(element);
      submit(element).click();
      await waitUntil(() => element.state === 'changed');
      await expect(element).to.be.accessible();
    });

    it('is accessible when the link is refused', async () => {
      openLink('http://localhost/?lk-reset=not-a-token');
      const element = await render();
      expect(element.state).to.equal('invalid');
      await expect(element).to.be.accessible();
    });

    it('is accessible with a fault and its retry button', async () => {
      await backend.faults.set('recover', 'server-error');
      const element = await render();
      await typeInto(emailInput(element), DEMO_USER.email);
      submit(element).click();
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible in English', async () => {
      await expect(await render({}, { locale: 'en' })).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('asks for the e-mail when the address has no token', async () => {
      const element = await render();
      expect(element.state).to.equal('request');
      expect(element.shadowRoot).to.equal(null);
      expect(textOf(title(element))).to.equal('Восстановление пароля');
      expect(textOf(element.querySelector(`label[for="${emailInput(element).id}"]`))).to.equal('E-mail (логин)');
      expect(emailInput(element).autocomplete).to.equal('username');
      expect(textOf(submit(element))).to.equal('Выслать ссылку');
      expect(textOf(element.querySelector('[part~="link-login"]'))).to.equal('← вход в Личный кабинет');
    });

    it('asks for the new password in a real form that password managers understand', async () => {
      const element = await renderResetStep();
      const form = element.querySelector('form')!;
      const username = form.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
      expect(username.hidden).to.equal(true);
      expect(passwordInput(element).form).to.equal(form);
      expect(passwordInput(element).autocomplete).to.equal('new-password');
      expect(repeatInput(element).autocomplete).to.equal('new-password');
      expect(passwordInput(element).type).to.equal('password');
      expect(textOf(element.querySelector(`label[for="${passwordInput(element).id}"]`))).to.equal('Новый пароль');
      expect(textOf(element.querySelector(`label[for="${repeatInput(element).id}"]`))).to.equal('Повторите пароль');
      expect(textOf(element.querySelector('[part~="toggle-password"]'))).to.equal('Показать пароль');
      expect(textOf(element.querySelector('[part~="password-rules"]'))).to.contain('От 5 до 10 символов');
    });

    it('keeps targets at least 24 by 24 CSS pixels', async () => {
      const element = await renderResetStep();
      expectTargetsAtLeast24(element);
    });
  });

  describe('attributes', () => {
    it('reads the token from the parameter named by param, and removes only it from the address', async () => {
      const element = await renderResetStep({ param: 'reset-token' });
      expect(element.state).to.equal('reset');
      expect(location.search).to.equal('?keep=1');
      expect(location.hash).to.equal('#section');
    });

    it('speaks English with locale="en"', async () => {
      const element = await render({}, { locale: 'en' });
      expect(textOf(title(element))).to.equal('Password recovery');
      expect(element.lang).to.equal('en');
    });

    it('renders a real link from login-href, and asks the navigator otherwise', async () => {
      const linked = await render({ loginHref: '/login' });
      expect(linked.querySelector('[part~="link-login"]')!.getAttribute('href')).to.equal('/login');

      const visited: NavigateTarget[] = [];
      const element = await render({}, { navigator: (to: NavigateTarget) => visited.push(to) });
      const navigated = oneEvent(element, 'lk-navigate');
      element.querySelector<HTMLElement>('[part~="link-login"]')!.click();
      expect((await navigated).detail.to).to.equal('login');
      expect(visited).to.deep.equal(['login']);
    });
  });

  describe('user input', () => {
    it('asks for a link with the keyboard alone, then moves the focus to the answer', async () => {
      const element = await render();
      await typeInto(emailInput(element), DEMO_USER.email);
      await press('Tab');
      expect(document.activeElement).to.equal(submit(element));
      await press('Enter');
      await waitUntil(() => element.state === 'sent');
      await waitUntil(() => document.activeElement === title(element));
      expect(textOf(title(element))).to.equal('Проверьте почту');
    });

    it('sets the new password with the keyboard alone', async () => {
      const element = await renderResetStep();
      await typeInto(passwordInput(element), NEW_PASSWORD);
      await press('Tab');
      expect(document.activeElement).to.equal(repeatInput(element));
      await sendKeys({ type: NEW_PASSWORD });
      await press('Tab');
      expect(document.activeElement).to.equal(element.querySelector('[part~="toggle-password"]'));
      await press('Tab');
      expect(document.activeElement).to.equal(submit(element));
      const changed = oneEvent(element, 'lk-password-changed');
      await press('Enter');
      expect((await changed).detail).to.deep.equal({});
    });

    it('shows the rules as the user types, and announces a change of state politely', async () => {
      const element = await renderResetStep();
      const live = element.querySelector('[part~="password-rules-live"]')!;
      expect(live.getAttribute('aria-live')).to.equal('polite');
      await typeInto(passwordInput(element), NEW_PASSWORD);
      await element.updateComplete;
      expect(element.querySelector('[part~="password-rule-length"]')!.getAttribute('part')).to.contain('password-rule-met');
      await typeInto(repeatInput(element), NEW_PASSWORD);
      await element.updateComplete;
      expect(element.querySelector('[part~="password-rule-match"]')!.getAttribute('part')).to.contain('password-rule-met');
      expect(textOf(live)).to.equal('Пароли в обоих полях совпадают: выполнено.');
    });
  });

  describe('validation', () => {
    it('sends nothing when the e-mail is empty, and focuses the summary', async () => {
      const element = await render();
      const requests = countRequests(backend);
      submit(element).click();
      const box = await findPart(element, '[part~="error-summary"]');
      await waitUntil(() => document.activeElement === box);
      expect(textOf(box)).to.contain('Введите адрес электронной почты.');
      expect(emailInput(element).getAttribute('aria-invalid')).to.equal('true');
      expect(calls(requests, 'recover')).to.equal(0);
      requests.stop();
    });

    for (const [name, value] of badEmails('tags')) {
      it(`explains a bad e-mail (${name}), sends nothing and keeps it`, async () => {
        const element = await render();
        const requests = countRequests(backend);
        if (value.length > 40) pasteInto(emailInput(element), value);
        else await typeInto(emailInput(element), value);
        submit(element).click();
        await waitUntil(() => fieldError(emailInput(element)));
        expect(fieldError(emailInput(element))).to.match(/адрес|электронной почты|раскладке|символ/i);
        expect(emailInput(element).value).to.equal(value);
        expect(calls(requests, 'recover')).to.equal(0);
        requests.stop();
      });
    }

    const badPasswords = [['empty', '', /^Введите пароль\.$/] as const, ...BAD_NEW_PASSWORDS, COMMON_NEW_PASSWORD];
    for (const [name, value, message] of badPasswords) {
      it(`explains a bad new password (${name}), sends nothing and keeps it`, async () => {
        const element = await renderResetStep();
        const requests = countRequests(backend);
        await fillIn(element, value);
        submit(element).click();
        // A password over the limit is flagged while typing: the submit's verdict is in once the summary is.
        await waitUntil(() => summary(element) && fieldError(passwordInput(element)));
        expect(fieldError(passwordInput(element))).to.match(message);
        expect(passwordInput(element).value).to.equal(value);
        expect(repeatInput(element).value).to.equal(value);
        expect(calls(requests, 'reset')).to.equal(0);
        requests.stop();
      });
    }

    for (const [name, value] of badPasswords) {
      it(`explains a repeat that does not match (${name}), sends nothing and keeps it`, async () => {
        const element = await renderResetStep();
        const requests = countRequests(backend);
        await fillIn(element, NEW_PASSWORD, value);
        submit(element).click();
        await waitUntil(() => fieldError(repeatInput(element)));
        expect(fieldError(repeatInput(element))).to.match(value ? /Пароли не совпадают/ : /Введите пароль ещё раз/);
        expect(repeatInput(element).value).to.equal(value);
        expect(calls(requests, 'reset')).to.equal(0);
        requests.stop();
      });
    }
  });

  describe('submission', () => {
    it('works end to end: link by e-mail, the letter, a new password, log in with it', async () => {
      const element = await render();
      await typeInto(emailInput(element), DEMO_USER.email);
      submit(element).click();
      await waitUntil(() => element.state === 'sent');
      const letter = (await lastLetter(backend, DEMO_USER.email, 'reset'))!;
      expect(letter, 'a reset letter').to.exist;
      const until = textOf(element).match(/действительна до (\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2})/)?.[1];
      expect(until, textOf(element)).to.be.a('string');
      expect(letter.body).to.contain(until!.replace(',', ''));

      openLink(letter.link!);
      const reset = await render();
      expect(reset.state).to.equal('reset');
      expect(location.search, 'the token is gone from the address').to.equal('?keep=1');
      expect(location.hash).to.equal('#section');
      await fillIn(reset);
      const changed = oneEvent(reset, 'lk-password-changed');
      submit(reset).click();
      await changed;
      await waitUntil(() => reset.state === 'changed');
      await waitUntil(() => document.activeElement === title(reset));
      expect(textOf(title(reset))).to.equal('Пароль изменён');
      expect(textOf(reset.querySelector('[part~="link-login"]'))).to.equal('Войти в Личный кабинет');
      expect((await lastLetter(backend, DEMO_USER.email))?.kind).to.equal('password-changed');

      expect((await logIn(backend, { email: DEMO_USER.email, password: NEW_PASSWORD })).status).to.equal(200);
      expect((await logIn(backend, DEMO_USER)).status).to.equal(401);
    });

    it('gives the same answer for an address that is not registered', async () => {
      const known = await render();
      await typeInto(emailInput(known), DEMO_USER.email);
      submit(known).click();
      await waitUntil(() => known.state === 'sent');

      const unknown = await render();
      const nobody = 'nobody@example.ru';
      await typeInto(emailInput(unknown), nobody);
      submit(unknown).click();
      await waitUntil(() => unknown.state === 'sent');
      // The two answers may straddle a minute: the expiry's time of day is left out of the comparison.
      const withoutTime = (text: string) => text.replace(/\d{2}:\d{2}/, 'HH:MM');
      expect(withoutTime(textOf(unknown))).to.equal(withoutTime(textOf(known).replace(DEMO_USER.email, nobody)));
      expect(await lastLetter(backend, nobody)).to.equal(undefined);
    });

    it('says how long to wait when links are asked for too often, and works again after it', async () => {
      await resetLink();
      const element = await render();
      await typeInto(emailInput(element), DEMO_USER.email);
      submit(element).click();
      await waitUntil(() => textOf(summary(element)).includes('не чаще раза в минуту'));
      expect(textOf(summary(element))).to.match(/Повторите через \d+ (секунд|минут)/);
      expect(emailInput(element).value).to.equal(DEMO_USER.email);

      await backend.clock.advance(61_000);
      submit(element).click();
      await waitUntil(() => element.state === 'sent');
    });

    it('ends the user’s other sessions', async () => {
      expect((await logIn(backend)).status).to.equal(200);
      const otherDevice = (await jarCookies(backend))[SESSION_COOKIE]!;
      expect(otherDevice).to.be.a('string').and.not.equal('');
      expect((await mockFetch(backend, 'session')).status).to.equal(200);

      const element = await renderResetStep();
      await fillIn(element);
      submit(element).click();
      await waitUntil(() => element.state === 'changed');

      // The other device still holds its cookie: the backend must no longer know it.
      await setSessionCookie(otherDevice);
      expect(await sessionUserId(backend)).to.equal(null);
    });

    it('says when the link has expired, and leads back to asking for a new one', async () => {
      const element = await renderResetStep();
      await backend.clock.advance(61 * 60_000);
      await fillIn(element);
      submit(element).click();
      await waitUntil(() => element.state === 'expired');
      expect(textOf(title(element))).to.equal('Срок действия ссылки истёк');
      await waitUntil(() => document.activeElement === title(element));
      const again = element.querySelector<HTMLButtonElement>('[part~="request-again"]')!;
      expect(textOf(again)).to.equal('Запросить новую ссылку');
      again.click();
      await waitUntil(() => element.state === 'request');
      await waitUntil(() => document.activeElement === title(element));
      expect(emailInput(element)).to.exist;
    });

    it('says when the link has been used already', async () => {
      const link = await resetLink();
      const token = new URL(link).searchParams.get('lk-reset')!;
      expect((await mockFetch(backend, 'reset', { method: 'POST', body: { token, password: 'Other2026' } })).status).to.equal(204);
      openLink(link);
      const element = await render();
      await fillIn(element);
      submit(element).click();
      await waitUntil(() => element.state === 'used');
      expect(textOf(element)).to.contain('пароль уже меняли');
      expect(element.querySelector('[part~="request-again"]')).to.exist;
    });

    it('says when the link is not valid: unknown to the backend, or not a token at all', async () => {
      openLink(`http://localhost/?lk-reset=${'A'.repeat(43)}`);
      const unknown = await render();
      await fillIn(unknown);
      submit(unknown).click();
      await waitUntil(() => unknown.state === 'invalid');
      expect(textOf(unknown)).to.contain('Ссылка недействительна');

      const requests = countRequests(backend);
      openLink('http://localhost/?lk-reset=cut-sh');
      const broken = await render();
      expect(broken.state).to.equal('invalid');
      expect(location.search).to.equal('?keep=1');
      expect(calls(requests, 'reset')).to.equal(0);
      requests.stop();
    });

    it('sends one request for a double click and an Enter', async () => {
      const element = await renderResetStep();
      await backend.latency.set(50);
      await fillIn(element);
      const requests = countRequests(backend);
      const changed = oneEvent(element, 'lk-password-changed');
      submit(element).click();
      submit(element).click();
      repeatInput(element).focus();
      await press('Enter');
      await changed;
      expect(calls(requests, 'reset')).to.equal(1);
      requests.stop();
    });
  });

  describe('server errors and network faults', () => {
    it('ends a failed request for a link with a message and a retry', async () => {
      await backend.faults.set('recover', 'server-error');
      const element = await render();
      const failed = oneEvent(element, 'lk-error');
      await typeInto(emailInput(element), DEMO_USER.email);
      submit(element).click();
      await failed;
      const alert = await findPart(element, '[part~="fault"]');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(textOf(alert)).to.contain('На сервере произошла ошибка');
      expect(emailInput(element).value).to.equal(DEMO_USER.email);
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => element.state === 'sent');
    });

    for (const [fault, message] of [
      ['network-error', 'Нет связи с сервером'],
      // A reset answers 204 without a body: an unreadable body is a fault, a JSON one of any shape is ignored.
      ['server-error', 'На сервере произошла ошибка'],
      ['malformed', 'не удалось прочитать'],
    ] as const) {
      it(`ends a ${fault} while saving the password with a message, keeps the input and retries`, async () => {
        const element = await renderResetStep();
        await backend.faults.set('reset', fault);
        await fillIn(element);
        submit(element).click();
        const alert = await findPart(element, '[part~="fault"]');
        expect(textOf(alert)).to.contain(message);
        expect(passwordInput(element).value).to.equal(NEW_PASSWORD);
        await backend.faults.clear();
        const changed = oneEvent(element, 'lk-password-changed');
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await changed;
      });
    }
  });

  /** Puts a session cookie into msw's emulated jar, as a device that kept it would send it. */
  async function setSessionCookie(id: string): Promise<void> {
    const url = new URL('__test-set-session-cookie', backend.apiBase).href;
    const path = new URL(backend.apiBase).pathname;
    pageWorker()!.use(
      http.get(url, () => new HttpResponse(null, { status: 204, headers: { 'Set-Cookie': `${SESSION_COOKIE}=${id}; Path=${path}` } }), {
        once: true,
      }),
    );
    await fetch(url);
  }
});

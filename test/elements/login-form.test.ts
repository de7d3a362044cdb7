import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { createClient } from '../../src/api/client.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { LkLoginFormElement } from '../../src/elements/login-form/login-form.js';
import '../../src/entries/login-form.js';
import { DEMO_USER, UNCONFIRMED_USER, useMockBackend } from '../mocks/helpers.js';
import { FAULTS, badEmails } from './bad-input.js';
import { countRequests, findPart, pasteInto, press, renderWithBackend, textOf, typeInto, expectTargetsAtLeast24 } from './helpers.js';

describe('<lk-login-form>', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });

  const render = (attributes = html``, provider = {}) =>
    renderWithBackend<LkLoginFormElement>(backend, html`<lk-login-form>${attributes}</lk-login-form>`, provider);
  const emailInput = (form: Element) => form.querySelector<HTMLInputElement>('input[name="email"]')!;
  const passwordInput = (form: Element) => form.querySelector<HTMLInputElement>('input[name="password"]')!;
  const submit = (form: Element) => form.querySelector<HTMLButtonElement>('[part~="submit"]')!;
  const summary = (form: Element) => form.querySelector<HTMLElement>('[part~="error-summary"]');

  const mockLogin = (email: string, password: string) =>
    fetch(new URL('auth/login', backend.apiBase), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'lk-widgets' },
      body: JSON.stringify({ email, password }),
    });

  async function fillAndSubmit(form: LkLoginFormElement, email: string, password: string) {
    if (email) await typeInto(emailInput(form), email);
    if (password) await typeInto(passwordInput(form), password);
    submit(form).click();
  }

  describe('accessibility', () => {
    it('is accessible when empty', async () => {
      const form = await render();
      await expect(form).to.be.accessible();
    });

    it('is accessible with errors shown', async () => {
      const form = await render();
      submit(form).click();
      await findPart(form, '[part~="error-summary"]');
      await expect(form).to.be.accessible();
    });

    it('is accessible with a fault and its retry button', async () => {
      await backend.faults.set('login', 'server-error');
      const form = await render();
      await fillAndSubmit(form, DEMO_USER.email, DEMO_USER.password);
      await findPart(form, '[part~="fault"]');
      await expect(form).to.be.accessible();
    });

    it('is accessible after a wrong password', async () => {
      const form = await render();
      await fillAndSubmit(form, DEMO_USER.email, 'wrong1');
      await findPart(form, '[part~="error-summary"]');
      await expect(form).to.be.accessible();
    });

    it('is accessible while logging in', async () => {
      await backend.faults.set('login', 'timeout');
      const form = await render();
      await fillAndSubmit(form, DEMO_USER.email, DEMO_USER.password);
      await waitUntil(() => textOf(form.querySelector('[part~="status"]')) === 'Выполняется вход…');
      await expect(form).to.be.accessible();
    });

    it('is accessible in English', async () => {
      const form = await render(html``, { locale: 'en' });
      await expect(form).to.be.accessible();
    });

    it('is accessible when logged in', async () => {
      const form = await render();
      await fillAndSubmit(form, DEMO_USER.email, DEMO_USER.password);
      await findPart(form, '[part~="signed-in"]');
      await expect(form).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('renders a real form in the page DOM, which password managers can see', async () => {
      const form = await render();
      expect(form.shadowRoot).to.equal(null);
      const nativeForm = form.querySelector('form')!;
      expect(nativeForm).to.exist;
      expect(document.querySelector('lk-login-form form input[autocomplete="username"]')).to.equal(emailInput(form));
      expect(passwordInput(form).autocomplete).to.equal('current-password');
      expect(passwordInput(form).type).to.equal('password');
      expect(submit(form).type).to.equal('submit');
    });

    it('speaks Russian with the seed wording', async () => {
      const form = await render();
      expect(textOf(form.querySelector(`label[for="${emailInput(form).id}"]`))).to.equal('E-mail (логин)');
      expect(textOf(submit(form))).to.equal('Войти');
      expect(textOf(form.querySelector('[part~="toggle-password"]'))).to.equal('Показать пароль');
      expect(form.lang).to.equal('ru');
    });

    it('gives every instance its own ids', async () => {
      const wrapper = await renderWithBackend<HTMLElement>(backend, html`<div><lk-login-form></lk-login-form><lk-login-form></lk-login-form></div>`);
      const ids = [...wrapper.querySelectorAll('[id]')].map((node) => node.id);
      expect(new Set(ids).size).to.equal(ids.length);
    });

    it('keeps inputs at least 24 by 24 CSS pixels', async () => {
      const form = await render();
      expectTargetsAtLeast24(form);
    });
  });

  describe('attributes', () => {
    it('speaks English with locale="en"', async () => {
      const form = await render(html``, { locale: 'en' });
      await form.updateComplete;
      expect(textOf(submit(form))).to.equal('Log in');
      expect(form.lang).to.equal('en');
    });

    it('renders real links from register-href and recover-href', async () => {
      const wrapper = await renderWithBackend<HTMLElement>(
        backend,
        html`<div><lk-login-form register-href="/register" recover-href="/recover"></lk-login-form></div>`,
      );
      const form = wrapper.querySelector('lk-login-form')!;
      await form.updateComplete;
      expect(form.querySelector<HTMLAnchorElement>('[part~="link-register"]')!.getAttribute('href')).to.equal('/register');
      expect(form.querySelector<HTMLAnchorElement>('[part~="link-recover"]')!.getAttribute('href')).to.equal('/recover');
    });

    it('asks the navigator to go to registration unless lk-navigate is cancelled', async () => {
      const visited: NavigateTarget[] = [];
      const form = await render(html``, { navigator: (to: NavigateTarget) => visited.push(to) });
      const link = form.querySelector<HTMLElement>('[part~="link-register"]')!;
      setTimeout(() => link.click());
      const event = await oneEvent(form, 'lk-navigate');
      expect(event.detail.to).to.equal('register');
      expect(event.cancelable).to.equal(true);
      expect(visited).to.deep.equal(['register']);

      form.addEventListener('lk-navigate', (cancel) => cancel.preventDefault(), { once: true });
      form.querySelector<HTMLElement>('[part~="link-recover"]')!.click();
      expect(visited).to.deep.equal(['register']);
    });
  });

  describe('user input', () => {
    it('logs in with the keyboard alone', async () => {
      const form = await render();
      emailInput(form).focus();
      await press('Shift+Tab');
      await press('Tab');
      expect(document.activeElement).to.equal(emailInput(form));
      await typeInto(emailInput(form), DEMO_USER.email);
      await press('Tab');
      expect(document.activeElement).to.equal(passwordInput(form));
      await press('Tab');
      expect(document.activeElement).to.equal(form.querySelector('[part~="toggle-password"]'));
      await press('Shift+Tab');
      await typeInto(passwordInput(form), DEMO_USER.password);
      const loggedIn = oneEvent(form, 'lk-login');
      await press('Enter');
      const { detail } = await loggedIn;
      expect(detail.user.email).to.equal(DEMO_USER.email);
    });

    it('shows the password with a pressed button, keeping the value and the caret', async () => {
      const form = await render();
      await typeInto(passwordInput(form), 'abc123');
      passwordInput(form).setSelectionRange(2, 2);
      const toggle = form.querySelector<HTMLButtonElement>('[part~="toggle-password"]')!;
      expect(toggle.type).to.equal('button');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await waitUntil(() => passwordInput(form).type === 'text');
      await form.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(passwordInput(form).value).to.equal('abc123');
      expect(passwordInput(form).selectionStart).to.equal(2);
    });

    it('masks the password again on submit', async () => {
      const form = await render();
      form.querySelector<HTMLButtonElement>('[part~="toggle-password"]')!.click();
      await waitUntil(() => passwordInput(form).type === 'text');
      submit(form).click();
      await waitUntil(() => passwordInput(form).type === 'password');
    });
  });

  describe('validation', () => {
    it('sends nothing when empty, and focuses a summary that links to each field', async () => {
      const form = await render();
      const requests = countRequests(backend);
      submit(form).click();
      const box = await findPart(form, '[part~="error-summary"]');
      await waitUntil(() => document.activeElement === box);
      const links = [...box.querySelectorAll<HTMLAnchorElement>('a')];
      expect(links.map((link) => link.hash)).to.deep.equal([`#${emailInput(form).id}`, `#${passwordInput(form).id}`]);
      expect(textOf(box)).to.contain('Введите адрес электронной почты.');
      expect(textOf(box)).to.contain('Введите пароль.');
      expect(emailInput(form).getAttribute('aria-invalid')).to.equal('true');
      const describedBy = emailInput(form).getAttribute('aria-describedby')!;
      expect(textOf(document.getElementById(describedBy))).to.equal('Введите адрес электронной почты.');
      links[1]!.click();
      expect(document.activeElement).to.equal(passwordInput(form));
      expect(requests.count).to.equal(0);
      requests.stop();
    });

    for (const [name, value] of badEmails('script')) {
      it(`explains a bad e-mail (${name}), sends nothing and keeps it`, async () => {
        const form = await render();
        const requests = countRequests(backend);
        // Long values are pasted: typing hundreds of keys is slow and proves nothing more.
        if (value.length > 40) pasteInto(emailInput(form), value);
        await fillAndSubmit(form, value.length > 40 ? '' : value, 'secret1');
        await findPart(form, '[part~="field-error"]');
        const message = textOf(form.querySelector('[part~="field-error"]'));
        expect(message).to.match(/адрес|электронной почты|раскладке|символ/i);
        expect(emailInput(form).value).to.equal(value);
        expect(passwordInput(form).value).to.equal('secret1');
        expect(requests.count).to.equal(0);
        requests.stop();
      });
    }

    it('refuses a too-long pasted password without shortening it', async () => {
      const form = await render();
      const requests = countRequests(backend);
      const pasted = 'x'.repeat(300);
      pasteInto(passwordInput(form), pasted);
      await fillAndSubmit(form, DEMO_USER.email, '');
      await findPart(form, '[part~="field-error"]');
      expect(textOf(form.querySelector('[part~="field-error"]'))).to.contain('Пароль слишком длинный');
      expect(passwordInput(form).value).to.equal(pasted);
      expect(requests.count).to.equal(0);
      requests.stop();
    });

    it('never applies the registration password rule', async () => {
      const form = await render();
      const requests = countRequests(backend);
      await fillAndSubmit(form, DEMO_USER.email, 'пароль с пробелами!');
      await findPart(form, '[part~="error-summary"]');
      expect(requests.paths.filter((path) => path.endsWith('auth/login'))).to.have.length(1);
      requests.stop();
    });
  });

  describe('submission', () => {
    it('logs in: fires lk-login, sets the session and names the user', async () => {
      const form = await render();
      const loggedIn = oneEvent(form, 'lk-login');
      await fillAndSubmit(form, DEMO_USER.email, DEMO_USER.password);
      const { detail } = await loggedIn;
      expect(detail.user).to.include({ email: DEMO_USER.email, emailConfirmed: true });
      await findPart(form, '[part~="signed-in"]');
      expect(textOf(form)).to.contain(`Вы вошли как ${DEMO_USER.email}.`);
    });

    it('stays logged in across a reload (the session cookie)', async () => {
      const first = await render();
      await fillAndSubmit(first, DEMO_USER.email, DEMO_USER.password);
      await findPart(first, '[part~="signed-in"]');
      const second = await render();
      await findPart(second, '[part~="signed-in"]');
    });

    it('logs out on the backend with "Выйти"', async () => {
      const form = await render();
      await fillAndSubmit(form, DEMO_USER.email, DEMO_USER.password);
      const logout = await findPart<HTMLButtonElement>(form, '[part~="logout"]');
      const loggedOut = oneEvent(form, 'lk-logout');
      logout.click();
      expect((await loggedOut).detail.reason).to.equal('user');
      await findPart(form, 'form');
      const again = await render();
      await findPart(again, 'form');
    });

    it('says one thing for a wrong password and for an unknown e-mail', async () => {
      const form = await render();
      await fillAndSubmit(form, DEMO_USER.email, 'wrong1');
      const wrongPassword = textOf(await findPart(form, '[part~="error-summary"]'));
      const other = await render();
      await fillAndSubmit(other, 'nobody@example.ru', 'wrong1');
      const unknownEmail = textOf(await findPart(other, '[part~="error-summary"]'));
      expect(wrongPassword).to.equal(unknownEmail);
      expect(wrongPassword).to.contain('Неверный e-mail или пароль');
    });

    it('sends one request for a double click and an Enter', async () => {
      await backend.latency.set(50);
      const form = await render();
      await typeInto(emailInput(form), DEMO_USER.email);
      await typeInto(passwordInput(form), DEMO_USER.password);
      const requests = countRequests(backend);
      const loggedIn = oneEvent(form, 'lk-login');
      submit(form).click();
      submit(form).click();
      await press('Enter');
      await loggedIn;
      expect(requests.paths.filter((path) => path.endsWith('auth/login'))).to.have.length(1);
      requests.stop();
    });

    it('says how long to wait after too many attempts, and waits on the clock', async () => {
      const form = await render();
      for (let attempt = 0; attempt < 20; attempt++) await mockLogin('nobody@example.ru', 'wrong1');
      await fillAndSubmit(form, DEMO_USER.email, DEMO_USER.password);
      await waitUntil(() => textOf(summary(form)).includes('Слишком много попыток'));
      expect(textOf(summary(form))).to.match(/через \d+ минут/);

      const requests = countRequests(backend);
      submit(form).click();
      await form.updateComplete;
      expect(requests.count, 'no request while the wait lasts').to.equal(0);

      await backend.clock.advance(15 * 60_000);
      const loggedIn = oneEvent(form, 'lk-login');
      submit(form).click();
      await loggedIn;
      requests.stop();
    });
  });

  describe('the anti-robot check and the unconfirmed e-mail', () => {
    it('asks for the anti-robot check after repeated failures, then logs in', async () => {
      const form = await render();
      for (let attempt = 0; attempt < 5; attempt++) {
        await mockLogin(DEMO_USER.email, 'wrong1');
      }
      await fillAndSubmit(form, DEMO_USER.email, DEMO_USER.password);
      await waitUntil(() => textOf(summary(form)).includes('Защита от роботов'));
      const captcha = await findPart(form, 'lk-captcha');
      await waitUntil(() => textOf(captcha).includes('Проверка пройдена'), 'the check never passed');
      await expect(form).to.be.accessible();
      const loggedIn = oneEvent(form, 'lk-login');
      submit(form).click();
      expect((await loggedIn).detail.user.email).to.equal(DEMO_USER.email);
    });

    it('tells an unconfirmed user until when the link works, and sends a new one', async () => {
      const form = await render();
      await fillAndSubmit(form, UNCONFIRMED_USER.email, UNCONFIRMED_USER.password);
      const unconfirmed = await findPart(form, '[part~="unconfirmed"]');
      expect(textOf(unconfirmed)).to.contain('ещё не подтверждён');
      expect(textOf(unconfirmed)).to.match(/Ссылка действительна до \d{2}\.\d{2}\.\d{4}/);
      await expect(form).to.be.accessible();
      const before = (await backend.outbox.list()).length;
      unconfirmed.querySelector<HTMLButtonElement>('[part~="resend"]')!.click();
      await waitUntil(() => textOf(form.querySelector('[part~="status"]')).includes('Новая ссылка отправлена'));
      expect((await backend.outbox.list()).length).to.equal(before + 1);

      unconfirmed.querySelector<HTMLButtonElement>('[part~="resend"]')!.click();
      await waitUntil(() => textOf(summary(form)).includes('не чаще раза в минуту'));
      expect(textOf(form.querySelector('[part~="status"]')), 'no stale status beside the wait').to.equal('');
      expect((await backend.outbox.list()).length).to.equal(before + 1);
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} with a message, keeps the input and retries`, async () => {
        await backend.faults.set('login', fault);
        const form = await render();
        const failed = oneEvent(form, 'lk-error');
        await fillAndSubmit(form, DEMO_USER.email, DEMO_USER.password);
        await failed;
        const alert = await findPart(form, '[part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain(message);
        expect(emailInput(form).value).to.equal(DEMO_USER.email);
        expect(passwordInput(form).value).to.equal(DEMO_USER.password);
        await backend.faults.clear();
        const loggedIn = oneEvent(form, 'lk-login');
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await loggedIn;
      });
    }

    it('ends a timeout with a message and a retry, never an endless spinner', async () => {
      await backend.faults.set('login', 'timeout');
      const form = await render(html``, { client: createClient({ baseUrl: backend.apiBase, timeout: 200 }) });
      await fillAndSubmit(form, DEMO_USER.email, DEMO_USER.password);
      const alert = await findPart(form, '[part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      expect(textOf(form.querySelector('[part~="status"]'))).to.equal('');
    });

    it('renders what the backend sends as text, never as markup', async () => {
      const markup = '<img src=x onerror="window.__lkInjected=1">';
      pageWorker()!.use(
        http.get(new URL('auth/session', backend.apiBase).href, () =>
          HttpResponse.json({ user: { id: 'u1', email: markup, emailConfirmed: true, confirmUntil: null } }),
        ),
      );
      const form = await render();
      await findPart(form, '[part~="signed-in"]');
      expect(form.querySelector('img')).to.equal(null);
      expect(textOf(form)).to.contain(markup);
      expect((window as { __lkInjected?: number }).__lkInjected).to.equal(undefined);
    });
  });
});

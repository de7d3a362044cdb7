import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { http } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { sha256 } from '../../mocks/crypto.js';
import { problem } from '../../mocks/problem.js';
import { createClient } from '../../src/api/client.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { ConfirmOutcome, LkConfirmEmailElement } from '../../src/elements/confirm-email/confirm-email.js';
import '../../src/entries/confirm-email.js';
import { lastLetter, linkToken, mockFetch, register, useMockBackend } from '../mocks/helpers.js';
import { FAULTS, badEmails } from './bad-input.js';
import { countRequests, findPart, pasteInto, press, renderWithBackend, textOf, typeInto } from './helpers.js';

const DAY = 24 * 60 * 60_000;

/** The test page's own address, put back after every test. */
const home = `${location.pathname}${location.search}${location.hash}`;

/**
 * Puts a letter's link into the address, as following it would: the page's
 * own parameters stay, `x=1` and a hash come after the token.
 */
function openLink(token: string, param = 'lk-confirm'): void {
  const search = location.search ? `${location.search}&` : '?';
  history.replaceState(null, '', `${location.pathname}${search}${param}=${encodeURIComponent(token)}&x=1#h`);
}

/** The next `type` event that bubbles up to the document: the element fires it before `render()` returns. */
const nextOnPage = <K extends keyof HTMLElementEventMap>(type: K) =>
  new Promise<HTMLElementEventMap[K]>((resolve) =>
    document.addEventListener(type, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }),
  );

describe('<lk-confirm-email>', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });
  afterEach(() => history.replaceState(null, '', home));

  /** Registers a fresh address through the mock; its confirmation letter's token. */
  async function registered(): Promise<{ email: string; token: string }> {
    const email = `confirm-${crypto.randomUUID().slice(0, 8)}@example.ru`;
    expect((await register(backend, { email })).status).to.equal(202);
    return { email, token: linkToken(await lastLetter(backend, email, 'confirm'), 'confirm') };
  }

  const render = (attributes = html`<lk-confirm-email></lk-confirm-email>`, provider = {}) =>
    renderWithBackend<LkConfirmEmailElement>(backend, attributes, provider);

  /** Follows a fresh registration's link and waits for `outcome`. */
  async function follow(outcome: ConfirmOutcome, token?: string, provider = {}) {
    if (token !== undefined) openLink(token);
    const element = await render(undefined, provider);
    await waitUntil(() => element.state === outcome, `never reached "${outcome}", stayed "${element.state}"`, { timeout: 3000 });
    await element.updateComplete;
    return element;
  }

  /** A link whose cabinet was deleted: registered, then 8 days later on the mock clock. */
  async function expiredLink(): Promise<{ email: string; token: string }> {
    const link = await registered();
    await backend.clock.advance(8 * DAY);
    return link;
  }

  /** A registration whose link the backend calls expired once, so its cabinet is still there to get a new one. */
  async function expiredOnce(): Promise<{ email: string; element: LkConfirmEmailElement }> {
    const { email, token } = await registered();
    pageWorker()!.use(http.post(backend.url('confirm'), () => problem(410, 'token_expired'), { once: true }));
    return { email, element: await follow('expired', token) };
  }

  /** Marks the address of a used link unconfirmed again on the backend, as a store edited by hand would have it. */
  async function unconfirm(token: string): Promise<void> {
    const key = await sha256(token);
    await backend.db.transact((state) => {
      state.users[state.tokens[key]!.userId!]!.emailConfirmed = false;
    });
  }

  const outcomeText = (element: Element) => textOf(element.querySelector('[part~="outcome"]'));
  const emailInput = (element: Element) => element.querySelector<HTMLInputElement>('input[name="email"]')!;
  const resendButton = (element: Element) => element.querySelector<HTMLButtonElement>('[part~="submit"]')!;
  const resendStatus = (element: Element) => textOf(element.querySelector('[part~="resend-status"]'));
  const summary = (element: Element) => element.querySelector<HTMLElement>('[part~="error-summary"]');
  const confirmPosts = (paths: readonly string[]) => paths.filter((path) => path.endsWith('auth/confirm'));
  const resendPosts = (paths: readonly string[]) => paths.filter((path) => path.endsWith('auth/resend'));

  describe('accessibility', () => {
    it('is accessible while confirming', async () => {
      const { token } = await registered();
      await backend.latency.set(300);
      const element = await follow('confirming', token);
      expect(outcomeText(element)).to.equal('Подтверждаем адрес электронной почты…');
      await expect(element).to.be.accessible();
    });

    it('is accessible when confirmed', async () => {
      const { token } = await registered();
      await expect(await follow('confirmed', token)).to.be.accessible();
    });

    it('is accessible when expired, with the form for a new link', async () => {
      const { token } = await expiredLink();
      const element = await follow('expired', token);
      expect(element.querySelector('form')).to.exist;
      await expect(element).to.be.accessible();
    });

    it('is accessible with the new-link form\'s errors shown', async () => {
      const { token } = await expiredLink();
      const element = await follow('expired', token);
      resendButton(element).click();
      await findPart(element, '[part~="error-summary"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible when already confirmed, already used, invalid, or without a token', async () => {
      const { token } = await registered();
      await mockFetch(backend, 'confirm', { method: 'POST', body: { token } });
      await expect(await follow('already-confirmed', token)).to.be.accessible();
      await unconfirm(token);
      await expect(await follow('used', token)).to.be.accessible();
      await expect(await follow('invalid', 'x'.repeat(43))).to.be.accessible();
      history.replaceState(null, '', home);
      await expect(await follow('missing')).to.be.accessible();
    });

    it('is accessible with a fault and its retry button', async () => {
      const { token } = await registered();
      await backend.faults.set('confirm', 'server-error');
      const element = await follow('failed', token);
      await findPart(element, '[part~="fault"]');
      await expect(element).to.be.accessible();
    });

    it('is accessible in English', async () => {
      const { token } = await expiredLink();
      await expect(await follow('expired', token, { locale: 'en' })).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('takes the token out of the address, keeping the rest, posts it once and confirms the address', async () => {
      const { email, token } = await registered();
      const pageSearch = new URLSearchParams(location.search);
      openLink(token);
      const requests = countRequests(backend);
      const confirmed = nextOnPage('lk-email-confirmed');
      const element = await render();
      const params = new URLSearchParams(location.search);
      expect(params.has('lk-confirm'), location.href).to.equal(false);
      expect(location.href).not.to.contain(token);
      expect(params.get('x')).to.equal('1');
      for (const [name, value] of pageSearch) expect(params.get(name)).to.equal(value);
      expect(location.hash).to.equal('#h');

      expect((await confirmed).detail.email).to.equal(email);
      await waitUntil(() => element.state === 'confirmed');
      expect(outcomeText(element)).to.equal(
        `Адрес электронной почты подтверждён. Теперь Вы можете войти в Личный кабинет с логином ${email}.`,
      );
      expect(element.querySelector('[part~="outcome"]')!.getAttribute('role')).to.equal('status');
      expect(textOf(element.querySelector('[part~="link-login"]'))).to.equal('Войти в Личный кабинет');
      expect(confirmPosts(requests.paths)).to.have.length(1);
      requests.stop();
      // The backend agrees: the address is confirmed and the link is used up.
      const again = await mockFetch(backend, 'confirm', { method: 'POST', body: { token } });
      expect(again.status).to.equal(409);
    });

    it('posts nothing twice: not on re-render, a change of language, or a move in the page', async () => {
      const { token } = await registered();
      openLink(token);
      const requests = countRequests(backend);
      const element = await render();
      await waitUntil(() => element.state === 'confirmed');
      element.requestUpdate();
      await element.updateComplete;
      element.locale = 'en';
      await element.updateComplete;
      const parent = element.parentElement!;
      element.remove();
      parent.append(element);
      await element.updateComplete;
      expect(element.state).to.equal('confirmed');
      expect(confirmPosts(requests.paths)).to.have.length(1);
      requests.stop();
    });

    it('says so when the address has no token, and posts nothing', async () => {
      const requests = countRequests(backend);
      const element = await follow('missing');
      expect(outcomeText(element)).to.contain('В адресе страницы нет ссылки подтверждения');
      expect(element.querySelector('[part~="link-login"]')).to.exist;
      expect(confirmPosts(requests.paths)).to.have.length(0);
      requests.stop();
    });
  });

  describe('attributes', () => {
    it('reads the parameter named by param', async () => {
      const { token } = await registered();
      openLink(token, 'code');
      const element = await render(html`<lk-confirm-email param="code"></lk-confirm-email>`);
      await waitUntil(() => element.state === 'confirmed');
      expect(new URLSearchParams(location.search).has('code')).to.equal(false);
      expect(new URLSearchParams(location.search).get('x')).to.equal('1');
    });

    it('renders a real link from login-href', async () => {
      const element = await render(html`<lk-confirm-email login-href="/login"></lk-confirm-email>`);
      await waitUntil(() => element.state === 'missing');
      await element.updateComplete;
      expect(element.querySelector<HTMLAnchorElement>('a[part~="link-login"]')!.getAttribute('href')).to.equal('/login');
    });

    it('asks the navigator to go to login unless lk-navigate is cancelled', async () => {
      const visited: NavigateTarget[] = [];
      const element = await follow('missing', undefined, { navigator: (to: NavigateTarget) => visited.push(to) });
      const link = element.querySelector<HTMLButtonElement>('button[part~="link-login"]')!;
      setTimeout(() => link.click());
      const event = await oneEvent(element, 'lk-navigate');
      expect(event.detail.to).to.equal('login');
      expect(event.cancelable).to.equal(true);
      expect(visited).to.deep.equal(['login']);
      element.addEventListener('lk-navigate', (cancel) => cancel.preventDefault(), { once: true });
      link.click();
      expect(visited).to.deep.equal(['login']);
    });

    it('speaks English with locale="en"', async () => {
      const { email, token } = await registered();
      const element = await follow('confirmed', token, { locale: 'en' });
      expect(outcomeText(element)).to.equal(`Your e-mail address is confirmed. You can now log in to your account as ${email}.`);
      expect(textOf(element.querySelector('[part~="link-login"]'))).to.equal('Log in to your account');
      expect(element.lang).to.equal('en');
    });
  });

  describe('a new link: user input and validation', () => {
    it('sends a new link with the keyboard alone, and the new link confirms', async () => {
      const { email, element } = await expiredOnce();
      emailInput(element).focus();
      await press('Shift+Tab');
      await press('Tab');
      expect(document.activeElement).to.equal(emailInput(element));
      await typeInto(emailInput(element), email);
      await press('Tab');
      expect(document.activeElement).to.equal(resendButton(element));
      await press('Shift+Tab');
      await press('Enter');
      await waitUntil(() => resendStatus(element).includes('отправлена новая ссылка'));
      expect(resendStatus(element)).to.match(/Она действительна до \d{2}\.\d{2}\.\d{4}\./);
      const letter = await lastLetter(backend, email, 'confirm');
      expect(letter!.subject).to.contain('Новая ссылка');
      history.replaceState(null, '', home);
      await follow('confirmed', linkToken(letter, 'confirm'));
    });

    it('sends nothing when empty, and focuses a summary that links to the field', async () => {
      const { element } = await expiredOnce();
      const requests = countRequests(backend);
      resendButton(element).click();
      const box = await findPart(element, '[part~="error-summary"]');
      await waitUntil(() => document.activeElement === box);
      expect(textOf(box)).to.contain('Введите адрес электронной почты.');
      const link = box.querySelector<HTMLAnchorElement>('a')!;
      expect(link.hash).to.equal(`#${emailInput(element).id}`);
      expect(emailInput(element).getAttribute('aria-invalid')).to.equal('true');
      expect(textOf(document.getElementById(emailInput(element).getAttribute('aria-describedby')!))).to.equal(
        'Введите адрес электронной почты.',
      );
      link.click();
      expect(document.activeElement).to.equal(emailInput(element));
      expect(resendPosts(requests.paths)).to.have.length(0);
      requests.stop();
    });

    for (const [name, value] of badEmails('script')) {
      it(`explains a bad e-mail (${name}), sends nothing and keeps it`, async () => {
        const { element } = await expiredOnce();
        const requests = countRequests(backend);
        if (value.length > 40) pasteInto(emailInput(element), value);
        else await typeInto(emailInput(element), value);
        resendButton(element).click();
        const error = await findPart(element, '[part~="field-error"]');
        expect(textOf(error)).to.match(/адрес|электронной почты|раскладке|символ/i);
        expect(element.querySelector('img')).to.equal(null);
        expect(emailInput(element).value).to.equal(value);
        expect(resendPosts(requests.paths)).to.have.length(0);
        requests.stop();
      });
    }
  });

  describe('what the backend says of the link', () => {
    it('opened again once the address is confirmed: no error, says so and offers to log in', async () => {
      const { token } = await registered();
      expect((await mockFetch(backend, 'confirm', { method: 'POST', body: { token } })).status).to.equal(200);
      const navigations: NavigateTarget[] = [];
      const element = await follow('already-confirmed', token, {
        navigator: (to: NavigateTarget) => navigations.push(to),
      });
      expect(outcomeText(element)).to.equal('Адрес уже подтверждён.');
      expect(element.querySelector('[part~="fault"]')).to.equal(null);
      expect(element.querySelector('form')).to.equal(null);
      const login = element.querySelector<HTMLElement>('[part~="link-login"]')!;
      expect(textOf(login)).to.equal('Войти в Личный кабинет');
      login.click();
      expect(navigations).to.deep.equal(['login']);
    });

    it('opened again, in English', async () => {
      const { token } = await registered();
      await mockFetch(backend, 'confirm', { method: 'POST', body: { token } });
      openLink(token);
      const element = await render(html`<lk-confirm-email locale="en"></lk-confirm-email>`);
      await waitUntil(() => element.state === 'already-confirmed', undefined, { timeout: 3000 });
      await waitUntil(() => outcomeText(element) === 'This address is already confirmed.', undefined, { timeout: 3000 });
      expect(textOf(element.querySelector('[part~="link-login"]'))).to.equal('Log in to your account');
    });

    it('already used while the address is not confirmed: says so and offers to log in', async () => {
      const { token } = await registered();
      expect((await mockFetch(backend, 'confirm', { method: 'POST', body: { token } })).status).to.equal(200);
      await unconfirm(token);
      const element = await follow('used', token);
      expect(outcomeText(element)).to.contain('Ссылка уже использована');
      expect(element.querySelector('[part~="link-login"]')).to.exist;
    });

    it('expired: says the cabinet may be deleted and offers a new link or a new registration', async () => {
      const { token } = await expiredLink();
      const element = await follow('expired', token);
      expect(outcomeText(element)).to.contain('Срок действия ссылки истёк');
      expect(outcomeText(element)).to.contain('Личный кабинет удалён');
      expect(emailInput(element).autocomplete).to.equal('email');
      expect(textOf(resendButton(element))).to.equal('Выслать ссылку');
      expect(element.querySelector('[part~="link-register"]')).to.exist;
    });

    it('invalid: an unknown token', async () => {
      const requests = countRequests(backend);
      const element = await follow('invalid', 'A'.repeat(43));
      expect(outcomeText(element)).to.contain('Ссылка недействительна');
      expect(element.querySelector('[part~="link-login"]')).to.exist;
      expect(confirmPosts(requests.paths)).to.have.length(1);
      requests.stop();
    });

    it('invalid: a token cut short is not even sent', async () => {
      const { token } = await registered();
      const requests = countRequests(backend);
      await follow('invalid', token.slice(0, 10));
      expect(confirmPosts(requests.paths)).to.have.length(0);
      requests.stop();
    });

    it('invalid: the link of a letter that a newer one replaced', async () => {
      const { email, token } = await registered();
      expect((await mockFetch(backend, 'resend', { method: 'POST', body: { email } })).status).to.equal(202);
      await follow('invalid', token);
      history.replaceState(null, '', home);
      const newer = linkToken(await lastLetter(backend, email, 'confirm'), 'confirm');
      await follow('confirmed', newer);
    });
  });

  describe('a new link: the answer', () => {
    it('answers alike for a deleted cabinet and an unknown address, and sends no letter', async () => {
      const { email, token } = await expiredLink();
      const element = await follow('expired', token);
      const { element: other } = await expiredOnce();
      const lettersBefore = (await backend.outbox.list()).length;
      await typeInto(emailInput(element), email);
      resendButton(element).click();
      await typeInto(emailInput(other), 'nobody-at-all@example.ru');
      resendButton(other).click();
      await waitUntil(() => [element, other].every((each) => resendStatus(each).includes('отправлена новая ссылка')));
      expect(resendStatus(other)).to.equal(resendStatus(element));
      expect((await backend.outbox.list()).length).to.equal(lettersBefore);
    });

    it('says how long to wait when links are asked for too often', async () => {
      const { email, token } = await expiredLink();
      const element = await follow('expired', token);
      await typeInto(emailInput(element), email);
      resendButton(element).click();
      await waitUntil(() => resendStatus(element).includes('отправлена новая ссылка'));
      resendButton(element).click();
      await waitUntil(() => textOf(summary(element)).includes('не чаще раза в минуту'));
      expect(textOf(summary(element))).to.match(/Повторите через \d+ (секунд|минут)/);
      await waitUntil(() => document.activeElement === summary(element));
      expect(emailInput(element).value).to.equal(email);
    });

    it('drops a new link still on its way when it leaves the page, and sends one again when back', async () => {
      const { email, token } = await expiredLink();
      const element = await follow('expired', token);
      await backend.faults.set('resend', 'timeout');
      await typeInto(emailInput(element), email);
      resendButton(element).click();
      await waitUntil(() => resendStatus(element) !== '', 'the link was not asked for');
      const parent = element.parentElement!;
      element.remove();
      parent.append(element);
      // The request the backend still holds was dropped: the form is not busy with it any more.
      await waitUntil(() => resendStatus(element) === '', 'the form stayed busy with the dropped request');
      await backend.faults.clear();
      resendButton(element).click();
      await waitUntil(() => resendStatus(element).includes('отправлена новая ссылка'));
    });

    it('ends a fault with a message and a retry that sends the link', async () => {
      const { email, token } = await expiredLink();
      const element = await follow('expired', token);
      await backend.faults.set('resend', 'server-error');
      await typeInto(emailInput(element), email);
      const failed = oneEvent(element, 'lk-error');
      resendButton(element).click();
      await failed;
      const alert = await findPart(element, 'form [part~="fault"]');
      expect(textOf(alert)).to.contain('На сервере произошла ошибка');
      expect(emailInput(element).value).to.equal(email);
      await backend.faults.clear();
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => resendStatus(element).includes('отправлена новая ссылка'));
      expect(element.querySelector('[part~="fault"]')).to.equal(null);
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} with a message, and "Повторить" posts the token kept in memory`, async () => {
        const { email, token } = await registered();
        await backend.faults.set('confirm', fault);
        openLink(token);
        const failed = nextOnPage('lk-error');
        const element = await render();
        await failed;
        const alert = await findPart(element, '[part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain(message);
        expect(location.href, 'the token is gone from the address all the same').not.to.contain(token);
        await backend.faults.clear();
        const confirmed = oneEvent(element, 'lk-email-confirmed');
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        expect((await confirmed).detail.email).to.equal(email);
        await waitUntil(() => element.state === 'confirmed');
      });
    }

    it('ends a timeout with a message and a retry, never an endless wait', async () => {
      const { token } = await registered();
      await backend.faults.set('confirm', 'timeout');
      const element = await follow('failed', token, { client: createClient({ baseUrl: backend.apiBase, timeout: 200 }) });
      expect(textOf(element.querySelector('[part~="fault"]'))).to.contain('Сервер не ответил вовремя');
      expect(outcomeText(element)).not.to.contain('Подтверждаем');
      await backend.faults.clear();
      element.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => element.state === 'confirmed');
    });
  });
});

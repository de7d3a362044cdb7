/**
 * The rules of the submit flow are written once (base/field-table.ts for the
 * fields and the summary, base/submit.ts for the request) and hold for every
 * form: each test here runs against each form that uses them.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { http } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { problem } from '../../mocks/problem.js';
import type { ApiEndpoint } from '../../src/api/paths.js';
import '../../src/entries/account-connect.js';
import '../../src/entries/confirm-email.js';
import '../../src/entries/login-form.js';
import '../../src/entries/password-recovery.js';
import '../../src/entries/pay-now.js';
import '../../src/entries/readings-form.js';
import '../../src/entries/register-form.js';
import '../../src/entries/settings.js';
import type { LkErrorEvent } from '../../src/events/error.js';
import { DAGESTAN, DEMO_USER, lastLetter, linkToken, register, useMockBackend } from '../mocks/helpers.js';
import type { MockBackend } from '../../mocks/backend.js';
import { findPart, renderWithAccounts, textOf, typeInto } from './helpers.js';

const NEW_PASSWORD = 'novyi2027';

/** How long a submit may take to answer. */
const SENDING = { timeout: 10_000 };

/** A form, how to fill it in rightly, and the endpoint its submit calls. */
interface Form {
  name: string;
  content: TemplateResult;
  loggedIn: boolean;
  endpoint: ApiEndpoint;
  fill: (form: HTMLElement) => Promise<void>;
  /** What the backend and the page need before the form shows (a letter's link in the address). */
  prepare?: (backend: MockBackend) => Promise<void>;
  /** Whether its request runs through the submit lifecycle; the payment runs through its own flow, so only the field table's rules hold. */
  sendsThroughLifecycle: boolean;
}

const input = (form: HTMLElement, name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

const FORMS: readonly Form[] = [
  {
    name: 'lk-login-form',
    content: html`<lk-login-form></lk-login-form>`,
    loggedIn: false,
    endpoint: 'login',
    sendsThroughLifecycle: true,
    async fill(form) {
      await typeInto(input(form, 'email'), DEMO_USER.email);
      await typeInto(input(form, 'password'), DEMO_USER.password);
    },
  },
  {
    name: 'lk-password-recovery',
    content: html`<lk-password-recovery></lk-password-recovery>`,
    loggedIn: false,
    endpoint: 'recover',
    sendsThroughLifecycle: true,
    fill: (form) => typeInto(input(form, 'email'), DEMO_USER.email),
  },
  {
    name: 'lk-account-connect',
    content: html`<lk-account-connect supplier="mrg-pyatigorsk-dagestan"></lk-account-connect>`,
    loggedIn: true,
    endpoint: 'accounts',
    sendsThroughLifecycle: true,
    fill: (form) => typeInto(input(form, 'number'), '5812345678'),
  },
  {
    name: 'lk-register-form',
    content: html`<lk-register-form agreement-version="2026-01"></lk-register-form>`,
    loggedIn: false,
    endpoint: 'register',
    sendsThroughLifecycle: true,
    async fill(form) {
      await typeInto(input(form, 'email'), 'novyi.abonent@example.ru');
      await typeInto(form.querySelector<HTMLInputElement>('[part~="input-new-password"]')!, 'gazPskov7');
      await typeInto(form.querySelector<HTMLInputElement>('[part~="input-repeat-password"]')!, 'gazPskov7');
    },
  },
  {
    name: 'lk-settings',
    content: html`<lk-settings></lk-settings>`,
    loggedIn: true,
    endpoint: 'changePassword',
    sendsThroughLifecycle: true,
    async fill(form) {
      await typeInto(form.querySelector<HTMLInputElement>('[part~="input-current-password"]')!, DEMO_USER.password);
      await typeInto(form.querySelector<HTMLInputElement>('[part~="input-new-password"]')!, NEW_PASSWORD);
      await typeInto(form.querySelector<HTMLInputElement>('[part~="input-repeat-password"]')!, NEW_PASSWORD);
    },
  },
  {
    name: 'lk-readings-form',
    content: html`<lk-readings-form></lk-readings-form>`,
    loggedIn: true,
    endpoint: 'readings',
    sendsThroughLifecycle: true,
    fill: (form) => typeInto(form.querySelector<HTMLInputElement>('[part~="input-reading"]')!, '27950'),
  },
  {
    // The form for a new link, which an expired link shows: the backend calls the link expired once.
    name: 'lk-confirm-email',
    content: html`<lk-confirm-email></lk-confirm-email>`,
    loggedIn: false,
    endpoint: 'resend',
    sendsThroughLifecycle: true,
    async prepare(backend) {
      const email = `lifecycle-${crypto.randomUUID().slice(0, 8)}@example.ru`;
      expect((await register(backend, { email })).status).to.equal(202);
      const token = linkToken(await lastLetter(backend, email, 'confirm'), 'confirm');
      pageWorker()!.use(http.post(backend.url('confirm'), () => problem(410, 'token_expired'), { once: true }));
      history.replaceState(null, '', `${location.pathname}?lk-confirm=${encodeURIComponent(token)}`);
    },
    fill: (form) => typeInto(input(form, 'email'), DEMO_USER.email),
  },
  {
    // The account has no debt: an own amount is asked for, and nothing typed is invalid.
    name: 'lk-pay-now',
    content: html`<lk-pay-now></lk-pay-now>`,
    loggedIn: true,
    endpoint: 'payments',
    sendsThroughLifecycle: false,
    fill: (form) => typeInto(input(form, 'amount'), '500'),
  },
];

describe('the submit lifecycle of every form', () => {
  // A light anti-robot check: the registration solves one before it sends.
  const backend = useMockBackend({ captchaDifficulty: 4 });

  async function render(form: Form): Promise<HTMLElement> {
    await form.prepare?.(backend);
    const element = await renderWithAccounts<HTMLElement>(backend, form.content, { accounts: [DAGESTAN], loggedIn: form.loggedIn });
    // The settings page holds other forms below its own; the password change is the first.
    await findPart(element, '[part~="submit"]');
    return element;
  }
  const submitOf = (element: HTMLElement) => element.querySelector<HTMLButtonElement>('[part~="submit"]')!;
  const summaryOf = (element: HTMLElement) => element.querySelector<HTMLElement>('[part~="error-summary"]');
  /** The form's requests from now on: what it sends (the loads of the page around it are GETs). */
  function countSent(): { readonly count: number; stop(): void } {
    let count = 0;
    const listener = ({ request }: { request: Request }) => void (request.method === 'POST' && count++);
    pageWorker()!.events.on('request:start', listener);
    return {
      get count() {
        return count;
      },
      stop: () => pageWorker()!.events.removeListener('request:start', listener),
    };
  }
  const answerOnce = (endpoint: ApiEndpoint, answer: () => Response) =>
    pageWorker()!.use(http.post(backend.url(endpoint), answer, { once: true }));

  for (const form of FORMS) {
    describe(form.name, () => {
      it('moves the focus to the error summary after an invalid submit, and its link leads to the field', async () => {
        const element = await render(form);
        const requests = countSent();
        submitOf(element).click();
        await waitUntil(() => document.activeElement === summaryOf(element), 'the summary never took the focus');
        const link = summaryOf(element)!.querySelector<HTMLAnchorElement>('[part~="error-summary-link"]')!;
        link.click();
        expect(document.activeElement?.id).to.equal(link.hash.slice(1));
        expect(document.activeElement?.getAttribute('aria-invalid')).to.equal('true');
        expect(requests.count, 'nothing was sent').to.equal(0);
        requests.stop();
      });

      if (!form.sendsThroughLifecycle) return;

      it('shows a server error as a fault with "Повторить", reports it as lk-error, and "Повторить" sends again', async () => {
        const element = await render(form);
        await form.fill(element);
        answerOnce(form.endpoint, () => problem(500, 'internal_error'));
        const reported = oneEvent(element, 'lk-error') as Promise<LkErrorEvent>;
        submitOf(element).click();
        expect((await reported).detail.error).to.be.an('error');
        const fault = await findPart(element, '[part~="fault"]');
        expect(fault.getAttribute('role')).to.equal('alert');
        const retry = fault.querySelector<HTMLButtonElement>('[part~="retry"]')!;
        expect(textOf(retry)).to.equal('Повторить');

        const requests = countSent();
        retry.click();
        await waitUntil(() => !element.querySelector('[part~="fault"]') && requests.count > 0, 'Повторить sent nothing', SENDING);
        // The answer is in before the next test resets the backend: a password changed late would end its session.
        await waitUntil(() => !element.querySelector('[part~="submit"][aria-disabled="true"]'), 'the resent request never ended', SENDING);
        requests.stop();
      });

      it('says the wait the backend asked for after a 429, in the summary, which takes the focus', async () => {
        const element = await render(form);
        await form.fill(element);
        answerOnce(form.endpoint, () => problem(429, 'too_many_requests', { retryAfter: 90 }, { 'Retry-After': '90' }));
        submitOf(element).click();
        await waitUntil(() => document.activeElement === summaryOf(element), 'the summary never took the focus', SENDING);
        expect(textOf(summaryOf(element))).to.contain('2 минуты');
        expect(element.querySelector('[part~="fault"]'), 'a wait is no fault').to.equal(null);
      });

      if (!form.loggedIn) return;

      it('ends the session quietly on a 401: the logged-out state, no fault, no lk-error', async () => {
        const element = await render(form);
        await form.fill(element);
        let reported = 0;
        element.addEventListener('lk-error', () => reported++);
        answerOnce(form.endpoint, () => problem(401, 'unauthenticated'));
        submitOf(element).click();
        await waitUntil(() => element.querySelector('[part~="logged-out"]'), 'the session did not end', SENDING);
        expect(element.querySelector('[part~="fault"]'), 'an ended session is no fault').to.equal(null);
        expect(reported).to.equal(0);
      });
    });
  }
});

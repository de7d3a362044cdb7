/**
 * `lk-error` hands the failure to every listener on the page (a host's
 * logger, an analytics script). Whatever the fault, nothing a listener can
 * reach from the event may hold the host's bearer token, the session
 * cookie or the password the user typed.
 */
import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { html } from 'lit';
import type { ApiEndpoint } from '../../src/api/paths.js';
import { createClient } from '../../src/api/client.js';
import type { LkErrorEvent } from '../../src/events/error.js';
import '../../src/entries/account-summary.js';
import '../../src/entries/login-form.js';
import '../../src/entries/payment-history.js';
import { FAULT_KINDS } from '../../mocks/faults.js';
import { DAGESTAN, DEMO_USER, jarCookies, useMockBackend } from '../mocks/helpers.js';
import { leakedSecrets } from '../api/reachable.js';
import { findPart, renderWithAccounts, typeInto } from './helpers.js';

const SECRET = 'host-bearer-token-5d1e8b';

/** An element, the endpoint whose fault it reports, and what makes it call that endpoint. */
interface Scenario {
  endpoint: ApiEndpoint;
  content: TemplateResult;
  loggedIn: boolean;
  /** Makes the element call the endpoint after it rendered, if loading alone does not. */
  act?: (element: HTMLElement) => Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    endpoint: 'login',
    content: html`<lk-login-form></lk-login-form>`,
    loggedIn: false,
    async act(form) {
      await typeInto(form.querySelector<HTMLInputElement>('input[name="email"]')!, DEMO_USER.email);
      await typeInto(form.querySelector<HTMLInputElement>('input[name="password"]')!, DEMO_USER.password);
      form.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    },
  },
  { endpoint: 'accounts', content: html`<lk-account-summary></lk-account-summary>`, loggedIn: true },
  { endpoint: 'accountHistory', content: html`<lk-account-summary></lk-account-summary>`, loggedIn: true },
  { endpoint: 'payments', content: html`<lk-payment-history></lk-payment-history>`, loggedIn: true },
];

describe('lk-error events carry nothing secret', () => {
  const backend = useMockBackend();

  /** Every `lk-error` that reaches the document from now on, until the test ends. */
  let events: LkErrorEvent[] = [];
  const collect = (event: Event) => events.push(event as LkErrorEvent);
  beforeEach(() => {
    events = [];
    document.addEventListener('lk-error', collect);
  });
  afterEach(() => document.removeEventListener('lk-error', collect));

  for (const { endpoint, content, loggedIn, act } of SCENARIOS) {
    for (const fault of FAULT_KINDS) {
      it(`a ${fault} of ${endpoint}`, async () => {
        // No retries and a short timeout: each fault shows at once.
        const client = createClient({ baseUrl: backend.apiBase, getToken: () => SECRET, retries: 0, timeout: 300 });
        const element = await renderWithAccounts<HTMLElement>(backend, content, {
          accounts: [DAGESTAN],
          loggedIn,
          before: () => backend.faults.set(endpoint, fault),
          provider: { client },
          // The form is typed into once it shows; the others fail while loading.
          settled: act !== undefined,
        });
        await act?.(element);
        await findPart(element, '[part~="fault"]');
        expect(events, 'the fault was reported').not.to.be.empty;

        const secrets = [SECRET, DEMO_USER.password, ...Object.values(await jarCookies(backend))];
        for (const event of events) {
          expect(await leakedSecrets(event, secrets), `lk-error of ${(event.detail.error as Error)?.name}`).to.deep.equal([]);
        }
      });
    }
  }
});

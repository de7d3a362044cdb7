import { expect, waitUntil } from '@open-wc/testing';
import { http } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { problem } from '../../mocks/problem.js';
import { createClient } from '../../src/api/client.js';
import type { Client } from '../../src/api/client.js';
import { fetchAccounts } from '../../src/api/accounts.js';
import { fetchPayments, pay } from '../../src/api/payments.js';
import { DUPLICATE_WINDOW, PaymentFlow } from '../../src/payments/flow.js';
import type { PaymentDraft, PaymentFlowHooks, PaymentState, PaymentStateName } from '../../src/payments/flow.js';
import { PENDING_PAYMENTS_KEY, storedPendingPayments } from '../../src/payments/pending.js';
import type { PendingPayment, PendingPayments, PendingScope } from '../../src/payments/pending.js';
import type { Account } from '../../src/schemas/account.js';
import { DAGESTAN, DAGESTAN_ID, DEMO_USER, logInWithAccounts, mockFetch, useMockBackend } from '../mocks/helpers.js';

/**
 * The payment protocol without a view: every transition of the state
 * machine, against the mock backend over the real fetch path.
 */
describe('PaymentFlow', () => {
  const backend = useMockBackend();
  let client: Client;
  let account: Account;
  let pending: PendingPayments;
  let scope: PendingScope;
  /** What the flow told its element. */
  let told: { paid: { replayed: boolean; withResponse: boolean }[]; activity: string[]; failed: unknown[] };
  /** Every state the flow went through, in order. */
  let trail: PaymentStateName[];
  /** The `Idempotency-Key` of every payment request that reached the mock. */
  let keys: (string | null)[];
  let stopRecording: () => void;

  const hooks: PaymentFlowHooks = {
    paid: ({ replayed, response }) => told.paid.push({ replayed, withResponse: response !== undefined }),
    activity: (accountId) => told.activity.push(accountId),
    failed: (error) => told.failed.push(error),
  };

  function newFlow(options: { pending?: PendingPayments; client?: Client } = {}): PaymentFlow {
    const flow = new PaymentFlow({ client: () => options.client ?? client, clock: () => backend.clock, pending: options.pending ?? pending, hooks });
    flow.addEventListener('change', () => trail.push(flow.state.name));
    return flow;
  }

  const draft = (amount = 50_000): PaymentDraft => ({ account, request: { amount } });
  const settled = (flow: PaymentFlow, ...names: PaymentStateName[]) =>
    waitUntil(() => names.includes(flow.state.name), `never reached ${names.join(' | ')}`, { timeout: 5000 });
  const stateOf = <N extends PaymentStateName>(flow: PaymentFlow, name: N) => {
    expect(flow.state.name).to.equal(name);
    return flow.state as Extract<PaymentState, { name: N }>;
  };
  const payments = () => fetchPayments(client, account.id);
  /** The flow ends paid by a second request with the first one's key, and the backend holds one payment. */
  async function paidOnceWithTheSameKey(flow: PaymentFlow): Promise<void> {
    await settled(flow, 'paid');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(await payments()).to.have.length(1);
  }
  const paymentsUrl = () => `${backend.apiBase}accounts/${encodeURIComponent(DAGESTAN_ID)}/payments`;

  /** Opens a flow for the demo user's Дагестан account and confirms `amount`, with the recent payments read. */
  async function confirmed(amount = 50_000, flow = newFlow()): Promise<PaymentFlow> {
    flow.open(scope, account);
    flow.confirm(draft(amount));
    await waitUntil(() => flow.state.name === 'confirm' && flow.state.checked, 'the recent payments were not read');
    return flow;
  }

  beforeEach(async () => {
    await logInWithAccounts(backend, [DAGESTAN]);
    client = createClient({ baseUrl: backend.apiBase, retries: 0, timeout: 1500 });
    [account] = await fetchAccounts(client);
    pending = storedPendingPayments(() => undefined);
    scope = { apiBase: client.baseUrl, userId: DEMO_USER.id, accountId: account!.id };
    told = { paid: [], activity: [], failed: [] };
    trail = [];
    keys = [];
    const worker = pageWorker()!;
    const listener = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && request.url === paymentsUrl()) keys.push(request.headers.get('Idempotency-Key'));
    };
    worker.events.on('request:start', listener);
    stopRecording = () => worker.events.removeListener('request:start', listener);
  });

  afterEach(() => {
    stopRecording();
    // Drop this test's own handlers (a 409 for every try, say): msw replaces runtime handlers only all at once.
    pageWorker()!.resetHandlers(...backend.handlers);
  });

  describe('choose → confirm → sending → paid', () => {
    it('starts at the choice, and the confirmation opens at once while the recent payments are read', async () => {
      const flow = newFlow();
      flow.open(scope, account);
      expect(flow.state.name).to.equal('choose');
      flow.confirm(draft());
      expect(stateOf(flow, 'confirm')).to.deep.include({ checked: false, duplicate: undefined });
      await waitUntil(() => flow.state.name === 'confirm' && flow.state.checked);
      expect(keys).to.deep.equal([]);
    });

    it('pays with one new key, keeps the payment pending while it is on its way, and forgets it once paid', async () => {
      const flow = await confirmed();
      flow.pay();
      expect(flow.state.name).to.equal('sending');
      const stored = pending.get(scope);
      expect(stored?.request).to.deep.equal({ amount: 50_000 });
      await settled(flow, 'paid');
      expect(keys).to.deep.equal([stored!.key]);
      expect(pending.get(scope)).to.equal(undefined);
      expect(stateOf(flow, 'paid')).to.deep.include({ earlier: false });
      expect(told.paid).to.deep.equal([{ replayed: false, withResponse: true }]);
      expect(await payments()).to.have.length(1);
    });

    it('makes one request however often "Оплатить" is pressed', async () => {
      const flow = await confirmed();
      flow.pay();
      flow.pay();
      flow.pay();
      await settled(flow, 'paid');
      flow.pay();
      expect(keys).to.have.length(1);
      expect(await payments()).to.have.length(1);
    });

    it('"Изменить" goes back to the choice and pays nothing', async () => {
      const flow = await confirmed();
      flow.change();
      expect(flow.state.name).to.equal('choose');
      flow.pay();
      expect(keys).to.deep.equal([]);
    });

    it('"Новый платеж" after a receipt is a new choice', async () => {
      const flow = await confirmed();
      flow.pay();
      await settled(flow, 'paid');
      flow.restart();
      expect(flow.state.name).to.equal('choose');
    });
  });

  describe('a payment of the same amount a little earlier', () => {
    it('is pointed out in the confirmation, which asks again before paying', async () => {
      await pay(client, account.id, { amount: 50_000 }, { idempotencyKey: crypto.randomUUID() });
      keys.length = 0;
      const flow = await confirmed();
      const { duplicate } = stateOf(flow, 'confirm');
      expect(duplicate).to.deep.include({ amount: 50_000, status: 'succeeded' });
      flow.pay();
      await settled(flow, 'paid');
      expect(keys).to.have.length(1);
    });

    it('stops an "Оплатить" pressed before the recent payments were read, and the confirmation asks again', async () => {
      await pay(client, account.id, { amount: 50_000 }, { idempotencyKey: crypto.randomUUID() });
      keys.length = 0;
      const flow = newFlow();
      flow.open(scope, account);
      flow.confirm(draft());
      flow.pay();
      expect(flow.state.name).to.equal('preparing');
      await waitUntil(() => flow.state.name === 'confirm', 'the confirmation did not come back');
      expect(stateOf(flow, 'confirm').duplicate).to.not.equal(undefined);
      expect(keys).to.deep.equal([]);
    });

    it('is not said for another amount, for a declined one, or for one older than ten minutes', async () => {
      await pay(client, account.id, { amount: 60_000 }, { idempotencyKey: crypto.randomUUID() });
      await backend.payments.setOutcome('declined');
      await pay(client, account.id, { amount: 50_000 }, { idempotencyKey: crypto.randomUUID() }).catch(() => undefined);
      await backend.payments.setOutcome('success');
      expect(stateOf(await confirmed(), 'confirm').duplicate).to.equal(undefined);

      await pay(client, account.id, { amount: 70_000 }, { idempotencyKey: crypto.randomUUID() });
      await backend.clock.advance(DUPLICATE_WINDOW + 60_000);
      expect(stateOf(await confirmed(70_000), 'confirm').duplicate).to.equal(undefined);
    });

    it('pays without the warning when the recent payments cannot be read', async () => {
      pageWorker()!.use(http.get(paymentsUrl(), () => problem(500, 'server_error'), { once: true }));
      const flow = await confirmed();
      flow.pay();
      await settled(flow, 'paid');
    });
  });

  describe('answers that settle the payment', () => {
    it('declined (402): nothing pending, and "Оплатить" again is a new key', async () => {
      await backend.payments.setOutcome('declined');
      const flow = await confirmed();
      flow.pay();
      await settled(flow, 'declined');
      expect(pending.get(scope)).to.equal(undefined);
      expect(told.activity).to.deep.equal([account.id]);
      await backend.payments.setOutcome('success');
      flow.pay();
      await settled(flow, 'paid');
      expect(keys).to.have.length(2);
      expect(keys[0]).to.not.equal(keys[1]);
    });

    it('invalid (422 on a reading): nothing pending, the field errors for the view', async () => {
      const meter = account.meters[0]!;
      const flow = newFlow();
      flow.open(scope, account);
      flow.confirm({ account, request: { amount: 50_000, readings: [{ meterId: meter.id, value: 1 }] } });
      await waitUntil(() => flow.state.name === 'confirm' && flow.state.checked);
      flow.pay();
      await settled(flow, 'invalid');
      expect(stateOf(flow, 'invalid').fieldErrors).to.deep.equal({ 'readings.0.value': ['reading_below_last'] });
      expect(pending.get(scope)).to.equal(undefined);
      flow.restart();
      expect(flow.state.name).to.equal('choose');
    });

    it('refused before paying (404: the account was disconnected elsewhere): nothing pending, reported', async () => {
      const flow = await confirmed();
      await client.request({ method: 'DELETE', path: `accounts/${encodeURIComponent(account.id)}` });
      flow.pay();
      await settled(flow, 'refused');
      expect(pending.get(scope)).to.equal(undefined);
      expect(told.failed).to.have.length(1);
    });

    it('refused for want of a session (401) on a first try: nothing pending, nothing reported', async () => {
      const flow = await confirmed();
      await mockFetch(backend, 'logout', { method: 'POST' });
      flow.pay();
      await settled(flow, 'refused');
      expect(pending.get(scope)).to.equal(undefined);
      expect(told.failed).to.deep.equal([]);
    });
  });

  describe('answers that leave the outcome unknown', () => {
    for (const fault of ['server-error', 'network-error', 'malformed', 'wrong-shape', 'timeout'] as const) {
      it(`${fault}: the payment stays pending, and "Повторить" sends the same key and pays once`, async () => {
        const flow = await confirmed();
        await backend.faults.set('payments', fault);
        flow.pay();
        await settled(flow, 'uncertain');
        expect(stateOf(flow, 'uncertain')).to.deep.include({ reason: 'fault', tries: 1, notListed: false });
        expect(pending.get(scope)?.key).to.equal(keys[0]);
        expect(told.failed).to.have.length(1);
        expect(told.activity).to.deep.equal([account.id]);
        await backend.faults.clear('payments');
        flow.retry();
        expect(flow.state).to.deep.include({ name: 'sending', retry: true });
        await paidOnceWithTheSameKey(flow);
        expect(pending.get(scope)).to.equal(undefined);
      });
    }

    it('a replayed answer (the provider took the payment and the answer was lost) is told as a replay', async () => {
      await backend.payments.setOutcome('timeout');
      const flow = await confirmed();
      flow.pay();
      await settled(flow, 'uncertain');
      await backend.payments.setOutcome('success');
      flow.retry();
      await settled(flow, 'paid');
      expect(told.paid).to.deep.equal([{ replayed: true, withResponse: true }]);
      expect(stateOf(flow, 'paid').earlier).to.equal(true);
      expect(await payments()).to.have.length(1);
    });

    it('still being processed (409): unknown, the tries counted, never a new key', async () => {
      pageWorker()!.use(http.post(paymentsUrl(), () => problem(409, 'idempotency_key_in_use')));
      const flow = await confirmed();
      flow.pay();
      await settled(flow, 'uncertain');
      expect(stateOf(flow, 'uncertain')).to.deep.include({ reason: 'in-use', tries: 1 });
      flow.retry();
      await waitUntil(() => flow.state.name === 'uncertain' && flow.state.tries === 2);
      flow.pay();
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
    });

    it('a retry refused for want of a session (401) keeps the payment pending: the first try may have paid', async () => {
      await backend.faults.set('payments', 'server-error');
      const flow = await confirmed();
      flow.pay();
      await settled(flow, 'uncertain');
      await backend.faults.clear('payments');
      await mockFetch(backend, 'logout', { method: 'POST' });
      flow.retry();
      await waitUntil(() => flow.state.name === 'uncertain' && flow.state.tries === 2);
      expect(pending.get(scope)?.key).to.equal(keys[0]);
    });
  });

  describe('the payments list as the way out', () => {
    /** A payment the provider took, whose answer then stays "in use" however often it is asked. */
    async function stuckInUse(): Promise<PaymentFlow> {
      const flow = await confirmed();
      await backend.payments.setOutcome('timeout');
      flow.pay();
      await settled(flow, 'uncertain');
      await backend.payments.setOutcome('success');
      pageWorker()!.use(http.post(paymentsUrl(), () => problem(409, 'idempotency_key_in_use')));
      flow.retry();
      await waitUntil(() => flow.state.name === 'uncertain' && flow.state.tries === 2);
      return flow;
    }

    it('finds the payment made, settles it as paid and makes no request to pay', async () => {
      const flow = await stuckInUse();
      const sent = keys.length;
      await flow.checkPayments();
      const state = stateOf(flow, 'paid');
      expect(state.earlier).to.equal(true);
      expect(state.receipt.amount).to.equal(50_000);
      expect(keys).to.have.length(sent);
      expect(pending.get(scope)).to.equal(undefined);
      expect(told.paid).to.deep.equal([{ replayed: true, withResponse: false }]);
    });

    /** Pays into a backend that says "in use" to every try (so nothing is paid), then looks in the payments list. */
    async function checkedWhileInUse(): Promise<PaymentFlow> {
      pageWorker()!.use(http.post(paymentsUrl(), () => problem(409, 'idempotency_key_in_use')));
      const flow = await confirmed();
      flow.pay();
      await settled(flow, 'uncertain');
      await flow.checkPayments();
      return flow;
    }

    it('says when the list does not have it yet, and the payment stays pending', async () => {
      const flow = await checkedWhileInUse();
      expect(stateOf(flow, 'uncertain').notListed).to.equal(true);
      expect(pending.get(scope)?.key).to.equal(keys[0]);
    });

    it('does not take a payment of the same amount known before for this one', async () => {
      await pay(client, account.id, { amount: 50_000 }, { idempotencyKey: crypto.randomUUID() });
      const flow = await checkedWhileInUse();
      expect(stateOf(flow, 'uncertain').notListed).to.equal(true);
    });
  });

  describe('a pending payment outlives the page, the session and the logout', () => {
    it('is resolved first at the next open: the same key is sent again at once', async () => {
      await backend.payments.setOutcome('timeout');
      const storage = pendingInLocalStorage();
      const first = await confirmed(50_000, newFlow({ pending: storage }));
      first.pay();
      await settled(first, 'uncertain');
      // The session ends, and the element with it.
      first.close();
      await mockFetch(backend, 'logout', { method: 'POST' });
      expect(JSON.parse(localStorage.getItem(PENDING_PAYMENTS_KEY)!)).to.have.length(1);

      // A new page (a new flow over the same storage), logged in again.
      await backend.payments.setOutcome('success');
      await mockFetch(backend, 'login', { method: 'POST', body: { email: DEMO_USER.email, password: DEMO_USER.password } });
      const next = newFlow({ pending: pendingInLocalStorage() });
      next.open(scope, account);
      expect(next.state).to.deep.include({ name: 'sending', retry: true });
      await paidOnceWithTheSameKey(next);
      expect(localStorage.getItem(PENDING_PAYMENTS_KEY)).to.equal(null);
    });

    it('is another user\'s or another account\'s business: not resolved for them', async () => {
      const stored: PendingPayment = { ...scope, userId: 'someone-else', key: 'k'.repeat(32), request: { amount: 100 }, sentAt: 0, knownPaymentIds: [] };
      pending.put(stored);
      const flow = newFlow();
      flow.open(scope, account);
      expect(flow.state.name).to.equal('choose');
      expect(pending.get({ ...scope, userId: 'someone-else' })).to.deep.equal(stored);
    });

    it('an answer that comes after close() settles the stored payment but moves nothing on screen', async () => {
      const flow = await confirmed();
      flow.pay();
      flow.close();
      await waitUntil(() => pending.get(scope) === undefined, 'the payment was not settled');
      expect(flow.state.name).to.equal('choose');
      expect(await payments()).to.have.length(1);
    });

    it('drops entries in storage that are not pending payments', () => {
      localStorage.setItem(PENDING_PAYMENTS_KEY, JSON.stringify([{ apiBase: 1 }, 'x', { ...scope, key: 'short', request: { amount: 1 } }]));
      expect(pendingInLocalStorage().get(scope)).to.equal(undefined);
      localStorage.setItem(PENDING_PAYMENTS_KEY, '{not json');
      expect(pendingInLocalStorage().get(scope)).to.equal(undefined);
    });
  });
});

/** Pending payments kept where `<lk-pay-now>` keeps them: the origin's localStorage. */
const pendingInLocalStorage = () => storedPendingPayments(() => localStorage);

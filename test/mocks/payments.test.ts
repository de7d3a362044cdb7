import { expect } from '@open-wc/testing';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/api/paths.js';
import { IDEMPOTENCY_HEADER } from '../../src/schemas/payment.js';
import type { PaymentList, PaymentResponse } from '../../src/schemas/payment.js';
import type { User } from '../../src/schemas/user.js';
import type { MockBackend } from '../../mocks/backend.js';
import { mockNow } from '../../mocks/db.js';
import { IDEMPOTENCY_PROCESSING_TTL, IDEMPOTENCY_REPLAY_TTL, canonicalJson, requestFingerprint } from '../../mocks/payments.js';
import {
  DAGESTAN,
  DAGESTAN_ID,
  PSKOV_ID,
  accountUrl,
  changeWhen,
  disconnect,
  logInWithDagestanMeter,
  mockFetch,
  problemOf,
  useMockBackend,
} from './helpers.js';

/**
 * `POST accounts/:accountId/payments` as the client sends it; `body` goes
 * as JSON unless it is a string (sent as it is, to write the same JSON
 * otherwise or send something that is not JSON).
 */
function postPayment(backend: MockBackend, accountId: string, key: string, body: unknown): Promise<Response> {
  return fetch(accountUrl(backend, 'payments', accountId), {
    method: 'POST',
    headers: {
      Accept: 'application/json, application/problem+json',
      'Content-Type': 'application/json',
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      [IDEMPOTENCY_HEADER]: key,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const newKey = () => `key-${crypto.randomUUID()}`;

async function paymentsOf(backend: MockBackend, accountId: string): Promise<PaymentList['payments']> {
  const response = await fetch(accountUrl(backend, 'payments', accountId));
  expect(response.status, 'GET payments').to.equal(200);
  return ((await response.json()) as PaymentList).payments;
}

describe('mock backend: payments and their Idempotency-Key', () => {
  const backend = useMockBackend();
  let meterId: string;
  let lastReading: number;

  beforeEach(async () => {
    ({ meterId, lastReading } = await logInWithDagestanMeter(backend));
  });

  describe('canonicalJson', () => {
    it('sorts members at every depth, keeps array order, drops whitespace', () => {
      expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).to.equal('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
      expect(canonicalJson(JSON.parse(' { "amount" : 1 ,\n "readings": [ ] } '))).to.equal('{"amount":1,"readings":[]}');
    });
  });

  describe('the request fingerprint', () => {
    it('treats the same JSON written otherwise as the same request: the first answer is replayed, one payment is made', async () => {
      const key = newKey();
      const first = await postPayment(backend, DAGESTAN_ID, key, `{"amount":50000,"readings":[{"meterId":"${meterId}","value":${lastReading + 5}}]}`);
      expect(first.status).to.equal(201);
      const again = await postPayment(
        backend,
        DAGESTAN_ID,
        key,
        `{\n  "readings": [ { "value": ${lastReading + 5}, "meterId": "${meterId}" } ],\n  "amount": 50000\n}`,
      );
      expect(again.status).to.equal(201);
      expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
      const [firstBody, againBody] = [(await first.json()) as PaymentResponse, (await again.json()) as PaymentResponse];
      expect(againBody).to.deep.equal(firstBody);
      expect(await paymentsOf(backend, DAGESTAN_ID)).to.have.length(1);
    });

    it('refuses the same key sent to another account’s path (422 idempotency_key_reused), paying nothing there', async () => {
      const key = newKey();
      expect((await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 })).status).to.equal(201);
      const elsewhere = await postPayment(backend, PSKOV_ID, key, { amount: 50000 });
      expect(elsewhere.status).to.equal(422);
      expect(await problemOf(elsewhere)).to.include({ status: 422, code: 'idempotency_key_reused' });
      expect(await paymentsOf(backend, PSKOV_ID)).to.deep.equal([]);
    });

    it('refuses the same key with another body (422)', async () => {
      const key = newKey();
      expect((await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 })).status).to.equal(201);
      const other = await postPayment(backend, DAGESTAN_ID, key, { amount: 50001 });
      expect(await problemOf(other)).to.include({ status: 422, code: 'idempotency_key_reused' });
    });
  });

  describe('Idempotent-Replayed', () => {
    it('marks the replay of a success, not the first answer', async () => {
      const key = newKey();
      const first = await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 });
      expect([first.status, first.headers.get('Idempotent-Replayed')]).to.deep.equal([201, null]);
      const replay = await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 });
      expect([replay.status, replay.headers.get('Idempotent-Replayed')]).to.deep.equal([201, 'true']);
      expect(await replay.json()).to.deep.equal(await first.json());
    });

    it('marks the replay of a refusal (402 payment_declined), not the first answer', async () => {
      await backend.payments.setOutcome('declined');
      const key = newKey();
      const first = await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 });
      expect([first.status, first.headers.get('Idempotent-Replayed')]).to.deep.equal([402, null]);
      expect(await problemOf(first)).to.include({ code: 'payment_declined' });
      // The provider would pay now: the replay is still the first answer, and nothing more is paid.
      await backend.payments.setOutcome('success');
      const replay = await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 });
      expect([replay.status, replay.headers.get('Idempotent-Replayed')]).to.deep.equal([402, 'true']);
      expect(await problemOf(replay)).to.include({ status: 402, code: 'payment_declined' });
      expect((await paymentsOf(backend, DAGESTAN_ID)).map(({ status }) => status)).to.deep.equal(['declined']);
    });
  });

  describe('a body that is not JSON', () => {
    const notJson = [
      ['form-encoded', 'amount=50000'],
      ['cut short', '{"amount": 50000'],
      ['empty', ''],
    ] as const;

    for (const [kind, body] of notJson) {
      it(`answers the payment 400 json_invalid at "" (${kind}), taking no key`, async () => {
        const key = newKey();
        const response = await postPayment(backend, DAGESTAN_ID, key, body);
        expect(response.status).to.equal(400);
        expect(await problemOf(response)).to.deep.include({ code: 'validation_failed', errors: [{ pointer: '', code: 'json_invalid' }] });
        // The key is still free: the same key with a good body pays.
        expect((await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 })).status).to.equal(201);
      });
    }

  });

  describe('on the mock clock', () => {
    async function userId(): Promise<string> {
      return ((await (await mockFetch(backend, 'session')).json()) as { user: User }).user.id;
    }

    it('lets a key go whose request never finished (its tab closed) after IDEMPOTENCY_PROCESSING_TTL', async () => {
      const key = newKey();
      const body = { amount: 50000 };
      const path = new URL(accountUrl(backend, 'payments', DAGESTAN_ID)).pathname;
      const fingerprint = await requestFingerprint('POST', path, body);
      const recordKey = `${await userId()}:${key}`;
      // What a request leaves behind when it stops between taking its key and answering.
      await backend.db.transact((state) => {
        state.idempotency[recordKey] = { fingerprint, state: 'processing', status: 0, body: null, createdAt: mockNow(state) };
      });
      expect(await problemOf(await postPayment(backend, DAGESTAN_ID, key, body))).to.include({ status: 409, code: 'idempotency_key_in_use' });
      // Real time runs on under the mock clock too: a margin of a minute, not of a millisecond.
      await backend.clock.advance(IDEMPOTENCY_PROCESSING_TTL - 60_000);
      expect((await postPayment(backend, DAGESTAN_ID, key, body)).status).to.equal(409);
      await backend.clock.advance(60_000);
      const paid = await postPayment(backend, DAGESTAN_ID, key, body);
      expect([paid.status, paid.headers.get('Idempotent-Replayed')]).to.deep.equal([201, null]);
    });

    it('replays a finished answer for IDEMPOTENCY_REPLAY_TTL (24 hours), then forgets the key', async () => {
      expect(IDEMPOTENCY_REPLAY_TTL).to.equal(24 * 60 * 60_000);
      const key = newKey();
      expect((await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 })).status).to.equal(201);
      await backend.clock.advance(IDEMPOTENCY_REPLAY_TTL - 60_000);
      expect((await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 })).headers.get('Idempotent-Replayed')).to.equal('true');
      await backend.clock.advance(60_000);
      // The key is new again: a request with it is a new payment, even with another body.
      const later = await postPayment(backend, DAGESTAN_ID, key, { amount: 70000 });
      expect([later.status, later.headers.get('Idempotent-Replayed')]).to.deep.equal([201, null]);
      expect(await paymentsOf(backend, DAGESTAN_ID)).to.have.length(2);
    });
  });

  describe('a request that fails on the way', () => {
    const recordsOf = async (key: string) =>
      Object.keys((await backend.db.read()).idempotency).filter((recordKey) => recordKey.endsWith(`:${key}`));

    it('answers 404 when the account is disconnected between the first look and the payment, and gives the key back', async () => {
      const key = newKey();
      // Another tab disconnects the account right after this request took its key.
      const disconnected = changeWhen(
        backend,
        (state, saved) =>
          saved && Object.entries(state.idempotency).some(([recordKey, record]) => recordKey.endsWith(`:${key}`) && record.state === 'processing'),
        disconnect(DAGESTAN_ID),
      );
      const response = await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 });
      await disconnected;
      expect(response.status).to.equal(404);
      expect(await problemOf(response)).to.include({ status: 404, code: 'not_found' });
      expect(Object.keys((await backend.db.read()).payments)).to.deep.equal([]);
      expect(await recordsOf(key)).to.deep.equal([]);
      // Connected again, the retry with the same key pays: it is not stuck at 409.
      expect((await mockFetch(backend, 'accounts', { method: 'POST', body: DAGESTAN })).status).to.equal(201);
      const retry = await postPayment(backend, DAGESTAN_ID, key, { amount: 50000 });
      expect([retry.status, retry.headers.get('Idempotent-Replayed')]).to.deep.equal([201, null]);
    });

    it('answers an exception 500 internal_error and gives the key back', async () => {
      const key = newKey();
      const body = { amount: 50000, readings: [{ meterId, value: lastReading + 5 }] };
      // A register record the handler cannot read: checking the readings throws.
      const meters = (await backend.db.read()).supplierRegister[DAGESTAN_ID]!.meters;
      await backend.db.transact((state) => {
        (state.supplierRegister[DAGESTAN_ID] as { meters: unknown }).meters = null;
      });
      const originalConsoleError = console.error;
      console.error = () => {};
      let failed: Response;
      try {
        failed = await postPayment(backend, DAGESTAN_ID, key, body);
      } finally {
        console.error = originalConsoleError;
      }
      expect(failed.status).to.equal(500);
      expect(await problemOf(failed)).to.deep.equal({
        type: 'https://lk-widgets.dev/problems/internal_error',
        title: 'Unexpected internal error',
        status: 500,
        code: 'internal_error',
      });
      expect(await recordsOf(key)).to.deep.equal([]);
      await backend.db.transact((state) => {
        state.supplierRegister[DAGESTAN_ID]!.meters = meters;
      });
      expect((await postPayment(backend, DAGESTAN_ID, key, body)).status).to.equal(201);
    });
  });
});

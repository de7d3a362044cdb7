import { expect } from '@open-wc/testing';
import { fetchAccounts } from '../../src/api/accounts.js';
import type { Client } from '../../src/api/client.js';
import { isTimeoutError } from '../../src/api/errors.js';
import { fetchPayments, newIdempotencyKey, pay } from '../../src/api/payments.js';
import type { Account } from '../../src/schemas/account.js';
import { useMockBackend } from '../mocks/helpers.js';
import { countRequests } from '../elements/helpers.js';
import { clientWithAccount, rejection } from './helpers.js';

describe('client and mock: payments', () => {
  const backend = useMockBackend();
  let client: Client;
  let account: Account;

  beforeEach(async () => {
    ({ client, account } = await clientWithAccount(backend));
  });

  describe('POST accounts/:id/payments', () => {
    it('pays, lowers the debt, gives a receipt, and lists the payment', async () => {
      const meter = account.meters[0]!;
      const answer = await pay(client, account.id, { amount: 50000, readings: [{ meterId: meter.id, value: 27950 }] }, { idempotencyKey: newIdempotencyKey() });
      expect(answer.payment).to.deep.include({ amount: 50000, status: 'succeeded' });
      expect(answer.receipt).to.deep.include({ amount: 50000, accountNumber: '5812345678', supplierName: 'Межрегионгаз Пятигорск (Республика Дагестан)' });
      expect(answer.account.debt).to.equal(-195685 - 50000);
      expect(answer.account.meters[0]!.lastReading).to.equal(27950);
      const payments = await fetchPayments(client, account.id);
      expect(payments.map(({ id }) => id)).to.deep.equal([answer.payment.id]);
    });

    it('replays the first answer for the same key and body, and pays once (docs/promises.md#18)', async () => {
      const key = newIdempotencyKey();
      const first = await pay(client, account.id, { amount: 50000 }, { idempotencyKey: key });
      const again = await pay(client, account.id, { amount: 50000 }, { idempotencyKey: key });
      // The same answer, and it says it is the replay of the first.
      expect([first.replayed, again.replayed]).to.deep.equal([false, true]);
      expect({ ...again, replayed: false }).to.deep.equal(first);
      expect(await fetchPayments(client, account.id)).to.have.length(1);
      expect((await fetchAccounts(client))[0]!.debt).to.equal(-195685 - 50000);
    });

    it('refuses the same key with another body (422), and a payment without a key (400)', async () => {
      const key = newIdempotencyKey();
      await pay(client, account.id, { amount: 50000 }, { idempotencyKey: key });
      const reused = await rejection(pay(client, account.id, { amount: 60000 }, { idempotencyKey: key }));
      expect([reused.status, reused.code]).to.deep.equal([422, 'idempotency_key_reused']);
      const missing = await rejection(client.request({ method: 'POST', path: `accounts/${account.id}/payments`, body: { amount: 50000 } }));
      expect([missing.status, missing.code]).to.deep.equal([400, 'idempotency_key_required']);
      expect(await fetchPayments(client, account.id)).to.have.length(1);
    });

    it('checks the amount\'s limits and the readings before paying anything', async () => {
      const small = await rejection(
        client.request({ method: 'POST', path: `accounts/${account.id}/payments`, body: { amount: 50 }, headers: { 'Idempotency-Key': newIdempotencyKey() } }),
      );
      expect(small.fieldErrors).to.deep.equal({ amount: ['amount_too_small'] });
      const meter = account.meters[0]!;
      const reading = await rejection(pay(client, account.id, { amount: 50000, readings: [{ meterId: meter.id, value: 1 }] }, { idempotencyKey: newIdempotencyKey() }));
      expect(reading.fieldErrors).to.deep.equal({ 'readings.0.value': ['reading_below_last'] });
      expect(await fetchPayments(client, account.id)).to.deep.equal([]);
    });

    it('answers a declined card with 402, pays nothing, and replays the decline for the same key', async () => {
      await backend.payments.setOutcome('declined');
      const key = newIdempotencyKey();
      const declined = await rejection(pay(client, account.id, { amount: 50000 }, { idempotencyKey: key }));
      expect([declined.status, declined.code]).to.deep.equal([402, 'payment_declined']);
      const replay = await rejection(pay(client, account.id, { amount: 50000 }, { idempotencyKey: key }));
      expect([replay.status, replay.code]).to.deep.equal([402, 'payment_declined']);
      expect((await fetchAccounts(client))[0]!.debt).to.equal(-195685);
      expect((await fetchPayments(client, account.id)).map(({ status }) => status)).to.deep.equal(['declined']);
    });

    it('after a timeout at the provider, a retry with the same key gets the payment made, and nothing is paid twice', async () => {
      await backend.payments.setOutcome('timeout');
      const key = newIdempotencyKey();
      const requests = countRequests(backend);
      const lost = await pay(client, account.id, { amount: 50000 }, { idempotencyKey: key }).catch((error: unknown) => error);
      expect(isTimeoutError(lost)).to.equal(true);
      // POST is never retried by the client on its own: one request so far.
      expect(requests.count).to.equal(1);
      await backend.payments.setOutcome('success');
      const retried = await pay(client, account.id, { amount: 50000 }, { idempotencyKey: key });
      requests.stop();
      expect(retried.payment.status).to.equal('succeeded');
      expect(await fetchPayments(client, account.id)).to.have.length(1);
      expect((await fetchAccounts(client))[0]!.debt).to.equal(-195685 - 50000);
    });

    it('is there only for an account connected to the cabinet', async () => {
      const error = await rejection(pay(client, 'mrg-pskov-6001234567', { amount: 50000 }, { idempotencyKey: newIdempotencyKey() }));
      expect(error.status).to.equal(404);
    });
  });
});

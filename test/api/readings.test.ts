import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { connectAccount, fetchAccountHistory, fetchAccounts } from '../../src/api/accounts.js';
import { logout } from '../../src/api/auth.js';
import { createClient } from '../../src/api/client.js';
import type { Client } from '../../src/api/client.js';
import { isApiError, isNetworkError, isResponseShapeError, isTimeoutError } from '../../src/api/errors.js';
import { fetchPayments, newIdempotencyKey, pay } from '../../src/api/payments.js';
import { fetchReadings, submitReadings } from '../../src/api/readings.js';
import type { Account } from '../../src/schemas/account.js';
import { issueCode } from '../../src/schemas/issues.js';
import { consumptionOf, readingSchema } from '../../src/schemas/reading.js';
import { useMockBackend } from '../mocks/helpers.js';
import { FAULTS } from '../elements/bad-input.js';
import { clientWithAccount, rejection } from './helpers.js';

describe('client and mock: meter readings', () => {
  const backend = useMockBackend();
  let client: Client;
  let account: Account;

  beforeEach(async () => {
    ({ client, account } = await clientWithAccount(backend));
  });

  describe('the reading rule (docs/promises.md#20)', () => {
    const meter = { digits: 5, lastReading: 27927 };
    /** The code `readingSchema` gives `typed`, or `null` when it passes. */
    const readingIssue = (typed: string, rollover?: boolean) => issueCode(v.safeParse(readingSchema(meter, rollover), typed)) ?? null;
    it('takes an integer no lower than the last, fitting the dial', () => {
      expect(readingIssue('27950')).to.equal(null);
      expect(readingIssue('27927')).to.equal(null);
      expect(readingIssue('')).to.equal('reading_required');
      expect(readingIssue('27926')).to.equal('reading_below_last');
      expect(readingIssue('279500')).to.equal('reading_too_many_digits');
      expect(readingIssue('2795,5')).to.equal('reading_format');
      expect(readingIssue('２７９５０')).to.equal('reading_fullwidth');
      expect(readingIssue('-1')).to.equal('reading_format');
    });

    it('gives the number the text says, surrounding white space dropped', () => {
      expect(v.parse(readingSchema(meter), ' 27950 ')).to.equal(27950);
      expect(v.parse(readingSchema(meter, true), '00012')).to.equal(12);
      expect(v.parse(readingSchema({ digits: 5, lastReading: null }), '0')).to.equal(0);
    });

    it('takes a lower one only when the user confirms the dial went round, and counts what it ran', () => {
      expect(readingIssue('00012', true)).to.equal(null);
      expect(readingIssue('27950', true)).to.equal('reading_rollover_not_below');
      expect(consumptionOf(12, meter, true)).to.equal(100000 - 27927 + 12);
      expect(consumptionOf(27950, meter)).to.equal(23);
    });
  });

  describe('POST accounts/:id/readings', () => {
    it('makes an accepted reading the meter\'s last one', async () => {
      const meter = account.meters[0]!;
      const { account: after, readings } = await submitReadings(client, account.id, { readings: [{ meterId: meter.id, value: 27950 }] });
      expect(readings).to.have.length(1);
      expect(readings[0]).to.deep.include({ meterId: meter.id, value: 27950, consumption: 23 });
      expect(after.meters[0]!.lastReading).to.equal(27950);
      expect((await fetchAccounts(client))[0]!.meters[0]!.lastReading).to.equal(27950);
    });

    it('refuses, by the same rule, a reading the client did not check', async () => {
      const meter = account.meters[0]!;
      const error = await rejection(submitReadings(client, account.id, { readings: [{ meterId: meter.id, value: 100 }] }));
      expect([error.status, error.fieldErrors]).to.deep.equal([422, { 'readings.0.value': ['reading_below_last'] }]);
      const tooLong = await rejection(submitReadings(client, account.id, { readings: [{ meterId: meter.id, value: 123456 }] }));
      expect(tooLong.fieldErrors).to.deep.equal({ 'readings.0.value': ['reading_too_many_digits'] });
    });
  });

  describe('GET accounts/:id/readings', () => {
    it('lists the meter’s month-end readings newest first, with the meter’s name, adding up with the history', async () => {
      const readings = await fetchReadings(client, account.id);
      const { months } = await fetchAccountHistory(client, account.id);
      // One meter, one reading at the end of each closed month.
      expect(readings).to.have.length(months.length);
      expect(readings[0]).to.deep.include({ meterId: account.meters[0]!.id, meterName: 'Счетчик 1', value: 27927, date: account.meters[0]!.lastReadingDate });
      const dates = readings.map(({ date }) => date);
      expect(dates).to.deep.equal([...dates].sort().reverse());
      expect(readings.map(({ date }) => date.slice(0, 7))).to.deep.equal(months.map(({ month }) => month).reverse());
      // What each reading counted is the month's consumption in the history; the oldest has nothing to count from.
      const newestFirst = [...months].reverse();
      readings.forEach((reading, index) => {
        const expected = index === readings.length - 1 ? null : newestFirst[index]!.services[0]!.consumption;
        expect(reading.consumption, reading.date).to.equal(expected);
        if (index < readings.length - 1) expect(reading.value - readings[index + 1]!.value, reading.date).to.equal(reading.consumption);
      });
    });

    it('lists each meter of an account with two', async () => {
      const pskov = await connectAccount(client, { supplierId: 'mrg-pskov', number: '6001234567' });
      const readings = await fetchReadings(client, pskov.id);
      expect(readings.slice(0, 2).map(({ meterName, value }) => [meterName, value])).to.deep.equal(
        pskov.meters.map((meter) => [meter.name, meter.lastReading]),
      );
    });

    it('lists an accepted reading first, dated today, with what it counted', async () => {
      const meter = account.meters[0]!;
      const { readings: accepted } = await submitReadings(client, account.id, { readings: [{ meterId: meter.id, value: 27950 }] });
      const readings = await fetchReadings(client, account.id);
      expect(readings[0]).to.deep.equal({ meterId: meter.id, meterName: 'Счетчик 1', value: 27950, date: accepted[0]!.date, consumption: 23 });
      expect(readings[1]).to.deep.include({ value: 27927 });
      // A payment with a reading, the same day: newer still.
      await pay(client, account.id, { amount: 50000, readings: [{ meterId: meter.id, value: 27961 }] }, { idempotencyKey: newIdempotencyKey() });
      expect((await fetchReadings(client, account.id)).slice(0, 3).map(({ value, consumption }) => [value, consumption])).to.deep.equal([
        [27961, 11],
        [27950, 23],
        [27927, readings[1]!.consumption],
      ]);
    });

    it('counts a confirmed rollover as the dial ran', async () => {
      const meter = account.meters[0]!;
      await submitReadings(client, account.id, { readings: [{ meterId: meter.id, value: 12, rollover: true }] });
      const [newest] = await fetchReadings(client, account.id);
      expect(newest).to.deep.include({ value: 12, consumption: 100000 - 27927 + 12 });
    });

    it('lists no declined payment’s reading', async () => {
      await backend.payments.setOutcome('declined');
      const meter = account.meters[0]!;
      await pay(client, account.id, { amount: 50000, readings: [{ meterId: meter.id, value: 27950 }] }, { idempotencyKey: newIdempotencyKey() }).catch(() => {});
      expect((await fetchReadings(client, account.id))[0]!.value).to.equal(27927);
    });

    it('is there only for an account connected to the cabinet, as the payments are', async () => {
      const readings = await rejection(fetchReadings(client, 'mrg-pskov-6001234567'));
      const payments = await rejection(fetchPayments(client, 'mrg-pskov-6001234567'));
      expect([readings.status, readings.code]).to.deep.equal([404, 'not_found']);
      expect([readings.status, readings.code]).to.deep.equal([payments.status, payments.code]);
    });

    it('asks for a session', async () => {
      await logout(client);
      const error = await rejection(fetchReadings(client, account.id));
      expect([error.status, error.code]).to.deep.equal([401, 'unauthenticated']);
    });

    describe('faults', () => {
      const once = () => createClient({ baseUrl: backend.apiBase, retries: 0, timeout: 200 });
      const kinds = {
        'server-error': (error: unknown) => isApiError(error) && error.status === 500,
        'network-error': isNetworkError,
        malformed: isResponseShapeError,
        'wrong-shape': isResponseShapeError,
        timeout: isTimeoutError,
      } as const;
      for (const fault of [...FAULTS.map(([kind]) => kind), 'timeout' as const]) {
        it(`rejects with a typed error under ${fault}, and answers again once it is gone`, async () => {
          await backend.faults.set('readings', fault);
          const error = await fetchReadings(once(), account.id).catch((caught: unknown) => caught);
          expect(kinds[fault](error), String(error)).to.equal(true);
          await backend.faults.clear('readings');
          expect(await fetchReadings(once(), account.id)).to.have.length(24);
        });
      }
    });
  });
});

import { expect } from '@open-wc/testing';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/api/paths.js';
import { DAGESTAN_ID, accountUrl, changeWhen, disconnect, logInWithDagestanMeter, problemOf, useMockBackend } from './helpers.js';

describe('mock backend: meter readings', () => {
  const backend = useMockBackend();
  let meterId: string;
  let lastReading: number;

  beforeEach(async () => {
    ({ meterId, lastReading } = await logInWithDagestanMeter(backend));
  });

  describe('a body that is not JSON', () => {
    it('answers the readings 400 json_invalid at "" too', async () => {
      const readings = await fetch(accountUrl(backend, 'readings', DAGESTAN_ID), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
        body: 'readings=1',
      });
      expect(readings.status).to.equal(400);
      expect(await problemOf(readings)).to.deep.include({ code: 'validation_failed', errors: [{ pointer: '', code: 'json_invalid' }] });
    });
  });

  describe('a request that fails on the way', () => {
    it('answers readings 404 when the account is disconnected between the first look and the write', async () => {
      // The handler's look at the connection is the first load after its session's transaction saved.
      let sessionSaved = false;
      const disconnected = changeWhen(
        backend,
        (_state, saved) => {
          if (saved) sessionSaved = true;
          return !saved && sessionSaved;
        },
        disconnect(DAGESTAN_ID),
      );
      const response = await fetch(accountUrl(backend, 'readings', DAGESTAN_ID), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
        body: JSON.stringify({ readings: [{ meterId, value: lastReading + 5 }] }),
      });
      await disconnected;
      expect(await problemOf(response)).to.include({ status: 404, code: 'not_found' });
      const meter = (await backend.db.read()).supplierRegister[DAGESTAN_ID]!.meters.find((candidate) => candidate.id === meterId)!;
      expect(meter.lastReading).to.equal(lastReading);
    });
  });
});

import { expect } from '@open-wc/testing';
import { changePassword, fetchCurrentUser, login } from '../../src/api/auth.js';
import { connectAccount, disconnectAccount, fetchAccountHistory, fetchAccounts, fetchSuppliers } from '../../src/api/accounts.js';
import { SUPPLIER_ACCOUNTS } from '../../mocks/data/supplier-register.js';
import { HISTORY_MONTHS } from '../../mocks/supplier-register.js';
import { createClient } from '../../src/api/client.js';
import type { Client } from '../../src/api/client.js';
import { isRequestValidationError } from '../../src/api/errors.js';
import { connectionOf } from '../../src/context/environment.js';
import { DEMO_USER, lastLetter, useMockBackend } from '../mocks/helpers.js';
import { rejection } from './helpers.js';

const DAGESTAN = 'mrg-pyatigorsk-dagestan';
const SEED_ACCOUNT = { supplierId: DAGESTAN, number: '5812345678' };

describe('client and mock: suppliers, accounts, password change', () => {
  const backend = useMockBackend();
  let client: Client;
  const logInClient = () => login(client, { email: DEMO_USER.email, password: DEMO_USER.password });

  beforeEach(() => {
    client = createClient({ baseUrl: backend.apiBase, retryDelay: () => 0 });
  });

  it('serves the supplier catalogue without a session', async () => {
    const suppliers = await fetchSuppliers(client);
    expect(suppliers).to.have.length(9);
    expect(suppliers[1]).to.deep.include({ id: DAGESTAN, name: 'Межрегионгаз Пятигорск (Республика Дагестан)' });
  });

  it('needs a session for the accounts (401 unauthenticated)', async () => {
    const error = await rejection(fetchAccounts(client));
    expect([error.status, error.code]).to.deep.equal([401, 'unauthenticated']);
  });

  it('connects the seed\'s account with its figures, lists it, and disconnects it', async () => {
    await logInClient();
    expect(await fetchAccounts(client)).to.deep.equal([]);
    const account = await connectAccount(client, SEED_ACCOUNT);
    expect(account).to.deep.include({
      number: '5812345678',
      supplierId: DAGESTAN,
      supplierName: 'Межрегионгаз Пятигорск (Республика Дагестан)',
      debt: -195685,
    });
    expect(account.meters.map(({ name, lastReading }) => ({ name, lastReading }))).to.deep.equal([
      { name: 'Счетчик 1', lastReading: 27927 },
    ]);
    expect(await fetchAccounts(client)).to.deep.equal([account]);
    await disconnectAccount(client, account.id);
    expect(await fetchAccounts(client)).to.deep.equal([]);
    expect((await rejection(disconnectAccount(client, account.id))).status).to.equal(404);
  });

  it('answers "not found at this supplier" and "already connected" with a field pointer', async () => {
    await logInClient();
    const missing = await rejection(connectAccount(client, { supplierId: 'mrg-pskov', number: '5812345678' }));
    expect([missing.status, missing.code, missing.fieldErrors]).to.deep.equal([
      404,
      'account_not_found',
      { number: ['account_not_found'] },
    ]);
    await connectAccount(client, SEED_ACCOUNT);
    const twice = await rejection(connectAccount(client, SEED_ACCOUNT));
    expect([twice.status, twice.code, twice.fieldErrors]).to.deep.equal([
      409,
      'account_already_connected',
      { number: ['account_already_connected'] },
    ]);
  });

  it('checks the number against the supplier\'s rule again (a client that skipped it)', async () => {
    await logInClient();
    const sector = await rejection(connectAccount(client, { supplierId: DAGESTAN, number: '9912345678' }));
    expect([sector.status, sector.fieldErrors]).to.deep.equal([422, { number: ['account_sector_unknown'] }]);
    const unknown = await rejection(connectAccount(client, { supplierId: 'mrg-nowhere', number: '5812345678' }));
    expect(unknown.fieldErrors).to.deep.equal({ supplierId: ['supplier_unknown'] });
  });

  it('changes the password: the old one stops working, other sessions end, this one stays, a letter is sent', async () => {
    await logInClient();
    const other = createClient({ baseUrl: backend.apiBase });
    // Another device's session: msw has one cookie jar per page, so it is put in the store directly.
    await backend.db.transact((state) => {
      state.sessions['another-device'] = { userId: DEMO_USER.id, createdAt: 0, expiresAt: Number.MAX_SAFE_INTEGER };
    });
    await changePassword(client, { currentPassword: DEMO_USER.password, newPassword: 'novyi2027' });
    const sessions = Object.entries((await backend.db.read()).sessions);
    expect(sessions.map(([key]) => key)).not.to.include('another-device');
    expect(sessions.filter(([, session]) => session.userId === DEMO_USER.id)).to.have.length(1);
    expect((await fetchCurrentUser(client))?.email).to.equal(DEMO_USER.email);
    const wrong = await rejection(login(other, { email: DEMO_USER.email, password: DEMO_USER.password }));
    expect(wrong.code).to.equal('invalid_credentials');
    await login(other, { email: DEMO_USER.email, password: 'novyi2027' });
    const letter = await lastLetter(backend, DEMO_USER.email, 'password-changed');
    expect(letter?.body).to.contain('на других устройствах завершены');
  });

  it('refuses a wrong current password with a field error, and counts it as a failed login', async () => {
    await logInClient();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const error = await rejection(changePassword(client, { currentPassword: 'wrong123', newPassword: 'novyi2027' }));
      expect([error.status, error.fieldErrors]).to.deep.equal([422, { currentPassword: ['current_password_wrong'] }]);
    }
    expect(await backend.db.captchaRequired(DEMO_USER.email.toLowerCase())).to.equal(true);
  });

  it('checks the new password by the policy before sending, and the mock by the common-password list', async () => {
    await logInClient();
    const policy = await changePassword(client, { currentPassword: DEMO_USER.password, newPassword: 'кириллица' }).catch(
      (error: unknown) => error,
    );
    expect(isRequestValidationError(policy)).to.equal(true);
    // A client that skips the check: the mock refuses what the list refuses.
    const common = await rejection(
      client.request({
        method: 'POST',
        path: 'auth/password',
        body: { currentPassword: DEMO_USER.password, newPassword: 'qwerty123' },
      }),
    );
    expect(common.fieldErrors).to.deep.equal({ newPassword: ['password_common'] });
  });

  describe('history', () => {
    it('adds up over the whole seeded history of every account in the register', async () => {
      await logInClient();
      const now = new Date(backend.clock.now());
      const period = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
      for (const facts of SUPPLIER_ACCOUNTS) {
        const account = await connectAccount(client, { supplierId: facts.supplierId, number: facts.number });
        const { months } = await fetchAccountHistory(client, account.id);
        expect(months, facts.number).to.have.length(HISTORY_MONTHS);
        expect(months.map(({ month }) => month)).to.deep.equal([...months.map(({ month }) => month)].sort());
        expect(months.at(-1)!.month < period, 'closed months only').to.equal(true);
        let previous: number | undefined;
        for (const { month, services } of months) {
          for (const service of services) {
            // closing = opening + charged − paid, in integer kopecks.
            expect(service.closing, `${facts.number} ${month}`).to.equal(service.opening + service.charged - service.paid);
            if (previous !== undefined) expect(service.opening, `${facts.number} ${month} opens where the last month closed`).to.equal(previous);
            previous = service.closing;
          }
        }
        // The last closed month's balance is the debt of the period ("Сумма долга за период").
        expect(previous).to.equal(account.debt);
      }
    });

    it('is there only for an account connected to the cabinet', async () => {
      await logInClient();
      const error = await rejection(fetchAccountHistory(client, 'mrg-pyatigorsk-dagestan-5812345678'));
      expect([error.status, error.code]).to.deep.equal([404, 'not_found']);
    });
  });

  describe('the session\'s accounts store', () => {
    it('loads once per user, connects (first becomes current), selects, disconnects, and forgets on logout', async () => {
      const { session, accounts } = connectionOf(client);
      await session.load();
      await accounts.load();
      expect(accounts.status).to.equal('idle');
      session.signedIn((await logInClient()).user);
      await accounts.load();
      expect([accounts.status, accounts.accounts.length]).to.deep.equal(['ready', 0]);
      const first = await accounts.connect(SEED_ACCOUNT);
      const second = await accounts.connect({ supplierId: 'mrg-pskov', number: '6001234567' });
      expect(accounts.current?.id).to.equal(first.id);
      expect(accounts.select(second.id)?.id).to.equal(second.id);
      expect(accounts.current?.id).to.equal(second.id);
      await accounts.disconnect(second.id);
      expect(accounts.current?.id).to.equal(first.id);
      await session.logout();
      expect([accounts.status, accounts.accounts.length, accounts.current]).to.deep.equal(['idle', 0, undefined]);
    });

    it('logs the session out as expired when a call finds no session', async () => {
      const { session, accounts } = connectionOf(client);
      session.signedIn((await logInClient()).user);
      const reasons: string[] = [];
      session.addEventListener('logout', (event) => reasons.push((event as unknown as { reason: string }).reason));
      await backend.clock.advance(31 * 24 * 60 * 60_000);
      await accounts.load();
      expect([session.status, reasons, accounts.status]).to.deep.equal(['anonymous', ['expired'], 'idle']);
    });
  });
});

import { expect } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/backend.js';
import { startMockBackend } from '../../mocks/browser.js';
import type { StartedMockBackend } from '../../mocks/browser.js';
import type { MockState } from '../../mocks/db.js';
import { SESSION_COOKIE } from '../../mocks/sessions.js';
import {
  DEMO_USER,
  MSW_COOKIE_STORE_KEY,
  jarCookies,
  logIn,
  mockFetch,
  resetMockBackend,
  sessionUserId,
  useMockBackend,
} from './helpers.js';

const HOUR = 60 * 60_000;

/** The parts of a state a fresh seed fixes (user records carry seed-time dates). */
const seedShape = (state: MockState) => ({
  users: Object.values(state.users).map(({ id, email, emailConfirmed }) => ({ id, email, emailConfirmed })),
  sessions: state.sessions,
  throttle: state.throttle,
  clockOffset: state.clockOffset,
  controls: state.controls,
});

describe('mock backend: storage', () => {
  describe('memory (default)', () => {
    const backend = useMockBackend();

    it('reset() returns to a fresh seed', async () => {
      const fresh = seedShape(await backend.db.read());
      expect(fresh.users.map((user) => user.email)).to.deep.equal(['abonent@example.ru', 'new@example.ru']);
      await logIn(backend);
      await logIn(backend, { email: DEMO_USER.email, password: 'wrong1' });
      await backend.clock.advance(HOUR);
      await backend.faults.set('login', 'server-error');
      await backend.db.transact((state) => {
        state.users[DEMO_USER.id]!.emailConfirmed = false;
      });
      expect(seedShape(await backend.db.read())).not.to.deep.equal(fresh);

      await backend.reset();
      expect(seedShape(await backend.db.read())).to.deep.equal(fresh);
      expect(backend.clock.offset).to.equal(0);
      expect(await sessionUserId(backend)).to.equal(null);
    });

    it('a new backend starts from the seed, not from another one’s data', async () => {
      await backend.clock.advance(HOUR);
      const other = createMockBackend({ passwordIterations: 'test' });
      expect((await other.db.read()).clockOffset).to.equal(0);
    });
  });

  describe('two backends on different bases', () => {
    const a = useMockBackend({ apiBase: '/api-a/' });
    const b = useMockBackend({ apiBase: '/api-b/' });

    it('keep separate sessions, clocks, faults and data', async () => {
      await logIn(a);
      expect(await sessionUserId(a)).to.be.a('string');
      expect(await sessionUserId(b)).to.equal(null);

      await logIn(b);
      await mockFetch(a, 'logout', { method: 'POST' });
      expect(await sessionUserId(a)).to.equal(null);
      expect(await sessionUserId(b)).to.be.a('string');

      await a.clock.advance(HOUR);
      await a.faults.set('session', 'server-error');
      expect(b.clock.offset).to.equal(0);
      expect(await sessionUserId(b)).to.be.a('string');
      expect(Object.keys((await a.db.read()).sessions)).to.have.length(0);
      expect(Object.keys((await b.db.read()).sessions)).to.have.length(1);
    });

    it('scope their session cookies to their bases', async () => {
      await logIn(a);
      await logIn(b);
      const cookieA = (await jarCookies(a))[SESSION_COOKIE];
      const cookieB = (await jarCookies(b))[SESSION_COOKIE];
      expect(cookieA).to.be.a('string');
      expect(cookieB).to.be.a('string').and.not.equal(cookieA);
    });
  });

  describe('indexeddb', () => {
    const options = () => ({
      storage: 'indexeddb' as const,
      dbName: `lk-widgets-mock-test-${crypto.randomUUID()}`,
      apiBase: '/idb-api/',
      passwordIterations: 'test' as const,
      quiet: true,
    });
    const started: StartedMockBackend[] = [];
    const start = async (settings: ReturnType<typeof options>) => {
      const backend = await startMockBackend(settings);
      started.push(backend);
      return backend;
    };

    afterEach(async () => {
      for (const backend of started.splice(0)) {
        await backend.stop();
      }
      localStorage.removeItem(MSW_COOKIE_STORE_KEY);
    });

    it('survives a new backend on the same database (a reload), and reset restores the seed', async () => {
      const settings = options();
      const first = await start(settings);
      await resetMockBackend(first);
      await logIn(first);
      await first.clock.advance(HOUR);
      await first.faults.set('logout', 'server-error');
      await first.stop();

      const second = await start(settings);
      expect(second.clock.offset).to.equal(HOUR);
      expect(await second.faults.get('logout')).to.equal('server-error');
      expect(await sessionUserId(second)).to.be.a('string');
      const cookie = (await jarCookies(second))[SESSION_COOKIE]!;
      expect(cookie).to.be.a('string');
      expect(JSON.stringify(await second.db.read())).not.to.include(cookie);

      await second.reset();
      expect(second.clock.offset).to.equal(0);
      expect(await second.faults.list()).to.deep.equal({});
      expect(await sessionUserId(second)).to.equal(null);
      await deleteDatabase(settings.dbName, [first, second]);
    });

    it('loses no write when two instances (two tabs) change it at once', async () => {
      const settings = options();
      const tabs = [createMockBackend(settings), createMockBackend(settings)];
      await Promise.all(tabs.flatMap((tab) => Array.from({ length: 10 }, () => tab.clock.advance(1))));
      expect((await tabs[0]!.db.read()).clockOffset).to.equal(20);
      await deleteDatabase(settings.dbName, tabs);
    });
  });
});

async function deleteDatabase(name: string, users: Array<{ close(): void }>): Promise<void> {
  users.forEach((user) => user.close());
  await new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
  });
}

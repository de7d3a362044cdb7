import { expect, waitUntil } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/backend.js';
import type { Letter } from '../../mocks/letters.js';
import { DEMO_USER, UNCONFIRMED_USER, mockFetch, useMockBackend } from './helpers.js';
import type { MockBackend } from '../../mocks/backend.js';

const recover = (backend: MockBackend, email: string) => mockFetch(backend, 'recover', { method: 'POST', body: { email } });

describe('mock backend: outbox', () => {
  const backend = useMockBackend();

  it('lists the letters newest first, and clears', async () => {
    expect(await backend.outbox.list()).to.deep.equal([]);
    await recover(backend, DEMO_USER.email);
    await recover(backend, UNCONFIRMED_USER.email);
    const letters = await backend.outbox.list();
    expect(letters.map((letter) => letter.to)).to.deep.equal([UNCONFIRMED_USER.email, DEMO_USER.email]);
    expect(Object.keys(letters[0]!)).to.have.members(['id', 'to', 'kind', 'subject', 'body', 'link', 'sentAt']);
    await backend.outbox.clear();
    expect(await backend.outbox.list()).to.deep.equal([]);
  });

  it('is emptied by reset()', async () => {
    await recover(backend, DEMO_USER.email);
    await backend.reset();
    expect(await backend.outbox.list()).to.deep.equal([]);
  });

  it('tells subscribers after each change, until they unsubscribe', async () => {
    const seen: Letter[][] = [];
    const unsubscribe = backend.outbox.subscribe((letters) => seen.push(letters));
    await recover(backend, DEMO_USER.email);
    expect(seen).to.have.length(1);
    expect(seen[0]!.map((letter) => letter.kind)).to.deep.equal(['reset']);
    // A request that sends nothing does not call them.
    await recover(backend, 'nobody@example.ru');
    await mockFetch(backend, 'session');
    expect(seen).to.have.length(1);
    await backend.outbox.clear();
    expect(seen.at(-1)).to.deep.equal([]);
    unsubscribe();
    await recover(backend, UNCONFIRMED_USER.email);
    expect(seen).to.have.length(2);
  });

  describe('with indexeddb storage', () => {
    const dbName = `lk-widgets-mock-outbox-${crypto.randomUUID()}`;
    const served = useMockBackend({ apiBase: '/outbox-idb-api/', storage: 'indexeddb', dbName });
    const tabs: MockBackend[] = [];

    after(async () => {
      tabs.forEach((tab) => tab.close());
      served.close();
      await new Promise((resolve) => (indexedDB.deleteDatabase(dbName).onsuccess = resolve));
    });

    it('keeps the letters for a new backend on the same database (a reload)', async () => {
      await recover(served, DEMO_USER.email);
      const reloaded = createMockBackend({ storage: 'indexeddb', dbName, passwordIterations: 'test' });
      tabs.push(reloaded);
      expect((await reloaded.outbox.list()).map((letter) => letter.kind)).to.deep.equal(['reset']);
    });

    it('tells another tab’s subscribers of a new letter', async () => {
      const otherTab = createMockBackend({ storage: 'indexeddb', dbName, passwordIterations: 'test' });
      tabs.push(otherTab);
      await otherTab.ready;
      let latest: Letter[] = [];
      otherTab.outbox.subscribe((letters) => (latest = letters));
      await recover(served, UNCONFIRMED_USER.email);
      await waitUntil(() => latest[0]?.to === UNCONFIRMED_USER.email, 'the other tab never heard of the letter');
    });
  });
});

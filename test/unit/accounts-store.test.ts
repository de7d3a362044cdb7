import { expect } from '@open-wc/testing';
import { createClient } from '../../src/api/client.js';
import { connectionOf } from '../../src/context/environment.js';
import type { User } from '../../src/schemas/user.js';

/** A store on a client that is never called: `touched` and `revision` need no backend. */
function storeOfUser(id = 'u1') {
  const { session, accounts } = connectionOf(createClient({ baseUrl: 'http://127.0.0.1:9/api/', retries: 0 }));
  session.signedIn({ id, email: `${id}@example.ru` } as User);
  return { session, accounts };
}

describe('AccountsStore.touched', () => {
  it('moves the revision of that account on, and only of that one, firing change each time', () => {
    const { accounts } = storeOfUser();
    let changes = 0;
    accounts.addEventListener('change', () => changes++);
    expect([accounts.revision('a'), accounts.revision('b')]).to.deep.equal([0, 0]);
    accounts.touched('a');
    accounts.touched('a');
    expect([accounts.revision('a'), accounts.revision('b')]).to.deep.equal([2, 0]);
    expect(changes).to.equal(2);
  });

  it('changes nothing else: the status, the list and the current account stay', () => {
    const { accounts } = storeOfUser();
    const before = [accounts.status, accounts.accounts, accounts.current];
    accounts.touched('a');
    expect([accounts.status, accounts.accounts, accounts.current]).to.deep.equal(before);
  });

  it('forgets the revisions when the user logs out', () => {
    const { session, accounts } = storeOfUser();
    accounts.touched('a');
    session.expired();
    expect(accounts.revision('a')).to.equal(0);
  });
});

describe('AccountsStore.loadOnce', () => {
  it('asks for the list once per user, not while it is on its way', () => {
    const { accounts } = storeOfUser();
    let changes = 0;
    accounts.addEventListener('change', () => changes++);
    accounts.loadOnce();
    expect([accounts.status, changes]).to.deep.equal(['loading', 1]);
    accounts.loadOnce();
    expect(changes).to.equal(1);
  });

  it('after a failure asks again only when told to (reload), not on the next call', async () => {
    // The client's address refuses connections: the load fails as a network error.
    const { accounts } = storeOfUser();
    accounts.loadOnce();
    await accounts.load();
    expect(accounts.status).to.equal('error');
    accounts.loadOnce();
    expect(accounts.status).to.equal('error');
    void accounts.reload();
    expect(accounts.status).to.equal('loading');
  });

  it('asks nothing without a session', () => {
    const { session, accounts } = storeOfUser();
    session.expired();
    accounts.loadOnce();
    expect(accounts.status).to.equal('idle');
  });
});

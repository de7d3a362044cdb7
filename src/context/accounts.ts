import { connectAccount, disconnectAccount, fetchAccounts } from '../api/accounts.js';
import type { CallOptions } from '../api/client.js';
import type { Account, ConnectAccountRequest } from '../schemas/account.js';
import type { Session } from './session.js';

export type AccountsStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The accounts connected to the cabinet and the current one, shared by
 * every element of one session (the provider gives the elements inside it
 * the current account), so `<lk-accounts>` choosing an account changes what
 * every other element shows. Fires `change` on every change, and on
 * {@link touched}: activity on the backend that leaves the account's own
 * figures as they were (a declined payment). Forgets
 * everything when the session's user changes or logs out.
 */
export class AccountsStore extends EventTarget {
  readonly session: Session;
  #status: AccountsStatus = 'idle';
  #accounts: readonly Account[] = [];
  #currentId: string | undefined;
  #error: unknown;
  #loading: Promise<void> | undefined;
  /** How often each account's activity was said to have changed ({@link touched}), by account id. */
  #revisions = new Map<string, number>();
  /** The user the list belongs to. */
  #userId: string | undefined;

  constructor(session: Session) {
    super();
    this.session = session;
    session.addEventListener('change', () => {
      const userId = session.status === 'authenticated' ? session.user?.id : undefined;
      if (userId !== this.#userId) this.#forget(userId);
    });
  }

  get status(): AccountsStatus {
    return this.#status;
  }

  /** The connected accounts, oldest first. */
  get accounts(): readonly Account[] {
    return this.#accounts;
  }

  /** The account the cabinet shows: the one chosen last, else the first. */
  get current(): Account | undefined {
    return this.#accounts.find((account) => account.id === this.#currentId) ?? this.#accounts[0];
  }

  /** Why the last load failed, when `status` is `error`. */
  get error(): unknown {
    return this.#error;
  }

  /**
   * Asks the backend for the list, once per logged-in user; later calls
   * return the same promise, and after a failure the next call asks again.
   * Does nothing without a session.
   */
  load(): Promise<void> {
    // Without a session nothing is loading: the session's change made the store forget.
    if (this.#status === 'idle' || this.#status === 'error') this.reload();
    return this.#loading ?? Promise.resolve();
  }

  /**
   * What an element that shows the list (or an account of it) calls on every
   * update: asks for the list once per logged-in user, when no one has yet.
   * After a failure it does not ask again by itself, or every render of every
   * element would: the failure's "Повторить" calls {@link reload}.
   */
  loadOnce(): void {
    if (this.#status === 'idle') void this.reload();
  }

  /** Asks the backend for the list again (after a payment changed a balance, say). */
  reload(): Promise<void> {
    if (this.session.status === 'authenticated') this.#loading = this.#fetch();
    return this.#loading ?? Promise.resolve();
  }

  /** Makes `accountId` the current account. Returns it, or `undefined` if it is not connected. */
  select(accountId: string): Account | undefined {
    const account = this.#accounts.find((candidate) => candidate.id === accountId);
    if (account && account.id !== this.current?.id) {
      this.#currentId = account.id;
      this.#changed();
    }
    return account;
  }

  /**
   * Connects an account on the backend and adds it to the list, if loaded
   * (a list not loaded yet gets it with the rest); the first account
   * connected becomes the current one. Rejects as `connectAccount`.
   */
  async connect(request: ConnectAccountRequest, options: CallOptions = {}): Promise<Account> {
    const account = await connectAccount(this.session.client, request, options);
    if (this.#status === 'ready') {
      // The current account stays; only the first account connected becomes current.
      this.#currentId ??= (this.#accounts[0] ?? account).id;
      this.#accounts = [...this.#accounts.filter((known) => known.id !== account.id), account];
      this.#changed();
    } else if (this.#status !== 'idle') {
      // A list on its way (or failed) may not hold the new account: ask again. One never asked
      // for stays so: marking it ready with only this account would hide the ones connected before.
      void this.reload();
    }
    return account;
  }

  /** Disconnects an account on the backend and drops it from the list. */
  async disconnect(accountId: string, options: CallOptions = {}): Promise<void> {
    await disconnectAccount(this.session.client, accountId, options);
    this.#accounts = this.#accounts.filter((account) => account.id !== accountId);
    if (this.#currentId === accountId) this.#currentId = undefined;
    this.#changed();
  }

  /** Puts a newer copy of an account in the list (after a payment or a reading). */
  update(account: Account): void {
    if (!this.#accounts.some((known) => known.id === account.id)) return;
    this.#accounts = this.#accounts.map((known) => (known.id === account.id ? account : known));
    this.#changed();
  }

  /**
   * Says that the account's activity changed on the backend though its
   * figures may not have: a payment declined, or one whose outcome is not
   * known (a timeout). Nothing in the account object changes then, so an
   * element that lists that activity (`<lk-payment-history>`) asks again
   * when {@link revision} moves on. Fires `change`.
   */
  touched(accountId: string): void {
    this.#revisions.set(accountId, this.revision(accountId) + 1);
    this.#changed();
  }

  /** How often {@link touched} was called for the account since the user logged in: 0 at first. */
  revision(accountId: string): number {
    return this.#revisions.get(accountId) ?? 0;
  }

  async #fetch(): Promise<void> {
    const userId = this.#userId;
    this.#status = 'loading';
    this.#changed();
    try {
      const accounts = await fetchAccounts(this.session.client);
      if (userId !== this.#userId) return;
      this.#accounts = accounts;
      this.#status = 'ready';
    } catch (error) {
      if (userId !== this.#userId) return;
      this.#error = error;
      this.#status = 'error';
    }
    this.#changed();
  }

  #forget(userId: string | undefined): void {
    this.#userId = userId;
    this.#accounts = [];
    this.#currentId = undefined;
    this.#error = undefined;
    this.#loading = undefined;
    this.#revisions = new Map();
    this.#status = 'idle';
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

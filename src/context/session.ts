import { fetchCurrentUser, logout } from '../api/auth.js';
import type { Client } from '../api/client.js';
import type { User } from '../schemas/user.js';

export type SessionStatus = 'unknown' | 'loading' | 'anonymous' | 'authenticated' | 'error';
export type LogoutReason = 'user' | 'expired';

/**
 * Who is logged in, as far as this page knows. The secret itself is the
 * backend's HttpOnly cookie (or the host's bearer token): this object only
 * holds the user the backend named, in memory. Fires `change` on every
 * change, and `logout` (a {@link SessionLogoutEvent}) when a session ends.
 */
export class Session extends EventTarget {
  readonly client: Client;
  #status: SessionStatus = 'unknown';
  #user: User | null = null;
  #error: unknown;
  #loading: Promise<void> | undefined;

  constructor(client: Client) {
    super();
    this.client = client;
    // Any call refused for want of a session means this one is over (docs/promises.md#15).
    client.events?.addEventListener('unauthenticated', () => this.expired());
  }

  get status(): SessionStatus {
    return this.#status;
  }

  get user(): User | null {
    return this.#user;
  }

  /** Why the last check failed, when `status` is `error`. */
  get error(): unknown {
    return this.#error;
  }

  /**
   * Asks the backend, once, who is logged in: after a reload the cookie
   * still names the session. Later calls return the same promise; after a
   * failure, the next call asks again.
   */
  load(): Promise<void> {
    if (this.#status === 'unknown' || this.#status === 'error') {
      this.#set('loading', this.#user);
      this.#loading = fetchCurrentUser(this.client).then(
        (user) => this.#set(user ? 'authenticated' : 'anonymous', user),
        (error: unknown) => {
          this.#error = error;
          this.#set('error', null);
        },
      );
    }
    return this.#loading ?? Promise.resolve();
  }

  /**
   * Asks the backend again who is logged in, without passing through the
   * loading state (after the e-mail was confirmed in this page, say).
   */
  async refresh(): Promise<void> {
    if (this.#status !== 'authenticated') return;
    const user = await fetchCurrentUser(this.client);
    if (user) this.#set('authenticated', user);
    else this.expired();
  }

  /** Records a successful login. */
  signedIn(user: User): void {
    this.#loading = Promise.resolve();
    this.#set('authenticated', user);
  }

  /** Ends the session on the backend, then here. Rejects, and keeps the session, if the backend could not be told. */
  async logout(): Promise<void> {
    await logout(this.client);
    this.#end('user');
  }

  /** The backend said the session is gone (a 401 on a call that needed it). */
  expired(): void {
    if (this.#status === 'authenticated') this.#end('expired');
  }

  #end(reason: LogoutReason): void {
    this.#loading = Promise.resolve();
    this.#set('anonymous', null);
    this.dispatchEvent(new SessionLogoutEvent(reason));
  }

  #set(status: SessionStatus, user: User | null): void {
    this.#status = status;
    this.#user = user;
    this.dispatchEvent(new Event('change'));
  }
}

/** Dispatched on a {@link Session} when it ends. */
export class SessionLogoutEvent extends Event {
  readonly reason: LogoutReason;
  constructor(reason: LogoutReason) {
    super('logout');
    this.reason = reason;
  }
}

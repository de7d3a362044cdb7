import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Client } from '../api/client.js';
import { isAbortError } from '../api/errors.js';
import type { AccountsStore } from '../context/accounts.js';
import type { LkEnvironment } from '../context/environment.js';
import { LkErrorEvent } from '../events/error.js';
import type { Account } from '../schemas/account.js';

export type AccountDataStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Asks the backend for one account's data; `signal` aborts it. */
export type AccountDataFetch<T> = (client: Client, accountId: string, signal: AbortSignal) => Promise<T>;

/**
 * What, besides the client and the account's id, makes the data known out
 * of date: compared item by item (`===`) with the last request's.
 */
export type AccountDataKey = (account: Account, accounts: AccountsStore) => readonly unknown[];

/** Data that only a new open period changes: the closed months (a period moving on closes one). */
export const periodKey: AccountDataKey = (account) => [account.period];

/**
 * Data that what the abonent does changes: a new copy of the account in the
 * store (`accounts.update` after a payment or readings, a reload of the
 * list), or activity the store was told of without new figures
 * (`accounts.touched` after a declined payment).
 */
export const activityKey: AccountDataKey = (account, accounts) => [account, accounts.revision(account.id)];

export interface AccountDataOptions<T> {
  /** The account to show the data of now; none: logged out, no account, or one not connected. */
  account: () => Account | undefined;
  /** The environment in force: its client asks, its store says what changed. */
  environment: () => LkEnvironment;
  fetch: AccountDataFetch<T>;
  key: AccountDataKey;
}

type Host = ReactiveControllerHost & HTMLElement;

// Why not `Task` of @lit/task, which compares arguments, aborts a request no
// longer wanted, ignores its late answer and runs again on `run()`: this
// controller promises five things a task does not do, and each needed a
// workaround around it — keep the value through a failure (a task drops it),
// drop another account's value at once (a task keeps it while pending), be
// idle with no account (a task's arguments cannot be "none"), abort and forget
// when the host leaves the page and ask again when it comes back (a task does
// neither), and report no failure of an aborted request (a task reports the
// current run's AbortError). Built that way it passed this controller's tests, but the
// task's own code made every entry with an account's data about 1.4 KB larger
// minified (0.6 KB gzip) than this whole controller; entries must not grow.

/**
 * The data of the account an element shows (its closed months, readings,
 * payments), asked for as soon as the account is known — in the update that
 * shows it, so the element is busy at once, never idle in between — and
 * again when the account, the client or the element's key changes. A request
 * that is no longer wanted (another account, leaving the page) is aborted,
 * and its answer, if it comes anyway, ignored.
 *
 * While the same account's data is asked for again the data known stays in
 * `value`, so a list does not blink or lose what the user opened; another
 * account's never stands under this one's number. A failure keeps it too,
 * sets `error`, and fires `lk-error` on the host; `retry()` asks again.
 * Leaving the page forgets everything, and coming back asks again.
 */
export class AccountData<T> implements ReactiveController {
  readonly #host: Host;
  readonly #options: AccountDataOptions<T>;
  #status: AccountDataStatus = 'idle';
  #value: T | undefined;
  #error: unknown;
  /** The account the value (or the request under way) is for. */
  #accountId: string | undefined;
  /** The last request's key: the client, the account's id, then the element's. */
  #key: readonly unknown[] | undefined;
  #abort: AbortController | undefined;

  constructor(host: Host, options: AccountDataOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** `idle`: no account to ask about; `loading` (`value` may still hold what was known); `ready`; `error`. */
  get status(): AccountDataStatus {
    return this.#status;
  }

  /** The shown account's data, as far as it is known. */
  get value(): T | undefined {
    return this.#value;
  }

  /** Why the last request failed, when `status` is `error`. */
  get error(): unknown {
    return this.#error;
  }

  /** Asks again for the same account (a fault's "Повторить"). */
  retry(): void {
    const key = this.#key;
    const accountId = this.#accountId;
    if (!key || !accountId) return;
    this.#load(accountId, key);
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    // Back on the page after leaving it: the next update asks again.
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    // Nothing is asked for off the page: connecting again updates, and asks then.
    if (!this.#host.isConnected) return;
    const account = this.#options.account();
    if (!account) {
      this.#forget();
      return;
    }
    const environment = this.#options.environment();
    const key = [environment.client, account.id, ...this.#options.key(account, environment.accounts)];
    if (this.#key && sameKey(this.#key, key)) return;
    // Set before the render that follows in this very update: it shows the loading state.
    this.#load(account.id, key);
  }

  hostDisconnected(): void {
    this.#forget();
  }

  #load(accountId: string, key: readonly unknown[]): void {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (accountId !== this.#accountId) this.#value = undefined;
    this.#accountId = accountId;
    this.#key = key;
    this.#status = 'loading';
    this.#error = undefined;
    const client = key[0] as Client;
    this.#options.fetch(client, accountId, abort.signal).then(
      (value) => {
        if (abort.signal.aborted) return;
        this.#value = value;
        this.#status = 'ready';
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (abort.signal.aborted || isAbortError(error)) return;
        this.#status = 'error';
        this.#error = error;
        this.#host.requestUpdate();
        this.#host.dispatchEvent(new LkErrorEvent(error));
      },
    );
  }

  /** No account, logged out, or off the page: the request is dropped, and what it brought. */
  #forget(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#key = undefined;
    this.#accountId = undefined;
    this.#value = undefined;
    this.#error = undefined;
    this.#status = 'idle';
  }
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);

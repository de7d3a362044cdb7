import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountsStore } from '../../context/accounts.js';
import { LkErrorEvent } from '../../events/error.js';

/**
 * The session's list of accounts, for an element that shows it or one of its
 * accounts (`<lk-accounts>` and every element bound to an account): asks the
 * store for it once per user, in the update before the render (so the element
 * shows it loading at once), and reports each failure of it as `lk-error` on
 * the element, once. The element shows the failure, with "Повторить".
 */
export class AccountsList implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #store: () => AccountsStore;
  /** The failure last reported, so each is reported once. */
  #reported: unknown;

  /** `store`: the store in force, read at each update (the environment may change). */
  constructor(host: ReactiveControllerHost & HTMLElement, store: () => AccountsStore) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostUpdate(): void {
    this.#store().loadOnce();
  }

  hostUpdated(): void {
    const { status, error } = this.#store();
    if (status === 'error' && error !== this.#reported) {
      this.#reported = error;
      this.#host.dispatchEvent(new LkErrorEvent(error));
    }
  }
}

import type { ReactiveControllerHost } from 'lit';
import type { AccountsStore } from '../../context/accounts.js';
import { LkErrorEvent } from '../../events/error.js';

/**
 * Holds the session's list of accounts for an element that shows it or one
 * of its accounts (`<lk-accounts>` and every element bound to an account): a
 * controller that asks the store for it once per user, in the update before
 * the render (so the element shows it loading at once), and reports each
 * failure of it as `lk-error` on the element, once. The element shows the
 * failure, with "Повторить". `store` is read at each update: the environment
 * may change.
 */
export function holdAccountsList(host: ReactiveControllerHost & HTMLElement, store: () => AccountsStore): void {
  /** The failure last reported, so each is reported once. */
  let reported: unknown;
  host.addController({
    hostUpdate: () => store().loadOnce(),
    hostUpdated: () => {
      const accounts = store();
      if (accounts.status === 'error' && accounts.error !== reported) {
        reported = accounts.error;
        host.dispatchEvent(new LkErrorEvent(accounts.error));
      }
    },
  });
}

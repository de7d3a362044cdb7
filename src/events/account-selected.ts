import type { Account } from '../schemas/account.js';

/** `lk-account-selected`: the user made another account the current one. */
export class LkAccountSelectedEvent extends CustomEvent<{ account: Account }> {
  constructor(account: Account) {
    super('lk-account-selected', { detail: { account }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-account-selected': LkAccountSelectedEvent;
  }
}

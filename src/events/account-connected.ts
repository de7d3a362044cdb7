import type { Account } from '../schemas/account.js';

/** `lk-account-connected`: an account was connected to the cabinet. */
export class LkAccountConnectedEvent extends CustomEvent<{ account: Account }> {
  constructor(account: Account) {
    super('lk-account-connected', { detail: { account }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-account-connected': LkAccountConnectedEvent;
  }
}

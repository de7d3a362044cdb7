import type { User } from '../schemas/user.js';

/** `lk-login`: the user logged in. */
export class LkLoginEvent extends CustomEvent<{ user: User }> {
  constructor(user: User) {
    super('lk-login', { detail: { user }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-login': LkLoginEvent;
  }
}

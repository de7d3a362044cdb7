import type { LogoutReason } from '../context/session.js';

/** `lk-logout`: the user logged out (`user`) or the session ended on the backend (`expired`). */
export class LkLogoutEvent extends CustomEvent<{ reason: LogoutReason }> {
  constructor(reason: LogoutReason) {
    super('lk-logout', { detail: { reason }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-logout': LkLogoutEvent;
  }
}

/** `lk-password-changed`: the password was changed or reset. */
export class LkPasswordChangedEvent extends CustomEvent<Record<string, never>> {
  constructor() {
    super('lk-password-changed', { detail: {}, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-password-changed': LkPasswordChangedEvent;
  }
}

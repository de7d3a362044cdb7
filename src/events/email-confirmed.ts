/** `lk-email-confirmed`: the confirmation link was accepted. */
export class LkEmailConfirmedEvent extends CustomEvent<{ email: string }> {
  constructor(email: string) {
    super('lk-email-confirmed', { detail: { email }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-email-confirmed': LkEmailConfirmedEvent;
  }
}

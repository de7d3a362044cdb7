/** `lk-registered`: registration was accepted; a confirmation letter is on its way. */
export class LkRegisteredEvent extends CustomEvent<{ email: string; confirmUntil: string }> {
  constructor(email: string, confirmUntil: string) {
    super('lk-registered', { detail: { email, confirmUntil }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-registered': LkRegisteredEvent;
  }
}

/** `lk-error`: a failure the element showed to the user, for the host page's logging. */
export class LkErrorEvent extends CustomEvent<{ error: unknown }> {
  constructor(error: unknown) {
    super('lk-error', { detail: { error }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-error': LkErrorEvent;
  }
}

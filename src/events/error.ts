/**
 * `lk-error`: a failure the element showed to the user, for the host page's
 * logging. Every listener on the page gets `detail.error`, so the client's
 * errors carry nothing secret: no headers (a bearer token), bodies,
 * `Request`/`Response` objects or `cause` (see `LkError`).
 */
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

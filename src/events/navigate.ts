import type { NavigateTarget } from '../context/navigator.js';

/**
 * `lk-navigate`: the user asks to go elsewhere. Cancelable: a host that
 * calls `preventDefault()` takes over; otherwise the provider's navigator
 * (or the link's own address) does it.
 */
export class LkNavigateEvent extends CustomEvent<{ to: NavigateTarget }> {
  constructor(to: NavigateTarget) {
    super('lk-navigate', { detail: { to }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-navigate': LkNavigateEvent;
  }
}

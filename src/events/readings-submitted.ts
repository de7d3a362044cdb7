import type { Account } from '../schemas/account.js';
import type { AcceptedReading } from '../schemas/reading.js';

/** `lk-readings-submitted`: the backend accepted meter readings; `account` is the account as it is now. */
export class LkReadingsSubmittedEvent extends CustomEvent<{ account: Account; readings: AcceptedReading[] }> {
  constructor(account: Account, readings: AcceptedReading[]) {
    super('lk-readings-submitted', { detail: { account, readings }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-readings-submitted': LkReadingsSubmittedEvent;
  }
}

import type { Payment, Receipt } from '../schemas/payment.js';

/** `lk-payment`: a payment succeeded; `detail.receipt` is what the abonent can print or keep. */
export class LkPaymentEvent extends CustomEvent<{ payment: Payment; receipt: Receipt }> {
  constructor(payment: Payment, receipt: Receipt) {
    super('lk-payment', { detail: { payment, receipt }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-payment': LkPaymentEvent;
  }
}

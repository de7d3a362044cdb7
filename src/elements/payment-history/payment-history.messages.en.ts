import { accountGateEn } from '../../i18n/account-gate.en.js';
import { commonEn } from '../../i18n/common.en.js';
import type { PaymentHistoryMessages } from './payment-history.messages.js';

/** `<lk-payment-history>`'s strings, English. Loaded on demand. */
const messages: PaymentHistoryMessages = {
  ...commonEn,
  ...accountGateEn,
  title: 'Payment history',
  account: (number: string) => `Personal account ${number}`,
  loadingPayments: 'Loading the payment history…',
  empty: 'No payments yet',
  loggedOut: 'Log in to see your payment history.',
  date: 'Date',
  amount: 'Amount',
  status: 'Status',
  receipt: 'Receipt',
  succeeded: 'Paid',
  declined: 'Declined',
  noReceipt: 'no receipt',
  receiptButton: (number: string) => `Receipt ${number}`,
  receiptNumber: 'Receipt number',
  receiptDate: 'Date',
  receiptAmount: 'Amount',
  receiptAccount: 'Personal account',
  receiptSupplier: 'Supplier',
};
export default messages;

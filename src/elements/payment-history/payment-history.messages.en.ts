import { commonEn } from '../../i18n/common.en.js';
import type { PaymentHistoryMessages } from './payment-history.messages.js';

/** `<lk-payment-history>`'s strings, English. Loaded on demand. */
const messages: PaymentHistoryMessages = {
  ...commonEn,
  title: 'Payment history',
  account: (number: string) => `Personal account ${number}`,
  loadingPayments: 'Loading the payment history…',
  empty: 'No payments yet',
  noAccount: 'No personal accounts connected',
  notConnected: 'This personal account is not connected to your account.',
  connect: 'Connect an account',
  loggedOut: 'Log in to see your payment history.',
  logIn: 'Log in',
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

import { accountGateEn } from '../../i18n/account-gate.en.js';
import { commonEn } from '../../i18n/common.en.js';
import type { AccountSummaryMessages } from './account-summary.messages.js';

/** `<lk-account-summary>`'s strings, English. Loaded on demand. */
const messages: AccountSummaryMessages = {
  ...commonEn,
  ...accountGateEn,
  title: 'Personal account',
  intro: 'Here you can see the general information about your personal account',
  general: 'General information',
  accountNumber: 'Personal account number',
  supplier: 'Supplier',
  address: 'Address',
  periodLabel: 'Period',
  currentPeriodOption: (month: string) => `${month} (current period)`,
  periodDate: 'Billing period',
  debt: 'Amount owed for the period',
  closingDebt: 'Amount owed at the end of the period',
  charged: 'Charged',
  paid: 'Paid',
  consumption: 'Consumption, m³',
  overpayment: '(overpayment)',
  noDebt: '(nothing owed)',
  meterCount: 'Number of meters',
  meters: 'Meters',
  meterName: 'Name',
  lastReading: 'Last reading',
  lastReadingDate: 'Reading date',
  noReading: 'no reading yet',
  pay: 'Pay online',
  loadingAccount: 'Loading the personal account…',
  loadingHistory: 'Loading earlier periods…',
  historyFailed: 'Earlier periods could not be loaded.',
  loggedOut: 'Log in to see your personal account.',
};
export default messages;

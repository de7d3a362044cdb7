import { accountGateEn } from '../../i18n/account-gate.en.js';
import { commonEn } from '../../i18n/common.en.js';
import { plural } from '../../i18n/format.js';
import type { AccountHistoryMessages } from './account-history.messages.js';

const months = (n: number) => `${n} ${plural(n, 'en', { one: 'month', other: 'months' })}`;
const lastMonths = (n: number) => (n === 1 ? 'the last month' : `the last ${months(n)}`);
const lastReadings = (n: number) => (n === 1 ? 'The last reading' : `The last ${n} ${plural(n, 'en', { one: 'reading', other: 'readings' })}`);

/** `<lk-account-history>`'s strings, English. Loaded on demand. */
const messages: AccountHistoryMessages = {
  ...commonEn,
  ...accountGateEn,
  title: 'History of charges by service',
  account: (number: string) => `Personal account ${number}`,
  loadingHistory: 'Loading the personal account’s history…',
  emptyHistory: 'This personal account has no closed months yet: the history appears after the first billing period.',
  loggedOut: 'Log in to see the history of your personal account.',
  captionRecent: (shown: number, total: number) => `Charges, payments and consumption: ${lastMonths(shown)} of ${total}`,
  captionAll: (total: number) => `Charges, payments and consumption: all months (${months(total)})`,
  month: 'Month',
  service: 'Service',
  opening: 'Opening balance',
  charged: 'Charged',
  paid: 'Paid',
  closing: 'Closing balance',
  consumption: 'Consumption, m³',
  overpayment: 'overpaid',
  showAll: 'Show all months',
  showRecent: (count: number) => `Show ${lastMonths(count)}`,
  shownAll: (total: number) => `Showing all months: ${total}.`,
  shownRecent: (count: number) => `Showing ${lastMonths(count)}.`,
  chartTitle: (count: number) => `Gas consumption and payments over ${lastMonths(count)}`,
  chartConsumption: 'Consumption, m³',
  chartPayments: 'Paid, ₽',
  unitConsumption: 'm³',
  unitPayments: '₽',
  readingsTitle: 'Meter readings',
  readingsCaptionRecent: (shown: number, total: number) => `${lastReadings(shown)} of ${total}`,
  readingsCaptionAll: (total: number) => `All readings (${total})`,
  readingDate: 'Date',
  meterName: 'Meter',
  readingValue: 'Reading',
  readingConsumption: 'Consumption, m³',
  noConsumption: 'no data',
  loadingReadings: 'Loading the meter readings…',
  readingsFailed: 'The meter readings did not load.',
  emptyReadings: 'This personal account has no meter readings yet.',
  showAllReadings: 'Show all readings',
  showRecentReadings: (count: number) => `Show ${lastReadings(count).toLowerCase()}`,
  shownAllReadings: (total: number) => `Showing all readings: ${total}.`,
  shownRecentReadings: (count: number) => `Showing ${lastReadings(count).toLowerCase()}.`,
};
export default messages;

import { commonEn } from '../../i18n/common.en.js';
import { plural } from '../../i18n/format.js';
import type { AccountConnectMessages } from './account-connect.messages.js';

const digits = (n: number) => `${n} ${plural(n, 'en', { one: 'digit', other: 'digits' })}`;

/** `<lk-account-connect>`'s strings, English. Loaded on demand. */
const messages: AccountConnectMessages = {
  ...commonEn,
  title: 'Connect personal accounts',
  intro: 'Dear customer, to connect a personal account enter its number as printed on your bill.',
  supplier: 'Supplier',
  noSupplier: '< not selected >',
  account: 'Personal account',
  submit: 'Connect account',
  submitting: 'Connecting the account…',
  loadingSuppliers: 'Loading the list of suppliers…',
  connected: (number: string) => `Personal account ${number} is connected.`,
  loggedOut: 'To connect a personal account, log in to your account.',
  logIn: 'Log in',

  hintChooseSupplier: 'Choose the supplier first: each supplier numbers its accounts in its own way.',
  hintSector: (sectorLength: number, example: string, code: string, rest: string) =>
    `Enter the ${sectorLength}-digit code of the subscriber point/sector and the account number as printed on your bill, without spaces or commas. ` +
    `Example: ${example}, where ${code} is the code of the subscriber point/sector and ${rest} the account number.`,
  hintDigits: (length: number, example: string) =>
    `Enter the ${length}-digit account number as printed on your bill, without spaces or commas. Example: ${example}.`,

  supplierRequired: 'Choose the supplier.',
  supplierUnknown: 'This supplier is no longer in the list. Choose the supplier again.',
  accountRequired: 'Enter the personal account number printed on your bill.',
  accountLength: (expected: number, typed: number) =>
    `The account number must have ${digits(expected)}, but ${typed} ${typed === 1 ? 'was' : 'were'} entered.`,
  accountFullwidth: 'The number is typed in full-width digits. Switch the keyboard layout and type the digits 0–9 again.',
  accountLetters:
    'The account number has letters in it, but it is made of digits only. Check that no letter was typed for a digit (such as “O” for “0”).',
  accountChars: 'The account number is made of the digits 0–9 only. Remove the other characters.',
  accountSectorUnknown: (code: string, sectorLength: number) =>
    `Subscriber point/sector code ${code} was not found. Check the first ${digits(sectorLength)} against your bill.`,
  accountNotFound: (number: string, supplier: string) =>
    `Personal account ${number} was not found at “${supplier}”. Check the number and the supplier against your bill.`,
  accountAlreadyConnected: 'This personal account is already connected to your account.',
  tooManyAttempts: (wait: string) =>
    `Too many attempts to connect an account. Check the number and the supplier on the receipt and try again in ${wait}.`,
};
export default messages;

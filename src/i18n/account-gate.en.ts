import type { AccountGateWords } from './account-gate.ru.js';

// Spread by the elements' English catalogues only, so they load on demand.

/** The words of the list's gate, English. */
export const accountListGateEn: Omit<AccountGateWords, 'notConnected'> = {
  logIn: 'Log in',
  noAccount: 'No personal accounts connected',
  connect: 'Connect an account',
};

/** The words of the gate of an element bound to one account, English. */
export const accountGateEn: AccountGateWords = {
  ...accountListGateEn,
  notConnected: 'This personal account is not connected to your account.',
};

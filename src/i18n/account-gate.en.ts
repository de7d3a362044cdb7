import type { AccountGateWords } from './account-gate.ru.js';

/** The words of the account gate, English: spread by the elements' English catalogues only, so they load on demand. */
export const accountGateEn: AccountGateWords = {
  logIn: 'Log in',
  noAccount: 'No personal accounts connected',
  notConnected: 'This personal account is not connected to your account.',
  connect: 'Connect an account',
};

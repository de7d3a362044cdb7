import { accountListGateEn } from '../../i18n/account-gate.en.js';
import { commonEn } from '../../i18n/common.en.js';
import type { AccountsMessages } from './accounts.messages.js';

/** `<lk-accounts>`'s strings, English. Loaded on demand. */
const messages: AccountsMessages = {
  ...commonEn,
  ...accountListGateEn,
  title: 'Current personal accounts',
  loadingAccounts: 'Loading your personal accounts…',
  legend: 'The personal account you are working with',
  accountNumber: (number: string) => `Personal account ${number}`,
  current: 'current',
  address: (address: string) => `Address: ${address}`,
  disconnect: 'Disconnect',
  disconnectWhat: (number: string) => `personal account ${number}`,
  confirmQuestion: (number: string) =>
    `Disconnect personal account ${number} from your account? The supplier keeps its data.`,
  confirmDisconnect: 'Disconnect',
  cancel: 'Cancel',
  disconnecting: 'Disconnecting the personal account…',
  disconnected: (number: string) => `Personal account ${number} is disconnected.`,
  loggedOut: 'Log in to see your connected personal accounts.',
};
export default messages;

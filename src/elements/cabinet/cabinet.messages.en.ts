import { commonEn } from '../../i18n/common.en.js';
import type { CabinetMessages } from './cabinet.messages.js';

const messages: CabinetMessages = {
  ...commonEn,
  cabinet: 'Customer account',
  navigation: 'Customer account sections',
  sections: {
    account: 'Personal account',
    pay: 'Payment',
    readings: 'Meter readings',
    connect: 'Connect an account',
    settings: 'Settings',
  },
  signedInAs: (email) => `Logged in as ${email}`,
  logout: 'Log out',
  loggingOut: 'Logging out…',
  loggedOut: 'You have logged out.',
  welcome: 'Dear customer, welcome to your account with your utility supplier.',
  service:
    'Here you can work with your personal accounts: see account and tariff details, submit meter readings, pay your bills and more.',
  chooseSection: 'To begin, choose a section in the navigation bar at the top.',
  connectFirst: 'To begin, connect your personal accounts to your customer account. For instructions, go to the section',
  connectLink: 'Connect an account',
  accountTitle: 'Personal account',
  connectIntro: 'Dear customer, here you can connect the personal accounts registered with your supplier to your customer account.',
  expired: (section) => `Your session has expired. Log in again to return to “${section}”; what you typed has been kept.`,
  expiredNoSection: 'Your session has expired. Please log in again.',
  loadingSection: 'Loading the section…',
  sectionFailed: 'The section did not load: the server could not be reached. Check your internet connection and press “Try again”.',
  help: 'Help',
  helpText: 'If you have questions, use the hints in the customer account: they open when you point at or tab to a “?” sign.',
  supportText: 'You can also e-mail the customer account support team:',
};

export default messages;

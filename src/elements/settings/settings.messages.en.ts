import { commonEn } from '../../i18n/common.en.js';
import { newPasswordEn } from '../register-form/new-password.messages.en.js';
import type { SettingsMessages } from './settings.messages.js';

/** `<lk-settings>`'s strings, English. Loaded on demand. */
const messages: SettingsMessages = {
  ...commonEn,
  ...newPasswordEn,
  title: 'Account settings',
  login: 'Login:',
  username: 'Login (e-mail)',
  passwordTitle: 'Change the password',
  passwordIntro: (email: string) =>
    `Enter a new password for ${email}. Preferably it should differ from your passwords for other websites.`,
  currentPassword: 'Current password',
  newPassword: 'New password',
  repeat: 'Repeat the password',
  forgotPassword: 'Forgot your password?',
  submit: 'Change the password',
  submitting: 'Changing the password…',
  changed: 'The password has been changed. On other devices you need to log in again.',
  currentRequired: 'Enter your current password.',
  currentTooLong: (max: number) =>
    `The current password is too long: at most ${max} characters. Check that you pasted the password.`,
  currentWrong: 'The current password is wrong. Check the keyboard layout and Caps Lock.',
  tooManyAttempts: (wait: string) => `Too many attempts. Try again in ${wait}.`,
  captchaRequired:
    'The current password was entered wrong several times. Wait until the anti-robot check has passed, then press “Change the password” again.',
  captchaInvalid: 'The anti-robot check expired and is running again. Press “Change the password” again.',
  accountsTitle: 'Personal accounts',
  loggedOut: 'The settings are available once you have logged in to your account.',
  logIn: 'Log in to your account',
};
export default messages;

import { commonEn } from '../../i18n/common.en.js';
import { emailIssuesEn } from '../../i18n/email-issues.en.js';
import { resendLinkEn } from '../../i18n/resend-link.en.js';
import type { LoginFormMessages } from './login-form.messages.js';

/** `<lk-login-form>`'s strings, English. Loaded on demand. */
const messages: LoginFormMessages = {
  ...commonEn,
  emailIssues: emailIssuesEn,
  ...resendLinkEn,
  passwordRequired: 'Enter your password.',
  passwordTooLong: (max: number) => `The password is too long: at most ${max} characters. Check that you pasted the password.`,
  title: 'Log in to your account',
  email: 'E-mail (login)',
  password: 'Password',
  submit: 'Log in',
  submitting: 'Logging in…',
  forgotPassword: 'Forgot your password?',
  register: 'Register',
  noAccount: 'No account yet?',
  invalidCredentials: 'Wrong e-mail or password. Check the keyboard layout and Caps Lock.',
  tooManyAttempts: (wait: string) => `Too many login attempts. Try again in ${wait}.`,
  signedInAs: (email: string) => `You are logged in as ${email}.`,
  greeting: 'Dear customer, welcome to your supplier account.',
  logout: 'Log out',
  loggingOut: 'Logging out…',
  loggedIn: 'You are logged in.',
  loggedOut: 'You have logged out.',
  captchaRequired: 'There were several failed attempts. Wait until the anti-robot check has passed, then press “Log in” again.',
  captchaInvalid: 'The anti-robot check expired and is running again. Press “Log in” again.',
  unconfirmed: (email: string) =>
    `The address ${email} is not confirmed yet. Follow the link in the letter sent to it. If the letter has not arrived, press “Send the link”.`,
  linkValidUntil: (date: string) => `Attention! The link is valid until ${date}. After that date your account will be deleted.`,
  linkSent: (date: string) => `A new link has been sent; it is valid until ${date}. Earlier links no longer work.`,
};
export default messages;

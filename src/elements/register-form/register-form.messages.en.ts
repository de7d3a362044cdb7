import { commonEn } from '../../i18n/common.en.js';
import { emailIssuesEn } from '../../i18n/email-issues.en.js';
import { newPasswordEn } from './new-password.messages.en.js';
import type { RegisterFormMessages } from './register-form.messages.js';

/** `<lk-register-form>`'s strings, English. Loaded on demand. */
const messages: RegisterFormMessages = {
  ...commonEn,
  ...newPasswordEn,
  emailIssues: emailIssuesEn,
  title: 'Registration',
  intro: 'You can fill in other details in your account after registering.',
  email: 'E-mail (login)',
  password: 'Choose a password',
  repeat: 'Repeat the password',
  emailHint: 'Your e-mail address will be your user name (login) for the services of your account.',
  repeatHint: 'Type the chosen password again, so we can be sure it has no typo.',
  agreementBefore: 'By pressing “Register” you accept the terms of the ',
  agreementCheckbox: 'I accept the terms of the ',
  agreementLink: 'User Agreement',
  newTab: ' (opens in a new tab)',
  agreementRequired: 'To register, accept the terms of the User Agreement: tick the box.',
  notConfigured: 'Registration is not available on this page at the moment: it is not fully set up. Please tell the support service.',
  submit: 'Register',
  submitting: 'Registering…',
  waitingForCaptcha: 'Waiting for the anti-robot check to finish…',
  captchaInvalid: 'The anti-robot check expired and is running again. Wait until it has finished, then press “Register” again.',
  tooManyAttempts: (wait: string) => `Too many registration attempts. Try again in ${wait}.`,
  login: '← log in to your account',
  successTitle: 'You have registered successfully.',
  successCreated: (email: string) =>
    `Your account has been created! To confirm the registration, follow the link we sent to your e-mail address ${email}`,
  successResend:
    'If the letter does not arrive within a few minutes, send the link again: log in to your account with your login and password and press “Send the link”.',
  successExpiry: (date: string) => `Attention! The link is valid until ${date}. After that date your account will be deleted.`,
  backToLogin: 'Back to the login page',
};
export default messages;

import { commonEn } from '../../i18n/common.en.js';
import { emailIssuesEn } from '../../i18n/email-issues.en.js';
import { newPasswordEn } from '../register-form/new-password.messages.en.js';
import type { PasswordRecoveryMessages } from './password-recovery.messages.js';

/** `<lk-password-recovery>`'s strings, English. Loaded on demand. */
const messages: PasswordRecoveryMessages = {
  ...commonEn,
  ...newPasswordEn,
  emailIssues: emailIssuesEn,
  title: 'Password recovery',
  intro: 'Enter the e-mail (login) you registered with. We will send it a letter with a link to set a new password.',
  email: 'E-mail (login)',
  request: 'Send the link',
  requesting: 'Sending the link…',
  tooOften: (wait: string) => `A link can be requested once a minute and five times an hour at most. Try again in ${wait}.`,
  login: '← log in to your account',
  sentTitle: 'Check your mail',
  sent: (email: string, until: string) =>
    `If ${email} is registered, we have sent it a letter with a link to set a new password. The link is valid until ${until}.`,
  sentNoLetter: 'If the letter does not arrive within a few minutes, check the spam folder or ask for the link again.',
  requestAgain: 'Ask for the link again',
  resetTitle: 'New password',
  resetIntro: 'Choose a new password for your account.',
  newPassword: 'New password',
  repeat: 'Repeat the password',
  reset: 'Save the password',
  resetting: 'Saving the password…',
  changedTitle: 'Password changed',
  changed: 'From now on, log in with the new password. You have been logged out on every device where your account was open.',
  logIn: 'Log in to your account',
  expiredTitle: 'The link has expired',
  expired: 'The link to set a new password no longer works. Ask for a new one: we will send it to your e-mail.',
  usedTitle: 'The link has been used',
  used: 'The password was already changed with this link; it does not work twice. If it was not you, ask for a new link and change the password.',
  invalidTitle: 'The link is not valid',
  invalid: 'The link does not fit: it may have been copied from the letter only in part, or a newer one was sent. Ask for a new link.',
  requestNew: 'Ask for a new link',
};
export default messages;

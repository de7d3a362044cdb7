import { commonEn } from '../../i18n/common.en.js';
import { emailIssuesEn } from '../../i18n/email-issues.en.js';
import { resendLinkEn } from '../../i18n/resend-link.en.js';
import type { ConfirmEmailMessages } from './confirm-email.messages.js';

/** `<lk-confirm-email>`'s strings, English. Loaded on demand. */
const messages: ConfirmEmailMessages = {
  ...commonEn,
  emailIssues: emailIssuesEn,
  ...resendLinkEn,
  title: 'Confirming your registration',
  confirming: 'Confirming your e-mail address…',
  confirmed: (email: string) => `Your e-mail address is confirmed. You can now log in to your account as ${email}.`,
  expired:
    'The link has expired. If the confirmation date given in the letter has not passed yet, get a new link. ' +
    'If it has, the account has been deleted: please register again.',
  alreadyConfirmed: 'This address is already confirmed.',
  used: 'The link has already been used, and the address is not confirmed. Log in to your account and get a new link.',
  invalid:
    'The link is not valid. Perhaps it was copied only in part, or a newer link was requested after it: ' +
    'open the link in the latest letter.',
  missing:
    'The page address has no confirmation link in it. Open the whole link from the letter; if it does not open, ' +
    'copy all of it into the browser’s address bar.',
  failed: 'Your e-mail address is not confirmed yet.',
  login: 'Log in to your account',
  register: 'Register',
  resendTitle: 'Get a new link',
  email: 'E-mail (login)',
  linkSent: (date: string) =>
    `If this address is registered and not confirmed yet, a new link has been sent to it. It is valid until ${date}. Earlier links no longer work.`,
};
export default messages;

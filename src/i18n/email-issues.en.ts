import type { EmailIssueCode } from '../schemas/email.js';

/** How to fix each e-mail rule, English. */
export const emailIssuesEn: Record<EmailIssueCode, string> = {
  email_required: 'Enter your e-mail address.',
  email_too_long: 'The e-mail address is too long: up to 254 characters, no more than 64 before the “@”.',
  email_spaces: 'Remove the spaces from the e-mail address.',
  email_fullwidth: 'The address has full-width characters. Type it with ordinary Latin letters and digits.',
  email_format: 'Enter an e-mail address like name@example.com.',
  email_chars: 'The e-mail address has characters that are not allowed. Use only letters, digits and . _ - +',
  email_mixed_script: 'The address mixes look-alike letters of different alphabets (Latin, Cyrillic, Greek). Type the address in one alphabet: each part in Latin letters only, or in Cyrillic letters only.',
};

import type { PasswordIssueCode, PasswordPolicy } from '../schemas/password.js';
import { plural } from './format.js';

const characters = (n: number) => `${n} ${plural(n, 'en', { one: 'character', other: 'characters' })}`;

/** How to fix each rule of a new password under `policy`, English. */
export function passwordIssueEn(code: PasswordIssueCode, policy: PasswordPolicy): string {
  switch (code) {
    case 'password_required':
      return 'Enter a password.';
    case 'password_too_short':
      return `The password is too short: use at least ${characters(policy.minLength)}.`;
    case 'password_too_long':
      return `The password is too long: use at most ${characters(policy.maxLength)}. Check that you pasted the password.`;
    case 'password_cyrillic':
      return 'The password has Cyrillic letters. Switch the keyboard to English: the password is Latin letters and digits.';
    case 'password_chars':
      return 'The password can only have Latin letters and digits, with no spaces or other signs.';
    case 'password_common':
      return 'This password is too common and easy to guess. Choose another one.';
    case 'password_mismatch':
      return 'The passwords do not match. Type the same password in “Repeat the password”.';
  }
}

import type { CommonMessages, FieldIssueCode, IssueContext } from './common.ru.js';
import { plural } from './format.js';

const unit = (n: number, one: string, other: string) => `${n} ${plural(n, 'en', { one, other })}`;

export const commonEn: CommonMessages = {
  fieldIssue: (code: FieldIssueCode | string, context: IssueContext = {}): string => {
    switch (code) {
      case 'email_required':
        return 'Enter your e-mail address.';
      case 'email_too_long':
        return 'The e-mail address is too long: up to 254 characters, no more than 64 before the “@”.';
      case 'email_spaces':
        return 'Remove the spaces from the e-mail address.';
      case 'email_fullwidth':
        return 'The address has full-width characters. Type it with ordinary Latin letters and digits.';
      case 'email_format':
        return 'Enter an e-mail address like name@example.com.';
      case 'email_chars':
        return 'The e-mail address has characters that are not allowed. Use only letters, digits and . _ - +';
      case 'email_mixed_script':
        return 'The address mixes Latin and Cyrillic letters that look alike. Type each part of it in one keyboard layout.';
      case 'password_required':
        return 'Enter your password.';
      case 'password_too_short':
        return `The password is too short: use at least ${unit(context.minLength ?? 0, 'character', 'characters')}.`;
      case 'password_too_long':
        return context.maxLength
          ? `The password is too long: use at most ${unit(context.maxLength, 'character', 'characters')}. Check that you pasted the password.`
          : 'The password is too long. Check that you pasted the password.';
      case 'password_cyrillic':
        return 'The password has Cyrillic letters. Switch the keyboard to English: the password is Latin letters and digits.';
      case 'password_chars':
        return 'The password can only have Latin letters and digits, with no spaces or other signs.';
      case 'password_mismatch':
        return 'The passwords do not match. Type the same password in “Repeat the password”.';
      default:
        return 'Check the value of this field.';
    }
  },
  errorSummaryTitle: 'Please fix the following:',
  networkError: 'Cannot reach the server. Check your internet connection and try again.',
  timeoutError: 'The server did not answer in time. Try again.',
  serverError: 'Something went wrong on the server. Try again a little later.',
  malformedError: 'The server sent an answer that could not be read. Try again a little later.',
  unexpectedError: 'Something went wrong. Try again.',
  retry: 'Try again',
  waitFor: (totalSeconds: number): string =>
    totalSeconds < 60 ? unit(totalSeconds, 'second', 'seconds') : unit(Math.ceil(totalSeconds / 60), 'minute', 'minutes'),
  showPassword: 'Show password',
  loading: 'Loading…',
};

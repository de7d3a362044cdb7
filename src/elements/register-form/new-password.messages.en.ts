import { plural } from '../../i18n/format.js';
import { passwordIssueEn } from '../../i18n/password-issues.en.js';
import type { NewPasswordMessages } from '../base/new-password.js';
import type { PasswordPolicy } from '../../schemas/password.js';

const characters = (n: number) => `${n} ${plural(n, 'en', { one: 'character', other: 'characters' })}`;

/**
 * The words of the new-password fields (base/new-password.ts), English.
 * Both registration's and recovery's English catalogues spread them, so they
 * load only with an English page. They belong beside password-issues.en.ts
 * in src/i18n/ once that folder is open to this change.
 */
export const newPasswordEn: NewPasswordMessages = {
  passwordIssue: passwordIssueEn,
  repeatRequired: 'Type the password again in “Repeat the password”.',
  rulesTitle: 'The password must have:',
  ruleLength: (policy: PasswordPolicy) => `From ${policy.minLength} to ${characters(policy.maxLength)}`,
  ruleChars: 'Only Latin letters and digits',
  ruleMatch: 'The same password in both fields',
  ruleMet: 'met',
  ruleUnmet: 'not met',
  policyHint: (policy: PasswordPolicy) =>
    policy.alphabet
      ? `The password can be any combination of Latin letters and digits, at least ${policy.minLength} and at most ${characters(policy.maxLength)}.`
      : `The password can have any characters, from ${policy.minLength} to ${characters(policy.maxLength)}. A phrase of several words is the safest.`,
};

import * as v from 'valibot';
import {
  ALL_DIGITS_REGEX,
  CYRILLIC_REGEX,
  DOMAIN_LABEL_REGEX,
  EMAIL_LOCAL_REGEX,
  FULLWIDTH_REGEX,
  LATIN_REGEX,
  WHITESPACE_REGEX,
} from './regex.js';

/** Why an e-mail address was refused; the localiser turns a code into a message. */
export type EmailIssueCode =
  | 'email_required'
  | 'email_too_long'
  | 'email_spaces'
  | 'email_fullwidth'
  | 'email_format'
  | 'email_chars'
  | 'email_mixed_script';

/** RFC 5321 limits. */
export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_LOCAL_MAX_LENGTH = 64;

const mixesLatinAndCyrillic = (label: string): boolean =>
  LATIN_REGEX.test(label) && CYRILLIC_REGEX.test(label);

/**
 * The first thing wrong with an address, or `null` when it is acceptable.
 * The address is taken as it will be sent: callers trim it first.
 *
 * Look-alike letters mixed in one label (`pochta@yandеx.ru` with a Cyrillic
 * "е") are refused: such an address cannot be typed again from memory and is
 * the usual trick of a spoofed sender (EXPECTATIONS 32).
 */
export function findEmailIssue(email: string): EmailIssueCode | null {
  if (email.length === 0) return 'email_required';
  if (email.length > EMAIL_MAX_LENGTH) return 'email_too_long';
  if (WHITESPACE_REGEX.test(email)) return 'email_spaces';
  if (FULLWIDTH_REGEX.test(email)) return 'email_fullwidth';
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return 'email_format';
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (local.length > EMAIL_LOCAL_MAX_LENGTH) return 'email_too_long';
  if (!EMAIL_LOCAL_REGEX.test(local)) return local.includes('@') ? 'email_format' : 'email_chars';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'email_format';
  if (labels.length < 2 || labels.some((label) => label.length === 0 || label.length > 63)) {
    return 'email_format';
  }
  if (!labels.every((label) => DOMAIN_LABEL_REGEX.test(label))) return 'email_chars';
  if (ALL_DIGITS_REGEX.test(labels[labels.length - 1]!)) return 'email_format';
  if ([local, ...labels].some(mixesLatinAndCyrillic)) return 'email_mixed_script';
  return null;
}

/**
 * An e-mail address (the login). Surrounding white space, which phone
 * keyboards and copy-paste add, is dropped; anything else wrong is refused
 * with one {@link EmailIssueCode}. The address keeps the case it was typed in.
 */
export const EmailSchema = v.pipe(
  v.string(),
  v.trim(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const code = findEmailIssue(dataset.value);
    if (code) addIssue({ message: code });
  }),
);

/**
 * The key two addresses are compared by: the local part without regard to
 * case, the domain in its ASCII (punycode) form, so `Ivan@Почта.РФ` and
 * `ivan@xn--80a1acny.xn--p1ai` are one login (EXPECTATIONS 32).
 */
export function emailKey(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at).normalize('NFC').toLowerCase();
  const domain = email.slice(at + 1).normalize('NFC').toLowerCase();
  let asciiDomain = domain;
  try {
    asciiDomain = new URL(`http://${domain}/`).hostname;
  } catch {
    // Not a host name URL can parse; compare it as typed (lower case).
  }
  return `${local}@${asciiDomain}`;
}

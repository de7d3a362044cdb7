import * as v from 'valibot';
import {
  ALL_DIGITS_REGEX,
  DOMAIN_LABEL_REGEX,
  EMAIL_LOCAL_REGEX,
  FULLWIDTH_REGEX,
  LOOK_ALIKE_SCRIPT_REGEXES,
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

/**
 * Whether one label (the local part or one label of the domain) has letters of
 * two look-alike scripts: Latin, Cyrillic, Greek. It is checked in its NFKC
 * form, so compatibility letters (mathematical bold `𝐚`, which Unicode counts
 * as no script) count as the letters they stand for.
 */
export function mixesLookAlikeScripts(label: string): boolean {
  const folded = label.normalize('NFKC');
  return LOOK_ALIKE_SCRIPT_REGEXES.filter((script) => script.test(folded)).length > 1;
}

/**
 * The first thing wrong with an address, or `null` when it is acceptable: the
 * rule of {@link EmailSchema}, which trims the address before.
 *
 * Look-alike letters mixed in one label (`pochta@yandеx.ru` with a Cyrillic
 * "е", `abοnent@example.ru` with a Greek omicron) are refused: such an address
 * cannot be typed again from memory and is the usual trick of a spoofed
 * sender. Every label in one script stays accepted (`иван@почта.рф`).
 */
function emailIssue(email: string): EmailIssueCode | null {
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
  if ([local, ...labels].some(mixesLookAlikeScripts)) return 'email_mixed_script';
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
    const code = emailIssue(dataset.value);
    if (code) addIssue({ message: code });
  }),
);

/**
 * Folds one part of an address for comparison: NFKC, lower case, NFKC again
 * (lower-casing can leave a string that is not in NFKC, and the key must be
 * idempotent). `toLowerCase`, not `toLocaleLowerCase`: the key must be the
 * same in the browser and the mock whatever their locales (a Turkish locale
 * would turn `I` into a dotless `ı`). No full case folding: `ß` stays `ß`, not
 * `ss`, as in internationalised domain names, where `straße` and `strasse`
 * are two domains, and a mailbox may be either.
 */
const foldPart = (part: string): string => part.normalize('NFKC').toLowerCase().normalize('NFKC');

/**
 * The key two addresses are compared by: NFKC-normalised and lower-cased, the
 * domain in its ASCII (punycode) form, so `Ivan@Почта.РФ` and
 * `ivan@xn--80a1acny.xn--p1ai` are one login, and so are `ﬁle@example.ru`
 * (with the "ﬁ" ligature) and `file@example.ru`.
 */
export function emailKey(email: string): string {
  const at = email.lastIndexOf('@');
  const local = foldPart(email.slice(0, at));
  const domain = foldPart(email.slice(at + 1));
  let asciiDomain = domain;
  try {
    asciiDomain = new URL(`http://${domain}/`).hostname;
  } catch {
    // Not a host name URL can parse; compare it as folded.
  }
  return `${local}@${asciiDomain}`;
}

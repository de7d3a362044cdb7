/**
 * Named regular expressions: every pattern the schemas use lives here, so a
 * rule reads as a name at its point of use and is tested once.
 */

/** The seed's password alphabet: Latin letters and Arabic digits only. */
export const LATIN_ALNUM_REGEX = /^[A-Za-z0-9]*$/u;

/** Any Cyrillic letter (a Russian keyboard layout left on). */
export const CYRILLIC_REGEX = /\p{Script=Cyrillic}/u;

/** Any Latin letter. */
export const LATIN_REGEX = /\p{Script=Latin}/u;

/** Any Greek letter (`ο`, `α`, `ν` pass for Latin `o`, `a`, `v`). */
export const GREEK_REGEX = /\p{Script=Greek}/u;

/**
 * The scripts whose letters look alike (Latin `o`, Cyrillic `о`, Greek `ο`):
 * a label with letters of two of them is a look-alike, not a word.
 */
export const LOOK_ALIKE_SCRIPT_REGEXES: readonly RegExp[] = [LATIN_REGEX, CYRILLIC_REGEX, GREEK_REGEX];

/** Any white space, including no-break and ideographic spaces. */
export const WHITESPACE_REGEX = /\s/u;

/** Full-width (East Asian) forms of ASCII letters, digits and punctuation. */
export const FULLWIDTH_REGEX = /[\uFF01-\uFF5E]/u;

/**
 * One local part (before the "@") of an e-mail address: RFC 5322 `atext`
 * characters and dots, plus letters and digits of any script (RFC 6531).
 */
export const EMAIL_LOCAL_REGEX = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;

/** One label of a domain name, Unicode letters allowed (IDN, `почта.рф`). */
export const DOMAIN_LABEL_REGEX = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;

/** A top-level domain is not all digits. */
export const ALL_DIGITS_REGEX = /^\p{N}+$/u;

/** Arabic (ASCII) digits only: what an account number is made of. */
export const ASCII_DIGITS_REGEX = /^[0-9]*$/u;

/**
 * What a receipt puts between the groups of an account number and the seed's
 * hint says to leave out: white space, commas and dashes (hyphen, the
 * Unicode dashes and minus). Dropped from the account field (docs/promises.md#22).
 */
export const ACCOUNT_SEPARATORS_REGEX = /[\s,\u002D\u2010-\u2015\u2212]/gu;

/** Full-width (East Asian) digits. */
export const FULLWIDTH_DIGIT_REGEX = /[\uFF10-\uFF19]/u;

/** A minus sign of any kind (hyphen-minus, minus, figure and en/em dashes) before the first digit. */
export const LEADING_MINUS_REGEX = /^\s*[-\u2212\u2012\u2013\u2014]\s*\d/u;

/** Any letter, of any script. */
export const LETTER_REGEX = /\p{L}/u;

/** A supplier's identifier: lower-case Latin letters, digits and dashes. */
export const SLUG_REGEX = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/u;

/** A month as the backend names periods: `2015-06`. */
export const MONTH_REGEX = /^\d{4}-(?:0[1-9]|1[0-2])$/u;

import * as v from 'valibot';
import { CYRILLIC_REGEX, LATIN_ALNUM_REGEX } from './regex.js';

/** Why a password was refused; the localiser turns a code into a message. */
export type PasswordIssueCode =
  | 'password_required'
  | 'password_too_short'
  | 'password_too_long'
  | 'password_cyrillic'
  | 'password_chars'
  | 'password_mismatch'
  | 'password_common';

/** The names of the password policies a supplier can choose from. */
export type PasswordPolicyId = 'seed' | 'strong';

/** A rule a new password must meet; elements show each one's state as the user types. */
export interface PasswordPolicy {
  readonly id: PasswordPolicyId;
  readonly minLength: number;
  readonly maxLength: number;
  /** Only these characters are allowed; `undefined` allows any. */
  readonly alphabet?: RegExp;
}

/**
 * The supplier's own rule (the seed): 5 to 10 Latin letters and digits. It is
 * below OWASP ASVS level 1 (at least 8 characters, any characters); it is the
 * default because existing abonents' passwords were made under it. See README.
 */
export const SEED_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  id: 'seed',
  minLength: 5,
  maxLength: 10,
  alphabet: LATIN_ALNUM_REGEX,
});

/**
 * ASVS 5.0 V6.2: at least 15 characters are strongly recommended, at least
 * 64 must be allowed, any character counts and no composition rules apply.
 */
export const STRONG_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  id: 'strong',
  minLength: 15,
  maxLength: 128,
});

export const PASSWORD_POLICIES: Readonly<Record<PasswordPolicyId, PasswordPolicy>> = Object.freeze({
  seed: SEED_PASSWORD_POLICY,
  strong: STRONG_PASSWORD_POLICY,
});

/** A policy by name; unknown names fall back to the seed's (the default). */
export function passwordPolicy(id: string | null | undefined): PasswordPolicy {
  // hasOwn: an attribute such as "constructor" must not reach Object.prototype.
  return id != null && Object.hasOwn(PASSWORD_POLICIES, id) ? PASSWORD_POLICIES[id as PasswordPolicyId] : SEED_PASSWORD_POLICY;
}

/**
 * The first thing wrong with a new password under `policy`, or `null`: the
 * rule of {@link newPasswordSchema}. The password is taken exactly as typed: nothing trims, truncates or
 * case-folds it (docs/promises.md#3). Length counts code points, so an emoji is
 * one character, as the user sees it.
 */
function passwordIssue(password: string, policy: PasswordPolicy): PasswordIssueCode | null {
  const length = [...password].length;
  if (length === 0) return 'password_required';
  if (policy.alphabet && !policy.alphabet.test(password)) {
    return CYRILLIC_REGEX.test(password) ? 'password_cyrillic' : 'password_chars';
  }
  if (length < policy.minLength) return 'password_too_short';
  if (length > policy.maxLength) return 'password_too_long';
  return null;
}

/**
 * The schema of a new password under `policy` (registration, reset, change):
 * the password as typed, or one issue whose message is its
 * {@link PasswordIssueCode}. Whether it is a common password is checked
 * apart (`isCommonPassword`), since that list loads on demand.
 */
export function newPasswordSchema(policy: PasswordPolicy = SEED_PASSWORD_POLICY) {
  return v.pipe(
    v.string(),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const code = passwordIssue(dataset.value, policy);
      if (code) addIssue({ message: code });
    }),
  );
}

/**
 * The longest password the login form sends. Login never applies the
 * registration policy (a password set under an older rule must still work);
 * it only refuses what no policy allows, so a runaway paste is caught here.
 */
export const LOGIN_PASSWORD_MAX_LENGTH = 256;

/** A password typed to log in: filled, and not absurdly long. */
export const LoginPasswordSchema = v.pipe(
  v.string(),
  v.nonEmpty('password_required'),
  v.maxLength(LOGIN_PASSWORD_MAX_LENGTH, 'password_too_long'),
);

/**
 * Common passwords (docs/promises.md#2): the list of zxcvbn-ts, about 30 000
 * passwords people actually use, maintained with that project. It is large,
 * so it loads on demand, in a chunk of its own, the first time a new
 * password is checked; the login form never loads it.
 */
let list: Promise<ReadonlySet<string>> | undefined;

function commonPasswords(): Promise<ReadonlySet<string>> {
  list ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common']));
  return list;
}

/**
 * Whether `password` is on the list of common passwords. Letters are
 * compared without regard to case (`Qwerty1` is as weak as `qwerty1`); the
 * password itself is never changed.
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.toLowerCase());
}

/** Starts loading the list (when the user first types a new password). */
export function preloadCommonPasswords(): void {
  void commonPasswords();
}

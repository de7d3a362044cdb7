import { fromBase64, randomBytes, timingSafeEqual, toBase64 } from './crypto.js';

/**
 * A stored password: PBKDF2-SHA256 with its parameters, so the iteration
 * count can be raised later without breaking existing hashes (docs/promises.md#16).
 * scripts/hash-seed-passwords.mjs writes the same records for the seed users.
 */
export interface PasswordHash {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  /** Base64, 16 random bytes per password. */
  salt: string;
  /** Base64, the 32-byte derived key. */
  hash: string;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256, and a count for fast tests. */
export const PASSWORD_ITERATIONS = Object.freeze({ production: 600_000, test: 1_000 });

/** `'production'` (default), `'test'`, or an explicit iteration count. */
export type PasswordIterations = keyof typeof PASSWORD_ITERATIONS | number;

export function iterationCount(setting: PasswordIterations = 'production'): number {
  const count = typeof setting === 'number' ? setting : PASSWORD_ITERATIONS[setting];
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Bad PBKDF2 iteration count: ${setting}`);
  return count;
}

const SALT_BYTES = 16;
const KEY_BITS = 256;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const { subtle } = globalThis.crypto;
  // The password is used exactly as typed: no trimming or normalisation (docs/promises.md#3).
  const key = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, KEY_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations: number): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, iterations);
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const derived = await derive(password, fromBase64(stored.salt), stored.iterations);
  return timingSafeEqual(derived, fromBase64(stored.hash));
}

/**
 * A hash no password matches, to verify against when the e-mail is unknown:
 * the answer then takes as long as for a wrong password (docs/promises.md#13).
 */
export function dummyPasswordHash(iterations: number): PasswordHash {
  const zeros = (length: number) => toBase64(new Uint8Array(length));
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: zeros(SALT_BYTES), hash: zeros(KEY_BITS / 8) };
}

import type { CaptchaChallenge, CaptchaSolution } from '../src/schemas/captcha.js';
import { randomBytes, toBase64Url } from './crypto.js';
import { newChallengeId } from './ids.js';

/**
 * The anti-robot check (docs/promises.md#6): a proof of work. The backend hands
 * out a random prefix; the browser finds a nonce such that
 * SHA-256(`${prefix}:${nonce}`) starts with `difficulty` zero bits; the
 * backend checks that in one hash. A challenge expires and works once.
 */

/** About 65 000 hashes on average: a second or so of a phone's WebCrypto. */
export const DEFAULT_CAPTCHA_DIFFICULTY = 16;
/** What `CaptchaChallengeSchema` allows. */
export const MAX_CAPTCHA_DIFFICULTY = 32;
/** How long a challenge may be answered: 5 minutes of mock time. */
export const CAPTCHA_LIFETIME = 5 * 60_000;

/** A challenge handed out, stored by its id until it expires. */
export interface CaptchaRecord {
  prefix: string;
  difficulty: number;
  /** Mock-clock ms. */
  expiresAt: number;
  /** Mock-clock ms of the one verification it allows; `null` while unused. */
  usedAt: number | null;
}

/** A new challenge and the record to store under its id. */
export function newChallenge(difficulty: number, now: number): { challenge: CaptchaChallenge; record: CaptchaRecord } {
  const record: CaptchaRecord = {
    prefix: toBase64Url(randomBytes(16)),
    difficulty,
    expiresAt: now + CAPTCHA_LIFETIME,
    usedAt: null,
  };
  const challenge: CaptchaChallenge = {
    id: newChallengeId(),
    algorithm: 'SHA-256',
    prefix: record.prefix,
    difficulty,
    expiresAt: new Date(record.expiresAt).toISOString(),
  };
  return { challenge, record };
}

/**
 * Whether SHA-256 of the UTF-8 text `${prefix}:${nonce}` starts with at
 * least `difficulty` zero bits. The mock's own check, independent of the
 * SDK's solver.
 */
export async function meetsDifficulty(prefix: string, nonce: string, difficulty: number): Promise<boolean> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${prefix}:${nonce}`)),
  );
  const wholeBytes = Math.floor(difficulty / 8);
  const restBits = difficulty % 8;
  for (let i = 0; i < wholeBytes; i++) if (digest[i] !== 0) return false;
  return restBits === 0 || digest[wholeBytes]! >> (8 - restBits) === 0;
}

/**
 * Takes the challenge `solution` answers for its one verification: marks it
 * used and returns it, or returns `undefined` when it is unknown, expired or
 * used already. Run it inside a transaction; check the answer with
 * {@link meetsDifficulty} after, on the returned record. A wrong answer
 * uses the challenge up too: each challenge gets one try.
 */
export function takeChallenge(
  captchas: Record<string, CaptchaRecord>,
  { id }: CaptchaSolution,
  now: number,
): CaptchaRecord | undefined {
  const record = Object.hasOwn(captchas, id) ? captchas[id] : undefined;
  if (!record || record.usedAt !== null || record.expiresAt <= now) return undefined;
  record.usedAt = now;
  return { ...record };
}

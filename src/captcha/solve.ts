import type { CaptchaChallenge, CaptchaSolution } from '../schemas/captcha.js';

/** How far a search has got, after each batch of digests. */
export interface SolveProgress {
  /** Nonces tried so far. */
  readonly attempts: number;
  /** Nonces a search needs on average: 2^difficulty. */
  readonly expected: number;
}

/** Options of {@link solveChallenge}. */
export interface SolveOptions {
  /** Stops the search; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after every batch. */
  onProgress?: (progress: SolveProgress) => void;
  /** Digests computed between two yields to the page. Default {@link DEFAULT_BATCH_SIZE}. */
  batchSize?: number;
}

/** What {@link solveChallenge} needs of a challenge. */
export type ChallengePuzzle = Pick<CaptchaChallenge, 'id' | 'prefix' | 'difficulty'>;

/**
 * A few hundred digests take a few milliseconds: short enough that typing
 * and scrolling stay smooth between batches, long enough that yielding
 * costs little.
 */
export const DEFAULT_BATCH_SIZE = 256;

/** The number of leading zero bits of `bytes`. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const encoder = new TextEncoder();

/** SHA-256 of the UTF-8 text `prefix:nonce`: what the backend checks. */
export async function challengeDigest(prefix: string, nonce: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${prefix}:${nonce}`)));
}

/**
 * Gives the page a turn: a new task, queued behind what is already waiting
 * (timers, network answers, input). `scheduler.postTask()` where the browser
 * has it, else a zero-delay timer (slower: nested timers are clamped to 4 ms).
 * Not `scheduler.yield()`: its continuation runs ahead of every queued task
 * of its priority, so a long search would starve the page's own timers and
 * fetches (measured in Chromium: a 0 ms timer did not run for the whole
 * search). https://developer.mozilla.org/docs/Web/API/Scheduler/yield
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {});
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Solves a proof-of-work challenge: finds a nonce (a decimal counter) such
 * that SHA-256(`${prefix}:${nonce}`) starts with `difficulty` zero bits.
 *
 * It runs on the main thread in batches of WebCrypto digests and yields to
 * the page between them, so the page stays responsive without a worker
 * (a `blob:` worker is forbidden by the CSP, and a worker file beside the
 * bundle is one more thing for a host to serve). WebCrypto needs a secure
 * context (HTTPS or localhost).
 *
 * @example
 * ```ts
 * const challenge = await fetchCaptchaChallenge(client);
 * const solution = await solveChallenge(challenge, { signal, onProgress: ({ attempts }) => console.log(attempts) });
 * await register(client, { ...form, captcha: solution });
 * ```
 */
export async function solveChallenge(challenge: ChallengePuzzle, options: SolveOptions = {}): Promise<CaptchaSolution> {
  const { signal, onProgress, batchSize = DEFAULT_BATCH_SIZE } = options;
  const { id, prefix, difficulty } = challenge;
  const expected = 2 ** difficulty;
  let attempts = 0;
  for (;;) {
    signal?.throwIfAborted();
    const nonces = Array.from({ length: batchSize }, (_, index) => String(attempts + index));
    const digests = await Promise.all(nonces.map((nonce) => challengeDigest(prefix, nonce)));
    signal?.throwIfAborted();
    const found = digests.findIndex((digest) => leadingZeroBits(digest) >= difficulty);
    if (found >= 0) {
      onProgress?.({ attempts: attempts + found + 1, expected });
      return { id, nonce: nonces[found]! };
    }
    attempts += batchSize;
    onProgress?.({ attempts, expected });
    await yieldToPage();
  }
}

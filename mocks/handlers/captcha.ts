import { HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { CaptchaChallenge, CaptchaSolution } from '../../src/schemas/captcha.js';
import { meetsDifficulty, newChallenge, takeChallenge } from '../captcha.js';
import { mockNow } from '../db.js';
import type { MockDb } from '../db.js';
import { problem } from '../problem.js';
import { endpoint } from './endpoint.js';
import type { MockContext } from './endpoint.js';
import type { CaptchaInput } from './validation.js';

/** `GET captcha/challenge`: a new proof-of-work challenge of the configured difficulty. */
export function captchaHandlers(context: MockContext): HttpHandler[] {
  const challenge = endpoint(context, 'captcha', 'get', async () => {
    const issued = await context.db.transact((state) => {
      const { challenge, record } = newChallenge(context.options.captchaDifficulty, mockNow(state));
      state.captchas[challenge.id] = record;
      return challenge;
    });
    return HttpResponse.json<CaptchaChallenge>(issued, { headers: { 'Cache-Control': 'no-store' } });
  });
  return [challenge];
}

/**
 * Whether `solution` answers a live, unused challenge. The check uses the
 * challenge up, right or wrong: the caller verifies only once the rest of
 * the request is valid, and whatever comes after (an address already
 * registered, a wrong password) does not give the answer back.
 */
export async function verifyCaptcha(db: MockDb, solution: CaptchaSolution): Promise<boolean> {
  const record = await db.transact((state) => takeChallenge(state.captchas, solution, mockNow(state)));
  return record !== undefined && (await meetsDifficulty(record.prefix, solution.nonce, record.difficulty));
}

/**
 * The 403 for a request whose anti-robot answer does not pass
 * (`captcha_required` without one, `captcha_invalid` for a malformed,
 * wrong, expired or used one), or `undefined` when it passes.
 */
export async function refuseCaptcha(db: MockDb, captcha: CaptchaInput): Promise<Response | undefined> {
  if (captcha === 'missing') return problem(403, 'captcha_required');
  if (captcha === 'malformed' || !(await verifyCaptcha(db, captcha))) return problem(403, 'captcha_invalid');
  return undefined;
}

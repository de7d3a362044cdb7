import type { ReactiveElement } from 'lit';
import { isApiError } from '../../api/errors.js';
import type { CaptchaSolution } from '../../schemas/captcha.js';

/** Why the backend asks for the anti-robot check: none was sent, or the one sent did not pass. */
export type CaptchaDemand = 'captcha_required' | 'captcha_invalid';

/**
 * Whether `error` is the backend asking for the anti-robot check (after
 * repeated failures of a password for the address), and why. When it is,
 * the module of `<lk-captcha>` starts loading, so the form can render the
 * check and send its answer with the next attempt ({@link captchaAnswer}).
 */
export function captchaDemand(error: unknown): CaptchaDemand | undefined {
  if (!isApiError(error) || (error.code !== 'captcha_required' && error.code !== 'captcha_invalid')) return undefined;
  void import('../../entries/captcha.js');
  return error.code;
}

/**
 * The answer of the `<lk-captcha>` rendered inside `host`, for one request:
 * loads the check's module (it is loaded on demand, never with the form),
 * waits until it has solved its challenge, and takes the answer, which
 * starts the next challenge (an answer works once).
 */
export async function captchaAnswer(host: ReactiveElement): Promise<CaptchaSolution> {
  await import('../../entries/captcha.js');
  await host.updateComplete;
  const captcha = host.querySelector('lk-captcha');
  if (!captcha) throw new Error('lk-widgets: no <lk-captcha> is rendered inside this form');
  const solution = await captcha.solve();
  return captcha.consume() ?? solution;
}

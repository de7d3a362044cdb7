import type { ReactiveElement } from 'lit';
import type { CaptchaSolution } from '../../schemas/captcha.js';

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

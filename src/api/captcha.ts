import { CaptchaChallengeSchema } from '../schemas/captcha.js';
import type { CaptchaChallenge } from '../schemas/captcha.js';
import type { CallOptions, Client } from './client.js';
import { API_PATHS } from './paths.js';

/** A fresh anti-robot challenge. */
export function fetchCaptchaChallenge(client: Client, options: CallOptions = {}): Promise<CaptchaChallenge> {
  return client.request({ method: 'GET', path: API_PATHS.captcha, responseSchema: CaptchaChallengeSchema, ...options });
}

import * as v from 'valibot';
import { InstantSchema } from './user.js';

/**
 * `GET captcha/challenge`: a proof-of-work puzzle. The browser finds a
 * `nonce` such that SHA-256(`prefix` + ":" + nonce) starts with `difficulty`
 * zero bits. No picture to read, no third party; the backend checks the
 * answer in one hash, and a challenge expires and works once.
 */
export const CaptchaChallengeSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  algorithm: v.literal('SHA-256'),
  prefix: v.pipe(v.string(), v.nonEmpty()),
  difficulty: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(32)),
  expiresAt: InstantSchema,
});
export type CaptchaChallenge = v.InferOutput<typeof CaptchaChallengeSchema>;

/** The answer to a challenge, sent along with the request it protects. */
export const CaptchaSolutionSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  nonce: v.pipe(v.string(), v.nonEmpty(), v.maxLength(32)),
});
export type CaptchaSolution = v.InferOutput<typeof CaptchaSolutionSchema>;

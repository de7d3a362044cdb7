import type { CheckFamily } from '../check.js';
import { codeOf, gotOf } from '../check.js';
import { freshEmail } from '../flows.js';

/** `Retry-After` as HTTP allows it: delta-seconds or an HTTP date. */
const isRetryAfter = (value: string) => /^\d+$/u.test(value.trim()) || !Number.isNaN(Date.parse(value));

export const rateLimit: CheckFamily = {
  id: 'rate-limit',
  title: 'Past a limit the backend answers 429 with Retry-After',
  checks: [
    {
      id: 'rate-limit.retry-after',
      title: 'Repeated password-reset requests for one address end in 429 with Retry-After and code "too_many_requests"',
      async run(context) {
        // An address nobody registered: no letter is sent, and the limit is the address's own.
        const email = freshEmail(context);
        const agent = context.agent();
        const attempts = context.fixtures.rateLimitAttempts ?? 10;
        for (let attempt = 1; attempt <= attempts; attempt++) {
          const answer = await agent.send('auth/recover', { json: { email } });
          if (answer.status === 429) {
            const retryAfter = answer.headers?.get('retry-after');
            if (retryAfter === null || retryAfter === undefined || !isRetryAfter(retryAfter)) {
              context.fail('429 without a usable Retry-After header, so the form cannot say how long to wait', {
                expected: 'Retry-After: <seconds>',
                got: retryAfter == null ? 'no Retry-After' : `Retry-After: ${retryAfter}`,
                exchange: answer,
              });
            }
            if (codeOf(answer) !== 'too_many_requests') {
              context.fail('429 without the code "too_many_requests"', { expected: 'code "too_many_requests"', got: gotOf(answer), exchange: answer });
            }
            return;
          }
          if (answer.status !== 202 && answer.status !== 200) {
            context.stop('A password-reset request failed before any limit', { expected: 'status 202 (or 429 past the limit)', got: gotOf(answer), exchange: answer });
          }
        }
        context.fail(`${attempts} password-reset requests for one address in a row were all accepted`, {
          expected: 'a 429 with Retry-After within the limit (default one a minute)',
          got: `${attempts} accepted (raise the fixture rateLimitAttempts if the limit is higher)`,
        });
      },
    },
  ],
};

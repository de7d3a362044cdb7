import type { CheckFamily } from '../check.js';
import { gotOf } from '../check.js';
import { freshEmail, logIn, logInUser } from '../flows.js';
import type { Exchange } from '../http.js';
import { redactBody } from '../redact.js';

/**
 * Headers that may differ between two answers a moment apart without
 * telling anything about the account: dates, and ids a proxy adds.
 */
const VARYING_HEADERS = new Set([
  'date',
  'expires',
  'last-modified',
  'age',
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'traceparent',
  'tracestate',
  'server-timing',
  'cf-ray',
  'x-amzn-trace-id',
  'x-amz-cf-id',
  'report-to',
  'nel',
]);

/** The headers of an answer that must be equal, as `name: value` lines; a cookie's value is left out (a proxy's may vary). */
function comparableHeaders(exchange: Exchange): string[] {
  const lines: string[] = [];
  exchange.headers?.forEach((value, name) => {
    if (VARYING_HEADERS.has(name) || name === 'set-cookie') return;
    lines.push(`${name}: ${value}`);
  });
  for (const cookie of exchange.setCookies) lines.push(`set-cookie: ${cookie.name} ${JSON.stringify(cookie.attributes)}`);
  return lines.sort();
}

export const credentials: CheckFamily = {
  id: 'credentials',
  title: 'A wrong password and an unknown e-mail get byte-identical answers',
  checks: [
    {
      id: 'credentials.identical-failures',
      title: 'The login answer for an unknown e-mail is byte for byte the one for a wrong password (status, body, headers but dates)',
      needs: ['user'],
      async run(context) {
        const user = context.need('user');
        // A success first forgives earlier failures of the address, so the wrong password is not met with the anti-robot check.
        await logInUser(context);
        const wrong = await logIn(context, context.agent(), { email: user.email, password: `${user.password}x1` });
        const unknown = await logIn(context, context.agent(), { email: freshEmail(context), password: `${user.password}x1` });
        context.expectStatus(wrong, 401, 'A wrong password is not refused with 401');
        if (wrong.status !== unknown.status) {
          context.fail('The status tells an unknown e-mail from a wrong password', {
            expected: `the same as for a wrong password: ${gotOf(wrong)}`,
            got: gotOf(unknown),
            exchange: unknown,
          });
        }
        if (wrong.text !== unknown.text) {
          context.fail('The body tells an unknown e-mail from a wrong password', {
            expected: `byte for byte the wrong password's body: ${redactBody(wrong.text, 300)}`,
            got: redactBody(unknown.text, 300),
            exchange: unknown,
          });
        }
        const [a, b] = [comparableHeaders(wrong), comparableHeaders(unknown)];
        const differing = [...a.filter((line) => !b.includes(line)), ...b.filter((line) => !a.includes(line))];
        if (differing.length > 0) {
          context.fail('The headers tell an unknown e-mail from a wrong password', {
            expected: `the wrong password's headers: ${a.join(' | ')}`,
            got: `differing: ${differing.join(' | ')}`,
            exchange: unknown,
          });
        }
      },
    },
  ],
};

import type { CheckContext, CheckFamily } from '../check.js';
import { codeOf, gotOf } from '../check.js';
import { logInUser } from '../flows.js';
import type { Exchange } from '../http.js';
import { problemViolations } from '../problems.js';

/** Records each way the answer is not proper problem details, and a code other than `code` (when given). */
function expectProblem(context: CheckContext, exchange: Exchange, what: string, { status, code }: { status: readonly number[]; code?: string }): void {
  if (!context.expectStatus(exchange, status, what)) return;
  for (const violation of problemViolations(exchange)) context.fail(`${what}: ${violation}`, { exchange });
  if (code !== undefined && codeOf(exchange) !== code) {
    context.fail(`${what}: the problem code is not "${code}"`, { expected: `code "${code}"`, got: gotOf(exchange), exchange });
  }
}

export const problems: CheckFamily = {
  id: 'problems',
  title: 'Every error answer is problem details (RFC 9457) with a documented code',
  checks: [
    {
      id: 'problems.unauthenticated',
      title: 'A call that needs a session, without one, answers 401 problem details with code "unauthenticated"',
      async run(context) {
        const answer = await context.agent().send('accounts');
        expectProblem(context, answer, 'GET accounts without a session', { status: [401], code: 'unauthenticated' });
      },
    },
    {
      id: 'problems.field-errors',
      title: 'An invalid field answers 422 "validation_failed" with a field error whose pointer names it',
      async run(context) {
        const answer = await context.agent().send('auth/recover', { json: { email: 'not an address' } });
        expectProblem(context, answer, 'POST auth/recover with an invalid e-mail', { status: [422], code: 'validation_failed' });
        const errors = (answer.json as { errors?: Array<{ pointer?: unknown }> } | undefined)?.errors;
        if (!Array.isArray(errors) || !errors.some((error) => error?.pointer === '/email')) {
          context.fail('No field error points at the invalid field', { expected: 'an error with "pointer": "/email"', got: JSON.stringify(errors ?? null), exchange: answer });
        }
      },
    },
    {
      id: 'problems.not-json',
      title: 'A body that is not JSON answers 400 or 422 problem details with code "validation_failed"',
      async run(context) {
        const answer = await context.agent().send('auth/recover', { body: '{"email": ', headers: { 'Content-Type': 'application/json' } });
        expectProblem(context, answer, 'POST auth/recover with a body that is not JSON', { status: [400, 422], code: 'validation_failed' });
      },
    },
    {
      id: 'problems.not-found',
      title: "An account that is not the user's answers 404 problem details",
      needs: ['user'],
      async run(context) {
        const agent = await logInUser(context);
        const answer = await agent.send(`accounts/${encodeURIComponent('lk-conformance-no-such-account')}/history`);
        expectProblem(context, answer, 'GET the history of an account not connected to the cabinet', { status: [404] });
      },
    },
  ],
};

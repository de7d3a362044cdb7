import type { CheckContext, CheckFamily } from '../check.js';
import { gotOf } from '../check.js';
import { freshEmail, freshPassword, linkToken, logIn, solveCaptcha } from '../flows.js';
import type { Agent } from '../http.js';

/** Registers a fresh address (with the anti-robot answer) and returns its credentials, or stops. */
async function registerFresh(context: CheckContext, agent: Agent): Promise<{ email: string; password: string }> {
  const email = freshEmail(context);
  const password = freshPassword(context);
  const answer = await agent.send('auth/register', {
    json: { email, password, agreementVersion: context.fixtures.agreementVersion ?? '2026-11', captcha: await solveCaptcha(context, agent) },
  });
  context.expectStatus(answer, 202, 'A registration of a fresh address was not accepted', { stop: true });
  return { email, password };
}

export const letters: CheckFamily = {
  id: 'letters',
  title: 'The letter flows: confirm a registration, reset a password',
  checks: [
    {
      id: 'letters.confirm',
      title: 'Register a fresh address, follow the confirmation letter\'s link (POST auth/confirm), then log in',
      needs: ['mailbox'],
      sideEffects: 'registers a fresh address (lk-conformance-…@emailDomain)',
      async run(context) {
        const agent = context.agent();
        const user = await registerFresh(context, agent);
        const token = await linkToken(context, user.email, 'lk-confirm');
        const confirm = await agent.send('auth/confirm', { json: { token } });
        context.expectStatus(confirm, 200, 'The confirmation link was not accepted', { stop: true });
        const login = await logIn(context, context.agent(), user);
        context.expectStatus(login, 200, 'The confirmed user cannot log in');
        const again = await agent.send('auth/confirm', { json: { token } });
        if (again.status !== 409) {
          context.fail('A confirmation link used twice was not answered as used', { expected: 'status 409 ("already_confirmed")', got: gotOf(again), exchange: again });
        }
      },
    },
    {
      id: 'letters.reset',
      title: 'Ask for a password reset, follow the letter\'s link (POST auth/reset) with a new password, log in with it; the old one fails',
      needs: ['mailbox'],
      sideEffects: 'registers a fresh address and resets its password',
      async run(context) {
        const user = await registerFresh(context, context.agent());
        const agent = context.agent();
        const recover = await agent.send('auth/recover', { json: { email: user.email } });
        context.expectStatus(recover, 202, 'The password-reset request was not accepted', { stop: true });
        const token = await linkToken(context, user.email, 'lk-reset');
        const password = freshPassword(context);
        const reset = await agent.send('auth/reset', { json: { token, password } });
        context.expectStatus(reset, [200, 204], 'The new password was not set with the reset link', { stop: true });
        const login = await logIn(context, context.agent(), { email: user.email, password });
        context.expectStatus(login, 200, 'The new password does not log in');
        const old = await logIn(context, context.agent(), user);
        context.expectStatus(old, 401, 'The old password still logs in');
        const used = await agent.send('auth/reset', { json: { token, password: freshPassword(context) } });
        if (used.status === undefined || used.status < 400) {
          context.fail('A reset link worked twice', { expected: 'a refusal (409 "token_used")', got: gotOf(used), exchange: used });
        }
      },
    },
  ],
};

import type { CheckFamily } from '../check.js';
import { gotOf } from '../check.js';
import { freshEmail, hasSession, logInUser } from '../flows.js';
import { CSRF_HEADER } from '../http.js';

const refused = (status: number | undefined) => status !== undefined && status >= 400 && status < 500;

export const csrf: CheckFamily = {
  id: 'csrf',
  title: `State-changing calls without ${CSRF_HEADER} are refused, with no effect`,
  checks: [
    {
      id: 'csrf.login',
      title: `A login without ${CSRF_HEADER} is refused (4xx), sets no cookie and opens no session`,
      needs: ['user'],
      async run(context) {
        const agent = context.agent();
        const answer = await agent.send('auth/login', { json: context.need('user'), csrf: false });
        if (!refused(answer.status)) {
          context.fail(`A login without ${CSRF_HEADER} was not refused`, { expected: 'a 4xx problem (403)', got: gotOf(answer), exchange: answer });
        }
        const set = answer.setCookies.filter((cookie) => cookie.value !== '');
        if (set.length > 0) {
          context.fail(`A login without ${CSRF_HEADER} set cookies`, { expected: 'no Set-Cookie', got: set.map((cookie) => cookie.name).join(', '), exchange: answer });
        }
        const session = await hasSession(context, agent);
        if (session.live) {
          context.fail(`After a login without ${CSRF_HEADER} the agent has a session`, { expected: 'GET auth/session: {"user": null}', got: 'the user', exchange: session.exchange });
        }
      },
    },
    {
      id: 'csrf.logout',
      title: `A logout without ${CSRF_HEADER} is refused and the session stays`,
      needs: ['user'],
      async run(context) {
        const agent = await logInUser(context);
        const answer = await agent.send('auth/logout', { method: 'POST', csrf: false });
        if (!refused(answer.status)) {
          context.fail(`A logout without ${CSRF_HEADER} was not refused`, { expected: 'a 4xx problem (403)', got: gotOf(answer), exchange: answer });
        }
        const session = await hasSession(context, agent);
        if (!session.live) {
          context.fail(`A logout without ${CSRF_HEADER} ended the session`, { expected: 'GET auth/session: the user', got: 'user null', exchange: session.exchange });
        }
      },
    },
    {
      id: 'csrf.recover',
      title: `A password-reset request without ${CSRF_HEADER} is refused`,
      async run(context) {
        const answer = await context.agent().send('auth/recover', { json: { email: freshEmail(context) }, csrf: false });
        if (!refused(answer.status)) {
          context.fail(`A password-reset request without ${CSRF_HEADER} was not refused`, { expected: 'a 4xx problem (403)', got: gotOf(answer), exchange: answer });
        }
      },
    },
  ],
};

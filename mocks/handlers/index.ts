import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { problem } from '../problem.js';
import { accountHandlers } from './accounts.js';
import { authHandlers } from './auth.js';
import { captchaHandlers } from './captcha.js';
import { passwordHandlers } from './password.js';
import { paymentHandlers } from './payments.js';
import { recoveryHandlers } from './recovery.js';
import { registrationHandlers } from './registration.js';
import { guarded } from './endpoint.js';
import type { MockContext } from './endpoint.js';

export type { MockContext } from './endpoint.js';

/** Every handler of one backend. Each domain adds its own file and one spread here. */
export function createHandlers(context: MockContext): HttpHandler[] {
  return [
    ...authHandlers(context),
    ...registrationHandlers(context),
    ...recoveryHandlers(context),
    ...captchaHandlers(context),
    ...passwordHandlers(context),
    ...accountHandlers(context),
    ...paymentHandlers(context),
    // Last: anything else under the base is a problem answer too, not a page of the dev server.
    http.all(`${context.options.apiBase}*`, () => guarded('unknown path', async () => problem(404, 'not_found'))),
  ];
}

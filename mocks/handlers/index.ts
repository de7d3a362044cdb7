import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { problem } from '../problem.js';
import { accountHandlers } from './accounts.js';
import { authHandlers } from './auth.js';
import { captchaHandlers } from './captcha.js';
import { passwordHandlers } from './password.js';
import { paymentHandlers } from './payments.js';
import { readingHandlers } from './readings.js';
import { recoveryHandlers } from './recovery.js';
import { registrationHandlers } from './registration.js';
import { guarded } from './endpoint.js';
import type { MockContext } from './endpoint.js';

export type { MockContext } from './endpoint.js';

/**
 * For every path the endpoints answer, a handler of any other method: 405
 * `method_not_allowed` with `Allow` naming the methods the path has, as HTTP
 * asks of a known resource, rather than the 404 of a path that does not
 * exist. Built from the endpoints themselves, so a new endpoint needs nothing
 * here.
 */
function methodNotAllowedHandlers(endpoints: readonly HttpHandler[]): HttpHandler[] {
  const methodsByPath = new Map<string, Set<string>>();
  for (const { info } of endpoints) {
    if (typeof info.path !== 'string' || typeof info.method !== 'string') continue;
    const methods = methodsByPath.get(info.path) ?? new Set<string>();
    methods.add(info.method.toUpperCase());
    methodsByPath.set(info.path, methods);
  }
  return [...methodsByPath].map(([path, methods]) => {
    const allow = [...methods].sort().join(', ');
    return http.all(path, () =>
      guarded('wrong method', async () =>
        problem(405, 'method_not_allowed', { detail: `This path answers ${allow}.` }, { Allow: allow }),
      ),
    );
  });
}

/** Every handler of one backend. Each domain adds its own file and one spread here. */
export function createHandlers(context: MockContext): HttpHandler[] {
  const endpoints = [
    ...authHandlers(context),
    ...registrationHandlers(context),
    ...recoveryHandlers(context),
    ...captchaHandlers(context),
    ...passwordHandlers(context),
    ...accountHandlers(context),
    ...readingHandlers(context),
    ...paymentHandlers(context),
  ];
  return [
    ...endpoints,
    // After the endpoints: reached only by a method none of them has.
    ...methodNotAllowedHandlers(endpoints),
    // Last: anything else under the base is a problem answer too, not a page of the dev server.
    http.all(`${context.options.apiBase}*`, () => guarded('unknown path', async () => problem(404, 'not_found'))),
  ];
}

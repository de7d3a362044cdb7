import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { LkEnvironment } from '../../context/environment.js';
import { loggedOutNotice } from './logged-out.js';

/**
 * What an element for a logged-in abonent shows instead of itself while the
 * session is not known (a busy status line) or without one (its message and a
 * way to log in); `undefined` once the user is logged in.
 */
export function sessionGate(
  host: HTMLElement,
  environment: LkEnvironment,
  t: { loading: string; loggedOut: string; logIn: string },
  loginHref: string | undefined,
): TemplateResult | undefined {
  const pending = sessionPending(environment, t);
  if (pending) return pending;
  return environment.session.status === 'authenticated' ? undefined : loggedOutNotice(host, environment, t, loginHref);
}

/** The busy status line an element shows while the session is not known yet (loading); `undefined` once it is. */
export function sessionPending(environment: LkEnvironment, t: { loading: string }): TemplateResult | undefined {
  const { status } = environment.session;
  if (status === 'loading' || status === 'unknown') return html`<p part="status" role="status" aria-busy="true">${t.loading}</p>`;
  return undefined;
}

import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { LkEnvironment } from '../../context/environment.js';
import { navigationLink } from './navigation.js';

/**
 * What an element for a logged-in abonent shows without a session: its own
 * message, and a way to log in (a real link with `loginHref`, else
 * `lk-navigate` to `login`).
 */
export function loggedOutNotice(
  host: HTMLElement,
  environment: LkEnvironment,
  t: { loggedOut: string; logIn: string },
  loginHref: string | undefined,
): TemplateResult {
  return html`
    <div part="logged-out">
      <p part="logged-out-message">${t.loggedOut}</p>
      <p part="links">${navigationLink(host, environment, 'login', t.logIn, loginHref)}</p>
    </div>
  `;
}

import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { LkEnvironment } from '../../context/environment.js';
import type { NavigateTarget } from '../../context/navigator.js';
import { LkNavigateEvent } from '../../events/navigate.js';
import { safeHref } from './safe-href.js';

/**
 * Asks to go to `to`: fires the cancelable `lk-navigate`; if no listener
 * cancels it, the provider's navigator moves the user. With neither, a link
 * follows its own `href`.
 */
export function requestNavigation(host: HTMLElement, environment: LkEnvironment, to: NavigateTarget, event?: Event): void {
  const proceed = host.dispatchEvent(new LkNavigateEvent(to));
  if (!proceed) {
    event?.preventDefault();
  } else if (environment.navigator) {
    event?.preventDefault();
    environment.navigator(to);
  }
}

/**
 * A link to another part of the cabinet: a real `<a href>` when the host gave
 * a safe address, else a button that only fires `lk-navigate`. The attributes
 * are checked as they are read; `href` is checked again here because a script
 * may set the property (`loginHref`) without the attribute.
 */
export function navigationLink(
  host: HTMLElement,
  environment: LkEnvironment,
  to: NavigateTarget,
  label: string,
  href: string | undefined,
): TemplateResult {
  const go = (event: Event) => requestNavigation(host, environment, to, event);
  const safe = safeHref(`${to}-href`, href);
  return safe
    ? html`<a part="link link-${to}" href=${safe} @click=${go}>${label}</a>`
    : html`<button part="link link-${to}" type="button" @click=${go}>${label}</button>`;
}

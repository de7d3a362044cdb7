/**
 * Trusted Types for msw's worker registration (docs/ARCHITECTURE.md,
 * the Content-Security-Policy). msw hands `serviceWorker.register()` a plain
 * string, which `require-trusted-types-for 'script'` refuses unless a
 * `default` policy converts it. The policy installed here lets exactly the
 * worker script through; it defines no `createHTML` or `createScript`, so
 * every other sink stays blocked.
 */

/** The msw worker script, served from the site's root. */
export const WORKER_SCRIPT_PATH = '/mockServiceWorker.js';

/** The part of the Trusted Types API used here; TypeScript's DOM library has no types for it. */
interface TrustedTypePolicyFactory {
  readonly defaultPolicy: unknown;
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): unknown;
}

/** Whether `input` names the worker script on this page's origin, and nothing more. */
export function isWorkerScriptUrl(input: string): boolean {
  const url = new URL(input, location.href);
  return url.origin === location.origin && url.pathname === WORKER_SCRIPT_PATH && !url.search && !url.hash;
}

/**
 * Installs the `default` policy, unless the browser has no Trusted Types or
 * the host page already installed one (then allowing the worker is the
 * host's choice). Returns whether it installed it.
 */
export function installWorkerScriptPolicy(): boolean {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!factory || factory.defaultPolicy) return false;
  try {
    factory.createPolicy('default', {
      createScriptURL(input) {
        if (isWorkerScriptUrl(input)) return input;
        throw new TypeError(`lk-widgets mock: only ${WORKER_SCRIPT_PATH} may be loaded as a script URL, not ${input}`);
      },
    });
    return true;
  } catch {
    // A policy named "default" exists already, or the page's CSP does not allow one.
    return false;
  }
}

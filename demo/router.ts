/**
 * The demo site's own routing between the cabinet's logged-out views: the
 * host page's side of `lk-navigate`, as a supplier's site would do it. The
 * view lives in the address (`#register`, `#recover`), so back and forward
 * work; a letter's link (`?lk-confirm=…`, `?lk-reset=…`) opens its view.
 * (The whole cabinet in one tag, with its own navigation, is `<lk-cabinet>`.)
 */
import type { NavigateTarget } from '../src/context/navigator.js';

type View = 'login' | 'register' | 'recover' | 'confirm';

const TAGS: Record<View, string> = {
  login: 'lk-login-form',
  register: 'lk-register-form',
  recover: 'lk-password-recovery',
  confirm: 'lk-confirm-email',
};

/** The demo's user agreement, named by the version the registration form sends. */
const AGREEMENT = { href: '/demo/agreement.html', version: '2026-11' };

function viewFromAddress(): View {
  const params = new URLSearchParams(location.search);
  if (params.has('lk-confirm')) return 'confirm';
  if (params.has('lk-reset')) return 'recover';
  const hash = location.hash.slice(1);
  return hash === 'register' || hash === 'recover' ? hash : 'login';
}

function render(container: HTMLElement, view: View): void {
  if (container.firstElementChild?.localName === TAGS[view]) return;
  const element = document.createElement(TAGS[view]);
  if (view === 'register') {
    element.setAttribute('agreement-href', AGREEMENT.href);
    element.setAttribute('agreement-version', AGREEMENT.version);
  }
  container.replaceChildren(element);
}

/** Shows the view the address names, and makes the provider's navigator move between views. */
export function startRouter(provider: HTMLElement & { navigator?: (to: NavigateTarget) => void }, container: HTMLElement): void {
  render(container, viewFromAddress());
  provider.navigator = (to) => {
    const view: View = to === 'register' || to === 'recover' ? to : 'login';
    // Leaving a letter's view drops its (already consumed) parameters.
    history.pushState(null, '', `${location.pathname}${view === 'login' ? '' : `#${view}`}`);
    render(container, view);
    container.closest<HTMLElement>('[tabindex="-1"]')?.focus();
  };
  addEventListener('popstate', () => render(container, viewFromAddress()));
  addEventListener('hashchange', () => render(container, viewFromAddress()));
}

import type { ReactiveControllerHost } from 'lit';
import type { CabinetSection } from './cabinet-router.js';

/** The elements a section shows: their tags, and how to load the modules that define them. */
export interface SectionModule {
  readonly tags: readonly string[];
  readonly load: () => Promise<unknown>;
}

export type SectionModules = Readonly<Record<CabinetSection, SectionModule>>;

/**
 * What each section of `<lk-cabinet>` shows. `lk-widgets/cabinet` carries
 * only the login form, the first thing a visitor sees; every other section's
 * elements are loaded the first time it is shown, so the cabinet's first
 * paint does not wait for the payment, the history or the settings.
 */
export const SECTION_MODULES: SectionModules = {
  login: { tags: ['lk-login-form'], load: () => import('../../entries/login-form.js') },
  register: { tags: ['lk-register-form'], load: () => import('../../entries/register-form.js') },
  recover: { tags: ['lk-password-recovery'], load: () => import('../../entries/password-recovery.js') },
  confirm: { tags: ['lk-confirm-email'], load: () => import('../../entries/confirm-email.js') },
  account: {
    tags: ['lk-account-summary', 'lk-accounts', 'lk-account-history'],
    load: () =>
      Promise.all([
        import('../../entries/account-summary.js'),
        import('../../entries/accounts.js'),
        import('../../entries/account-history.js'),
      ]),
  },
  pay: {
    tags: ['lk-pay-now', 'lk-payment-history'],
    load: () => Promise.all([import('../../entries/pay-now.js'), import('../../entries/payment-history.js')]),
  },
  readings: { tags: ['lk-readings-form'], load: () => import('../../entries/readings-form.js') },
  connect: {
    tags: ['lk-account-connect', 'lk-accounts'],
    load: () => Promise.all([import('../../entries/account-connect.js'), import('../../entries/accounts.js')]),
  },
  settings: { tags: ['lk-settings'], load: () => import('../../entries/settings.js') },
};

/** Where a section's elements are: defined, on their way, or failed to load (a lost connection). */
export type SectionStatus = { readonly state: 'ready' } | { readonly state: 'loading' } | { readonly state: 'error'; readonly error: unknown };

const READY: SectionStatus = { state: 'ready' };
const LOADING: SectionStatus = { state: 'loading' };

/**
 * Loads a section's elements when the host first asks for its status, and
 * updates the host when they are defined or have failed. Tags already
 * defined (by the page, by another copy of lk-widgets, by an earlier
 * section) are ready at once, with no loading state to flash.
 */
export class SectionLoader {
  readonly #pending = new Map<CabinetSection, SectionStatus>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly modules: SectionModules = SECTION_MODULES,
  ) {}

  /** The section's status; asking starts the loading of a section not loaded yet. */
  status(section: CabinetSection): SectionStatus {
    if (this.#defined(section)) return READY;
    const known = this.#pending.get(section);
    if (known) return known;
    this.#load(section);
    return LOADING;
  }

  /** Tries again after a failure ("Повторить"). */
  retry(section: CabinetSection): void {
    this.#load(section);
    this.host.requestUpdate();
  }

  #load(section: CabinetSection): void {
    this.#pending.set(section, LOADING);
    this.modules[section].load().then(
      () => {
        // A module that loads but defines nothing would be asked for again on every render.
        if (this.#defined(section)) this.#pending.delete(section);
        else this.#pending.set(section, { state: 'error', error: new Error(`lk-widgets: the "${section}" section's module defined no element`) });
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.#pending.set(section, { state: 'error', error });
        this.host.requestUpdate();
      },
    );
  }

  #defined(section: CabinetSection): boolean {
    return this.modules[section].tags.every((tag) => customElements.get(tag) !== undefined);
  }
}

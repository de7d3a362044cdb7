import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NavigateTarget } from '../../context/navigator.js';

/** The places of the cabinet for a visitor who is not logged in. */
export const PUBLIC_SECTIONS = ['login', 'register', 'recover', 'confirm'] as const;
/** The places of the cabinet for a logged-in abonent, in the order of the navigation panel. */
export const PRIVATE_SECTIONS = ['account', 'pay', 'readings', 'connect', 'settings'] as const;

export type PublicSection = (typeof PUBLIC_SECTIONS)[number];
export type PrivateSection = (typeof PRIVATE_SECTIONS)[number];
export type CabinetSection = PublicSection | PrivateSection;

const SECTIONS: readonly string[] = [...PUBLIC_SECTIONS, ...PRIVATE_SECTIONS];
export const isSection = (value: unknown): value is CabinetSection => typeof value === 'string' && SECTIONS.includes(value);
export const isPrivateSection = (value: CabinetSection): value is PrivateSection =>
  (PRIVATE_SECTIONS as readonly string[]).includes(value);

/**
 * Where an `lk-navigate` target leads in this cabinet. A target with no
 * section of its own (`history`) leads to the account, where the history is.
 */
export function sectionFor(target: NavigateTarget): CabinetSection {
  return isSection(target) ? target : 'account';
}

interface Host extends ReactiveControllerHost, HTMLElement {
  /** Whether the section lives in the page's address. */
  syncAddress: boolean;
  /** The query parameter it lives in. */
  addressParam: string;
  /** The query parameters of the letters' links, which open their sections. */
  confirmParam: string;
  resetParam: string;
}

/**
 * Which section of the cabinet is asked for. In memory by default; with
 * the host's `sync-address`, also in a query parameter of the page's
 * address (`?lk-section=settings`), pushed on every move, so back and
 * forward move between sections and a reload stays in one. A query
 * parameter rather than the hash: supplier sites use hashes for their own
 * anchors and routers. A letter's link (`?lk-confirm=…`, `?lk-reset=…`)
 * opens its section whatever the setting.
 */
export class CabinetRouter implements ReactiveController {
  readonly #host: Host;
  #section: CabinetSection = 'login';

  readonly #onPopState = () => {
    if (!this.#host.syncAddress) return;
    this.#section = this.#fromAddress() ?? 'login';
    this.#host.requestUpdate();
  };

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** The section asked for last (the cabinet shows another if the session does not allow it). */
  get section(): CabinetSection {
    return this.#section;
  }

  hostConnected(): void {
    this.#section = this.#fromAddress() ?? this.#section;
    addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPopState);
  }

  /**
   * Goes to `section`. With `sync-address` the move becomes a history entry
   * (`replace`: it replaces the current one, for moves the user did not
   * ask for, such as back to login when the session ended).
   */
  go(section: CabinetSection, { replace = false }: { replace?: boolean } = {}): void {
    if (section === this.#section) return;
    this.#section = section;
    if (this.#host.syncAddress) this.#write(section, replace);
    this.#host.requestUpdate();
  }

  /** The address of `section`, for a link's `href`; `undefined` without `sync-address`. */
  href(section: CabinetSection): string | undefined {
    return this.#host.syncAddress ? this.#address(section) : undefined;
  }

  /** The page's address with `section` in its query parameter. */
  #address(section: CabinetSection): string {
    const url = new URL(location.href);
    url.searchParams.set(this.#host.addressParam, section);
    return `${url.pathname}${url.search}${url.hash}`;
  }

  #fromAddress(): CabinetSection | undefined {
    const params = new URLSearchParams(location.search);
    if (params.has(this.#host.confirmParam)) return 'confirm';
    if (params.has(this.#host.resetParam)) return 'recover';
    if (!this.#host.syncAddress) return undefined;
    const section = params.get(this.#host.addressParam);
    return isSection(section) ? section : undefined;
  }

  #write(section: CabinetSection, replace: boolean): void {
    if (new URLSearchParams(location.search).get(this.#host.addressParam) === section) return;
    if (replace) history.replaceState(history.state, '', this.#address(section));
    else history.pushState(history.state, '', this.#address(section));
  }
}

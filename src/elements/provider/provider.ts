import { ContextProvider } from '@lit/context';
import { ReactiveElement, css } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Client, ClientOptions } from '../../api/client.js';
import type { Clock } from '../../context/clock.js';
import { systemClock } from '../../context/clock.js';
import type { Connection, LkEnvironment } from '../../context/environment.js';
import { connectionOf, createConnection, environmentContext, pageSettings, sharedConnection } from '../../context/environment.js';
import type { LkNavigator } from '../../context/navigator.js';
import { normalizeLocale } from '../../i18n/locale.js';
import { passwordPolicy } from '../../schemas/password.js';
import { adoptElementStyles } from '../base/styles.js';

/**
 * @summary Gives the client, the session and the settings to every `<lk-…>` element inside it.
 *
 * Attributes left out fall back to the page-wide default (`configure()`).
 * Providers and elements on the same `api-base` share one session, unless a
 * provider brings its own `client` or `getToken`.
 *
 * @example
 * ```html
 * <lk-provider api-base="https://lk.example.ru/api/" locale="ru" support-email="help@example.ru">
 *   <lk-login-form></lk-login-form>
 * </lk-provider>
 * ```
 */
export class LkProviderElement extends ReactiveElement {
  static override styles = css`
    :scope {
      display: contents;
    }
  `;

  /** The API base URL. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** The interface language: `ru` (default) or `en`. */
  @property({ reflect: true }) locale?: string;
  /** The rule for new passwords: `seed` (default) or `strong`. */
  @property({ attribute: 'password-policy' }) passwordPolicy?: string;
  /** The support address shown in the cabinet's help area. */
  @property({ attribute: 'support-email' }) supportEmail?: string;
  /** Where elements read the time; tests and the demo pass the mock backend's clock. */
  @property({ attribute: false }) clock?: Clock;
  /** Moves the user within the cabinet when an element asks to (`lk-navigate`). */
  @property({ attribute: false }) navigator?: LkNavigator;
  /** A client of the host's own making (its own session). */
  @property({ attribute: false }) client?: Client;
  /** For bearer-token backends: the host's token getter (its own session). */
  @property({ attribute: false }) getToken?: ClientOptions['getToken'];
  /**
   * The environment to build on instead of the page default: what this
   * provider does not set itself (settings, clock, and the session unless
   * it names another API base or brings its own client) comes from it.
   * `<lk-cabinet>` passes the environment it sits in, so a cabinet inside a
   * provider uses that provider's session and only adds its navigator.
   */
  @property({ attribute: false }) parent?: LkEnvironment;

  readonly #provider = new ContextProvider(this, { context: environmentContext });
  #connection: { key: unknown[]; value: Connection } | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    // Before children connect and ask for it, so none starts on the page default.
    this.#provider.setValue(this.#environment());
    super.connectedCallback();
    adoptElementStyles(this, (this.constructor as typeof ReactiveElement).elementStyles);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#provider.setValue(this.#environment());
  }

  /** The environment the children get now. */
  get environment(): LkEnvironment {
    return this.#provider.value ?? this.#environment();
  }

  #environment(): LkEnvironment {
    const page = this.parent?.settings ?? pageSettings();
    const apiBase = this.apiBase || page.apiBase;
    const { client, session, accounts } = this.#connectionFor(apiBase);
    const current = this.#provider.value;
    const settings = {
      apiBase,
      locale: normalizeLocale(this.locale) ?? page.locale,
      passwordPolicy: passwordPolicy(this.passwordPolicy ?? page.passwordPolicy).id,
      supportEmail: this.supportEmail ?? page.supportEmail,
    };
    const clock = this.clock ?? this.parent?.clock ?? systemClock;
    const navigator = this.navigator ?? this.parent?.navigator;
    const unchanged =
      current &&
      current.client === client &&
      current.clock === clock &&
      current.navigator === navigator &&
      (Object.keys(settings) as (keyof typeof settings)[]).every((key) => current.settings[key] === settings[key]);
    // A new object only when something changed: context consumers re-render on a new value.
    if (unchanged) return current;
    return Object.freeze({ settings: Object.freeze(settings), client, session, accounts, clock, navigator });
  }

  #connectionFor(apiBase: string): Connection {
    const key = [apiBase, this.client, this.getToken, this.parent];
    if (this.#connection && key.every((part, index) => part === this.#connection!.key[index])) {
      return this.#connection.value;
    }
    let value: Connection;
    if (this.client) value = connectionOf(this.client);
    else if (this.getToken) value = createConnection(apiBase, { getToken: this.getToken });
    else if (this.parent && this.parent.settings.apiBase === apiBase) value = this.parent;
    else value = sharedConnection(apiBase);
    this.#connection = { key, value };
    return value;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-provider': LkProviderElement;
  }
}

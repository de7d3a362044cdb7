import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import * as v from 'valibot';
import type { Clock } from '../../context/clock.js';
import type { LkNavigator } from '../../context/navigator.js';
import type { Session, SessionLogoutEvent } from '../../context/session.js';
import { LkErrorEvent } from '../../events/error.js';
import type { LkLoginEvent } from '../../events/login.js';
import { LkLogoutEvent } from '../../events/logout.js';
import { EmailSchema } from '../../schemas/email.js';
import { issueCode } from '../../schemas/issues.js';
import type { User } from '../../schemas/user.js';
import { DEFAULT_CONFIRM_PARAM, DEFAULT_RESET_PARAM } from '../base/address.js';
import { faultMessage } from '../base/failure.js';
import { faultAlert } from '../base/form-parts.js';
import { LkElement } from '../base/lk-element.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { CabinetRouter, PRIVATE_SECTIONS, isPrivateSection, sectionFor } from './cabinet-router.js';
import type { CabinetSection, PrivateSection, PublicSection } from './cabinet-router.js';
import { cabinetMessages } from './cabinet.messages.js';
import type { CabinetMessages } from './cabinet.messages.js';
import { cabinetStyles } from './cabinet.styles.js';
import { SECTION_MODULES, SectionLoader } from './section-loader.js';
import type { SectionModules } from './section-loader.js';
import { hrefProperty } from '../base/safe-href.js';

/** The query parameter the section lives in, with `sync-address`. */
export const DEFAULT_SECTION_PARAM = 'lk-section';

/**
 * @summary The whole cabinet in one tag: login, registration, recovery and confirmation for a visitor; the navigation panel, the account, payment, readings, account connection and settings for a logged-in abonent.
 *
 * It is itself a provider (like `<lk-provider>`): the elements inside it get the
 * environment it sits in (an enclosing `<lk-provider>`'s, else the page
 * default on its own `api-base`), its own settings on top, and its
 * navigator, which moves between its sections when they ask (`lk-navigate`).
 *
 * A visitor who is not logged in sees the login form, and from it
 * registration and password recovery; a letter's link (`?lk-confirm=…`,
 * `?lk-reset=…`) opens confirmation or the new-password step. A user who has
 * not confirmed the e-mail sees the confirmation state. A logged-in abonent
 * gets the navigation panel at the top (Лицевой счет, Оплата, Показания,
 * Подключить ЛС, Настройки) and always "Выйти". "Лицевой счет" has the
 * seed's welcome, then `<lk-account-summary>`, `<lk-accounts>` and
 * `<lk-account-history>`, or, with no account connected yet, the seed's
 * guidance to connect one. "Оплата" has `<lk-pay-now>` and
 * `<lk-payment-history>`, "Показания" `<lk-readings-form>`; the summary's
 * "оплатить онлайн" leads to "Оплата". When the session expires the
 * cabinet returns to login with a message, keeps the section (and what was
 * typed in it) and goes back there after login (docs/promises.md#15).
 *
 * A section's elements load the first time it is shown (only the login
 * form comes with `lk-widgets/cabinet`): meanwhile a polite status says so,
 * and a failed load ends in an alert with "Повторить".
 *
 * The section can live in the page's address (`sync-address`, opt-in), so
 * back and forward work. The support address (`support-email`) is shown in
 * the help area; there is no default (docs/promises.md#32).
 *
 * @example
 * ```html
 * <lk-cabinet api-base="/api/" support-email="help@example.ru" sync-address
 *   agreement-href="/agreement.html" agreement-version="2026-11"></lk-cabinet>
 * ```
 *
 * @fires {LkLogoutEvent} lk-logout - the user logged out with "Выйти" (`user`), or the session expired (`expired`).
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user; `detail.error`.
 * (The elements inside fire their own events: `lk-login`, `lk-registered`,
 * `lk-account-connected`, `lk-account-selected`, `lk-password-changed`,
 * `lk-payment`, `lk-readings-submitted`, `lk-navigate`, …)
 *
 * @csspart cabinet - the whole cabinet.
 * @csspart header - the navigation panel, the user and "Выйти".
 * @csspart nav - the navigation landmark; `nav-list`, `nav-item`, and `nav-link` for each section (`aria-current` on the current one).
 * @csspart user - who is logged in.
 * @csspart logout - "Выйти" (also `button`).
 * @csspart section - the section shown; `section-public` for login, registration, recovery, confirmation.
 * @csspart notice - why the user is back at login (session expired, also `notice-expired`; logged out).
 * @csspart title - a section's heading.
 * @csspart welcome - the welcome, each paragraph a `welcome-text`; `connect-first` the guidance to connect an account, with "Подключить ЛС" (`link link-connect`).
 * @csspart account - the section "Лицевой счет"; `pay` "Оплата", `connect` "Подключить ЛС" (its `intro` above the form).
 * @csspart help - the help area: `help-title`, each paragraph a `help-text`, and `support-link` the support address.
 * @csspart fault - a failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - progress, announced politely.
 *
 * @cssprop [--lk-color-primary=#0b5cad] - the navigation panel's current section and links.
 * @cssprop [--lk-color-surface=#fff] - the background of the panel and cards.
 * @cssprop [--lk-color-border=#6b7785] - lines between parts.
 * @cssprop [--lk-color-text=#1d2733] - the text.
 * @cssprop [--lk-cabinet-header-background=var(--lk-color-surface, #fff)] - the navigation panel's background.
 * @cssprop [--lk-radius=0.375rem] - corner radius.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-space=1rem] - the basic spacing.
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring of the navigation links and of a section given the focus.
 * @cssprop [--lk-color-danger=#b3261e] - the edge of the notice that the session has expired.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 */
export class LkCabinetElement extends LkElement<CabinetMessages> {
  static override styles = [baseStyles, formStyles, cabinetStyles];

  /** The rule for new passwords: `seed` (default) or `strong`. */
  @property({ attribute: 'password-policy' }) passwordPolicy?: string;
  /** The support address shown in the help area; without it, the provider's (there is no default). Not shown when it is not a valid address, or mixes Latin and Cyrillic look-alike letters. */
  @property({ attribute: 'support-email' }) supportEmail?: string;
  /** Keep the section in the page's address (`?lk-section=…`), so back and forward work. */
  @property({ type: Boolean, attribute: 'sync-address' }) syncAddress = false;
  /** The query parameter of the section, with `sync-address`. */
  @property({ attribute: 'address-param' }) addressParam = DEFAULT_SECTION_PARAM;
  /** The query parameter of the confirmation letter's link. */
  @property({ attribute: 'confirm-param' }) confirmParam = DEFAULT_CONFIRM_PARAM;
  /** The query parameter of the password-reset letter's link. */
  @property({ attribute: 'reset-param' }) resetParam = DEFAULT_RESET_PARAM;
  /** The user agreement shown at registration: its address… */
  @property(hrefProperty('agreement-href')) agreementHref?: string;
  /** …and its version, recorded with the registration. */
  @property({ attribute: 'agreement-version' }) agreementVersion?: string;
  /** Where the elements read the time; tests and the demo pass the mock backend's clock. */
  @property({ attribute: false }) clock?: Clock;

  /** The private section to go back to after login (the session expired there, or the address named it). */
  @state() private returnTo: PrivateSection | undefined;
  /** Why the user is at login. */
  @state() private notice: 'expired' | 'loggedOut' | undefined;
  @state() private loggingOut = false;
  @state() private fault: { message: string; retry: () => void } | undefined;

  /**
   * What each section shows, and how it is loaded (the entry carries only
   * the login form). A subclass may list other modules: the tests make one
   * fail to load.
   */
  static sectionModules: SectionModules = SECTION_MODULES;

  readonly #router = new CabinetRouter(this);
  readonly #sections = new SectionLoader(this, (this.constructor as typeof LkCabinetElement).sectionModules);
  #session: Session | undefined;
  /** Set when the user moved: the new section takes focus once rendered. */
  #focusSection = false;
  #warnedSupport: string | undefined;

  /** Moves between sections when an element inside asks (`lk-navigate` not cancelled). */
  readonly #navigator: LkNavigator = (to) => this.#go(sectionFor(to));

  constructor() {
    super(cabinetMessages);
  }

  /** The section shown. */
  get section(): CabinetSection {
    return this.#shown();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#session?.removeEventListener('logout', this.#onSessionEnd);
    this.#session = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { session } = this.env;
    if (session !== this.#session) {
      this.#session?.removeEventListener('logout', this.#onSessionEnd);
      this.#session = session;
      session.addEventListener('logout', this.#onSessionEnd);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const { session, accounts } = this.env;
    if (this.#signedIn()) accounts.loadOnce();
    if (session.status === 'loading' || session.status === 'unknown') return;
    // Keep the router (and the address) on what is shown: a private section
    // asked for while logged out is remembered and shown after login.
    const shown = this.#shown();
    const asked = this.#router.section;
    if (shown !== asked) {
      if (!this.#signedIn() && isPrivateSection(asked)) this.returnTo = asked;
      this.#router.go(shown, { replace: true });
    }
    if (this.#signedIn() && this.returnTo && isPrivateSection(shown)) this.returnTo = undefined;
    if (this.#focusSection) {
      this.#focusSection = false;
      this.querySelector<HTMLElement>(':scope [part~="section"]:not([hidden])')?.focus();
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const { session } = this.env;
    const content =
      session.status === 'loading' || session.status === 'unknown'
        ? html`<p part="status" role="status" aria-busy="true">${t.loading}</p>`
        : this.renderCabinet();
    return html`
      <lk-provider
        .parent=${this.env}
        .navigator=${this.#navigator}
        .clock=${this.clock}
        api-base=${ifDefined(this.apiBase)}
        locale=${ifDefined(this.locale)}
        password-policy=${ifDefined(this.passwordPolicy)}
        support-email=${ifDefined(this.supportEmail)}
      >
        <div part="cabinet" role="region" aria-label=${t.cabinet} @lk-login=${this.onLogin}>
          ${content} ${this.renderHelp()}
        </div>
      </lk-provider>
    `;
  }

  private renderCabinet(): TemplateResult {
    const { session } = this.env;
    const shown = this.#shown();
    const signedIn = this.#signedIn();
    const privateShown = signedIn && isPrivateSection(shown);
    // The private section stays (hidden) while an expired session logs in again, so what was typed is kept.
    const kept = privateShown ? (shown as PrivateSection) : this.notice === 'expired' ? this.returnTo : undefined;
    return html`
      ${signedIn && session.user ? this.renderHeader(session.user, shown) : nothing}
      ${session.status === 'error' ? faultAlert(faultMessage(session.error, this.t), this.t.retry, () => void session.load()) : nothing}
      ${faultAlert(this.fault?.message, this.t.retry, () => this.fault?.retry())}
      <div part="section" tabindex="-1" ?hidden=${!privateShown}>
        ${kept ? this.renderLoaded(kept, () => this.renderPrivate(kept)) : nothing}
      </div>
      ${privateShown
        ? nothing
        : html`<div part="section section-public" tabindex="-1">
            ${this.renderNotice()} ${this.renderLoaded(shown, () => this.renderPublic(shown as PublicSection))}
          </div>`}
      <p part="status" role="status">${this.loggingOut ? this.t.loggingOut : ''}</p>
    `;
  }

  private renderHeader(user: User, shown: CabinetSection): TemplateResult {
    const t = this.t;
    return html`
      <div part="header">
        <nav part="nav" aria-label=${t.navigation}>
          <ul part="nav-list">
            ${PRIVATE_SECTIONS.map((section) => html`<li part="nav-item">${this.renderNavLink(section, shown)}</li>`)}
          </ul>
        </nav>
        <p part="user">${t.signedInAs(user.email)}</p>
        <button part="button logout" type="button" aria-disabled=${this.loggingOut ? 'true' : 'false'} @click=${this.onLogout}>
          ${t.logout}
        </button>
      </div>
    `;
  }

  private renderNavLink(section: PrivateSection, shown: CabinetSection): TemplateResult {
    const current = section === shown ? 'page' : undefined;
    const href = this.#router.href(section);
    const go = (event: MouseEvent) => {
      // A modified click opens the address in a new tab, as a link should.
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      this.#go(section);
    };
    return href
      ? html`<a part="nav-link" href=${href} aria-current=${ifDefined(current)} @click=${go}>${this.t.sections[section]}</a>`
      : html`<button part="nav-link" type="button" aria-current=${ifDefined(current)} @click=${go}>
          ${this.t.sections[section]}
        </button>`;
  }

  /** A section once its elements are defined; until then a polite status, and after a failed load an alert with "Повторить". */
  private renderLoaded(section: CabinetSection, content: () => TemplateResult): TemplateResult {
    const status = this.#sections.status(section);
    if (status.state === 'ready') return content();
    if (status.state === 'loading') return html`<p part="status" role="status" aria-busy="true">${this.t.loadingSection}</p>`;
    return faultAlert(this.t.sectionFailed, this.t.retry, () => this.#sections.retry(section)) as TemplateResult;
  }

  private renderPrivate(section: PrivateSection): TemplateResult {
    switch (section) {
      case 'account':
        return this.renderAccount();
      case 'pay':
        // The payment brings its own heading, "Оплата"; the payments made follow it.
        return html`
          <div part="pay">
            <lk-pay-now heading-level="2"></lk-pay-now>
            <lk-payment-history heading-level="3"></lk-payment-history>
          </div>
        `;
      case 'readings':
        return html`<lk-readings-form heading-level="2"></lk-readings-form>`;
      case 'connect':
        // The connect form brings its own heading, "Подключение лицевых счетов".
        return html`
          <div part="connect">
            <p part="intro">${this.t.connectIntro}</p>
            <lk-account-connect></lk-account-connect>
            <lk-accounts></lk-accounts>
          </div>
        `;
      case 'settings':
        return html`<lk-settings></lk-settings>`;
    }
  }

  /**
   * "Лицевой счет": the seed's welcome, then the current account's summary
   * (its heading is the section's), the choice of the current account and
   * the history; with no account yet, the seed's guidance to connect one.
   */
  private renderAccount(): TemplateResult {
    const t = this.t;
    const { accounts } = this.env;
    const welcome = html`
      <div part="welcome">
        <p part="welcome-text">${t.welcome}</p>
        <p part="welcome-text">${t.service}</p>
        <p part="welcome-text">${t.chooseSection}</p>
      </div>
    `;
    if (accounts.status === 'ready' && accounts.current) {
      // The summary's own section is the landmark "Лицевой счет"; a second one around it would be its twin.
      return html`
        <div part="account">
          ${welcome}
          <lk-account-summary heading-level="2"></lk-account-summary>
          <lk-accounts heading-level="3"></lk-accounts>
          <lk-account-history heading-level="3"></lk-account-history>
        </div>
      `;
    }
    let body: TemplateResult | string;
    if (accounts.status === 'error') {
      body = faultAlert(faultMessage(accounts.error, t), t.retry, () => void accounts.reload()) as TemplateResult;
    } else if (accounts.status !== 'ready') {
      body = html`<p part="status" role="status" aria-busy="true">${t.loading}</p>`;
    } else {
      body = html`<p part="connect-first">
        ${t.connectFirst}
        <button part="link link-connect" type="button" @click=${() => this.#go('connect')}>${t.connectLink}</button>.
      </p>`;
    }
    const id = this.idFor('account');
    return html`
      <section part="account" aria-labelledby=${id}>
        <h2 part="title" id=${id}>${t.accountTitle}</h2>
        ${welcome} ${body}
      </section>
    `;
  }

  private renderPublic(section: PublicSection): TemplateResult {
    switch (section) {
      case 'register':
        return html`<lk-register-form
          agreement-href=${ifDefined(this.agreementHref)}
          agreement-version=${ifDefined(this.agreementVersion)}
        ></lk-register-form>`;
      case 'recover':
        return html`<lk-password-recovery param=${this.resetParam}></lk-password-recovery>`;
      case 'confirm':
        return html`<lk-confirm-email param=${this.confirmParam}></lk-confirm-email>`;
      case 'login':
        return html`<lk-login-form></lk-login-form>`;
    }
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const t = this.t;
    if (this.notice === 'loggedOut') return html`<p part="notice" role="status">${t.loggedOut}</p>`;
    if (this.notice !== 'expired') return nothing;
    const text = this.returnTo ? t.expired(t.sections[this.returnTo]) : t.expiredNoSection;
    return html`<p part="notice notice-expired" role="alert">${text}</p>`;
  }

  /** Seed step 7: hints, and the support address when it is a valid one. */
  private renderHelp(): TemplateResult {
    const t = this.t;
    const email = this.#supportEmail();
    const id = this.idFor('help');
    return html`
      <aside part="help" aria-labelledby=${id}>
        <h2 part="help-title" id=${id}>${t.help}</h2>
        <p part="help-text">${t.helpText}</p>
        ${email
          ? html`<p part="help-text">${t.supportText} <a part="support-link" href=${`mailto:${email}`}>${email}</a></p>`
          : nothing}
      </aside>
    `;
  }

  /**
   * The support address, if it is one a user can write to. An address that
   * mixes Latin and Cyrillic look-alike letters (as the seed's own does) is
   * not shown: mail to it would go astray (docs/promises.md#32).
   */
  #supportEmail(): string | undefined {
    const email = (this.supportEmail ?? this.env.settings.supportEmail)?.trim();
    if (!email) return undefined;
    const issue = issueCode(v.safeParse(EmailSchema, email));
    if (!issue) return email;
    if (this.#warnedSupport !== email) {
      this.#warnedSupport = email;
      console.warn(`lk-widgets: <lk-cabinet> does not show the support address "${email}" (${issue}).`);
    }
    return undefined;
  }

  /** Logged in with a confirmed e-mail: the private sections are open. */
  #signedIn(): boolean {
    const { session } = this.env;
    return session.status === 'authenticated' && session.user?.emailConfirmed === true;
  }

  /** The section to show: the one asked for, if the session allows it. */
  #shown(): CabinetSection {
    const asked = this.#router.section;
    const { session } = this.env;
    // A letter's link works whoever is logged in, and "Забыли пароль?" in the settings leads to recovery.
    if (asked === 'confirm' || asked === 'recover') return asked;
    if (this.#signedIn()) return isPrivateSection(asked) ? asked : (this.returnTo ?? 'account');
    // Logged in but not confirmed: the login form shows the confirmation state.
    if (session.status === 'authenticated') return 'login';
    return isPrivateSection(asked) ? 'login' : asked;
  }

  #go(section: CabinetSection): void {
    this.notice = undefined;
    this.fault = undefined;
    this.#focusSection = true;
    this.#router.go(section);
    this.requestUpdate();
  }

  private readonly onLogin = (event: LkLoginEvent): void => {
    // A user who has not confirmed the e-mail stays with the login form's confirmation state.
    if (!event.detail.user.emailConfirmed) return;
    this.notice = undefined;
    this.#focusSection = true;
    this.#router.go(this.returnTo ?? 'account', { replace: true });
  };

  readonly #onSessionEnd = (event: Event): void => {
    const { reason } = event as SessionLogoutEvent;
    const asked = this.#router.section;
    if (reason === 'expired') {
      this.returnTo = isPrivateSection(asked) ? asked : undefined;
      this.notice = 'expired';
      this.dispatchEvent(new LkLogoutEvent('expired'));
    } else {
      this.returnTo = undefined;
    }
    this.#focusSection = true;
    this.#router.go('login', { replace: reason === 'expired' });
  };

  private readonly onLogout = async (): Promise<void> => {
    if (this.loggingOut) return;
    this.loggingOut = true;
    this.fault = undefined;
    try {
      await this.env.session.logout();
      this.notice = 'loggedOut';
      this.dispatchEvent(new LkLogoutEvent('user'));
    } catch (error) {
      this.fault = { message: faultMessage(error, this.t), retry: () => void this.onLogout() };
      this.dispatchEvent(new LkErrorEvent(error));
    } finally {
      this.loggingOut = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-cabinet': LkCabinetElement;
  }
}

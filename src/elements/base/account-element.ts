import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isApiError } from '../../api/errors.js';
import { AccountData } from '../../controllers/account-data.js';
import type { AccountDataFetch, AccountDataKey } from '../../controllers/account-data.js';
import type { AccountGateWords } from '../../i18n/account-gate.ru.js';
import type { CommonMessages } from '../../i18n/common.ru.js';
import { formatMoney } from '../../i18n/format.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { Account } from '../../schemas/account.js';
import { holdAccountsList } from './accounts-list.js';
import { faultMessage } from './failure.js';
import { faultAlert } from './form-parts.js';
import { heading, headingLevel } from './heading.js';
import { LkElement } from './lk-element.js';
import { sessionGate } from './session-gate.js';
import { navigationLink } from './navigation.js';
import { hrefProperty } from './safe-href.js';

/**
 * The words of the account gate, which every catalogue of an element bound to
 * an account has: the common ones, the gate's own (spread from
 * i18n/account-gate), and the element's reason to log in.
 */
export interface AccountGateMessages extends CommonMessages, AccountGateWords {
  /** The heading of the element's section. */
  title: string;
  /** Without a session: why to log in. */
  loggedOut: string;
}

/** The status line that ends the section of an element bound to an account. */
export interface AccountStatus {
  /** What it says: empty when there is nothing to say. */
  text: string;
  /** Something is on its way (`aria-busy`). */
  busy: boolean;
  /** Its part, when the element adds to `status`. */
  part?: string;
}

/** The backend's answer for an account this cabinet does not have (disconnected since the list was loaded). */
export const isNotConnected = (error: unknown): boolean => isApiError(error) && error.status === 404;

/**
 * The base of an element bound to one personal account (`<lk-account-summary>`,
 * `<lk-account-history>`, `<lk-payment-history>`, `<lk-readings-form>`,
 * `<lk-pay-now>`): which account it shows, the session's list of accounts
 * loaded once, and what it shows until there is an account to show — the
 * gate:
 *
 * - the session still unknown: a busy status line ({@link sessionGate});
 * - logged out: the element's own message and "Войти в Личный кабинет";
 * - the list loading: nothing yet, the element's status line says so
 *   ({@link waitingForAccounts});
 * - the list failed: an alert with "Повторить", which loads it again;
 * - no account connected: "Нет подключенных ЛС" and "Подключить ЛС";
 * - `account-id` naming an account the list does not have: that it is not
 *   connected, and "Подключить ЛС" ({@link renderAccountGate}).
 *
 * The list's failure is reported once as `lk-error`.
 *
 * The base renders the frame every such element shares, so each writes only
 * what is its own: a `<section>` ({@link sectionPart}) named by its heading,
 * what comes before the gate ({@link renderBeforeGate}), the gate, the body
 * once there is an account ({@link renderBody}), and a polite status line
 * ({@link statusLine}). Without a session, the session gate stands instead.
 */
export abstract class LkAccountElement<M extends AccountGateMessages> extends LkElement<M> {
  /** The level of the element's heading, 2 to 6 (default 2): one deeper than the heading of the section it sits in. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The id of the connected account to show (`Account.id`); without it, the session's current account. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** The address of the account connection page, for a real "Подключить ЛС" link when no navigator handles it. */
  @property(hrefProperty('connect-href')) connectHref?: string;

  /** The address of the login page, likewise for the link shown without a session. */
  @property(hrefProperty('login-href')) loginHref?: string;

  /** The part of the element's section: the element's own name ("summary", "history", …). */
  protected abstract readonly sectionPart: string;

  /** The account the choices of the view ({@link forgetView}) belong to. */
  #viewFor: string | undefined;

  protected constructor(catalogue: Catalogue<M>) {
    super(catalogue);
    // The session's list of accounts: loaded once, its failure reported once.
    holdAccountsList(this, () => this.env.accounts);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The account's data is forgotten off the page (controllers/account-data.ts), and so the choices made on it.
    this.forgetView();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Another account (or none) starts with a view of its own.
    const accountId = this.shownAccount()?.id;
    if (accountId !== this.#viewFor) {
      this.#viewFor = accountId;
      this.forgetView();
    }
  }

  /**
   * Forgets what the user chose to see of the account (an open receipt, every month shown):
   * when another account is shown, and when the element leaves the page. Nothing by default.
   */
  protected forgetView(): void {}

  protected override render(): TemplateResult {
    const gate = sessionGate(this, this.env, this.t, this.loginHref);
    if (gate) return gate;
    const account = this.shownAccount();
    const gated = this.gatedAccount(account);
    const status = this.statusLine(account, this.waitingForAccounts(account));
    return html`
      <section part=${this.sectionPart} aria-labelledby=${this.idFor('title')}>
        ${heading(headingLevel(this.headingLevel), { id: this.idFor('title'), text: this.t.title })}
        ${this.renderBeforeGate(account)}
        ${this.renderAccountGate(gated)}
        ${gated ? this.renderBody(gated, account) : nothing}
        <p part=${status.part ?? 'status'} role="status" aria-busy=${status.busy ? 'true' : nothing}>${status.text}</p>
      </section>
    `;
  }

  /** What stands under the heading, before the gate: nothing by default. */
  protected renderBeforeGate(_account: Account | undefined): TemplateResult | typeof nothing {
    return nothing;
  }

  /**
   * The account the gate is about, and the body is shown for: the shown account by default;
   * `<lk-pay-now>` gives the account of a payment screen it keeps.
   */
  protected gatedAccount(account: Account | undefined): Account | undefined {
    return account;
  }

  /** The element's own content, once the gate has an account (`gated`); `shown` is {@link shownAccount}. */
  protected abstract renderBody(gated: Account, shown: Account | undefined): TemplateResult | typeof nothing;

  /** The status line's words, busy state and part; `waiting` tells the list of accounts is still on its way. */
  protected abstract statusLine(account: Account | undefined, waiting: boolean): AccountStatus;

  /**
   * The account of `account-id`, else the session's current one; `undefined`
   * logged out and until the list is loaded. A reload of the list (after a
   * payment) keeps the accounts known, and so what is shown.
   */
  protected shownAccount(): Account | undefined {
    const store = this.env.accounts;
    if (this.env.session.status !== 'authenticated') return undefined;
    return this.accountId ? store.accounts.find((account) => account.id === this.accountId) : store.current;
  }

  /** Whether the list of accounts is still on its way, with no account to show yet: the status line says so. */
  protected waitingForAccounts(account = this.shownAccount()): boolean {
    const { session, accounts } = this.env;
    return session.status === 'authenticated' && !account && (accounts.status === 'idle' || accounts.status === 'loading');
  }

  /** The data of the shown account, asked for by `fetch` and again when `key` changes (controllers/account-data.ts). */
  protected accountData<T>(fetch: AccountDataFetch<T>, key: AccountDataKey): AccountData<T> {
    return new AccountData(this, { account: () => this.shownAccount(), environment: () => this.env, fetch, key });
  }

  /**
   * The gate in the element's section, before its body: the list's failure
   * (with "Повторить"), and, once the list is in with no account to show,
   * "Нет подключенных ЛС" or that `account-id` is not connected, each with
   * "Подключить ЛС". `nothing` when `account` is there (the body follows)
   * or the list is still loading (the status line says so).
   *
   * `account` is the one the element shows: by default the shown account;
   * `<lk-pay-now>` passes the account of a payment screen it keeps.
   */
  protected renderAccountGate(account: Account | undefined = this.shownAccount()): TemplateResult | typeof nothing {
    const t = this.t;
    const store = this.env.accounts;
    const fault = store.status === 'error' ? faultAlert(faultMessage(store.error, t), t.retry, () => void store.reload()) : nothing;
    if (account || store.status !== 'ready') return fault;
    // With no account at all, "Нет подключенных ЛС" says more than that this one is not connected.
    if (this.accountId && store.accounts.length > 0) return this.renderNotConnected();
    return this.#renderNoAccount('no-account', t.noAccount);
  }

  /** The failure of `data`, an alert whose "Повторить" asks again; `lead` says what failed, before the reason. */
  protected renderDataFault(data: AccountData<unknown>, lead?: string): TemplateResult | typeof nothing {
    const reason = faultMessage(data.error, this.t);
    return faultAlert(lead ? `${lead} ${reason}` : reason, this.t.retry, () => data.retry());
  }

  /** A sum of money in the locale's format (the `amount` part). */
  protected renderMoney(kopecks: number): TemplateResult {
    return html`<span part="amount">${formatMoney(kopecks, this.localize.locale)}</span>`;
  }

  /** That the account is not connected to this cabinet (the list, or the backend's 404, says so), and "Подключить ЛС". */
  protected renderNotConnected(): TemplateResult {
    return this.#renderNoAccount('not-connected', this.t.notConnected);
  }

  /** Why there is no account to show (`reason`, a part beside `empty`), and "Подключить ЛС". */
  #renderNoAccount(reason: 'no-account' | 'not-connected', text: string): TemplateResult {
    return html`
      <p part="empty ${reason}">${text}</p>
      <p part="links">${navigationLink(this, this.env, 'connect', this.t.connect, this.connectHref)}</p>
    `;
  }
}

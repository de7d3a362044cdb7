import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AccountData } from '../../controllers/account-data.js';
import type { AccountDataFetch, AccountDataKey } from '../../controllers/account-data.js';
import type { AccountGateWords } from '../../i18n/account-gate.ru.js';
import type { CommonMessages } from '../../i18n/common.ru.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { Account } from '../../schemas/account.js';
import { holdAccountsList } from './accounts-list.js';
import { faultMessage } from './failure.js';
import { faultAlert } from './form-parts.js';
import { LkElement } from './lk-element.js';
import { loggedOutNotice } from './logged-out.js';
import { navigationLink } from './navigation.js';
import { hrefProperty } from './safe-href.js';

/**
 * The words of the account gate, which every catalogue of an element bound to
 * an account has: the common ones, the gate's own (spread from
 * i18n/account-gate), and the element's reason to log in.
 */
export interface AccountGateMessages extends CommonMessages, AccountGateWords {
  /** Without a session: why to log in. */
  loggedOut: string;
}

/**
 * The base of an element bound to one personal account (`<lk-account-summary>`,
 * `<lk-account-history>`, `<lk-payment-history>`, `<lk-readings-form>`,
 * `<lk-pay-now>`): which account it shows, the session's list of accounts
 * loaded once, and what it shows until there is an account to show — the
 * gate:
 *
 * - the session still unknown: a busy status line ({@link renderSessionGate});
 * - logged out: the element's own message and "Войти в Личный кабинет";
 * - the list loading: nothing yet, the element's status line says so
 *   ({@link waitingForAccounts});
 * - the list failed: an alert with "Повторить", which loads it again;
 * - no account connected: "Нет подключенных ЛС" and "Подключить ЛС";
 * - `account-id` naming an account the list does not have: that it is not
 *   connected, and "Подключить ЛС" ({@link renderAccountGate}).
 *
 * The list's failure is reported once as `lk-error`.
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

  protected constructor(catalogue: Catalogue<M>) {
    super(catalogue);
    // The session's list of accounts: loaded once, its failure reported once.
    holdAccountsList(this, () => this.env.accounts);
  }

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
   * What the element shows instead of itself while the session is not known
   * (a busy status line) or without one (its message and a way to log in);
   * `undefined` once the user is logged in.
   */
  protected renderSessionGate(): TemplateResult | undefined {
    const t = this.t;
    const { session } = this.env;
    if (session.status === 'loading' || session.status === 'unknown') {
      return html`<p part="status" role="status" aria-busy="true">${t.loading}</p>`;
    }
    if (session.status !== 'authenticated') return loggedOutNotice(this, this.env, t, this.loginHref);
    return undefined;
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
    return html`
      <p part="empty no-account">${t.noAccount}</p>
      <p part="links">${navigationLink(this, this.env, 'connect', t.connect, this.connectHref)}</p>
    `;
  }

  /** That the account is not connected to this cabinet (the list, or the backend's 404, says so), and "Подключить ЛС". */
  protected renderNotConnected(): TemplateResult {
    const t = this.t;
    return html`
      <p part="empty not-connected">${t.notConnected}</p>
      <p part="links">${navigationLink(this, this.env, 'connect', t.connect, this.connectHref)}</p>
    `;
  }
}

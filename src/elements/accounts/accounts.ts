import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isAbortError } from '../../api/errors.js';
import { LkAccountSelectedEvent } from '../../events/account-selected.js';
import { LkErrorEvent } from '../../events/error.js';
import type { Account } from '../../schemas/account.js';
import { heading, headingLevel } from '../base/heading.js';
import { LkElement } from '../base/lk-element.js';
import { sessionGate } from '../base/session-gate.js';
import { holdAccountsList } from '../base/accounts-list.js';
import { faultMessage } from '../base/failure.js';
import { faultAlert } from '../base/form-parts.js';
import { navigationLink } from '../base/navigation.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { accountsMessages } from './accounts.messages.js';
import type { AccountsMessages } from './accounts.messages.js';
import { accountsStyles } from './accounts.styles.js';
import { hrefProperty } from '../base/safe-href.js';

/**
 * @summary The accounts connected to the cabinet: choose the current one, disconnect one.
 *
 * The seed's "Текущие Лицевые счета" (settings, step 6). Each account shows
 * its number, its supplier's full name and its address, as text. The
 * current account is a native radio group (`<fieldset>` with a legend), so
 * arrows and Tab work as everywhere; choosing one makes it current for
 * every element of the session (`env.accounts`) and fires
 * `lk-account-selected`. A change made elsewhere (another element, the
 * host's script) is shown and fires nothing.
 *
 * "Отключить" asks first, inside the element (no `window.confirm`): the
 * question takes the focus's place at that account, with "Отключить" focused
 * and "Отмена" (or Escape) going back to the account's button. After a
 * disconnection the status line says so and the focus returns to the list.
 * Disconnecting the current account makes the first remaining one current,
 * as the store does, and fires `lk-account-selected` for it: the user's
 * action changed the current account. With no account it says "Нет подключенных ЛС" and offers
 * "Подключить ЛС". Load and disconnect faults end in an alert with
 * "Повторить". Without a session it says to log in, with a link.
 *
 * @fires {LkAccountSelectedEvent} lk-account-selected - the user chose another current account, or disconnected the current one; `detail.account` is the current account now.
 * @fires {LkNavigateEvent} lk-navigate - "Подключить ЛС" (`connect`) or, logged out, "Войти в Личный кабинет" (`login`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user; `detail.error`.
 *
 * @csspart accounts - the whole list section.
 * @csspart title - the heading.
 * @csspart list - the `<fieldset>` of accounts; `legend` is its legend, `items` the `<ul>`.
 * @csspart account - one account (`account-current` for the current one).
 * @csspart radio - the radio button that makes an account current.
 * @csspart account-label - the number (`account-number`) and, on the current one, `current-mark`.
 * @csspart account-supplier - the supplier's full name.
 * @csspart account-address - the address.
 * @csspart disconnect - an account's "Отключить" (also `button`).
 * @csspart visually-hidden - words only screen readers read.
 * @csspart confirm - the disconnection question: `confirm-question`, then `confirm-actions` with `confirm-disconnect` and `cancel`.
 * @csspart empty - "Нет подключенных ЛС".
 * @csspart links - "Подключить ЛС" (`link link-connect`) or, logged out, `link-login`.
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - loading, disconnecting and disconnected, announced politely.
 * @csspart logged-out - what it shows without a session: `logged-out-message` and `links`.
 *
 * @cssprop [--lk-color-primary=#0b5cad] - buttons, links and the radio buttons.
 * @cssprop [--lk-color-border=#6b7785] - the accounts' borders.
 * @cssprop [--lk-color-current=var(--lk-color-primary, #0b5cad)] - the current account's border (default: the primary colour).
 * @cssprop [--lk-color-muted=#4a5561] - the address and the status line.
 * @cssprop [--lk-color-danger=#b3261e] - faults.
 * @cssprop [--lk-radius=0.375rem] - corner radius of the accounts and buttons.
 * @cssprop [--lk-space=1rem] - the gap between rows.
 * @cssprop [--lk-accounts-max-width=40rem] - the list's widest.
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 */
export class LkAccountsElement extends LkElement<AccountsMessages> {
  static override styles = [baseStyles, formStyles, accountsStyles];

  /** The level of the element's heading, 2 to 6 (default 2): one deeper than the heading of the section it sits in. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The address of the account connection page, for a real "Подключить ЛС" link when no navigator handles it. */
  @property(hrefProperty('connect-href')) connectHref?: string;

  /** The address of the login page, likewise. */
  @property(hrefProperty('login-href')) loginHref?: string;

  /** The account whose disconnection is being asked about. */
  @state() private confirming: string | undefined;
  /** The account being disconnected. */
  @state() private busy: string | undefined;
  @state() private fault: { message: string; retry: () => void } | undefined;
  /** The number just disconnected, for the status line. */
  @state() private disconnectedNumber: string | undefined;

  #abort: AbortController | undefined;

  constructor() {
    super(accountsMessages);
    // The session's list of accounts: loaded once, its failure reported once.
    holdAccountsList(this, () => this.env.accounts);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { accounts } = this.env;
    // The account asked about is gone (disconnected elsewhere, or the user changed).
    if (this.confirming && !accounts.accounts.some((account) => account.id === this.confirming)) this.confirming = undefined;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const gate = sessionGate(this, this.env, t, this.loginHref);
    if (gate) return gate;
    const store = this.env.accounts;
    const loading = store.status === 'loading' || store.status === 'idle';
    const loadFault = store.status === 'error' ? faultMessage(store.error, t) : undefined;
    return html`
      <section part="accounts" aria-labelledby=${this.idFor('title')}>
        ${heading(headingLevel(this.headingLevel), { id: this.idFor('title'), text: t.title })}
        ${loadFault
          ? faultAlert(loadFault, t.retry, () => void store.reload())
          : faultAlert(this.fault?.message, t.retry, () => this.fault?.retry())}
        ${store.status === 'ready' ? this.renderList(store.accounts, store.current) : nothing}
        ${store.status === 'ready' ? html`<p part="links">${navigationLink(this, this.env, 'connect', t.connect, this.connectHref)}</p>` : nothing}
        <p part="status" role="status" aria-busy=${loading ? 'true' : nothing}>${this.statusText(loading)}</p>
      </section>
    `;
  }

  private renderList(accounts: readonly Account[], current: Account | undefined): TemplateResult {
    const t = this.t;
    if (accounts.length === 0) return html`<p part="empty">${t.noAccount}</p>`;
    return html`
      <fieldset part="list">
        <legend part="legend">${t.legend}</legend>
        <ul part="items">
          ${accounts.map((account, index) => this.renderAccount(account, index, account.id === current?.id))}
        </ul>
      </fieldset>
    `;
  }

  private renderAccount(account: Account, index: number, isCurrent: boolean): TemplateResult {
    const t = this.t;
    // Ids by position, not by the backend's id: theirs may hold characters an id reference cannot.
    const id = (name: string) => this.idFor(`${index}-${name}`);
    return html`
      <li part="account${isCurrent ? ' account-current' : ''}">
        <input
          part="radio"
          type="radio"
          id=${id('radio')}
          name=${this.idFor('current')}
          .value=${account.id}
          .checked=${live(isCurrent)}
          aria-describedby="${id('supplier')} ${id('address')}"
          @change=${() => this.onSelect(account.id)}
        />
        <label part="account-label" for=${id('radio')}>
          <span part="account-number">${t.accountNumber(account.number)}</span>
          ${isCurrent ? html`<span part="current-mark">${t.current}</span>` : nothing}
        </label>
        <span part="account-supplier" id=${id('supplier')}>${account.supplierName}</span>
        <span part="account-address" id=${id('address')}>${t.address(account.address)}</span>
        <button
          part="button disconnect"
          type="button"
          data-account=${account.id}
          aria-expanded=${this.confirming === account.id ? 'true' : 'false'}
          @click=${() => this.ask(account.id)}
        >
          ${t.disconnect}<span part="visually-hidden"> ${t.disconnectWhat(account.number)}</span>
        </button>
        ${this.confirming === account.id ? this.renderConfirm(account, id('question')) : nothing}
      </li>
    `;
  }

  private renderConfirm(account: Account, questionId: string): TemplateResult {
    const t = this.t;
    return html`
      <div part="confirm" role="group" aria-labelledby=${questionId} @keydown=${this.onConfirmKeydown}>
        <p part="confirm-question" id=${questionId}>${t.confirmQuestion(account.number)}</p>
        <div part="confirm-actions">
          <button
            part="button confirm-disconnect"
            type="button"
            aria-disabled=${this.busy ? 'true' : 'false'}
            @click=${() => void this.disconnect(account)}
          >
            ${t.confirmDisconnect}
          </button>
          <button part="button cancel" type="button" @click=${() => void this.cancel()}>${t.cancel}</button>
        </div>
      </div>
    `;
  }

  private statusText(loading: boolean): string {
    const t = this.t;
    if (loading) return t.loadingAccounts;
    if (this.busy) return t.disconnecting;
    return this.disconnectedNumber ? t.disconnected(this.disconnectedNumber) : '';
  }

  private onSelect(accountId: string): void {
    const account = this.env.accounts.select(accountId);
    if (account) this.dispatchEvent(new LkAccountSelectedEvent(account));
  }

  private async ask(accountId: string): Promise<void> {
    if (this.busy) return;
    this.confirming = accountId;
    this.fault = undefined;
    this.disconnectedNumber = undefined;
    await this.updateComplete;
    this.querySelector<HTMLElement>('[part~="confirm-disconnect"]')?.focus();
  }

  private async cancel(): Promise<void> {
    const accountId = this.confirming;
    if (!accountId || this.busy) return;
    this.confirming = undefined;
    this.fault = undefined;
    await this.updateComplete;
    this.buttonOf(accountId)?.focus();
  }

  private readonly onConfirmKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.isComposing) return;
    // This Escape was the question's: an enclosing dialog must not close too.
    event.stopPropagation();
    void this.cancel();
  };

  private async disconnect(account: Account): Promise<void> {
    if (this.busy) return;
    this.busy = account.id;
    this.fault = undefined;
    const abort = (this.#abort = new AbortController());
    try {
      const wasCurrent = this.env.accounts.current?.id === account.id;
      await this.env.accounts.disconnect(account.id, { signal: abort.signal });
      const current = this.env.accounts.current;
      if (wasCurrent && current) this.dispatchEvent(new LkAccountSelectedEvent(current));
      this.confirming = undefined;
      this.disconnectedNumber = account.number;
      await this.updateComplete;
      // Back to the list: its chosen account, or "Подключить ЛС" when none is left.
      this.querySelector<HTMLElement>('[part~="radio"]:checked, [part~="link-connect"]')?.focus();
    } catch (error) {
      if (isAbortError(error) || abort.signal.aborted) return;
      // The question stays open, with the focus on it; the alert offers the same again.
      this.fault = { message: faultMessage(error, this.t), retry: () => void this.disconnect(account) };
      this.dispatchEvent(new LkErrorEvent(error));
      // A retry button that was pressed is gone with the old alert: the focus goes back to the question's button.
      if (!this.contains(this.ownerDocument.activeElement)) {
        await this.updateComplete;
        this.querySelector<HTMLElement>('[part~="confirm-disconnect"]')?.focus();
      }
    } finally {
      this.busy = undefined;
    }
  }

  private buttonOf(accountId: string): HTMLElement | undefined {
    return [...this.querySelectorAll<HTMLElement>('[part~="disconnect"]')].find((button) => button.dataset['account'] === accountId);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-accounts': LkAccountsElement;
  }
}

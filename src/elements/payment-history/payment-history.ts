import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Client } from '../../api/client.js';
import { isAbortError, isApiError } from '../../api/errors.js';
import { fetchPayments } from '../../api/payments.js';
import { LkErrorEvent } from '../../events/error.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import type { Account } from '../../schemas/account.js';
import type { Payment, Receipt } from '../../schemas/payment.js';
import { heading, headingLevel } from '../base/heading.js';
import { LkElement } from '../base/lk-element.js';
import { loggedOutNotice } from '../base/logged-out.js';
import { faultMessage } from '../base/failure.js';
import { faultAlert } from '../base/form-parts.js';
import { navigationLink } from '../base/navigation.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { paymentHistoryMessages } from './payment-history.messages.js';
import type { PaymentHistoryMessages } from './payment-history.messages.js';
import { paymentHistoryStyles } from './payment-history.styles.js';

/** The payments asked for: which account, over which client, and the store's copy of the account then. */
interface PaymentsRequest {
  readonly client: Client;
  readonly accountId: string;
  /**
   * The store's object for the account when known. The store puts a new
   * object in after a payment (`accounts.update`) or a reload of the list,
   * so a new one means there may be a new payment: ask again.
   */
  account: Account | undefined;
}

/**
 * @summary "История платежей": the payments of an account, newest first, each with its receipt.
 *
 * Shows the payments of the session's current account (`env.accounts`, the
 * one `<lk-accounts>` chooses) or of `account-id`: a `<table>` of the date,
 * the amount (the locale's `Intl` money format), the status in words
 * ("Проведён" / "Отклонён", never by colour alone) and the receipt. A
 * succeeded payment's receipt number is a disclosure button (`aria-expanded`)
 * that opens, in the row below, the receipt: its number, date, amount,
 * personal account and supplier. A declined payment has no receipt.
 *
 * The payments are asked for again whenever the store puts a new copy of
 * the account in (`env.accounts.update` after a payment made elsewhere on
 * the page, or a reload of the list), and when the shown account changes; a
 * request still under way is dropped (aborted) then, and when the element
 * leaves the page. While they are asked for again the ones known stay shown.
 * Everything from the backend is rendered as text.
 *
 * Without a session it says to log in, with a link; with no account, "Нет
 * подключенных ЛС" and "Подключить ЛС"; with no payment, "Платежей пока
 * нет". Faults end in an alert with "Повторить".
 *
 * @fires lk-navigate - "Подключить ЛС" (`connect`) or, logged out, "Войти в Личный кабинет" (`login`); cancelable.
 * @fires lk-error - a fault was shown to the user (the accounts or the payments failed to load); `detail.error`.
 *
 * @csspart payment-history - the whole section.
 * @csspart title - the heading ("История платежей").
 * @csspart account - the account's number under the heading.
 * @csspart table - the payments' `<table>`, named by the heading: `header-row`, `column-header` (each `<th>` of the head; `column-header-figure` over the amounts), then one `payment-group` (`<tbody>`) per payment holding its `payment` row and its `receipt-row`.
 * @csspart payment - a payment's row: `payment-date` (its row header), `payment-amount`, `payment-status`, `payment-receipt`.
 * @csspart payment-status - the status in words; also `payment-succeeded` or `payment-declined`.
 * @csspart receipt-toggle - a succeeded payment's receipt number, the button that opens its receipt (also `button`).
 * @csspart no-receipt - "—" in a declined payment's receipt cell.
 * @csspart receipt-row - the row under a payment that holds its receipt (in `receipt-cell`), `hidden` while closed.
 * @csspart receipt - the receipt's `<dl>`: each row a `receipt-fact` (`receipt-number`, `receipt-date`, `receipt-amount`, `receipt-account`, `receipt-supplier`) of `receipt-label` (`<dt>`) and `receipt-value` (`<dd>`).
 * @csspart amount - a sum of money.
 * @csspart empty - "Платежей пока нет".
 * @csspart no-account - "Нет подключенных ЛС".
 * @csspart not-connected - `account-id` names an account this cabinet does not have.
 * @csspart links - "Подключить ЛС" (`link link-connect`).
 * @csspart logged-out - what it shows without a session: `logged-out-message` and `links` (`link-login`).
 * @csspart fault - a server, network or timeout failure, with `retry` (also `button`).
 * @csspart status - loading, announced politely.
 * @csspart visually-hidden - words for screen readers only ("чека нет").
 *
 * @cssprop --lk-color-primary - buttons and links.
 * @cssprop --lk-color-text - text.
 * @cssprop --lk-color-surface - the buttons' background.
 * @cssprop --lk-color-surface-alt - an open receipt's background.
 * @cssprop --lk-color-border - the table's rules.
 * @cssprop --lk-color-muted - the account line, the receipt's labels and the status line.
 * @cssprop --lk-color-success - "Проведён".
 * @cssprop --lk-color-danger - "Отклонён" and faults.
 * @cssprop --lk-color-focus - the focus ring.
 * @cssprop --lk-radius - corner radius of buttons.
 * @cssprop --lk-space - the gap between blocks.
 * @cssprop --lk-payment-history-max-width - the element's widest (default 44rem).
 * @cssprop --lk-font-family - the font (default: the page's).
 */
export class LkPaymentHistoryElement extends LkElement<PaymentHistoryMessages> {
  static override styles = [baseStyles, formStyles, paymentHistoryStyles];

  /** The account to show, by its id (`Account.id`); default: the session's current account. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** The level of the element's heading, 2 to 6 (default 2): one deeper than the heading of the section it sits in. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The address of the account connection page, for a real "Подключить ЛС" link when no navigator handles it. */
  @property({ attribute: 'connect-href' }) connectHref?: string;

  /** The address of the login page, likewise. */
  @property({ attribute: 'login-href' }) loginHref?: string;

  /** The payments, newest first. */
  @state() private payments: readonly Payment[] | undefined;
  @state() private loading = false;
  /** Why the payments could not be loaded. */
  @state() private error: unknown;
  /** The payments whose receipt is open, by id: they stay open when the list is asked for again. */
  @state() private openReceipts: ReadonlySet<string> = new Set();

  #request: PaymentsRequest | undefined;
  #abort: AbortController | undefined;
  /** The accounts' load failure already reported as `lk-error`, so each is reported once. */
  #reportedLoadError: unknown;

  constructor() {
    super(paymentHistoryMessages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after its request was dropped: ask again (willUpdate() does).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Back on the page, it asks again.
    this.#drop();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { accounts, session } = this.env;
    // Once per session: the store keeps the list for every element of it.
    if (session.status === 'authenticated' && accounts.status === 'idle') void accounts.load();
    // Not while off the page: connecting again updates, and asks then.
    if (this.isConnected) this.#follow();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const { accounts } = this.env;
    if (!this.accountId && accounts.status === 'error' && accounts.error !== this.#reportedLoadError) {
      this.#reportedLoadError = accounts.error;
      this.dispatchEvent(new LkErrorEvent(accounts.error));
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const { session } = this.env;
    if (session.status === 'loading' || session.status === 'unknown') {
      return html`<p part="status" role="status" aria-busy="true">${t.loading}</p>`;
    }
    const account = this.#account();
    const busy = this.#busy();
    return html`
      <section part="payment-history" aria-labelledby="${this.uid}-title">
        ${heading(headingLevel(this.headingLevel), { id: `${this.uid}-title`, text: t.title })}
        ${account ? html`<p part="account">${t.account(account.number)}</p>` : nothing}
        ${session.status === 'authenticated' ? this.renderBody() : loggedOutNotice(this, this.env, t, this.loginHref)}
        <p part="status" role="status" aria-busy=${busy ? 'true' : nothing}>${busy ? t.loadingPayments : ''}</p>
      </section>
    `;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const t = this.t;
    const store = this.env.accounts;
    if (!this.accountId) {
      if (store.status === 'error') return faultAlert(faultMessage(store.error, t), t.retry, () => void store.reload());
      if (store.status === 'ready' && !store.current) {
        return html`
          <p part="no-account">${t.noAccount}</p>
          <p part="links">${navigationLink(this, this.env, 'connect', t.connect, this.connectHref)}</p>
        `;
      }
    }
    if (this.error !== undefined) {
      if (isApiError(this.error) && this.error.status === 404) {
        return html`
          <p part="not-connected">${t.notConnected}</p>
          <p part="links">${navigationLink(this, this.env, 'connect', t.connect, this.connectHref)}</p>
        `;
      }
      return faultAlert(faultMessage(this.error, t), t.retry, () => this.#retry());
    }
    if (!this.payments) return nothing;
    if (this.payments.length === 0) return html`<p part="empty">${t.empty}</p>`;
    return this.renderTable(this.payments);
  }

  private renderTable(payments: readonly Payment[]): TemplateResult {
    const t = this.t;
    return html`
      <table part="table" aria-labelledby="${this.uid}-title">
        <thead>
          <tr part="header-row">
            <th part="column-header" scope="col">${t.date}</th>
            <th part="column-header column-header-figure" scope="col">${t.amount}</th>
            <th part="column-header" scope="col">${t.status}</th>
            <th part="column-header" scope="col">${t.receipt}</th>
          </tr>
        </thead>
        ${payments.map((payment, index) => this.renderPayment(payment, index))}
      </table>
    `;
  }

  /** A payment's row and, under it, the row its receipt opens in: one `<tbody>` each, so they stay together. */
  private renderPayment(payment: Payment, index: number): TemplateResult {
    const t = this.t;
    const locale = this.localize.locale;
    const { receipt } = payment;
    const open = receipt !== null && this.openReceipts.has(payment.id);
    // By position, not by the backend's id, which may hold anything an id reference cannot.
    const receiptId = `${this.uid}-receipt-${index}`;
    const succeeded = payment.status === 'succeeded';
    return html`
      <tbody part="payment-group">
        <tr part="payment">
          <th part="payment-date" scope="row">${formatDate(payment.createdAt, locale)}</th>
          <td part="payment-amount">${this.money(payment.amount)}</td>
          <td part="payment-status ${succeeded ? 'payment-succeeded' : 'payment-declined'}">${succeeded ? t.succeeded : t.declined}</td>
          <td part="payment-receipt">
            ${receipt
              ? html`<button
                  part="button receipt-toggle"
                  type="button"
                  aria-label=${t.receiptButton(receipt.number)}
                  aria-expanded=${open ? 'true' : 'false'}
                  aria-controls=${receiptId}
                  @click=${() => this.toggleReceipt(payment.id)}
                >
                  ${receipt.number}
                </button>`
              : html`<span part="no-receipt" aria-hidden="true">—</span><span part="visually-hidden">${t.noReceipt}</span>`}
          </td>
        </tr>
        ${receipt
          ? html`<tr part="receipt-row" id=${receiptId} ?hidden=${!open}>
              <td part="receipt-cell" colspan="4">${open ? this.renderReceipt(receipt) : nothing}</td>
            </tr>`
          : nothing}
      </tbody>
    `;
  }

  private renderReceipt(receipt: Receipt): TemplateResult {
    const t = this.t;
    const locale = this.localize.locale;
    return html`
      <dl part="receipt">
        ${this.fact('number', t.receiptNumber, receipt.number)}
        ${this.fact('date', t.receiptDate, formatDate(receipt.issuedAt, locale))}
        ${this.fact('amount', t.receiptAmount, this.money(receipt.amount))}
        ${this.fact('account', t.receiptAccount, receipt.accountNumber)}
        ${this.fact('supplier', t.receiptSupplier, receipt.supplierName)}
      </dl>
    `;
  }

  /** One row of the receipt: the row's own part names what it holds. */
  private fact(name: string, label: string, value: string | TemplateResult): TemplateResult {
    return html`
      <div part="receipt-fact receipt-${name}">
        <dt part="receipt-label">${label}</dt>
        <dd part="receipt-value">${value}</dd>
      </div>
    `;
  }

  private money(kopecks: number): TemplateResult {
    return html`<span part="amount">${formatMoney(kopecks, this.localize.locale)}</span>`;
  }

  private toggleReceipt(paymentId: string): void {
    const open = new Set(this.openReceipts);
    if (!open.delete(paymentId)) open.add(paymentId);
    this.openReceipts = open;
  }

  /** The account shown, when the store knows it. */
  #account(): Account | undefined {
    const store = this.env.accounts;
    if (this.env.session.status !== 'authenticated') return undefined;
    return this.accountId ? store.accounts.find((account) => account.id === this.accountId) : store.current;
  }

  #busy(): boolean {
    const { session, accounts } = this.env;
    if (session.status !== 'authenticated') return false;
    if (this.loading) return true;
    return !this.accountId && !this.#account() && (accounts.status === 'idle' || accounts.status === 'loading');
  }

  /** Asks for the payments of the account to show, when they are not the ones asked for last. */
  #follow(): void {
    const { client } = this.env;
    const account = this.#account();
    // A reload of the list (after a payment) keeps the accounts known, and so what is shown.
    const accountId = this.env.session.status === 'authenticated' ? this.accountId || account?.id : undefined;
    if (!accountId) {
      if (this.#request || this.payments || this.error !== undefined) this.#drop();
      return;
    }
    const last = this.#request;
    if (last && last.client === client && last.accountId === accountId) {
      // The account first learnt (the list loaded after an `account-id` request) is no change; a new copy of it is.
      if (account === undefined || last.account === undefined || last.account === account) {
        last.account ??= account;
        return;
      }
    }
    void this.#load({ client, accountId, account });
  }

  async #load(request: PaymentsRequest): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const sameAccount = this.#request?.accountId === request.accountId;
    this.#request = request;
    // Asked again for the same account, the payments known stay shown until the new ones come;
    // another account's never stand under this one's number.
    if (!sameAccount) {
      this.payments = undefined;
      this.openReceipts = new Set();
    }
    this.error = undefined;
    this.loading = true;
    try {
      const payments = await fetchPayments(request.client, request.accountId, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.payments = payments;
    } catch (error) {
      if (isAbortError(error) || abort.signal.aborted) return;
      this.payments = undefined;
      this.error = error;
      this.dispatchEvent(new LkErrorEvent(error));
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.loading = false;
      }
    }
  }

  #retry(): void {
    const request = this.#request;
    if (request) void this.#load(request);
  }

  /** Forgets the request and what it brought: logged out, no account, or off the page. */
  #drop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#request = undefined;
    this.payments = undefined;
    this.error = undefined;
    this.loading = false;
    this.openReceipts = new Set();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-payment-history': LkPaymentHistoryElement;
  }
}

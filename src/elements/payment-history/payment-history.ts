import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { fetchPayments } from '../../api/payments.js';
import { activityKey } from '../../controllers/account-data.js';
import { formatDate } from '../../i18n/format.js';
import type { Account } from '../../schemas/account.js';
import type { Payment, Receipt } from '../../schemas/payment.js';
import { tableScroll } from '../base/table-scroll.js';
import { LkAccountElement, isNotConnected } from '../base/account-element.js';
import type { AccountStatus } from '../base/account-element.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { paymentHistoryMessages } from './payment-history.messages.js';
import type { PaymentHistoryMessages } from './payment-history.messages.js';
import { paymentHistoryStyles } from './payment-history.styles.js';

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
 * the page, or a reload of the list) or is told of a payment that changed
 * no figure of it (`env.accounts.touched`: `<lk-pay-now>` after a declined
 * payment), and when the shown account changes; a request still under way
 * is dropped (aborted) then, and when the element leaves the page. While
 * they are asked for again the ones known stay shown. Everything from the
 * backend is rendered as text.
 *
 * Without a session it says to log in, with a link; with no account, "Нет
 * подключенных ЛС" and "Подключить ЛС"; with an `account-id` the session
 * does not have, that it is not connected; with no payment, "Платежей пока
 * нет". Faults end in an alert with "Повторить".
 *
 * @fires {LkNavigateEvent} lk-navigate - "Подключить ЛС" (`connect`) or, logged out, "Войти в Личный кабинет" (`login`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user (the accounts or the payments failed to load); `detail.error`.
 *
 * @csspart payment-history - the whole section.
 * @csspart title - the heading ("История платежей").
 * @csspart account - the account's number under the heading.
 * @csspart table-scroll - the box that scrolls the table sideways on a narrow screen (focusable, so the keyboard can scroll it).
 * @csspart table - the payments' `<table>`, named by the heading: `header-row`, `column-header` (each `<th>` of the head; `column-header-figure` over the amounts), then one `payment-group` (`<tbody>`) per payment holding its `payment` row and its `receipt-row`.
 * @csspart payment - a payment's row: `payment-date` (its row header), `payment-amount`, `payment-status`, `payment-receipt`.
 * @csspart payment-status - the status in words; also `payment-succeeded` or `payment-declined`.
 * @csspart receipt-toggle - a succeeded payment's receipt number, the button that opens its receipt (also `button`).
 * @csspart no-receipt - "—" in a declined payment's receipt cell.
 * @csspart receipt-row - the row under a payment that holds its receipt (in `receipt-cell`), `hidden` while closed.
 * @csspart receipt - the receipt's `<dl>`: each row a `receipt-fact` (`receipt-number`, `receipt-date`, `receipt-amount`, `receipt-account`, `receipt-supplier`) of `receipt-label` (`<dt>`) and `receipt-value` (`<dd>`).
 * @csspart amount - a sum of money.
 * @csspart empty - "Платежей пока нет"; also "Нет подключенных ЛС" (`no-account`) and "not connected" (`not-connected`).
 * @csspart no-account - "Нет подключенных ЛС" (also `empty`).
 * @csspart not-connected - `account-id` names an account this cabinet does not have (also `empty`).
 * @csspart links - "Подключить ЛС" (`link link-connect`).
 * @csspart logged-out - what it shows without a session: `logged-out-message` and `links` (`link-login`).
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - loading, announced politely.
 * @csspart visually-hidden - words for screen readers only ("чека нет").
 *
 * @cssprop [--lk-color-primary=#0b5cad] - buttons and links.
 * @cssprop [--lk-color-text=#1d2733] - text.
 * @cssprop [--lk-color-surface=#fff] - the buttons' background.
 * @cssprop [--lk-color-surface-alt=#eef1f4] - an open receipt's background.
 * @cssprop [--lk-color-border=#6b7785] - the table's rules.
 * @cssprop [--lk-color-muted=#4a5561] - the account line, the receipt's labels and the status line.
 * @cssprop [--lk-color-success=#1e6b34] - "Проведён".
 * @cssprop [--lk-color-danger=#b3261e] - "Отклонён" and faults.
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring.
 * @cssprop [--lk-radius=0.375rem] - corner radius of buttons.
 * @cssprop [--lk-space=1rem] - the gap between blocks.
 * @cssprop [--lk-payment-history-max-width=44rem] - the element's widest.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 */
export class LkPaymentHistoryElement extends LkAccountElement<PaymentHistoryMessages> {
  static override styles = [baseStyles, formStyles, paymentHistoryStyles];
  protected readonly sectionPart = 'payment-history';

  /** The payments whose receipt is open, by id: they stay open when the list is asked for again. */
  @state() private openReceipts: ReadonlySet<string> = new Set();

  /**
   * The payments of the shown account, newest first, asked for again whenever the store puts a
   * new copy of the account in or is told of a payment that left its figures as they were
   * (`accounts.touched` after a decline).
   */
  readonly #payments = this.accountData((client, accountId, signal) => fetchPayments(client, accountId, { signal }), activityKey);

  constructor() {
    super(paymentHistoryMessages);
  }

  protected override forgetView(): void {
    // Another account's receipts are not this one's; off the page the payments are forgotten, and so what was open.
    this.openReceipts = new Set();
  }

  protected override renderBeforeGate(account: Account | undefined): TemplateResult | typeof nothing {
    return account ? html`<p part="account">${this.t.account(account.number)}</p>` : nothing;
  }

  protected override statusLine(_account: Account | undefined, waiting: boolean): AccountStatus {
    const busy = waiting || this.#payments.status === 'loading';
    return { busy, text: busy ? this.t.loadingPayments : '' };
  }

  protected override renderBody(): TemplateResult | typeof nothing {
    const t = this.t;
    const { status, value: payments, error } = this.#payments;
    if (status === 'error') {
      // Disconnected since the list was loaded (in another tab, say).
      if (isNotConnected(error)) return this.renderNotConnected();
      return this.renderDataFault(this.#payments);
    }
    if (!payments) return nothing;
    if (payments.length === 0) return html`<p part="empty">${t.empty}</p>`;
    return this.renderTable(payments);
  }

  private renderTable(payments: readonly Payment[]): TemplateResult {
    const t = this.t;
    return html`
      ${tableScroll(
        this.idFor('title'),
        html`<table part="table" aria-labelledby=${this.idFor('title')}>
          <thead>
            <tr part="header-row">
              <th part="column-header" scope="col">${t.date}</th>
              <th part="column-header column-header-figure" scope="col">${t.amount}</th>
              <th part="column-header" scope="col">${t.status}</th>
              <th part="column-header" scope="col">${t.receipt}</th>
            </tr>
          </thead>
          ${payments.map((payment, index) => this.renderPayment(payment, index))}
        </table>`,
      )}
    `;
  }

  /** A payment's row and, under it, the row its receipt opens in: one `<tbody>` each, so they stay together. */
  private renderPayment(payment: Payment, index: number): TemplateResult {
    const t = this.t;
    const locale = this.localize.locale;
    const { receipt } = payment;
    const open = receipt !== null && this.openReceipts.has(payment.id);
    // By position, not by the backend's id, which may hold anything an id reference cannot.
    const receiptId = this.idFor(`receipt-${index}`);
    const succeeded = payment.status === 'succeeded';
    return html`
      <tbody part="payment-group">
        <tr part="payment">
          <th part="payment-date" scope="row">${formatDate(payment.createdAt, locale)}</th>
          <td part="payment-amount">${this.renderMoney(payment.amount)}</td>
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
        ${this.fact('amount', t.receiptAmount, this.renderMoney(receipt.amount))}
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

  private toggleReceipt(paymentId: string): void {
    const open = new Set(this.openReceipts);
    if (!open.delete(paymentId)) open.add(paymentId);
    this.openReceipts = open;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-payment-history': LkPaymentHistoryElement;
  }
}

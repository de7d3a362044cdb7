import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LkErrorEvent } from '../../events/error.js';
import { LkPaymentEvent } from '../../events/payment.js';
import { LkReadingsSubmittedEvent } from '../../events/readings-submitted.js';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format.js';
import type { Account } from '../../schemas/account.js';
import { MAX_PAYMENT_KOPECKS, MIN_PAYMENT_KOPECKS, PaymentAmountSchema, payableAmountSchema } from '../../schemas/payment.js';
import type { PaymentAmountIssueCode } from '../../schemas/payment.js';
import { PaymentFlow } from '../../payments/flow.js';
import type { PaymentDraft, PaymentFlowHooks, PaymentState } from '../../payments/flow.js';
import { pendingPayments } from '../../payments/pending.js';
import type { PendingScope } from '../../payments/pending.js';
import type { Payment } from '../../schemas/payment.js';
import type { AcceptedReading } from '../../schemas/reading.js';
import { faultMessage } from '../base/failure.js';
import { describedBy, faultAlert, invalid } from '../base/form-parts.js';
import { heading, headingLevel } from '../base/heading.js';
import { LkAccountElement } from '../base/account-element.js';
import type { AccountStatus } from '../base/account-element.js';
import { MeterReadingFields, meterReadingsStyles } from '../base/meter-readings.js';
import { baseStyles } from '../base/styles.js';
import { FieldTableController } from '../base/field-table.js';
import type { SyncFieldRule } from '../base/field-table.js';
import { fact, factStyles } from '../base/facts.js';
import { formStyles } from '../base/form.styles.js';
import { payNowMessages } from './pay-now.messages.js';
import type { PayNowMessages } from './pay-now.messages.js';
import { payNowStyles } from './pay-now.styles.js';

/** The seed's choice: "оплаты по текущему долгу" or "по самостоятельно внесенной сумме". */
type Choice = 'debt' | 'own';

/**
 * @summary "Оплатить онлайн": pay the current debt or an own amount, with meter readings if wished, and get a receipt.
 *
 * The seed's step 5, for the session's current account (or `account-id`).
 * First the seed's choice: "По текущему долгу" (the debt, in Intl's money
 * format) or "По самостоятельно внесенной сумме" (typed as "1 234,56",
 * parsed to kopecks without a float, 1 ₽ to 500 000 ₽), and "Передать
 * показания при оплате", which reveals the meters' fields. With no debt it
 * says so in words ("Задолженности нет, переплата 1 956,85 ₽.") and offers an
 * advance payment of an own amount. "Продолжить" checks everything: a failed
 * check shows an error summary that takes focus and links to each field, and
 * keeps what was typed.
 *
 * Then the confirmation: the amount, the account, the supplier and the
 * readings, with "Оплатить" and "Изменить" (back, everything kept). A
 * payment of the same amount in the last 10 minutes is said there, and the
 * button becomes "Оплатить еще раз". Pressing
 * "Оплатить" makes the payment's `Idempotency-Key` and sends exactly one
 * request, however often or however it is pressed: a double click, or
 * Enter then a click, pays once.
 * While the payment service works, a status line says so. Then:
 * - paid: "Оплата прошла" and the receipt (number, date, amount, account,
 *   supplier, readings sent), "Распечатать чек" (prints only the receipt)
 *   and "Новый платеж"; every element of the session shows the new balance;
 * - declined by the bank: nothing was charged; "Оплатить" again is a new
 *   confirmation with a new key;
 * - a fault (timeout, network, server, unreadable answer) or "still being
 *   processed": the payment may have gone through, so the only way on is
 *   "Повторить" with the SAME key, which gets the first answer and never pays
 *   twice; after two such tries, also "Проверить историю платежей", which
 *   looks for it in the payments list (no new key either). Such a payment
 *   (its key and what was paid, nothing secret) is kept in the origin's
 *   storage until an answer settles it, so it outlives a logout or a reload;
 *   the next visit resolves it before anything new can be paid
 *   (payments/flow.ts, payments/pending.ts);
 * - the backend refusing the amount or a reading: back to the choice, the
 *   errors on the fields.
 * After every outcome that may have added a payment (paid, declined, a fault,
 * still processed) it tells the session's store (`env.accounts.touched`), so
 * a `<lk-payment-history>` on the page lists it without a reload.
 *
 * Without a session it says to log in; with no account connected it says
 * "Нет подключенных ЛС" and offers "Подключить ЛС".
 *
 * @fires {LkPaymentEvent} lk-payment - the payment succeeded; `detail.payment`, `detail.receipt`.
 * @fires {LkReadingsSubmittedEvent} lk-readings-submitted - readings sent with the payment were accepted; `detail.account`, `detail.readings`.
 * @fires {LkNavigateEvent} lk-navigate - "Подключить ЛС" (`connect`) or, logged out, "Войти в Личный кабинет" (`login`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user (loading the accounts, or the payment); `detail.error`.
 *
 * @csspart pay-now - the whole section.
 * @csspart title - the heading "Оплатить онлайн".
 * @csspart account - the account's number and supplier.
 * @csspart form - the choice step's `<form>` (also `form-choose`) and the confirmation's (`form-confirm`).
 * @csspart balance - the debt, or that there is none (also `balance-none`), with the advance offer.
 * @csspart choice - the `<fieldset>` of the two amounts: `legend`, each `option` of `radio` and `label`.
 * @csspart field - the own amount's field (also `field-amount`; `field-invalid` when invalid): `label`, `hint`, `field-error` and `input` (`input-amount`).
 * @csspart with-readings - "Передать показания при оплате": `checkbox` and `label`.
 * @csspart meter-readings - the meters' fields, a `<fieldset>` (base/meter-readings.ts): `meter-readings-legend`, each `meter` of `meter-name`, `meter-last`, `field` with `label`, `field-error` and `input` (`input-reading`), `rollover` (`rollover-input`, `rollover-label`) and `meter-estimate`.
 * @csspart submit - "Продолжить" (`continue`), "Оплатить" (`pay`) and "Новый платеж" (`new-payment`); each also `button`.
 * @csspart change - "Изменить" (also `button`).
 * @csspart subtitle - the heading of the confirmation and of the result.
 * @csspart details - the confirmation's `<dl>`: each `fact` (`fact-amount`, `fact-account`, `fact-supplier`, `fact-readings`) of `fact-label` and `fact-value`.
 * @csspart readings-list - the readings listed in the confirmation and the receipt; each a `reading`.
 * @csspart declined - the bank declined the payment (an alert, its text in `fault-message`).
 * @csspart refused - the backend refused the payment before making it (an alert, its text in `fault-message`).
 * @csspart fault - a fault (or the payment still being processed), with `retry` (also `button`).
 * @csspart check-payments - "Проверить историю платежей" (also `button`), in `check-payments-offer`, after two tries left the outcome unknown.
 * @csspart duplicate - a payment of the same amount a little earlier (an alert, its text in `duplicate-message`).
 * @csspart result - the result of a payment: `subtitle`, `result-message`, `receipt` and `result-actions`.
 * @csspart receipt - the receipt, a `<section>`: `receipt-title` and the `<dl>` `receipt-details` (rows as in `details`: `fact-number`, `fact-date`, `fact-amount`, `fact-account`, `fact-supplier`, `fact-readings`).
 * @csspart print - "Распечатать чек" (also `button`).
 * @csspart actions - the confirmation's buttons; `result-actions` the result's.
 * @csspart error-summary - the list of errors after a failed "Продолжить": `error-summary-title`, then the `error-summary-list` of each `error-summary-item`, a link to its field (`error-summary-link`).
 * @csspart empty - "Нет подключенных ЛС" (also `no-account`), or that the account of `account-id` is not connected (also `not-connected`); `links` holds "Подключить ЛС" (`link link-connect`).
 * @csspart status - loading, the payment being processed, the payment made; announced politely (once paid, also `visually-hidden`: the result's heading says it on screen).
 * @csspart logged-out - what it shows without a session: `logged-out-message` and `links` ("Войти в Личный кабинет", `link link-login`).
 *
 * @cssprop [--lk-color-primary=#0b5cad] - buttons and links.
 * @cssprop [--lk-color-danger=#b3261e] - errors and faults.
 * @cssprop [--lk-color-warning=#8a5a00] - the border of the warning of a payment of the same amount; `--lk-color-warning-surface` its background.
 * @cssprop [--lk-color-success=#1e6b34] - the result's heading and the receipt's border.
 * @cssprop [--lk-color-border=#6b7785] - inputs, the confirmation's and the receipt's frames.
 * @cssprop [--lk-color-muted=#4a5561] - labels of the facts, hints and the status line.
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring.
 * @cssprop [--lk-radius=0.375rem] - corner radius of inputs, buttons and the receipt.
 * @cssprop [--lk-space=1rem] - the gap between blocks.
 * @cssprop [--lk-pay-now-max-width=36rem] - the section's widest.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 * @cssprop [--lk-color-surface=#fff] - the receipt's background.
 * @cssprop [--lk-color-warning-surface=#fdf6e3] - the background of that warning.
 */
export class LkPayNowElement extends LkAccountElement<PayNowMessages> {
  static override styles = [baseStyles, formStyles, factStyles, meterReadingsStyles, payNowStyles];
  protected readonly sectionPart = 'pay-now';

  /** The amount chosen; none yet: the debt when there is one, else an own amount. */
  @state() private choice: Choice | undefined;
  /** The own amount as typed: never rewritten. */
  @state() private amountText = '';
  @state() private withReadings = false;

  /** What to focus once the next render is done. */
  #focusNext: string | undefined;
  /** The flow's state last rendered, to tell where a move came from. */
  #lastState: PaymentState['name'] = 'choose';

  readonly #readings = new MeterReadingFields(this, {
    messages: () => this.t,
    id: this.idFor,
    locale: () => this.localize.locale,
  });

  /**
   * The choice step's field table (the amount, then the meters by id): its
   * messages, the error summary that takes the focus, and the backend's
   * refusal of a field. The payment itself is the flow's, so the submit
   * lifecycle (base/submit.ts) is not loaded.
   */
  readonly #fields = new FieldTableController<string>(this, {
    fields: () => ['amount', ...(this.shownAccount()?.meters.map((meter) => meter.id) ?? [])],
    fieldId: (field) => {
      if (field !== 'amount') return this.#readings.inputId(field);
      const account = this.shownAccount();
      return account && this.currentChoice(account) === 'debt' ? this.idFor('choice-debt') : this.idFor('amount');
    },
    summaryLine: (field, message) => {
      const account = this.shownAccount();
      return field === 'amount' || !account ? message : `${meterName(account, field)}: ${message}`;
    },
    ids: this.idFor,
    messages: () => this.t,
  });

  /** What the page learns of the payment: the session's store, and the element's events. */
  readonly #hooks: PaymentFlowHooks = {
    paid: ({ draft, payment, receipt, response, replayed }) => {
      const { accounts } = this.env;
      // A replayed answer (or one read from the payments list) tells the balance as it was
      // when the payment was made: newer figures may be on the page, so the account is read again.
      if (response && !replayed) accounts.update(response.account);
      else void accounts.reload();
      accounts.touched(draft.account.id);
      this.dispatchEvent(new LkPaymentEvent(payment, receipt));
      if (response && response.readings.length > 0) this.dispatchEvent(new LkReadingsSubmittedEvent(response.account, response.readings));
    },
    activity: (accountId) => this.env.accounts.touched(accountId),
    failed: (error) => this.dispatchEvent(new LkErrorEvent(error)),
  };

  /** The payment protocol (payments/flow.ts): this element only renders it and feeds it the user's choices. */
  readonly #flow = new PaymentFlow({
    client: () => this.env.client,
    clock: () => this.env.clock,
    pending: pendingPayments,
    hooks: this.#hooks,
  });

  constructor() {
    super(payNowMessages);
    this.#flow.addEventListener('change', this.#onFlowChange);
  }

  /** The flow's state, for tests and stories. */
  get paymentState(): PaymentState {
    return this.#flow.state;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { session, client } = this.env;
    const user = session.status === 'authenticated' ? session.user : null;
    if (!user) {
      // Logged out: nothing of the last payment stays on the screen; what was typed (not secret) does.
      // A payment whose outcome is not known stays stored, and is resolved first at the next visit.
      if (this.#flow.scope) this.#flow.close();
      return;
    }
    const account = this.shownAccount();
    if (!account) return;
    const scope: PendingScope = { apiBase: client.baseUrl, userId: user.id, accountId: account.id };
    const current = this.#flow.scope;
    const same = current && current.apiBase === scope.apiBase && current.userId === scope.userId && current.accountId === scope.accountId;
    // Another account gets its own choice; not while a payment is on its way, not known, or just
    // made: its screen stays until the user moves on, so nothing is paid twice.
    if (!same && !this.#flow.locked) {
      if (current) this.forgetChoice();
      this.#flow.open(scope, account);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusNext) {
      const target = this.querySelector<HTMLElement>(this.#focusNext);
      this.#focusNext = undefined;
      // A step's heading takes the focus (GOV.UK's pattern for a new page), so it is focusable by script only.
      if (target && /^h[2-6]$/u.test(target.localName)) target.tabIndex = -1;
      target?.focus();
    }
  }

  /** Each move of the flow: render it, and put the focus where the new step starts. */
  readonly #onFlowChange = (): void => {
    const state = this.#flow.state;
    const before = this.#lastState;
    this.#lastState = state.name;
    switch (state.name) {
      case 'confirm':
        // The confirmation's heading when it opens; "Оплатить еще раз" when a payment of the same
        // amount stopped "Оплатить" (the warning is an alert). The recent payments arriving later move nothing.
        if (before === 'preparing') this.focusAfterRender('[part~="pay"]');
        else if (before !== 'confirm') this.focusAfterRender('[part~="form-confirm"] [part~="subtitle"]');
        break;
      case 'paid':
        this.paidDone(state.draft);
        this.focusAfterRender('[part~="result"] [part~="subtitle"]');
        break;
      case 'declined':
      case 'refused':
        this.focusAfterRender('[part~="pay"]');
        break;
      case 'uncertain':
        this.focusAfterRender(state.tries >= CHECK_AFTER_TRIES ? '[part~="check-payments"]' : '[part~="retry"]');
        break;
      case 'invalid':
        this.showRefusal(state.draft, state.fieldErrors);
        break;
      default:
        break;
    }
    this.requestUpdate();
  };

  /** A payment's screens (on its way, not known, paid) stay whatever the account shown now: the gate is about their account. */
  protected override gatedAccount(account: Account | undefined): Account | undefined {
    const state = this.#flow.state;
    return ('draft' in state && state.name !== 'invalid' ? state.draft.account : undefined) ?? account;
  }

  protected override statusLine(_account: Account | undefined, waiting: boolean): AccountStatus {
    const state = this.#flow.state;
    const busy = state.name === 'sending' || state.name === 'preparing' || state.name === 'checking';
    return {
      // After a payment the status only announces what the result shows in full: seen once, heard once.
      part: state.name === 'paid' ? 'status visually-hidden' : 'status',
      busy: waiting || busy,
      text: this.statusText(state, waiting),
    };
  }

  protected override renderBody(_gated: Account, account: Account | undefined): TemplateResult | typeof nothing {
    return this.renderStep(this.#flow.state, account);
  }

  private statusText(state: PaymentState, waiting: boolean): string {
    const t = this.t;
    switch (state.name) {
      case 'sending':
        return state.retry ? t.resolving : t.processing;
      case 'preparing':
        return t.preparing;
      case 'checking':
        return t.checkingPayments;
      case 'paid':
        return t.success(this.money(state.receipt.amount));
      default:
        return waiting ? t.loadingAccount : '';
    }
  }

  private renderStep(state: PaymentState, account: Account | undefined): TemplateResult | typeof nothing {
    if (state.name === 'paid') return this.renderResult(state);
    if (state.name === 'choose' || state.name === 'invalid') return account ? this.renderChoose(account) : nothing;
    return this.renderConfirm(state);
  }

  // ----- Step 1: the choice -----

  private renderChoose(account: Account): TemplateResult {
    const t = this.t;
    const hasDebt = account.debt > 0;
    const choice = this.currentChoice(account);
    return html`
      <p part="account">${t.account(account.number, account.supplierName)}</p>
      <form part="form form-choose" novalidate aria-labelledby=${this.idFor('title')} @submit=${this.onContinue}>
        ${this.#fields.renderSummary()}
        ${hasDebt
          ? html`<p part="balance">${t.debt(this.money(account.debt))}</p>`
          : html`<p part="balance balance-none">
              ${account.debt < 0 ? t.overpaid(this.money(-account.debt)) : t.noDebt} ${t.advance}
            </p>`}
        ${hasDebt ? this.renderChoice(account, choice) : nothing}
        ${choice === 'own' ? this.renderAmount(hasDebt) : nothing}
        ${account.meters.length > 0
          ? html`<div part="with-readings">
              <input
                part="checkbox"
                type="checkbox"
                id=${this.idFor('with-readings')}
                .checked=${live(this.withReadings)}
                @change=${this.onWithReadings}
              />
              <label part="label" for=${this.idFor('with-readings')}>${t.withReadings}</label>
            </div>`
          : nothing}
        ${this.withReadings ? this.#readings.render(account, this.#fields.fieldErrors) : nothing}
        <button part="button submit continue" type="submit">${t.continue}</button>
      </form>
    `;
  }

  /** The seed's two amounts, as radio buttons; the debt's refusal (out of limits) is shown here. */
  private renderChoice(account: Account, choice: Choice): TemplateResult {
    const t = this.t;
    const error = choice === 'debt' ? this.#fields.fieldErrors.amount : undefined;
    const errorId = this.idFor('choice-error');
    const option = (value: Choice, label: string) => html`
      <div part="option">
        <input
          part="radio"
          type="radio"
          id=${this.idFor(`choice-${value}`)}
          name=${this.idFor('choice')}
          value=${value}
          .checked=${live(choice === value)}
          aria-describedby=${value === 'debt' && error ? errorId : nothing}
          @change=${() => this.onChoice(value)}
        />
        <label part="label" for=${this.idFor(`choice-${value}`)}>${label}</label>
      </div>
    `;
    return html`
      <fieldset part="choice${error ? ' field-invalid' : ''}">
        <legend part="legend">${t.choice}</legend>
        ${error ? html`<p part="field-error" id=${errorId}>${error}</p>` : nothing}
        ${option('debt', t.payDebt(this.money(account.debt)))} ${option('own', t.payOwn)}
      </fieldset>
    `;
  }

  /** The own amount: label, hint, error, then the input (GOV.UK's order), the hint and error read with it. */
  private renderAmount(hasDebt: boolean): TemplateResult {
    const t = this.t;
    const id = this.idFor('amount');
    const error = this.#fields.fieldErrors.amount;
    // inputmode "decimal", not "numeric": the amount has a comma and kopecks, which a numeric keypad lacks.
    return html`
      <div part="field field-amount${error ? ' field-invalid' : ''}">
        <label part="label" for=${id}>${hasDebt ? t.amount : t.advanceAmount}</label>
        <p part="hint" id="${id}-hint">${t.amountHint(this.money(MIN_PAYMENT_KOPECKS), this.money(MAX_PAYMENT_KOPECKS))}</p>
        ${error ? html`<p part="field-error" id="${id}-error">${error}</p>` : nothing}
        <input
          part="input input-amount"
          id=${id}
          name="amount"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${invalid(error)}
          aria-describedby=${describedBy(id, error, `${id}-hint`) ?? nothing}
          .value=${live(this.amountText)}
          @input=${(event: InputEvent) => (this.amountText = (event.target as HTMLInputElement).value)}
        />
      </div>
    `;
  }

  private readonly onContinue = (event: SubmitEvent): void => {
    event.preventDefault();
    const account = this.shownAccount();
    if (!account || this.#flow.state.name !== 'choose') return;
    const readings = this.withReadings ? this.#readings.fields(account) : {};
    const values = this.#fields.checkNow({ ...readings, amount: this.amountField(account) });
    if (!values) return;
    const request = { amount: values.amount, ...(this.withReadings ? { readings: this.#readings.readingsOf(account, values) } : {}) };
    void this.#flow.confirm({ account, request });
  };

  /** The amount's row: the debt offered is checked against the payment's limits too, as it can be out of them. */
  private amountField(account: Account): SyncFieldRule<number> {
    const own = this.currentChoice(account) === 'own';
    return {
      value: () => (own ? this.amountText : account.debt),
      schema: own ? payableAmountSchema() : PaymentAmountSchema,
      message: (code) => this.amountMessage(code as PaymentAmountIssueCode),
    };
  }

  private readonly onChoice = (choice: Choice): void => {
    this.choice = choice;
    // The amount's error belonged to the other choice.
    const { amount, ...readings } = this.#fields.fieldErrors;
    if (amount) this.#fields.setFieldErrors(readings);
  };

  private readonly onWithReadings = (event: Event): void => {
    this.withReadings = (event.target as HTMLInputElement).checked;
    const { amount } = this.#fields.fieldErrors;
    if (!this.withReadings) this.#fields.setFieldErrors(amount ? { amount } : {});
  };

  private amountMessage(issue: PaymentAmountIssueCode): string {
    const t = this.t;
    if (issue === 'amount_too_small') return t.amountTooSmall(this.money(MIN_PAYMENT_KOPECKS));
    if (issue === 'amount_too_large') return t.amountTooLarge(this.money(MAX_PAYMENT_KOPECKS));
    return t.amountIssues[issue] ?? t.checkField;
  }

  // ----- Step 2: the confirmation, and the payment service -----

  private renderConfirm(state: Exclude<PaymentState, { name: 'choose' | 'invalid' | 'paid' }>): TemplateResult {
    const t = this.t;
    const { account, request } = state.draft;
    const sending = state.name === 'sending' || state.name === 'checking' || state.name === 'preparing';
    // A payment that may have been made (or is being resolved) offers only ways that keep its key.
    const unsure = state.name === 'uncertain' || state.name === 'checking' || (state.name === 'sending' && state.retry);
    const readings = request.readings ?? [];
    const duplicate = state.name === 'confirm' ? state.duplicate : undefined;
    return html`
      <form part="form form-confirm" novalidate aria-labelledby=${this.idFor('confirm')} @submit=${this.onPay}>
        ${heading(headingLevel(this.headingLevel, 1), { id: this.idFor('confirm'), part: 'subtitle', text: unsure ? t.unsureTitle : t.confirmTitle })}
        <dl part="details">
          ${fact('amount', t.confirmAmount, this.money(request.amount))}
          ${fact('account', t.accountNumber, account.number)}
          ${fact('supplier', t.supplier, account.supplierName)}
          ${fact(
            'readings',
            t.readings,
            readings.length === 0
              ? t.noReadings
              : html`<ul part="readings-list">
                  ${readings.map(
                    (reading) => html`<li part="reading">
                      ${t.reading(meterName(account, reading.meterId), String(reading.value))}${reading.rollover ? ` ${t.rolloverNote}` : ''}
                    </li>`,
                  )}
                </ul>`,
          )}
        </dl>
        ${duplicate ? this.renderDuplicate(duplicate) : nothing}
        ${state.name === 'declined'
          ? html`<div part="declined" role="alert"><p part="fault-message">${state.earlier ? t.earlierDeclined : t.declined}</p></div>`
          : nothing}
        ${state.name === 'refused' ? html`<div part="refused" role="alert"><p part="fault-message">${t.refused}</p></div>` : nothing}
        ${state.name === 'uncertain' ? this.renderUncertain(state) : nothing}
        ${unsure
          ? nothing
          : html`<div part="actions">
              <button part="button submit pay" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${duplicate ? t.payAgain : t.pay}</button>
              <button part="button change" type="button" aria-disabled=${sending ? 'true' : 'false'} @click=${this.onChange}>
                ${t.change}
              </button>
            </div>`}
      </form>
    `;
  }

  /** A payment of the same amount made a little earlier: said before "Оплатить еще раз", so a second payment is a choice, not a slip. */
  private renderDuplicate(payment: Payment): TemplateResult {
    const t = this.t;
    return html`<div part="duplicate" role="alert">
      <p part="duplicate-message">${t.duplicate(this.money(payment.amount), formatDateTime(payment.createdAt, this.localize.locale))}</p>
    </div>`;
  }

  /**
   * The payment may have gone through: "Повторить" sends the same key; after
   * {@link CHECK_AFTER_TRIES} tries, "Проверить историю платежей" reads the
   * payments list, which makes no key either.
   */
  private renderUncertain(state: Extract<PaymentState, { name: 'uncertain' }>): TemplateResult {
    const t = this.t;
    const message = [
      state.reason === 'in-use' ? t.inUse : t.uncertain(faultMessage(state.error, t)),
      state.notListed ? t.notListed : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`
      ${faultAlert(message, t.retry, this.onRetry)}
      ${state.tries >= CHECK_AFTER_TRIES
        ? html`<p part="check-payments-offer">
            <button part="button check-payments" type="button" @click=${this.onCheckPayments}>${t.checkPayments}</button>
          </p>`
        : nothing}
    `;
  }

  /** "Оплатить": the flow makes the payment's key and sends exactly one request, however the button is pressed. */
  private readonly onPay = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#flow.pay();
  };

  /** "Повторить" after a fault: the same key and the same body, so the backend replays its answer and pays once. */
  private readonly onRetry = (): void => {
    this.#flow.retry();
  };

  private readonly onCheckPayments = (): void => {
    void this.#flow.checkPayments();
  };

  /** "Изменить": back to the choice, everything kept. */
  private readonly onChange = (): void => {
    const before = this.#flow.state.name;
    this.#flow.change();
    if (before !== this.#flow.state.name) this.focusAfterRender('[part~="choice"] [part~="radio"]:checked, [part~="input-amount"]');
  };

  /** The backend refused the amount or a reading: back to the fields, with its reasons on them. */
  private showRefusal(draft: PaymentDraft, fieldErrors: Readonly<Record<string, readonly string[]>>): void {
    // The fields of the refused request: a payment resumed from an earlier visit was not checked here.
    const table = { ...this.#readings.sentFields(draft.account, draft.request.readings ?? []), amount: this.amountField(draft.account) };
    const { errors, notes } = this.#fields.refusal(fieldErrors, table) ?? { errors: {} };
    if (Object.keys(errors).some((field) => field !== 'amount')) this.withReadings = true;
    this.#fields.setFieldErrors(errors, notes);
    this.#flow.restart();
    void this.#fields.showSummary();
  }

  /** What was paid is done with: the next payment starts afresh. */
  private paidDone(draft: PaymentDraft): void {
    this.clearChoice();
    if (draft.request.readings) this.#readings.clear();
  }

  // ----- Step 3: the result -----

  private renderResult({ receipt, readings, draft, earlier }: Extract<PaymentState, { name: 'paid' }>): TemplateResult {
    const t = this.t;
    const level = headingLevel(this.headingLevel, 1);
    return html`
      <div part="result">
        ${heading(level, { id: this.idFor('result'), part: 'subtitle', text: t.successTitle })}
        <p part="result-message">
          ${t.success(this.money(receipt.amount))} ${readings.length > 0 ? t.readingsAccepted : ''} ${earlier ? t.earlierPaid : ''}
        </p>
        <section part="receipt" aria-labelledby=${this.idFor('receipt')}>
          ${heading(headingLevel(level, 1), { id: this.idFor('receipt'), part: 'receipt-title', text: t.receiptTitle(receipt.number) })}
          <dl part="receipt-details">
            ${fact('number', t.receiptNumber, receipt.number)}
            ${fact('date', t.receiptDate, formatDateTime(receipt.issuedAt, this.localize.locale))}
            ${fact('amount', t.receiptAmount, this.money(receipt.amount))}
            ${fact('account', t.accountNumber, receipt.accountNumber)}
            ${fact('supplier', t.supplier, receipt.supplierName)}
            ${readings.length > 0 ? fact('readings', t.receiptReadings, this.renderAccepted(draft.account, readings)) : nothing}
          </dl>
        </section>
        <div part="result-actions">
          <button part="button print" type="button" @click=${this.onPrint}>${t.print}</button>
          <button part="button submit new-payment" type="button" @click=${this.onNewPayment}>${t.newPayment}</button>
        </div>
      </div>
    `;
  }

  private renderAccepted(account: Account, readings: readonly AcceptedReading[]): TemplateResult {
    const t = this.t;
    return html`<ul part="readings-list">
      ${readings.map(
        (reading) => html`<li part="reading">
          ${t.acceptedReading(meterName(account, reading.meterId), String(reading.value), formatNumber(reading.consumption, this.localize.locale))}
        </li>`,
      )}
    </ul>`;
  }

  /** The page's print dialog; the element's print styles leave only the receipt of its own parts. */
  private readonly onPrint = (): void => {
    (this.ownerDocument.defaultView ?? window).print();
  };

  private readonly onNewPayment = (): void => {
    this.#flow.restart();
    this.focusAfterRender('[part~="choice"] [part~="radio"]:checked, [part~="input-amount"]');
  };

  // ----- Shared -----

  /** Another account's choice: its own amount choice and no errors; what was typed stays. */
  private forgetChoice(): void {
    this.choice = undefined;
    this.#fields.setFieldErrors({});
  }

  /** The choice as it was before anything was typed. */
  private clearChoice(): void {
    this.forgetChoice();
    this.amountText = '';
    this.withReadings = false;
  }

  private currentChoice(account: Account): Choice {
    return account.debt > 0 ? (this.choice ?? 'debt') : 'own';
  }

  private focusAfterRender(selector: string): void {
    this.#focusNext = selector;
  }

  private money(kopecks: number): string {
    return formatMoney(kopecks, this.localize.locale);
  }
}

/** How many tries in a row must leave a payment unknown before the payments list is offered as a way out. */
const CHECK_AFTER_TRIES = 2;

const meterName = (account: Account, meterId: string): string =>
  account.meters.find((meter) => meter.id === meterId)?.name ?? meterId;

declare global {
  interface HTMLElementTagNameMap {
    'lk-pay-now': LkPayNowElement;
  }
}

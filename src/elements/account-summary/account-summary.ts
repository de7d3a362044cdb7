import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { fetchAccountHistory } from '../../api/accounts.js';
import { periodKey } from '../../controllers/account-data.js';
import { formatDay, formatMoney, formatMonth, formatNumber } from '../../i18n/format.js';
import type { Account, HistoryMonth } from '../../schemas/account.js';
import { heading, headingLevel } from '../base/heading.js';
import { tableScroll } from '../base/table-scroll.js';
import { LkAccountElement } from '../base/account-element.js';
import type { AccountStatus } from '../base/account-element.js';
import { navigationLink } from '../base/navigation.js';
import { baseStyles } from '../base/styles.js';
import { fact, factStyles } from '../base/facts.js';
import { formStyles } from '../base/form.styles.js';
import { monthTotal } from '../base/month-totals.js';
import type { MonthFigure } from '../base/month-totals.js';
import { accountSummaryMessages } from './account-summary.messages.js';
import type { AccountSummaryMessages } from './account-summary.messages.js';
import { accountSummaryStyles } from './account-summary.styles.js';
import { hrefProperty } from '../base/safe-href.js';

/** The period select's value for the open period: the account's own figures. */
const CURRENT_PERIOD = '';

/**
 * @summary "Лицевой счет": the period, the debt, the meters and their last readings, and "оплатить онлайн".
 *
 * The seed's step 5. "Общие сведения" of the account — its number, supplier
 * and address (as text), "Дата периода счета" (month and year in words),
 * "Сумма долга за период" in Intl's money format (a negative figure is an
 * overpayment and says "(переплата)" in words; zero says "(долга нет)"),
 * "Количество счетчиков" — then the table "Приборы учета" (Наименование,
 * Последние показания, Дата показаний) and "оплатить онлайн".
 *
 * The account shown is the session's current one (`env.accounts.current`,
 * so choosing another in `<lk-accounts>` changes it), or the one named by
 * `account-id`. Earlier periods open with a native `<select>` "Период": the
 * open period, then the closed months, newest first. A closed month shows
 * its closing balance ("Сумма долга на конец периода"), "Начислено",
 * "Оплачено" and "Потребление, м³", each summed over its services. The
 * closed months are asked for as soon as an account is shown (not on the
 * select's first use: a native select cannot wait for its options while
 * open, and arrow keys on a closed one would find nothing to move to), once
 * per account and open period; leaving the page aborts the request and
 * forgets them, and coming back asks again. A
 * failure leaves the open period usable and shows an alert with "Повторить".
 * The choice belongs to the account: it survives every re-render and a
 * reload of the same account, and another account starts at its open period.
 *
 * Without a session it says to log in; with no account connected it says
 * "Нет подключенных ЛС" and offers "Подключить ЛС".
 *
 * @fires {LkNavigateEvent} lk-navigate - "оплатить онлайн" (`pay`), "Подключить ЛС" (`connect`) or, logged out, "Войти в Личный кабинет" (`login`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user (the accounts or the history failed to load); `detail.error`.
 *
 * @csspart summary - the whole section.
 * @csspart title - the heading "Лицевой счет".
 * @csspart intro - the line under it.
 * @csspart subtitle - "Общие сведения".
 * @csspart facts - the `<dl>` of the account: each row a `fact` (`fact-number`, `fact-supplier`, `fact-address`) of `fact-label` (`<dt>`) and `fact-value` (`<dd>`).
 * @csspart period - the period field (also `field`): `label` and `select` (also `input`).
 * @csspart figures - the `<dl>` of the chosen period, rows as in `facts`: `fact-period`, `fact-debt`, `fact-charged`, `fact-paid`, `fact-consumption`, `fact-meter-count`.
 * @csspart amount - an amount of money; also `amount-debt`, `amount-overpayment` or `amount-zero` on a balance.
 * @csspart balance-note - "(переплата)" or "(долга нет)" after a balance.
 * @csspart table-scroll - the box that scrolls a table sideways on a narrow screen (focusable, so the keyboard can scroll it).
 * @csspart meters - the table "Приборы учета": `meters-caption`, `meters-head` (`<th scope="col">`), `meter` rows of `meter-name` (`<th scope="row">`), `meter-reading` and `meter-date`.
 * @csspart links - "оплатить онлайн" (`link link-pay`), "Подключить ЛС" (`link-connect`) or, logged out, `link-login`.
 * @csspart empty - "Нет подключенных ЛС" (also `no-account`), or that the account of `account-id` is not connected (also `not-connected`).
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - loading the account or the earlier periods, announced politely.
 * @csspart logged-out - what it shows without a session: `logged-out-message` and `links`.
 *
 * @cssprop [--lk-color-primary=#0b5cad] - links and the select's focus.
 * @cssprop [--lk-color-border=#6b7785] - the table's and the select's borders.
 * @cssprop [--lk-color-muted=#4a5561] - labels of the facts, the notes and the status line.
 * @cssprop [--lk-color-overpayment=var(--lk-color-success, #1e6b34)] - an overpayment's amount (default: the success colour).
 * @cssprop [--lk-color-debt=var(--lk-color-text, #1d2733)] - a debt's amount (default: the text colour).
 * @cssprop [--lk-color-danger=#b3261e] - faults.
 * @cssprop [--lk-color-surface-alt=#eef1f4] - the table's header row.
 * @cssprop [--lk-radius=0.375rem] - corner radius of the select and buttons.
 * @cssprop [--lk-space=1rem] - the gap between blocks.
 * @cssprop [--lk-account-summary-max-width=44rem] - the section's widest.
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 */
export class LkAccountSummaryElement extends LkAccountElement<AccountSummaryMessages> {
  static override styles = [baseStyles, formStyles, factStyles, accountSummaryStyles];
  protected readonly sectionPart = 'summary';

  /** The address of the payment page, for a real "оплатить онлайн" link when no navigator handles it. */
  @property(hrefProperty('pay-href')) payHref?: string;

  /** The closed month the user chose, for the account it was chosen on; none: the open period. */
  @state() private chosen: { accountId: string; month: string } | undefined;

  /**
   * The closed months of the shown account, newest first, asked for as soon as it is shown and
   * again when its open period moves on (a month closed); a new copy of it with the same period
   * (after a payment) changes no closed month.
   */
  readonly #history = this.accountData(
    async (client, accountId, signal) => [...(await fetchAccountHistory(client, accountId, { signal })).months].reverse(),
    periodKey,
  );

  constructor() {
    super(accountSummaryMessages);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A choice belongs to its account: another account (or none) starts at its open period.
    if (this.chosen && this.chosen.accountId !== this.shownAccount()?.id) this.chosen = undefined;
  }

  protected override renderBeforeGate(): TemplateResult {
    return html`<p part="intro">${this.t.intro}</p>`;
  }

  protected override statusLine(account: Account | undefined, waiting: boolean): AccountStatus {
    const t = this.t;
    const loadingHistory = account !== undefined && this.#history.status === 'loading';
    return { busy: waiting || loadingHistory, text: waiting ? t.loadingAccount : loadingHistory ? t.loadingHistory : '' };
  }

  protected override renderBody(account: Account): TemplateResult {
    const t = this.t;
    const history = this.#history;
    const month = this.chosenMonth(account, history.value);
    return html`
      ${heading(headingLevel(this.headingLevel, 1), { part: 'subtitle', text: t.general })}
      <dl part="facts">
        ${fact('number', t.accountNumber, account.number)}
        ${fact('supplier', t.supplier, account.supplierName)}
        ${fact('address', t.address, account.address)}
      </dl>
      ${this.renderPeriodSelect(account, history.value ?? [], month)}
      ${history.status === 'error' ? this.renderDataFault(history, t.historyFailed) : nothing}
      ${this.renderFigures(account, month)}
      ${this.renderMeters(account)}
      <p part="links">${navigationLink(this, this.env, 'pay', t.pay, this.payHref)}</p>
    `;
  }

  private renderPeriodSelect(account: Account, months: readonly HistoryMonth[], chosen: HistoryMonth | undefined): TemplateResult {
    const t = this.t;
    const locale = this.localize.locale;
    const id = this.idFor('period');
    // `.selected` with live(), not the `selected` attribute: an option the user picked ignores
    // its attribute, and the options change under the select when the months arrive.
    return html`
      <div part="field period">
        <label part="label" for=${id}>${t.periodLabel}</label>
        <select part="input select" id=${id} @change=${(event: Event) => this.onPeriodChange(account, event)}>
          <option value=${CURRENT_PERIOD} .selected=${live(chosen === undefined)}>
            ${t.currentPeriodOption(formatMonth(account.period, locale))}
          </option>
          ${months.map(
            ({ month }) => html`<option value=${month} .selected=${live(chosen?.month === month)}>${formatMonth(month, locale)}</option>`,
          )}
        </select>
      </div>
    `;
  }

  /** The open period's figures, or the closed `month`'s, each summed over its services. */
  private renderFigures(account: Account, month: HistoryMonth | undefined): TemplateResult {
    const t = this.t;
    const locale = this.localize.locale;
    const total = (figure: MonthFigure) => monthTotal(month?.services ?? [], figure);
    return html`
      <dl part="figures">
        ${fact('period', t.periodDate, formatMonth(month?.month ?? account.period, locale))}
        ${month
          ? html`${fact('debt', t.closingDebt, this.balance(total('closing')))}
              ${fact('charged', t.charged, this.renderMoney(total('charged')))}
              ${fact('paid', t.paid, this.renderMoney(total('paid')))}
              ${fact('consumption', t.consumption, formatNumber(total('consumption'), locale))}`
          : fact('debt', t.debt, this.balance(account.debt))}
        ${fact('meter-count', t.meterCount, String(account.meters.length))}
      </dl>
    `;
  }

  private renderMeters(account: Account): TemplateResult | typeof nothing {
    const t = this.t;
    if (account.meters.length === 0) return nothing;
    const locale = this.localize.locale;
    // A reading is the dial's digits, written as the receipt does ("27927"): no grouping.
    return html`
      ${tableScroll(
        this.idFor('meters-caption'),
        html`<table part="meters">
          <caption part="meters-caption" id=${this.idFor('meters-caption')}>${t.meters}</caption>
          <thead>
            <tr>
              ${[t.meterName, t.lastReading, t.lastReadingDate].map((label) => html`<th part="meters-head" scope="col">${label}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${account.meters.map(
              (meter) => html`
                <tr part="meter">
                  <th part="meter-name" scope="row">${meter.name}</th>
                  <td part="meter-reading">${meter.lastReading === null ? t.noReading : String(meter.lastReading)}</td>
                  <td part="meter-date">${meter.lastReadingDate === null ? '' : formatDay(meter.lastReadingDate, locale)}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>`,
      )}
    `;
  }

  /** A balance: its sign is never the only clue, so an overpayment and no debt say so in words. */
  private balance(kopecks: number): TemplateResult {
    const t = this.t;
    const formatted = formatMoney(kopecks, this.localize.locale);
    if (kopecks < 0) {
      return html`<span part="amount amount-overpayment">${formatted}</span> <span part="balance-note">${t.overpayment}</span>`;
    }
    if (kopecks === 0) return html`<span part="amount amount-zero">${formatted}</span> <span part="balance-note">${t.noDebt}</span>`;
    return html`<span part="amount amount-debt">${formatted}</span>`;
  }

  /** The closed month chosen for `account`, if its figures are known. */
  private chosenMonth(account: Account, months: readonly HistoryMonth[] | undefined): HistoryMonth | undefined {
    if (this.chosen?.accountId !== account.id) return undefined;
    return months?.find((month) => month.month === this.chosen!.month);
  }

  private onPeriodChange(account: Account, event: Event): void {
    const { value } = event.currentTarget as HTMLSelectElement;
    this.chosen = value === CURRENT_PERIOD ? undefined : { accountId: account.id, month: value };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-account-summary': LkAccountSummaryElement;
  }
}

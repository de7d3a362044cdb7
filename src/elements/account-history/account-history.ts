import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fetchAccountHistory } from '../../api/accounts.js';
import type { Client } from '../../api/client.js';
import { fetchReadings } from '../../api/payments.js';
import { isAbortError, isApiError } from '../../api/errors.js';
import { LkErrorEvent } from '../../events/error.js';
import { formatDay, formatMoney, intlLocale } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import type { Account, AccountHistory, HistoryMonth, ServiceMonth } from '../../schemas/account.js';
import type { ReadingHistoryEntry } from '../../schemas/reading.js';
import { heading, headingLevel } from '../base/heading.js';
import { LkElement } from '../base/lk-element.js';
import { faultMessage } from '../base/failure.js';
import { faultAlert } from '../base/form-parts.js';
import { navigationLink } from '../base/navigation.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { accountHistoryMessages } from './account-history.messages.js';
import type { AccountHistoryMessages } from './account-history.messages.js';
import { accountHistoryStyles } from './account-history.styles.js';
import { historyChart, legendMark } from './chart.js';
import type { ChartMonth } from './chart.js';

/** How many months the table shows before "Показать все месяцы", and the chart always. */
const RECENT_MONTHS = 12;

/** How many readings the readings table shows before "Показать все показания". */
const RECENT_READINGS = 12;

/** The history asked for: which account, over which client, as of which period. */
interface HistoryRequest {
  readonly client: Client;
  readonly accountId: string;
  /** The account's open period when known: when it moves on, a month has closed and the history grew. */
  period: string | undefined;
}

/** The readings asked for: which account, over which client, and the store's copy of the account then. */
interface ReadingsRequest {
  readonly client: Client;
  readonly accountId: string;
  /**
   * The store's object for the account when known. The store puts a new
   * object in after a payment or readings sent (`accounts.update`), so a
   * new one means there may be a new reading: ask again.
   */
  account: Account | undefined;
}

/**
 * @summary "История изменений по услугам": an account's closed months, service by service, and a chart of the last twelve.
 *
 * Shows the history of the session's current account (`env.accounts`, the
 * one `<lk-accounts>` chooses) or of `account-id`, and asks for it again
 * when the current account changes or its period moves on; a request still
 * under way is dropped (aborted) then, and when the element leaves the page.
 *
 * A real `<table>`, newest month first: each month (in words, "Май 2015")
 * heads its group of rows, one per service, with "Сальдо на начало",
 * "Начислено", "Оплачено", "Сальдо на конец" (money in the locale's `Intl`
 * format) and "Потребление, м³". A negative balance is an overpayment and
 * says "переплата" beside the figure. The last twelve months show at first;
 * "Показать все месяцы" (a toggle with `aria-expanded`) shows them all.
 *
 * Above it, an SVG chart of the last twelve months: consumption as bars
 * (m³, left scale), payments as a line with round markers (₽, right
 * scale), a legend in words. It is one image (`role="img"`) named by its
 * caption and described by the table, which is its text alternative. It
 * scales to its container's width, and takes its colours from custom
 * properties, so a dark scheme only sets those.
 *
 * Under it, "Показания счетчиков": the meters' readings, newest first, a
 * table of the date, the meter ("Наименование"), the reading and what it
 * counted since the one before (m³); the last twelve at first, "Показать
 * все показания" shows them all. They load alongside the history, with
 * their own status line and their own alert and "Повторить", so the chart
 * and the charges stay usable when only the readings fail, and the other
 * way round. They are asked for again whenever the store puts a new copy of
 * the account in (`env.accounts.update` after a payment or readings sent,
 * or a reload of the list): a reading sent elsewhere on the page shows up
 * without a reload of the page.
 *
 * Without a session it says to log in, with a link; with no account, "Нет
 * подключенных ЛС" and "Подключить ЛС". Faults end in an alert with
 * "Повторить".
 *
 * @fires lk-navigate - "Подключить ЛС" (`connect`) or, logged out, "Войти в Личный кабинет" (`login`); cancelable.
 * @fires lk-error - a fault was shown to the user; `detail.error`.
 *
 * @csspart history - the whole section.
 * @csspart title - the heading ("История изменений по услугам").
 * @csspart account - the account's number under the heading.
 * @csspart chart - the chart's `<figure>`: `chart-title` (its caption and name), `chart-image` (the `<svg>`), `legend`.
 * @csspart chart-title - the chart's caption, its accessible name.
 * @csspart chart-image - the `<svg>`. Its shapes carry classes, not parts (a part's `all: revert` would drop SVG geometry): `lk-chart-bar` (consumption), `lk-chart-line` and `lk-chart-point` (payments), `lk-chart-grid`, `lk-chart-axis`, `lk-chart-tick`, `lk-chart-label`, `lk-chart-year`, `lk-chart-unit`.
 * @csspart legend - the chart's legend: `legend-item` (`legend-consumption`, `legend-payments`), each a mark (`lk-chart-mark`) and words.
 * @csspart table-scroll - the box that scrolls the table sideways on a narrow screen (focusable, so the keyboard can scroll it).
 * @csspart table - the `<table>`: `caption`, `column-header` (each `<th>` of the head), `month-group` (one `<tbody>` per month).
 * @csspart month - a month's row header ("Май 2015").
 * @csspart service - a service's row header.
 * @csspart cell - a figure's cell; also `cell-opening`, `cell-charged`, `cell-paid`, `cell-closing`, `cell-consumption`.
 * @csspart amount - a sum of money.
 * @csspart overpayment - "переплата" beside a negative balance.
 * @csspart toggle - "Показать все месяцы" / "Показать последние 12 месяцев" (also `button`).
 * @csspart empty - no closed month yet.
 * @csspart readings - the readings' section: `readings-title`, the table, `readings-toggle`, `readings-status`; a failure of the readings is a `fault` (with `retry`) inside it.
 * @csspart readings-title - its heading ("Показания счетчиков"), one level under the element's.
 * @csspart readings-table - the readings' `<table>`: `readings-caption`, `readings-header-row`, `readings-head` (each `<th>` of the head; `readings-head-figure` over the figures), `reading` rows.
 * @csspart reading - a reading's row: `reading-date` (its row header), `reading-meter`, `reading-value`, `reading-consumption`.
 * @csspart visually-hidden - words for screen readers only: "нет данных" beside the "—" of a meter's oldest reading, which has nothing to count from.
 * @csspart readings-empty - no reading yet (or the account is not connected, when only the readings said so).
 * @csspart readings-toggle - "Показать все показания" / "Показать последние 12 показаний" (also `button`).
 * @csspart readings-status - loading the readings, and what their toggle changed, announced politely.
 * @csspart no-account - "Нет подключенных ЛС".
 * @csspart not-connected - `account-id` names an account this cabinet does not have.
 * @csspart links - "Подключить ЛС" (`link link-connect`) or, logged out, `link-login`.
 * @csspart fault - a server, network or timeout failure, with `retry`.
 * @csspart status - loading, and what the toggle changed, announced politely.
 * @csspart logged-out-message - what it says without a session.
 *
 * @cssprop --lk-chart-consumption - the consumption bars (default: the primary colour).
 * @cssprop --lk-chart-payments - the payments line and markers (default: the text colour, which a dark scheme already inverts).
 * @cssprop --lk-chart-grid - the gridlines (default: the border colour).
 * @cssprop --lk-color-primary - buttons, links, and the bars by default.
 * @cssprop --lk-color-text - text, axis and labels, and the payments by default.
 * @cssprop --lk-color-surface - the markers' inside and the buttons' background.
 * @cssprop --lk-color-border - the table's rules, and the gridlines by default.
 * @cssprop --lk-color-muted - the account line and the status line.
 * @cssprop --lk-color-danger - faults.
 * @cssprop --lk-color-focus - the focus ring.
 * @cssprop --lk-radius - corner radius of buttons.
 * @cssprop --lk-space - the gap between blocks.
 * @cssprop --lk-account-history-max-width - the element's widest (default 60rem).
 * @cssprop --lk-font-family - the font (default: the page's).
 */
export class LkAccountHistoryElement extends LkElement<AccountHistoryMessages> {
  static override styles = [baseStyles, formStyles, accountHistoryStyles];

  /** The account to show, by its id (`Account.id`); default: the session's current account. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** The level of the element's heading, 2 to 6 (default 2): one deeper than the heading of the section it sits in. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The address of the account connection page, for a real "Подключить ЛС" link when no navigator handles it. */
  @property({ attribute: 'connect-href' }) connectHref?: string;

  /** The address of the login page, likewise. */
  @property({ attribute: 'login-href' }) loginHref?: string;

  @state() private history: AccountHistory | undefined;
  @state() private loading = false;
  /** Why the history could not be loaded. */
  @state() private error: unknown;
  /** Every month in the table, not only the last twelve. */
  @state() private showAll = false;
  /** What the toggle changed, for the status line. */
  @state() private shown = '';

  /** The readings, newest first. */
  @state() private readings: readonly ReadingHistoryEntry[] | undefined;
  @state() private readingsLoading = false;
  /** Why the readings could not be loaded. */
  @state() private readingsError: unknown;
  /** Every reading in its table, not only the last twelve. */
  @state() private showAllReadings = false;
  /** What the readings' toggle changed, for their status line. */
  @state() private readingsShown = '';

  #request: HistoryRequest | undefined;
  #abort: AbortController | undefined;
  #readingsRequest: ReadingsRequest | undefined;
  #readingsAbort: AbortController | undefined;
  /** The accounts' load failure already reported as `lk-error`, so each is reported once. */
  #reportedLoadError: unknown;

  constructor() {
    super(accountHistoryMessages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after its requests were dropped: ask again (willUpdate() does).
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
    // Not while off the page: connectedCallback() asks again.
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
    return html`
      <section part="history" aria-labelledby="${this.uid}-title">
        ${heading(headingLevel(this.headingLevel), { id: `${this.uid}-title`, text: t.title })}
        ${account ? html`<p part="account">${t.account(account.number)}</p>` : nothing}
        ${session.status === 'authenticated' ? this.renderBody() : this.renderLoggedOut()}
        <p part="status" role="status" aria-busy=${this.#busy() ? 'true' : nothing}>${this.#busy() ? t.loadingHistory : this.shown}</p>
      </section>
    `;
  }

  private renderLoggedOut(): TemplateResult {
    const t = this.t;
    return html`
      <p part="logged-out-message">${t.loggedOut}</p>
      <p part="links">${navigationLink(this, this.env, 'login', t.logIn, this.loginHref)}</p>
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
    if (isNotConnected(this.error)) {
      return html`
        <p part="not-connected">${t.notConnected}</p>
        <p part="links">${navigationLink(this, this.env, 'connect', t.connect, this.connectHref)}</p>
      `;
    }
    return html`${this.renderHistory()}${this.renderReadings()}`;
  }

  private renderHistory(): TemplateResult | typeof nothing {
    const t = this.t;
    if (this.error !== undefined) return faultAlert(faultMessage(this.error, t), t.retry, () => this.#retry());
    if (!this.history) return nothing;
    if (this.history.months.length === 0) return html`<p part="empty">${t.emptyHistory}</p>`;
    return html`${this.renderChart(this.history.months)}${this.renderTable(this.history.months)}`;
  }

  /** "Показания счетчиков": their own loading, fault and retry, so the history above stays usable whatever happens here. */
  private renderReadings(): TemplateResult | typeof nothing {
    const t = this.t;
    if (!this.#readingsRequest) return nothing;
    const titleId = `${this.uid}-readings-title`;
    const error = this.readingsError;
    const readings = this.readings;
    let body: TemplateResult | typeof nothing = nothing;
    if (error !== undefined) {
      body = isNotConnected(error)
        ? html`<p part="readings-empty">${t.notConnected}</p>`
        : faultAlert(`${t.readingsFailed} ${faultMessage(error, t)}`, t.retry, () => this.#retryReadings());
    } else if (readings?.length === 0) {
      body = html`<p part="readings-empty">${t.emptyReadings}</p>`;
    } else if (readings) {
      body = this.renderReadingsTable(readings);
    }
    return html`
      <section part="readings" aria-labelledby=${titleId}>
        ${heading(headingLevel(this.headingLevel, 1), { id: titleId, part: 'readings-title', text: t.readingsTitle })}
        ${body}
        <p part="readings-status" role="status" aria-busy=${this.readingsLoading ? 'true' : nothing}>${this.readingsLoading
          ? t.loadingReadings
          : this.readingsShown}</p>
      </section>
    `;
  }

  private renderReadingsTable(all: readonly ReadingHistoryEntry[]): TemplateResult {
    const t = this.t;
    const locale = this.localize.locale;
    const many = all.length > RECENT_READINGS;
    const shown = this.showAllReadings ? all : all.slice(0, RECENT_READINGS);
    const caption = this.showAllReadings || !many ? t.readingsCaptionAll(all.length) : t.readingsCaptionRecent(shown.length, all.length);
    const consumption = new Intl.NumberFormat(intlLocale(locale));
    const tableId = `${this.uid}-readings-table`;
    // A reading is the dial's digits, written as the receipt does ("27927"): no grouping.
    return html`
      <table part="readings-table" id=${tableId}>
        <caption part="readings-caption">${caption}</caption>
        <thead>
          <tr part="readings-header-row">
            <th part="readings-head" scope="col">${t.readingDate}</th>
            <th part="readings-head" scope="col">${t.meterName}</th>
            <th part="readings-head readings-head-figure" scope="col">${t.readingValue}</th>
            <th part="readings-head readings-head-figure" scope="col">${t.readingConsumption}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (reading) => html`
              <tr part="reading">
                <th part="reading-date" scope="row">${formatDay(reading.date, locale)}</th>
                <td part="reading-meter">${reading.meterName}</td>
                <td part="reading-value">${String(reading.value)}</td>
                <td part="reading-consumption">
                  ${reading.consumption === null
                    ? html`<span aria-hidden="true">—</span><span part="visually-hidden">${t.noConsumption}</span>`
                    : consumption.format(reading.consumption)}
                </td>
              </tr>
            `,
          )}
        </tbody>
      </table>
      ${many
        ? html`<button
            part="button readings-toggle"
            type="button"
            aria-expanded=${this.showAllReadings ? 'true' : 'false'}
            aria-controls=${tableId}
            @click=${this.onToggleReadings}
          >
            ${this.showAllReadings ? t.showRecentReadings(RECENT_READINGS) : t.showAllReadings}
          </button>`
        : nothing}
    `;
  }

  private renderChart(all: readonly HistoryMonth[]): TemplateResult {
    const t = this.t;
    const locale = this.localize.locale;
    const recent = all.slice(-RECENT_MONTHS);
    const number = new Intl.NumberFormat(intlLocale(locale));
    const rubles = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 });
    const months: ChartMonth[] = recent.map(({ month, services }, index) => ({
      label: monthShort(month, locale),
      // The year under the first month and under each January, so the axis reads without a legend.
      year: index === 0 || month.endsWith('-01') ? month.slice(0, 4) : undefined,
      consumption: sum(services, 'consumption'),
      paid: sum(services, 'paid'),
    }));
    return html`
      <figure part="chart">
        <figcaption part="chart-title" id="${this.uid}-chart-title">${t.chartTitle(recent.length)}</figcaption>
        ${historyChart({
          months,
          labelledBy: `${this.uid}-chart-title`,
          describedBy: `${this.uid}-table`,
          formatConsumption: (value) => number.format(value),
          formatRubles: (value) => rubles.format(value),
          unitConsumption: t.unitConsumption,
          unitPayments: t.unitPayments,
        })}
        <ul part="legend">
          <li part="legend-item legend-consumption">${legendMark('consumption')}${t.chartConsumption}</li>
          <li part="legend-item legend-payments">${legendMark('payments')}${t.chartPayments}</li>
        </ul>
      </figure>
    `;
  }

  private renderTable(all: readonly HistoryMonth[]): TemplateResult {
    const t = this.t;
    const many = all.length > RECENT_MONTHS;
    const shown = [...(this.showAll ? all : all.slice(-RECENT_MONTHS))].reverse();
    const caption = this.showAll || !many ? t.captionAll(all.length) : t.captionRecent(shown.length, all.length);
    const columns = [t.opening, t.charged, t.paid, t.closing, t.consumption];
    return html`
      <div part="table-scroll" role="region" aria-labelledby="${this.uid}-caption" tabindex="0">
        <table part="table" id="${this.uid}-table">
          <caption part="caption" id="${this.uid}-caption">${caption}</caption>
          <thead>
            <tr part="header-row">
              <th part="column-header" scope="col">${t.month}</th>
              <th part="column-header" scope="col">${t.service}</th>
              ${columns.map((column) => html`<th part="column-header column-header-figure" scope="col">${column}</th>`)}
            </tr>
          </thead>
          ${shown.map((month) => this.renderMonth(month))}
        </table>
      </div>
      ${many
        ? html`<button
            part="button toggle"
            type="button"
            aria-expanded=${this.showAll ? 'true' : 'false'}
            aria-controls="${this.uid}-table"
            @click=${this.onToggle}
          >
            ${this.showAll ? t.showRecent(RECENT_MONTHS) : t.showAll}
          </button>`
        : nothing}
    `;
  }

  private renderMonth({ month, services }: HistoryMonth): TemplateResult {
    const locale = this.localize.locale;
    const consumption = new Intl.NumberFormat(intlLocale(locale));
    // A month with no service still gets its row, so no month of the history goes missing.
    const rows: (ServiceMonth | undefined)[] = services.length > 0 ? services : [undefined];
    return html`
      <tbody part="month-group">
        ${rows.map(
          (service, index) => html`
            <tr part="row">
              ${index === 0
                ? html`<th part="month" scope="rowgroup" rowspan=${rows.length}>${monthInWords(month, locale)}</th>`
                : nothing}
              <th part="service" scope="row">${service?.service ?? '—'}</th>
              <td part="cell cell-opening">${service ? this.balance(service.opening) : nothing}</td>
              <td part="cell cell-charged">${service ? this.money(service.charged) : nothing}</td>
              <td part="cell cell-paid">${service ? this.money(service.paid) : nothing}</td>
              <td part="cell cell-closing">${service ? this.balance(service.closing) : nothing}</td>
              <td part="cell cell-consumption">${service ? consumption.format(service.consumption) : nothing}</td>
            </tr>
          `,
        )}
      </tbody>
    `;
  }

  private money(kopecks: number): TemplateResult {
    return html`<span part="amount">${formatMoney(kopecks, this.localize.locale)}</span>`;
  }

  /** A balance: below zero the abonent paid ahead, and it says so in words, not only with a minus. */
  private balance(kopecks: number): TemplateResult {
    return kopecks < 0
      ? html`${this.money(kopecks)} <span part="overpayment">${this.t.overpayment}</span>`
      : this.money(kopecks);
  }

  private readonly onToggle = (): void => {
    this.showAll = !this.showAll;
    const t = this.t;
    this.shown = this.showAll ? t.shownAll(this.history?.months.length ?? 0) : t.shownRecent(RECENT_MONTHS);
  };

  private readonly onToggleReadings = (): void => {
    this.showAllReadings = !this.showAllReadings;
    const t = this.t;
    this.readingsShown = this.showAllReadings ? t.shownAllReadings(this.readings?.length ?? 0) : t.shownRecentReadings(RECENT_READINGS);
  };

  /** The account shown, when the store knows it. */
  #account(): Account | undefined {
    const store = this.env.accounts;
    return this.accountId ? store.accounts.find((account) => account.id === this.accountId) : store.current;
  }

  #busy(): boolean {
    const { session, accounts } = this.env;
    if (session.status !== 'authenticated') return false;
    if (this.loading) return true;
    return !this.accountId && !this.#account() && (accounts.status === 'idle' || accounts.status === 'loading');
  }

  /** Asks for the history and the readings of the account to show, when they are not the ones asked for last. */
  #follow(): void {
    const { client, session } = this.env;
    const account = this.#account();
    // A reload of the list (a payment, a connection) keeps the accounts known, and so what is shown.
    const accountId = session.status !== 'authenticated' ? undefined : this.accountId || account?.id;
    if (!accountId) {
      if (this.#request || this.history || this.error !== undefined || this.#readingsRequest) this.#drop();
      return;
    }
    this.#followHistory(client, accountId, account);
    this.#followReadings(client, accountId, account);
  }

  #followHistory(client: Client, accountId: string, account: Account | undefined): void {
    const last = this.#request;
    const period = account?.period;
    if (last && last.client === client && last.accountId === accountId) {
      // A period first learnt (the list loaded after an `account-id` request) is no change.
      if (period === undefined || last.period === undefined || last.period === period) {
        last.period ??= period;
        return;
      }
    }
    void this.#load({ client, accountId, period });
  }

  async #load(request: HistoryRequest): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const sameAccount = this.#request?.accountId === request.accountId;
    this.#request = request;
    // Another account's figures must never stand under this one's number.
    if (!sameAccount) {
      this.history = undefined;
      this.showAll = false;
      this.shown = '';
    }
    this.error = undefined;
    this.loading = true;
    try {
      const history = await fetchAccountHistory(request.client, request.accountId, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.history = history;
    } catch (error) {
      if (isAbortError(error) || abort.signal.aborted) return;
      this.history = undefined;
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

  #followReadings(client: Client, accountId: string, account: Account | undefined): void {
    const last = this.#readingsRequest;
    if (last && last.client === client && last.accountId === accountId) {
      // The account first learnt (the list loaded after an `account-id` request) is no change; a new copy of it is.
      if (account === undefined || last.account === undefined || last.account === account) {
        last.account ??= account;
        return;
      }
    }
    void this.#loadReadings({ client, accountId, account });
  }

  async #loadReadings(request: ReadingsRequest): Promise<void> {
    this.#readingsAbort?.abort();
    const abort = (this.#readingsAbort = new AbortController());
    const sameAccount = this.#readingsRequest?.accountId === request.accountId;
    this.#readingsRequest = request;
    // Asked again for the same account, the readings known stay shown until the new ones come;
    // another account's never stand under this one's number.
    if (!sameAccount) {
      this.readings = undefined;
      this.showAllReadings = false;
      this.readingsShown = '';
    }
    this.readingsError = undefined;
    this.readingsLoading = true;
    try {
      const readings = await fetchReadings(request.client, request.accountId, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.readings = readings;
    } catch (error) {
      if (isAbortError(error) || abort.signal.aborted) return;
      this.readings = undefined;
      this.readingsError = error;
      this.dispatchEvent(new LkErrorEvent(error));
    } finally {
      if (this.#readingsAbort === abort) {
        this.#readingsAbort = undefined;
        this.readingsLoading = false;
      }
    }
  }

  #retryReadings(): void {
    const request = this.#readingsRequest;
    if (request) void this.#loadReadings(request);
  }

  /** Forgets the request and what it brought: logged out, no account, or off the page. */
  #drop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#request = undefined;
    this.history = undefined;
    this.error = undefined;
    this.loading = false;
    this.showAll = false;
    this.shown = '';
    this.#readingsAbort?.abort();
    this.#readingsAbort = undefined;
    this.#readingsRequest = undefined;
    this.readings = undefined;
    this.readingsError = undefined;
    this.readingsLoading = false;
    this.showAllReadings = false;
    this.readingsShown = '';
  }
}

/** The backend's answer for an account this cabinet does not have. */
const isNotConnected = (error: unknown): boolean => isApiError(error) && error.status === 404;

/** The total of one figure over a month's services. */
const sum = (services: readonly ServiceMonth[], key: 'consumption' | 'paid') =>
  services.reduce((total, service) => total + service[key], 0);

/** The first day of `YYYY-MM`, in UTC so no time zone moves it into the month before. */
function monthStart(month: string): Date {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 1, 1));
}

/**
 * "Май 2015", as the seed writes a month: the month's own name (nominative)
 * and the year, without `Intl`'s "г.", capitalised as a heading of a row.
 */
function monthInWords(month: string, locale: Locale): string {
  const tag = intlLocale(locale);
  const parts = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).formatToParts(monthStart(month));
  const name = parts.find((part) => part.type === 'month')?.value ?? month;
  const year = parts.find((part) => part.type === 'year')?.value ?? month.slice(0, 4);
  return `${name.charAt(0).toLocaleUpperCase(tag)}${name.slice(1)} ${year}`;
}

/** The chart axis's label of a month: "май", "июн.". */
const monthShort = (month: string, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', timeZone: 'UTC' }).format(monthStart(month));

declare global {
  interface HTMLElementTagNameMap {
    'lk-account-history': LkAccountHistoryElement;
  }
}

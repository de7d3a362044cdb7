import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { fetchAccountHistory } from '../../api/accounts.js';
import { fetchReadings } from '../../api/readings.js';
import { activityKey, periodKey } from '../../controllers/account-data.js';
import { formatDay, formatMonth, formatNumber, intlLocale } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import type { Account, HistoryMonth, ServiceMonth } from '../../schemas/account.js';
import type { ReadingHistoryEntry } from '../../schemas/reading.js';
import { heading, headingLevel } from '../base/heading.js';
import { tableScroll } from '../base/table-scroll.js';
import { LkAccountElement, isNotConnected } from '../base/account-element.js';
import type { AccountStatus } from '../base/account-element.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { monthTotal } from '../base/month-totals.js';
import { accountHistoryMessages } from './account-history.messages.js';
import type { AccountHistoryMessages } from './account-history.messages.js';
import { accountHistoryStyles } from './account-history.styles.js';
import { historyChart, legendMark } from './chart.js';
import type { ChartMonth } from './chart.js';

/** How many months the table shows before "Показать все месяцы", and the chart always. */
const RECENT_MONTHS = 12;

/** How many readings the readings table shows before "Показать все показания". */
const RECENT_READINGS = 12;

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
 * or a reload of the list) or is told of other activity on the account
 * (`env.accounts.touched`): a reading sent elsewhere on the page shows up
 * without a reload of the page.
 *
 * Without a session it says to log in, with a link; with no account, "Нет
 * подключенных ЛС" and "Подключить ЛС"; with an `account-id` the session
 * does not have, that it is not connected. Faults end in an alert with
 * "Повторить".
 *
 * @fires {LkNavigateEvent} lk-navigate - "Подключить ЛС" (`connect`) or, logged out, "Войти в Личный кабинет" (`login`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user; `detail.error`.
 *
 * @csspart history - the whole section.
 * @csspart title - the heading ("История изменений по услугам").
 * @csspart account - the account's number under the heading.
 * @csspart chart - the chart's `<figure>`: `chart-title` (its caption and name), `chart-image` (the `<svg>`), `legend`.
 * @csspart chart-title - the chart's caption, its accessible name.
 * @csspart chart-image - the `<svg>`. Its shapes carry classes, not parts (a part's `all: revert` would drop SVG geometry): `lk-chart-bar` (consumption), `lk-chart-line` and `lk-chart-point` (payments), `lk-chart-grid`, `lk-chart-axis`, `lk-chart-tick`, `lk-chart-label`, `lk-chart-year`, `lk-chart-unit`.
 * @csspart legend - the chart's legend: `legend-item` (`legend-consumption`, `legend-payments`), each a mark (`lk-chart-mark`) and words.
 * @csspart table-scroll - the box that scrolls the table sideways on a narrow screen (focusable, so the keyboard can scroll it).
 * @csspart table - the `<table>`: `caption`, `header-row`, `column-header` (each `<th>` of the head; `column-header-figure` over the figures), `month-group` (one `<tbody>` per month) of `row`s.
 * @csspart month - a month's row header ("Май 2015").
 * @csspart service - a service's row header.
 * @csspart cell - a figure's cell; also `cell-opening`, `cell-charged`, `cell-paid`, `cell-closing`, `cell-consumption`.
 * @csspart amount - a sum of money.
 * @csspart overpayment - "переплата" beside a negative balance.
 * @csspart toggle - "Показать все месяцы" / "Показать последние 12 месяцев" (also `button`).
 * @csspart empty - no closed month yet; also "Нет подключенных ЛС" (`no-account`) and "not connected" (`not-connected`).
 * @csspart readings - the readings' section: `readings-title`, the table, `readings-toggle`, `readings-status`; a failure of the readings is a `fault` (with `retry`) inside it.
 * @csspart readings-title - its heading ("Показания счетчиков"), one level under the element's.
 * @csspart readings-table - the readings' `<table>` (in its own `table-scroll`): `readings-caption`, `readings-header-row`, `readings-head` (each `<th>` of the head; `readings-head-figure` over the figures), `reading` rows.
 * @csspart reading - a reading's row: `reading-date` (its row header), `reading-meter`, `reading-value`, `reading-consumption`.
 * @csspart visually-hidden - words for screen readers only: "нет данных" beside the "—" of a meter's oldest reading, which has nothing to count from.
 * @csspart readings-empty - no reading yet (or the account is not connected, when only the readings said so).
 * @csspart readings-toggle - "Показать все показания" / "Показать последние 12 показаний" (also `button`).
 * @csspart readings-status - loading the readings, and what their toggle changed, announced politely.
 * @csspart no-account - "Нет подключенных ЛС" (also `empty`).
 * @csspart not-connected - `account-id` names an account this cabinet does not have (also `empty`).
 * @csspart links - "Подключить ЛС" (`link link-connect`) or, logged out, `link-login`.
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - loading, and what the toggle changed, announced politely.
 * @csspart logged-out - what it shows without a session: `logged-out-message` and `links`.
 *
 * @cssprop [--lk-chart-consumption=var(--lk-color-primary, #0b5cad)] - the consumption bars (default: the primary colour).
 * @cssprop [--lk-chart-payments=var(--lk-color-text, #1d2733)] - the payments line and markers (default: the text colour, which a dark scheme already inverts).
 * @cssprop [--lk-chart-grid=var(--lk-color-border, #6b7785)] - the gridlines (default: the border colour).
 * @cssprop [--lk-color-primary=#0b5cad] - buttons, links, and the bars by default.
 * @cssprop [--lk-color-text=#1d2733] - text, axis and labels, and the payments by default.
 * @cssprop [--lk-color-surface=#fff] - the markers' inside and the buttons' background.
 * @cssprop [--lk-color-border=#6b7785] - the table's rules, and the gridlines by default.
 * @cssprop [--lk-color-muted=#4a5561] - the account line and the status line.
 * @cssprop [--lk-color-danger=#b3261e] - faults.
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring.
 * @cssprop [--lk-radius=0.375rem] - corner radius of buttons.
 * @cssprop [--lk-space=1rem] - the gap between blocks.
 * @cssprop [--lk-account-history-max-width=60rem] - the element's widest.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-success=#1e6b34] - an overpayment in the table.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 */
export class LkAccountHistoryElement extends LkAccountElement<AccountHistoryMessages> {
  static override styles = [baseStyles, formStyles, accountHistoryStyles];
  protected readonly sectionPart = 'history';

  /** Every month in the table, not only the last twelve. */
  @state() private showAll = false;
  /** What the toggle changed, for the status line. */
  @state() private shown = '';
  /** Every reading in its table, not only the last twelve. */
  @state() private showAllReadings = false;
  /** What the readings' toggle changed, for their status line. */
  @state() private readingsShown = '';

  /** The closed months: a new open period closes one; a payment or readings change none. */
  readonly #history = this.accountData((client, accountId, signal) => fetchAccountHistory(client, accountId, { signal }), periodKey);
  /**
   * The readings: asked for again whenever the store puts a new copy of the account in (after a
   * payment or readings sent) or is told of other activity (`accounts.touched`).
   */
  readonly #readings = this.accountData((client, accountId, signal) => fetchReadings(client, accountId, { signal }), activityKey);

  constructor() {
    super(accountHistoryMessages);
  }

  protected override forgetView(): void {
    // The last twelve months and readings, and nothing said about the toggles.
    this.showAll = false;
    this.shown = '';
    this.showAllReadings = false;
    this.readingsShown = '';
  }

  protected override renderBeforeGate(account: Account | undefined): TemplateResult | typeof nothing {
    return account ? html`<p part="account">${this.t.account(account.number)}</p>` : nothing;
  }

  protected override statusLine(_account: Account | undefined, waiting: boolean): AccountStatus {
    const busy = waiting || this.#history.status === 'loading';
    return { busy, text: busy ? this.t.loadingHistory : this.shown };
  }

  protected override renderBody(): TemplateResult {
    // Disconnected since the list was loaded (in another tab, say): neither the history nor the readings.
    if (isNotConnected(this.#history.error)) return this.renderNotConnected();
    return html`${this.renderHistory()}${this.renderReadings()}`;
  }

  private renderHistory(): TemplateResult | typeof nothing {
    const t = this.t;
    const { status, value: history } = this.#history;
    if (status === 'error') return this.renderDataFault(this.#history);
    if (!history) return nothing;
    if (history.months.length === 0) return html`<p part="empty">${t.emptyHistory}</p>`;
    return html`${this.renderChart(history.months)}${this.renderTable(history.months)}`;
  }

  /** "Показания счетчиков": their own loading, fault and retry, so the history above stays usable whatever happens here. */
  private renderReadings(): TemplateResult | typeof nothing {
    const t = this.t;
    const { status, value: readings, error } = this.#readings;
    if (status === 'idle') return nothing;
    const titleId = this.idFor('readings-title');
    const loading = status === 'loading';
    let body: TemplateResult | typeof nothing = nothing;
    if (status === 'error') {
      body = isNotConnected(error)
        ? html`<p part="readings-empty">${t.notConnected}</p>`
        : this.renderDataFault(this.#readings, t.readingsFailed);
    } else if (readings?.length === 0) {
      body = html`<p part="readings-empty">${t.emptyReadings}</p>`;
    } else if (readings) {
      body = this.renderReadingsTable(readings);
    }
    return html`
      <section part="readings" aria-labelledby=${titleId}>
        ${heading(headingLevel(this.headingLevel, 1), { id: titleId, part: 'readings-title', text: t.readingsTitle })}
        ${body}
        <p part="readings-status" role="status" aria-busy=${loading ? 'true' : nothing}>${loading ? t.loadingReadings : this.readingsShown}</p>
      </section>
    `;
  }

  private renderReadingsTable(all: readonly ReadingHistoryEntry[]): TemplateResult {
    const t = this.t;
    const locale = this.localize.locale;
    const many = all.length > RECENT_READINGS;
    const shown = this.showAllReadings ? all : all.slice(0, RECENT_READINGS);
    const caption = this.showAllReadings || !many ? t.readingsCaptionAll(all.length) : t.readingsCaptionRecent(shown.length, all.length);
    const tableId = this.idFor('readings-table');
    // A reading is the dial's digits, written as the receipt does ("27927"): no grouping.
    return html`
      ${tableScroll(
        `${tableId}-caption`,
        html`<table part="readings-table" id=${tableId}>
          <caption part="readings-caption" id="${tableId}-caption">${caption}</caption>
          <thead>
            <tr part="readings-header-row">
              ${[t.readingDate, t.meterName].map((label) => html`<th part="readings-head" scope="col">${label}</th>`)}
              ${[t.readingValue, t.readingConsumption].map((label) => html`<th part="readings-head readings-head-figure" scope="col">${label}</th>`)}
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
                      : formatNumber(reading.consumption, locale)}
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>`,
      )}
      ${many
        ? this.renderToggle('readings-toggle', this.showAllReadings, tableId, this.onToggleReadings, t.showRecentReadings(RECENT_READINGS), t.showAllReadings)
        : nothing}
    `;
  }

  private renderChart(all: readonly HistoryMonth[]): TemplateResult {
    const t = this.t;
    const locale = this.localize.locale;
    const recent = all.slice(-RECENT_MONTHS);
    const rubles = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 });
    const months: ChartMonth[] = recent.map(({ month, services }, index) => ({
      label: monthShort(month, locale),
      // The year under the first month and under each January, so the axis reads without a legend.
      year: index === 0 || month.endsWith('-01') ? month.slice(0, 4) : undefined,
      consumption: monthTotal(services, 'consumption'),
      paid: monthTotal(services, 'paid'),
    }));
    return html`
      <figure part="chart">
        <figcaption part="chart-title" id=${this.idFor('chart-title')}>${t.chartTitle(recent.length)}</figcaption>
        ${historyChart({
          months,
          labelledBy: this.idFor('chart-title'),
          describedBy: this.idFor('table'),
          formatConsumption: (value) => formatNumber(value, locale),
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
      ${tableScroll(
        this.idFor('caption'),
        html`<table part="table" id=${this.idFor('table')}>
          <caption part="caption" id=${this.idFor('caption')}>${caption}</caption>
          <thead>
            <tr part="header-row">
              <th part="column-header" scope="col">${t.month}</th>
              <th part="column-header" scope="col">${t.service}</th>
              ${columns.map((column) => html`<th part="column-header column-header-figure" scope="col">${column}</th>`)}
            </tr>
          </thead>
          ${shown.map((month) => this.renderMonth(month))}
        </table>`,
      )}
      ${many ? this.renderToggle('toggle', this.showAll, this.idFor('table'), this.onToggle, t.showRecent(RECENT_MONTHS), t.showAll) : nothing}
    `;
  }

  private renderMonth({ month, services }: HistoryMonth): TemplateResult {
    const locale = this.localize.locale;
    // A month with no service still gets its row, so no month of the history goes missing.
    const rows: (ServiceMonth | undefined)[] = services.length > 0 ? services : [undefined];
    return html`
      <tbody part="month-group">
        ${rows.map(
          (service, index) => html`
            <tr part="row">
              ${index === 0
                ? html`<th part="month" scope="rowgroup" rowspan=${rows.length}>${formatMonth(month, locale)}</th>`
                : nothing}
              <th part="service" scope="row">${service?.service ?? '—'}</th>
              <td part="cell cell-opening">${service ? this.balance(service.opening) : nothing}</td>
              <td part="cell cell-charged">${service ? this.renderMoney(service.charged) : nothing}</td>
              <td part="cell cell-paid">${service ? this.renderMoney(service.paid) : nothing}</td>
              <td part="cell cell-closing">${service ? this.balance(service.closing) : nothing}</td>
              <td part="cell cell-consumption">${service ? formatNumber(service.consumption, locale) : nothing}</td>
            </tr>
          `,
        )}
      </tbody>
    `;
  }

  /** "Показать все …" while the table shows the recent rows (`expanded` false), else "Показать последние …". */
  private renderToggle(part: string, expanded: boolean, table: string, onClick: () => void, showRecent: string, showAll: string): TemplateResult {
    return html`<button part="button ${part}" type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls=${table} @click=${onClick}>
      ${expanded ? showRecent : showAll}
    </button>`;
  }

  /** A balance: below zero the abonent paid ahead, and it says so in words, not only with a minus. */
  private balance(kopecks: number): TemplateResult {
    return kopecks < 0
      ? html`${this.renderMoney(kopecks)} <span part="overpayment">${this.t.overpayment}</span>`
      : this.renderMoney(kopecks);
  }

  private readonly onToggle = (): void => {
    this.showAll = !this.showAll;
    const t = this.t;
    this.shown = this.showAll ? t.shownAll(this.#history.value?.months.length ?? 0) : t.shownRecent(RECENT_MONTHS);
  };

  private readonly onToggleReadings = (): void => {
    this.showAllReadings = !this.showAllReadings;
    const t = this.t;
    this.readingsShown = this.showAllReadings ? t.shownAllReadings(this.#readings.value?.length ?? 0) : t.shownRecentReadings(RECENT_READINGS);
  };
}

/** The chart axis's label of a month: "май", "июн.". Read in UTC, so no time zone moves it into the month before. */
const monthShort = (month: string, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

declare global {
  interface HTMLElementTagNameMap {
    'lk-account-history': LkAccountHistoryElement;
  }
}

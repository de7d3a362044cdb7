import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { isApiError } from '../../api/errors.js';
import { submitReadings } from '../../api/readings.js';
import { LkReadingsSubmittedEvent } from '../../events/readings-submitted.js';
import { formatNumber } from '../../i18n/format.js';
import type { Account } from '../../schemas/account.js';
import type { AcceptedReading, ReadingInput } from '../../schemas/reading.js';
import { LkAccountElement } from '../base/account-element.js';
import type { AccountStatus } from '../base/account-element.js';
import { SubmitController } from '../base/submit.js';
import { MeterReadingFields, meterReadingsStyles } from '../base/meter-readings.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { readingsFormMessages } from './readings-form.messages.js';
import type { ReadingsFormMessages } from './readings-form.messages.js';
import { readingsFormStyles } from './readings-form.styles.js';

/** Readings the backend accepted, with the meters' names as they were then, for the status line. */
interface Accepted {
  accountId: string;
  readings: readonly { name: string; value: number; consumption: number }[];
}

/**
 * @summary "Передача показаний": the new meter readings of an account, checked, with their volume and estimated charge.
 *
 * For each meter of the account (the session's current one, or the one of
 * `account-id`): its name, the last reading and its date, and a field for
 * the new one — whole digits, no more than the dial has, no lower than the
 * last unless the user ticks "Счетчик прошел через ноль", which appears once
 * the typed value is below the last (docs/promises.md#20). Live under each
 * field: the volume since the last reading (м³) and the estimated charge at
 * the account's tariff. A meter left empty is not sent; at least one is.
 *
 * "Передать показания" checks everything first: a mistake shows an error
 * summary that takes focus and links to the field, the field's own message
 * (`aria-invalid`, `aria-describedby`), and sends nothing. The backend's
 * refusal (422, say another session moved the last reading) goes back to
 * the meter's field, and the account is reloaded so the new last reading
 * shows. A fault ends in an alert whose "Повторить" sends the same readings
 * again. Nothing typed is lost on any error. On success a status line lists
 * the accepted readings, the account is updated for every element of the
 * session (the new last reading shows in `<lk-account-summary>` too), the
 * fields empty and `lk-readings-submitted` fires. A double click, or Enter
 * and a click, makes one request.
 *
 * Without a session it says to log in; with no account connected it says
 * "Нет подключенных ЛС" and offers "Подключить ЛС".
 *
 * @fires {LkReadingsSubmittedEvent} lk-readings-submitted - the backend accepted the readings; `detail.account` (as it is now) and `detail.readings`.
 * @fires {LkNavigateEvent} lk-navigate - "Подключить ЛС" (`connect`) or, logged out, "Войти в Личный кабинет" (`login`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user (the accounts failed to load, or the readings could not be sent); `detail.error`.
 *
 * @csspart readings - the whole section.
 * @csspart title - the heading "Передача показаний".
 * @csspart intro - the line under it.
 * @csspart form - the `<form>`.
 * @csspart account - the account the readings are for.
 * @csspart meter-readings - the `<fieldset>` of the meters, with its `meter-readings-legend`.
 * @csspart meter - one meter's group: `meter-name`, `meter-last`, its `field`, `rollover`, `meter-estimate`.
 * @csspart meter-name - the meter's name.
 * @csspart meter-last - its last reading and the date of it.
 * @csspart field - the new reading's label, error and input (`field-invalid` when invalid).
 * @csspart label - the new reading's label.
 * @csspart input - the new reading's input (also `input-reading`).
 * @csspart field-error - a field's inline error.
 * @csspart rollover - the row of the checkbox "Счетчик прошел через ноль": `rollover-input` and `rollover-label`.
 * @csspart meter-estimate - live: the volume since the last reading and its estimated charge, or that the value is below the last.
 * @csspart visually-hidden - words for screen readers only (the meter's name in its label).
 * @csspart submit - "Передать показания" (also `button`).
 * @csspart error-summary - the list of mistakes after a refused submit: `error-summary-title`, `error-summary-list`, `error-summary-item`, `error-summary-link`.
 * @csspart fault - a server, network or timeout failure: `fault-message` and `retry` (also `button`).
 * @csspart status - loading, sending, and the accepted readings (also `status-accepted`), announced politely.
 * @csspart empty - "Нет подключенных ЛС" (also `no-account`), an account of `account-id` not connected (also `not-connected`), or an account with no meters.
 * @csspart links - "Подключить ЛС" (`link link-connect`) or, logged out, `link-login`.
 * @csspart logged-out - what it shows without a session: `logged-out-message` and `links`.
 *
 * @cssprop [--lk-color-primary=#0b5cad] - the button, links and the checkbox.
 * @cssprop [--lk-color-border=#6b7785] - the inputs' and the meters' borders.
 * @cssprop [--lk-color-muted=#4a5561] - the last reading, the estimate and the status line.
 * @cssprop [--lk-color-danger=#b3261e] - errors and faults.
 * @cssprop [--lk-color-success=#1e6b34] - the accepted readings.
 * @cssprop [--lk-radius=0.375rem] - corner radius of inputs, buttons and meters.
 * @cssprop [--lk-space=1rem] - the gap between blocks.
 * @cssprop [--lk-readings-form-max-width=32rem] - the section's widest.
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 */
export class LkReadingsFormElement extends LkAccountElement<ReadingsFormMessages> {
  static override styles = [baseStyles, formStyles, meterReadingsStyles, readingsFormStyles];
  protected readonly sectionPart = 'readings';

  @state() private accepted: Accepted | undefined;

  readonly #readings = new MeterReadingFields(this, {
    messages: () => this.t,
    id: this.idFor,
    locale: () => this.localize.locale,
  });

  /** The account whose meters the messages are about: the fields are its meters, by id. */
  #checked: Account | undefined;
  readonly #submit = new SubmitController<string>(this, {
    fields: () => this.#checked?.meters.map((meter) => meter.id) ?? [],
    fieldId: (meterId) => this.#readings.inputId(meterId),
    summaryLine: (meterId, message) => `${this.#checked!.meters.find((meter) => meter.id === meterId)!.name}: ${message}`,
    ids: this.idFor,
    messages: () => this.t,
    clock: () => this.env.clock,
    needsSession: true,
  });

  constructor() {
    super(readingsFormMessages);
  }

  protected override renderBeforeGate(): TemplateResult {
    return html`<p part="intro">${this.t.intro}</p>`;
  }

  protected override statusLine(account: Account | undefined, waiting: boolean): AccountStatus {
    return {
      part: this.shownAccepted(account) && !this.#submit.busy ? 'status status-accepted' : 'status',
      busy: waiting,
      text: this.statusText(account, waiting),
    };
  }

  protected override renderBody(account: Account): TemplateResult {
    const t = this.t;
    if (account.meters.length === 0) {
      return html`<p part="account">${t.account(account.number)}</p>
        <p part="empty">${t.noMeters}</p>`;
    }
    return html`
      <form part="form" novalidate aria-labelledby=${this.idFor('title')} @submit=${this.onSubmit}>
        <p part="account">${t.account(account.number)}</p>
        ${this.#submit.renderSummary()} ${this.#submit.renderFault()}
        ${this.#readings.render(account, this.#submit.fieldErrors)}
        <button part="button submit" type="submit" aria-disabled=${this.#submit.busy ? 'true' : 'false'}>${t.submit}</button>
      </form>
    `;
  }

  private statusText(account: Account | undefined, waiting: boolean): string {
    const t = this.t;
    if (this.#submit.busy) return t.submitting;
    if (waiting) return t.loadingAccount;
    const accepted = this.shownAccepted(account);
    if (accepted) {
      const locale = this.localize.locale;
      return t.accepted(
        accepted.readings.map(({ name, value, consumption }) => t.acceptedReading(name, value, formatNumber(consumption, locale))).join('; '),
      );
    }
    return '';
  }

  /** The readings accepted last, while their account is the one shown. */
  private shownAccepted(account: Account | undefined): Accepted | undefined {
    return this.accepted && this.accepted.accountId === account?.id ? this.accepted : undefined;
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    const account = this.shownAccount();
    if (!account) return event.preventDefault();
    this.#checked = account;
    const values = await this.#submit.begin(event, this.#readings.fields(account), { start: () => (this.accepted = undefined) });
    if (values) void this.send(account, this.#readings.readingsOf(account, values));
  };

  /** Sends `readings` for `account`; a fault's "Повторить" sends the very same ones again. */
  private async send(account: Account, readings: ReadingInput[]): Promise<void> {
    this.#checked = account;
    this.#submit.setFieldErrors({});
    await this.#submit.run(
      'submit',
      async (signal) => {
        const answer = await submitReadings(this.env.client, account.id, { readings }, { signal });
        this.env.accounts.update(answer.account);
        this.#readings.clear();
        this.accepted = { accountId: answer.account.id, readings: this.describe(answer.account, answer.readings) };
        this.dispatchEvent(new LkReadingsSubmittedEvent(answer.account, answer.readings));
      },
      (error) => {
        this.#submit.fail(error, {
          fields: ({ status, fieldErrors }) => {
            if (status !== 422) return undefined;
            // A refusal about no reading (the rule of at least one, say) is said as such.
            const errors = this.#submit.refusal(fieldErrors)?.errors ?? {};
            return { errors, notes: Object.keys(errors).length === 0 ? [this.t.refused] : [] };
          },
          retry: () => this.send(account, readings),
        });
        // The backend knows a newer last reading than the one shown (another session sent it): show it.
        if (isApiError(error) && error.status === 422) void this.env.accounts.reload();
      },
    );
  }

  private describe(account: Account, readings: readonly AcceptedReading[]): Accepted['readings'] {
    return readings.map(({ meterId, value, consumption }) => ({
      name: account.meters.find((meter) => meter.id === meterId)?.name ?? meterId,
      value,
      consumption,
    }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-readings-form': LkReadingsFormElement;
  }
}

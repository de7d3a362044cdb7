import { css, html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import * as v from 'valibot';
import { formatDay, formatMoney, formatNumber, plural } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import type { Account, Meter } from '../../schemas/account.js';
import { issueCode } from '../../schemas/issues.js';
import { consumptionOf, readingSchema } from '../../schemas/reading.js';
import type { ReadingInput, ReadingIssueCode } from '../../schemas/reading.js';
import { invalid } from './form-parts.js';
import type { SyncFieldRule } from './field-table.js';

/** What a reading message may say about its meter: the dial's digits and, when it is known to be current, the last reading. */
export interface ReadingRule {
  digits: number;
  /** `null` where the last reading is unknown or may have moved (a backend refusal). */
  lastReading: number | null;
}

const digitsRu = (n: number) => `${n} ${plural(n, 'ru', { one: 'цифра', few: 'цифры', many: 'цифр', other: 'цифры' })}`;
const digitsRuGenitive = (n: number) => `${n} ${plural(n, 'ru', { one: 'цифры', other: 'цифр' })}`;

/**
 * The words of the meter-reading fields, Russian ("Приборы учета",
 * "Последние показания" as the seed's table; "передачу показаний" of its
 * welcome). An element spreads them into its catalogue; the English ones are
 * `meterReadingsEn` (readings-form/meter-readings.messages.en.ts).
 */
export const meterReadingsRu = {
  readingsLegend: 'Приборы учета',
  /** "Последние показания: 27927 от 25.05.2015". */
  lastReading: (value: number, date: string | null) => `Последние показания: ${value}${date ? ` от ${date}` : ''}`,
  noLastReading: 'Последние показания: нет показаний',
  newReading: 'Новые показания',
  rollover: 'Счетчик прошел через ноль',
  /** Live, under the field: what was typed is below the last reading. */
  belowLastHint: 'Это меньше последних показаний. Если счетчик прошел через ноль, отметьте это.',
  /** Live, under the field: the volume since the last reading and its estimated charge at the tariff. */
  estimate: (volume: string, money: string, tariff: string) =>
    `Объем с последних показаний: ${volume} м³, к начислению примерно ${money} (по тарифу ${tariff} за м³).`,
  /** No field is filled at submit. */
  readingsRequired: 'Введите показания хотя бы одного счетчика.',
  /** How to fix a reading, by the code of the client's check or the backend's. */
  readingIssue: (code: ReadingIssueCode | string, rule: ReadingRule): string => {
    switch (code) {
      case 'reading_required':
        return 'Введите показания счетчика или снимите отметку «Счетчик прошел через ноль».';
      case 'reading_fullwidth':
        return 'Введите показания обычными цифрами от 0 до 9, не широкими (как «２７»).';
      case 'reading_format':
        return 'Введите показания целым числом: только цифры от 0 до 9, без букв, пробелов, запятых, точек и знака минус.';
      case 'reading_too_many_digits':
        return `На счетчике ${digitsRu(rule.digits)}: введите не больше ${digitsRuGenitive(rule.digits)}.`;
      case 'reading_below_last':
        return rule.lastReading === null
          ? 'Показания меньше последних принятых. Проверьте их; если счетчик прошел через ноль, отметьте это.'
          : `Показания не могут быть меньше последних (${rule.lastReading}). Если счетчик прошел через ноль, отметьте это.`;
      case 'reading_rollover_not_below':
        return rule.lastReading === null
          ? 'Показания не меньше последних, значит счетчик не проходил через ноль: снимите отметку «Счетчик прошел через ноль».'
          : `Показания не меньше последних (${rule.lastReading}), значит счетчик не проходил через ноль: снимите отметку «Счетчик прошел через ноль».`;
      default:
        return 'Показания не приняты. Проверьте их и передайте ещё раз.';
    }
  },
};

export type MeterReadingsMessages = typeof meterReadingsRu;

/** What {@link MeterReadingFields} needs from its element. */
export interface MeterReadingsOptions {
  /** The element's strings in its locale (its `this.t`). */
  messages: () => MeterReadingsMessages;
  /** The element's id of a part, unique to the instance. */
  id: (name: string) => string;
  /** The element's locale, for money, dates and numbers. */
  locale: () => Locale;
}

/** What the user typed for one meter. */
interface Typed {
  value: string;
  rollover: boolean;
}

/**
 * The meter-reading fields, shared by `<lk-readings-form>` and
 * `<lk-pay-now>` (pay with readings): for each meter of the account its
 * name, last reading and its date, the new-reading input, and a rollover
 * checkbox that appears once the typed value is below the last reading (or
 * while it is ticked, so it can be unticked); live under the field, the
 * volume since the last reading (м³) and the estimated charge at the
 * account's tariff (docs/promises.md#20).
 *
 * The input has no `maxlength`: a paste that runs over the dial's digits is
 * shown with its error, never silently cut (docs/promises.md#3, #22).
 *
 * What the user typed is kept per account and meter across re-renders,
 * faults and account reloads; only {@link clear} empties it.
 *
 * Parts it renders: `meter-readings` (the `<fieldset>`), `meter-readings-legend`,
 * `meter` (each meter's group), `meter-name`, `meter-last`, `field`
 * (`field-invalid`), `label`, `field-error`, `input` (`input-reading`),
 * `rollover` (the checkbox row: `rollover-input`, `rollover-label`),
 * `meter-estimate` and `visually-hidden`.
 *
 * @example
 * ```ts
 * readonly #readings = new MeterReadingFields(this, {
 *   messages: () => this.t,
 *   id: this.idFor,
 *   locale: () => this.localize.locale,
 * });
 * // render(): ${this.#readings.render(account, this.#submit.fieldErrors)}
 * // submit:   const values = await this.#submit.begin(event, this.#readings.fields(account));
 * //           const readings = values && this.#readings.readingsOf(account, values);
 * ```
 */
export class MeterReadingFields {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: MeterReadingsOptions;
  /** By `accountId|meterId`: meters of two accounts never share what was typed. */
  readonly #typed = new Map<string, Typed>();

  constructor(host: ReactiveControllerHost & HTMLElement, options: MeterReadingsOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The id of a meter's input, for the error summary's links and focus. */
  inputId(meterId: string): string {
    // A meter id is the backend's: keep only what an id and a URL fragment take as is.
    return this.#options.id(`reading-${meterId.replace(/[^A-Za-z0-9_-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`);
  }

  /** Empties every field (after an accepted submit). */
  clear(): void {
    this.#typed.clear();
    this.#host.requestUpdate();
  }

  /**
   * The rows of the form's field table (`FieldTable`, base/submit.ts) for the
   * meters of `account`, keyed by meter id, each checked by readingSchema and
   * giving the reading to send (see {@link readingsOf}). A blank meter has no
   * row: blank is "not this meter", but a ticked rollover with nothing typed is
   * a half-made reading. With no row at all, one under the first meter
   * refuses the submit, as at least one reading is needed. The backend names
   * a reading by its place in the request: `readings.<i>.value` (also
   * `.rollover`, `.meterId`).
   */
  fields(account: Account): Record<string, SyncFieldRule<ReadingInput>> {
    const t = this.#options.messages();
    const rows: Record<string, SyncFieldRule<ReadingInput>> = {};
    let index = 0;
    for (const meter of account.meters) {
      const { value, rollover } = this.#get(account, meter);
      if (value.trim() === '' && !rollover) continue;
      rows[meter.id] = this.#row(meter, value, rollover, index++);
    }
    const first = account.meters[0];
    if (index === 0 && first) rows[first.id] = { value: () => undefined, schema: v.never(), message: () => t.readingsRequired };
    return rows;
  }

  /**
   * The rows of readings a request already carries, for reading the
   * backend's refusal of it when it was not checked here (a payment sent on
   * an earlier visit): the pointers count the readings as the request did.
   */
  sentFields(account: Account, readings: readonly ReadingInput[]): Record<string, SyncFieldRule<ReadingInput>> {
    const rows: Record<string, SyncFieldRule<ReadingInput>> = {};
    readings.forEach((reading, index) => {
      const meter = account.meters.find((candidate) => candidate.id === reading.meterId);
      if (meter) rows[meter.id] = this.#row(meter, String(reading.value), reading.rollover ?? false, index);
    });
    return rows;
  }

  /** One meter's row, its reading the `index`-th of the request. */
  #row(meter: Meter, value: string, rollover: boolean, index: number): SyncFieldRule<ReadingInput> {
    const t = this.#options.messages();
    const at = `readings.${index}`;
    return {
      value: () => value,
      schema: v.pipe(
        readingSchema(meter, rollover),
        v.transform((reading): ReadingInput => ({ meterId: meter.id, value: reading, ...(rollover ? { rollover: true } : {}) })),
      ),
      // The last reading we know is the one the backend just refused to go below: it has moved, so no number is quoted.
      message: (code, refused) => t.readingIssue(code, refused ? { digits: meter.digits, lastReading: null } : meter),
      pointer: [`${at}.value`, `${at}.rollover`, `${at}.meterId`],
    };
  }

  /** The readings to send, from the checked values of {@link fields}: in the meters' order, as the pointers count them. */
  readingsOf(account: Account, values: Readonly<Record<string, unknown>>): ReadingInput[] {
    return account.meters.flatMap((meter) => (values[meter.id] ? [values[meter.id] as ReadingInput] : []));
  }

  /** Total estimated charge of what is typed now, kopecks, or `null` when nothing valid is typed. */
  estimate(account: Account): number | null {
    let total: number | null = null;
    for (const meter of account.meters) {
      const volume = this.#volume(account, meter);
      if (volume !== null) total = (total ?? 0) + volume * account.tariff;
    }
    return total;
  }

  /** One group per meter in a fieldset; `errors` are by meter id, as the rows of {@link fields} are. */
  render(account: Account, errors: Readonly<Partial<Record<string, string>>>): TemplateResult {
    const t = this.#options.messages();
    return html`
      <fieldset part="meter-readings">
        <legend part="meter-readings-legend">${t.readingsLegend}</legend>
        ${account.meters.map((meter) => this.#renderMeter(account, meter, errors[meter.id]))}
      </fieldset>
    `;
  }

  #renderMeter(account: Account, meter: Meter, error: string | undefined): TemplateResult {
    const t = this.#options.messages();
    const locale = this.#options.locale();
    const inputId = this.inputId(meter.id);
    const nameId = `${inputId}-name`;
    const lastId = `${inputId}-last`;
    const estimateId = `${inputId}-estimate`;
    const errorId = `${inputId}-error`;
    const { value, rollover } = this.#get(account, meter);
    const note = this.#note(account, meter);
    const describedBy = [error ? errorId : '', lastId, note ? estimateId : ''].filter(Boolean).join(' ');
    return html`
      <div part="meter" role="group" aria-labelledby=${nameId}>
        <p part="meter-name" id=${nameId}>${meter.name}</p>
        <p part="meter-last" id=${lastId}>
          ${meter.lastReading === null
            ? t.noLastReading
            : t.lastReading(meter.lastReading, meter.lastReadingDate ? formatDay(meter.lastReadingDate, locale) : null)}
        </p>
        <div part="field${error ? ' field-invalid' : ''}">
          <label part="label" for=${inputId}>${t.newReading}<span part="visually-hidden"> (${meter.name})</span></label>
          ${error ? html`<p part="field-error" id=${errorId}>${error}</p>` : nothing}
          <input
            part="input input-reading"
            id=${inputId}
            name="reading-${meter.id}"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            aria-invalid=${invalid(error)}
            aria-describedby=${describedBy}
            .value=${live(value)}
            @input=${(event: InputEvent) => this.#set(account, meter, { value: (event.target as HTMLInputElement).value })}
          />
        </div>
        ${this.#showsRollover(account, meter)
          ? html`<div part="rollover">
              <input
                part="rollover-input"
                id="${inputId}-rollover"
                type="checkbox"
                .checked=${live(rollover)}
                @change=${(event: Event) => this.#set(account, meter, { rollover: (event.target as HTMLInputElement).checked })}
              />
              <label part="rollover-label" for="${inputId}-rollover">${t.rollover}</label>
            </div>`
          : nothing}
        <p part="meter-estimate" id=${estimateId}>${note}</p>
      </div>
    `;
  }

  /** The live line under a field: the volume and charge, or that the value is below the last reading. */
  #note(account: Account, meter: Meter): string {
    const t = this.#options.messages();
    const locale = this.#options.locale();
    if (!this.#get(account, meter).rollover && this.#belowLast(account, meter)) return t.belowLastHint;
    const volume = this.#volume(account, meter);
    if (volume === null) return '';
    return t.estimate(
      formatNumber(volume, locale),
      formatMoney(volume * account.tariff, locale),
      formatMoney(account.tariff, locale),
    );
  }

  /** The m³ since the last reading of what is typed, or `null` when nothing valid is (or there is no last reading). */
  #volume(account: Account, meter: Meter): number | null {
    const { value, rollover } = this.#get(account, meter);
    if (meter.lastReading === null) return null;
    const checked = v.safeParse(readingSchema(meter, rollover), value);
    return checked.success ? consumptionOf(checked.output, meter, rollover) : null;
  }

  /** The checkbox shows once the value is below the last reading, and stays while ticked, so it can be unticked. */
  #showsRollover(account: Account, meter: Meter): boolean {
    return this.#get(account, meter).rollover || this.#belowLast(account, meter);
  }

  /** Whether what is typed is below the last reading, by the rule without a rollover. */
  #belowLast(account: Account, meter: Meter): boolean {
    return issueCode(v.safeParse(readingSchema(meter), this.#get(account, meter).value)) === 'reading_below_last';
  }

  #get(account: Account, meter: Meter): Typed {
    return this.#typed.get(`${account.id}|${meter.id}`) ?? { value: '', rollover: false };
  }

  #set(account: Account, meter: Meter, change: Partial<Typed>): void {
    this.#typed.set(`${account.id}|${meter.id}`, { ...this.#get(account, meter), ...change });
    this.#host.requestUpdate();
  }
}

/** The look of the meter fields: each meter a block, the checkbox a 24 px target. */
export const meterReadingsStyles = css`
  :scope [part~='meter-readings'] {
    display: grid;
    gap: var(--lk-space, 1rem);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  :scope [part~='meter-readings-legend'] {
    margin: 0 0 0.5rem;
    padding: 0;
    font-weight: 700;
  }
  :scope [part~='meter'] {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--lk-color-border, #6b7785);
    border-radius: var(--lk-radius, 0.375rem);
  }
  :scope [part~='meter-name'] {
    margin: 0;
    font-weight: 600;
  }
  :scope [part~='meter-last'],
  :scope [part~='meter-estimate'] {
    margin: 0;
    color: var(--lk-color-muted, #4a5561);
  }
  :scope [part~='meter-estimate']:empty {
    display: none;
  }
  :scope [part~='rollover'] {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  :scope [part~='rollover-input'] {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--lk-color-primary, #0b5cad);
  }
  :scope [part~='rollover-input']:focus-visible {
    outline: 3px solid var(--lk-color-focus, #1d2733);
    outline-offset: 2px;
  }
  :scope [part~='rollover-label'] {
    min-height: 1.5rem;
  }
`;

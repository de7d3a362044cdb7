import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { nothing } from 'lit';
import * as v from 'valibot';
import { issueCode } from '../../schemas/issues.js';
import type { CommonMessages } from '../../i18n/common.ru.js';
import { errorSummary } from './form-parts.js';
import type { SummaryItem } from './form-parts.js';

/** The message of each invalid field. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * One field of a form: the value as typed, the schema that checks it before
 * sending (an issue's `message` is its code, as every schema of the SDK
 * words it), and the words for a code, the schema's or the backend's.
 */
export interface FieldRule<Output = unknown> {
  value: () => unknown;
  schema: v.GenericSchema<any, Output> | v.GenericSchemaAsync<any, Output>;
  /** `refused` is set for the backend's code: the backend may know newer facts than the form shows, and the words may need to say less. */
  message: (code: string, refused?: boolean) => string;
  /** The field's names in the backend's `fieldErrors` (the request's property), when they are not the form's name for it. */
  pointer?: string | readonly string[];
}

/** A field whose schema is synchronous: a table of them can be checked at once ({@link FieldTableController.checkNow}). */
export type SyncFieldRule<Output = unknown> = FieldRule<Output> & { schema: v.GenericSchema<any, Output> };

/** A form's fields, in the order the error summary lists them. */
export type FieldTable<F extends string> = { readonly [K in F]: FieldRule };

/** The values of a table's fields as the schemas give them: what the form sends. */
export type FieldValues<T> = { [K in keyof T]: T[K] extends FieldRule<infer O> ? O : never };

/** What the backend's refusal says of the fields: their messages, and summary lines that belong to no field. */
export interface FieldRefusal<F extends string> {
  errors: FieldErrors<F>;
  notes?: readonly string[];
}

/** What the field table needs to know of its form. */
export interface FieldTableOptions<F extends string> {
  /** The fields in the order the summary lists them (default: the order of the table last checked). */
  fields?: () => readonly F[];
  /** The element's ids of its parts (`idFor`): a field's control is `ids(field)`, the error summary `ids('summary')`. */
  ids: (name: string) => string;
  /** The id of a field's control when it is not `ids(field)`: the summary's link leads there. */
  fieldId?: (field: F) => string;
  /** The line of the summary for a field's message (default: the message). */
  summaryLine?: (field: F, message: string) => string;
  messages: () => CommonMessages;
}

/**
 * A form's fields as one table (see {@link FieldRule}): each field's message,
 * the error summary that lists them and takes the focus after rendering, and
 * the backend's field codes read against the table last checked. The request
 * itself is not its business: `SubmitController` (base/submit.ts) adds the
 * submit lifecycle, and a form whose request is run by something else (the
 * payment's flow) uses this part alone.
 */
export class FieldTableController<F extends string> {
  /** The table of the last check: the backend's field codes are read against it. */
  #table: Partial<FieldTable<F>> = {};
  #fieldErrors: FieldErrors<F> = {};
  #summary: readonly SummaryItem[] = [];

  constructor(
    protected readonly host: ReactiveControllerHost & HTMLElement,
    protected readonly options: FieldTableOptions<F>,
  ) {}

  get fieldErrors(): FieldErrors<F> {
    return this.#fieldErrors;
  }

  get summary(): readonly SummaryItem[] {
    return this.#summary;
  }

  set summary(summary: readonly SummaryItem[]) {
    this.#summary = summary;
    this.host.requestUpdate();
  }

  /** The fields' messages, and the summary that lists them in the form's order, then `notes`. */
  setFieldErrors(errors: FieldErrors<F>, notes: readonly string[] = []): void {
    const { fields = () => Object.keys(this.#table) as F[], ids, fieldId = ids, summaryLine = (_field: F, message: string) => message } = this.options;
    this.#fieldErrors = errors;
    this.summary = [
      ...fields()
        .filter((name) => errors[name])
        .map((name) => ({ message: summaryLine(name, errors[name]!), fieldId: fieldId(name) })),
      ...notes.map((message) => ({ message })),
    ];
  }

  /** Puts the focus on the error summary once it is rendered, so screen readers read it out. */
  async showSummary(): Promise<void> {
    await this.host.updateComplete;
    this.host.querySelector<HTMLElement>(`#${this.options.ids('summary')}`)?.focus();
  }

  /**
   * Checks each field of a table whose schemas are all synchronous, at once
   * (the form goes on in the same task): the values, or `undefined` with each
   * wrong field's message set and the summary focused.
   */
  checkNow<T extends { readonly [K in F]?: SyncFieldRule }>(table: T): FieldValues<T> | undefined {
    const rows = Object.entries(table) as [string, SyncFieldRule][];
    const results = rows.map(([name, rule]) => [name, v.safeParse(rule.schema, rule.value(), { abortPipeEarly: true })] as const);
    const values = this.settle(table, results);
    if (!values) void this.showSummary();
    return values;
  }

  /**
   * Makes `table` the one the backend's codes are read against, and sets the
   * message of each field whose check (in `results`) failed, then `notes`,
   * which refuse too: the values, or `undefined`.
   */
  protected settle<T extends Partial<FieldTable<F>>>(
    table: T,
    results: readonly (readonly [string, v.SafeParseResult<v.GenericSchema>])[],
    notes: readonly string[] = [],
  ): FieldValues<T> | undefined {
    this.#table = table;
    const errors: FieldErrors<F> = {};
    const values: Record<string, unknown> = {};
    for (const [name, result] of results) {
      if (result.success) values[name] = result.output;
      else errors[name as F] = table[name as F]!.message(issueCode(result));
    }
    this.setFieldErrors(errors, notes);
    return Object.keys(errors).length === 0 && notes.length === 0 ? (values as FieldValues<T>) : undefined;
  }

  /** The backend's field codes on the fields of the last table; a code about none of them as "check the fields". */
  refusal(fieldErrors: Readonly<Record<string, readonly string[]>>, table?: Partial<FieldTable<F>>): FieldRefusal<F> | undefined {
    // A request checked elsewhere (a payment sent on an earlier visit) brings the table it was made of.
    if (table) this.#table = table;
    const unplaced = new Set(Object.keys(fieldErrors));
    if (unplaced.size === 0) return undefined;
    const errors: FieldErrors<F> = {};
    for (const [name, rule] of Object.entries(this.#table) as [F, FieldRule][]) {
      for (const pointer of [rule.pointer ?? name].flat()) {
        const code = fieldErrors[pointer]?.[0];
        if (code === undefined) continue;
        errors[name] ??= rule.message(code, true);
        unplaced.delete(pointer);
      }
    }
    return { errors, notes: unplaced.size > 0 ? [this.options.messages().checkField] : [] };
  }

  /** The error summary, when there is one. */
  renderSummary(): TemplateResult | typeof nothing {
    return errorSummary(this.options.ids('summary'), this.options.messages().errorSummaryTitle, this.#summary);
  }
}

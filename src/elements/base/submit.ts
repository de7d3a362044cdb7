import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { nothing } from 'lit';
import * as v from 'valibot';
import { isAbortError, isApiError } from '../../api/errors.js';
import type { ApiError } from '../../api/errors.js';
import type { Clock } from '../../context/clock.js';
import { LkErrorEvent } from '../../events/error.js';
import { faultMessage } from './failure.js';
import { FieldTableController } from './field-table.js';
import type { FieldRefusal, FieldRule, FieldTable, FieldTableOptions, FieldValues } from './field-table.js';
import { faultAlert } from './form-parts.js';

export type { FieldErrors, FieldRefusal, FieldRule, FieldTable, FieldValues } from './field-table.js';

/** How one form reads a failure that is not a fault; what it leaves out falls through to the fault. */
export interface FailurePolicy<F extends string> {
  /** The form's words for a 429, given the wait in words (default: the common "too many requests"). */
  tooMany?: (wait: string) => string;
  /** A 429 also refuses this form's submits until the wait is over (see {@link SubmitController.heldOff}). */
  holdOff?: boolean;
  /**
   * The backend's refusal on the form's fields, or `undefined` when it is
   * about none of them. By default the codes of `fieldErrors` go to the
   * fields of the table last checked ({@link SubmitController.begin}), and a
   * code about no field adds "check the fields" to the summary.
   */
  fields?: (error: ApiError) => FieldRefusal<F> | undefined;
  /** "Повторить" of the fault: the same request again. */
  retry: () => Promise<void> | void;
}

/** What the controller needs to know of its form: its field table's options, and more. */
export interface SubmitOptions<F extends string> extends FieldTableOptions<F> {
  clock: () => Clock;
  /**
   * The form needs a session: a 401 means it has ended, the session logs
   * itself out and the element shows its logged-out state, so the failure
   * says nothing more (what was typed stays).
   */
  needsSession?: boolean;
}

/**
 * The submit lifecycle every form shares: busy while a request is on its
 * way (one request however often the form is sent), the request aborted
 * when the element leaves the page, the fields' messages with the error
 * summary that takes the focus after rendering (its field table part,
 * {@link FieldTableController}), the wait the backend asked
 * for after a 429, and one failure policy: a 401 of a session-bound form ends
 * quietly (the session expires), a 429 says the wait, the backend's field
 * codes go to the fields, anything else is a fault with "Повторить" that is
 * also reported as `lk-error`. The form keeps its fields, its request and
 * what a success does.
 *
 * `B` names what the form is busy with, for its status line.
 */
export class SubmitController<F extends string, B extends string = 'submit'> extends FieldTableController<F> implements ReactiveController {
  #busy: B | 'checking' | undefined;
  #fault: { message: string; retry: () => void } | undefined;
  /** Until when (clock time, ms) the backend asked us to wait. */
  #blockedUntil = 0;
  #abort: AbortController | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    protected override readonly options: SubmitOptions<F>,
  ) {
    super(host, options);
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** What the form is busy with, if anything (`checking` its fields): a submit finds it set and does nothing. */
  get busy(): B | 'checking' | undefined {
    return this.#busy;
  }

  set busy(busy: B | 'checking' | undefined) {
    this.#busy = busy;
    this.host.requestUpdate();
  }

  get fault(): { message: string; retry: () => void } | undefined {
    return this.#fault;
  }

  /** Clears the fault (a new attempt starts). */
  clearFault(): void {
    this.#fault = undefined;
    this.host.requestUpdate();
  }

  /** No messages, no summary, no fault: the form as it was. */
  reset(): void {
    this.setFieldErrors({});
    this.clearFault();
  }

  /** A summary of one line about no field (the wait, the anti-robot check), focused. */
  say(message: string, fieldId?: string): Promise<void> {
    this.summary = [fieldId ? { message, fieldId } : { message }];
    return this.showSummary();
  }

  /**
   * Whether the wait the backend asked for is not over; if so the summary
   * says how long is left, in `words`, and takes the focus.
   */
  heldOff(words: (wait: string) => string): boolean {
    const seconds = Math.ceil((this.#blockedUntil - this.options.clock().now()) / 1000);
    if (seconds <= 0) return false;
    void this.say(words(this.options.messages().waitFor(seconds)));
    return true;
  }

  /**
   * The start of every submit: the browser's own submit prevented, nothing
   * done while busy (a second click or Enter finds `busy` set before the
   * first await), `start` (the form masks its passwords, drops old news),
   * the fault cleared, then each field of `table` checked by its schema.
   * Resolves to the values to send; `undefined` after marking what is wrong
   * (the summary takes the focus) or while the wait after a 429 is not over
   * (with `holdOff`, see {@link heldOff}). Nothing typed is changed.
   */
  async begin<T extends Partial<FieldTable<F>>>(
    event: Event,
    table: T,
    {
      start,
      holdOff,
      notes,
    }: {
      start?: () => void;
      holdOff?: (wait: string) => string;
      /** Lines of the summary about no field that refuse the submit too (a page that left out a setting). */
      notes?: () => readonly string[];
    } = {},
  ): Promise<FieldValues<T> | undefined> {
    event.preventDefault();
    if (this.#busy) return undefined;
    this.busy = 'checking';
    start?.();
    this.clearFault();
    const values = await this.check(table, notes?.());
    this.busy = undefined;
    if (!values) {
      await this.showSummary();
      return undefined;
    }
    return holdOff && this.heldOff(holdOff) ? undefined : values;
  }

  /**
   * Checks each field of `table` by its schema: the values, or `undefined`
   * with each wrong field's message set (and `notes`, which refuse too).
   */
  async check<T extends Partial<FieldTable<F>>>(table: T, notes: readonly string[] = []): Promise<FieldValues<T> | undefined> {
    const results: (readonly [string, v.SafeParseResult<v.GenericSchema>])[] = [];
    for (const [name, rule] of Object.entries(table) as [F, FieldRule][]) {
      // The first issue is all a field shows: the later (and slower) checks of its pipe are skipped.
      results.push([name, await v.safeParseAsync(rule.schema, rule.value(), { abortPipeEarly: true })]);
    }
    return this.settle(table, results, notes);
  }

  /**
   * Sends one request: busy with `busy` until it ends, aborted if the element
   * leaves the page (then nothing is shown), `failed` called with any other
   * error. The form's messages are not touched: a form clears them when it
   * means to.
   */
  async run(busy: B, send: (signal: AbortSignal) => Promise<void>, failed: (error: unknown) => void): Promise<void> {
    this.busy = busy;
    this.clearFault();
    const abort = (this.#abort = new AbortController());
    try {
      await send(abort.signal);
    } catch (error) {
      if (isAbortError(error) || abort.signal.aborted) return;
      failed(error);
    } finally {
      this.busy = undefined;
    }
  }

  /** The failure policy (see the class): what the form's `policy` does not place becomes a fault. */
  fail(error: unknown, policy: FailurePolicy<F>): void {
    if (isApiError(error)) {
      if (this.options.needsSession && error.status === 401) return;
      if (error.status === 429) {
        const seconds = Math.max(1, error.retryAfter ?? 60);
        if (policy.holdOff) this.#blockedUntil = this.options.clock().now() + seconds * 1000;
        const words = policy.tooMany ?? this.options.messages().tooManyRequests;
        void this.say(words(this.options.messages().waitFor(seconds)));
        return;
      }
      const refusal = (policy.fields ?? ((refused) => this.refusal(refused.fieldErrors)))(error);
      if (refusal) {
        this.setFieldErrors(refusal.errors, refusal.notes);
        void this.showSummary();
        return;
      }
    }
    this.showFault(error, policy.retry);
  }

  /** A fault, with "Повторить" (`retry`, once the form is not busy), reported to the page as `lk-error`. */
  showFault(error: unknown, retry: () => Promise<void> | void): void {
    this.#fault = {
      message: faultMessage(error, this.options.messages()),
      retry: () => {
        if (this.#busy) return;
        this.clearFault();
        void retry();
      },
    };
    this.host.requestUpdate();
    this.host.dispatchEvent(new LkErrorEvent(error));
  }

  /** The fault's alert with "Повторить", when there is one. */
  renderFault(): TemplateResult | typeof nothing {
    return faultAlert(this.#fault?.message, this.options.messages().retry, () => this.#fault?.retry());
  }
}

import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import * as v from 'valibot';
import { fetchSuppliers } from '../../api/accounts.js';
import { isAbortError } from '../../api/errors.js';
import { LkAccountConnectedEvent } from '../../events/account-connected.js';
import type { ConnectAccountRequest } from '../../schemas/account.js';
import { accountNumberLength, accountNumberSchema, normalizeAccountNumber } from '../../schemas/supplier.js';
import type { Supplier } from '../../schemas/supplier.js';
import { heading, headingLevel } from '../base/heading.js';
import { LkElement } from '../base/lk-element.js';
import { sessionGate } from '../base/session-gate.js';
import { describedBy, field, invalid } from '../base/form-parts.js';
import { SubmitController } from '../base/submit.js';
import type { FieldTable } from '../base/submit.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { accountConnectMessages } from './account-connect.messages.js';
import type { AccountConnectMessages } from './account-connect.messages.js';
import { accountConnectStyles } from './account-connect.styles.js';
import { hrefProperty } from '../base/safe-href.js';

type Field = 'supplierId' | 'number';

/** The supplier catalogue: not asked for yet, on its way, here, or failed (a fault with a retry). */
type SuppliersState = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * @summary Connects a personal account (лицевой счет) to the cabinet: the supplier, then the number from the receipt.
 *
 * The seed's "Подключение лицевых счетов": "Поставщик" is a native
 * `<select>` of the backend's catalogue (names whole, as text), "Лицевой
 * счет" a text input with the numeric keyboard, and beside it a "?"
 * (`<lk-hint>`) that explains the chosen supplier's numbering, with its
 * example; the input is described by the hint's text.
 *
 * The number is checked on submit against the chosen supplier's rule (the
 * schema the backend uses too); nothing is sent while it is wrong, and each
 * problem gets its own message. Spaces, commas and dashes copied from a
 * receipt ("58 123-456,78") are dropped from what is sent, silently: the
 * field keeps what the user typed, so nothing changes under their caret.
 * The backend's answers land at the number: not found at this supplier,
 * already connected. After too many numbers not found (the backend limits
 * them per user) it says how long to wait, in words, and sends nothing
 * until then. Faults (server, timeout, network, an unreadable answer),
 * also of the supplier list, end in an alert with "Повторить".
 *
 * On success the account joins the session's list (`env.accounts`, so
 * `<lk-accounts>` shows it at once), `lk-account-connected` fires, the status
 * line says so, and the number field is cleared for the next one (the
 * supplier stays). Without a session it says to log in, with a link.
 *
 * @fires {LkAccountConnectedEvent} lk-account-connected - an account was connected; `detail.account`.
 * @fires {LkNavigateEvent} lk-navigate - "Войти в Личный кабинет" (`login`) while logged out; cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user; `detail.error`.
 *
 * @csspart form - the `<form>`.
 * @csspart title - the heading.
 * @csspart intro - the seed's "Уважаемый абонент!…" line.
 * @csspart field - each label + error + control group (`field-invalid` when invalid).
 * @csspart label - a field's label.
 * @csspart input - the supplier `<select>` (also `input-supplier`) and the number input (also `input-account`).
 * @csspart input-row - the number input with its "?".
 * @csspart hint - the "?", an `<lk-hint>` (its own parts: `trigger`, `bubble`).
 * @csspart field-error - a field's inline error.
 * @csspart submit - "Подключить ЛС".
 * @csspart error-summary - the list of errors after a failed submit: `error-summary-title`, then the `error-summary-list` of each `error-summary-item`, a link to its field (`error-summary-link`).
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - loading, connecting and success, announced politely.
 * @csspart logged-out - what it shows without a session: `logged-out-message`, then `links` with `link link-login`.
 *
 * @cssprop [--lk-color-primary=#0b5cad] - buttons and links.
 * @cssprop [--lk-color-danger=#b3261e] - errors.
 * @cssprop [--lk-color-border=#6b7785] - input borders.
 * @cssprop [--lk-radius=0.375rem] - corner radius of inputs and buttons.
 * @cssprop [--lk-space=1rem] - the gap between the form's rows.
 * @cssprop [--lk-form-max-width=26rem] - the form's widest.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 */
export class LkAccountConnectElement extends LkElement<AccountConnectMessages> {
  static override styles = [baseStyles, formStyles, accountConnectStyles];

  /** The level of the element's heading, 2 to 6 (default 2): one deeper than the heading of the section it sits in. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The id of the supplier to preselect (`mrg-pyatigorsk-dagestan`); the user can still choose another. */
  @property() supplier?: string;

  /** The address of the login page, for a real link when no navigator handles it. */
  @property(hrefProperty('login-href')) loginHref?: string;

  /** The chosen supplier's id; empty while "< не выбрана >". */
  @state() supplierId = '';
  /** The number as typed: kept as it is, also on errors; normalised only in what is sent. */
  @state() number = '';

  @state() private suppliers: readonly Supplier[] = [];
  @state() private suppliersState: SuppliersState = 'idle';
  /** The number just connected, for the status line (kept as data, so it follows a change of locale). */
  @state() private connectedNumber: string | undefined;

  #suppliersAbort: AbortController | undefined;
  readonly #submit = new SubmitController<Field>(this, {
    ids: this.idFor,
    fieldId: (name) => this.idFor(name === 'supplierId' ? 'supplier' : name),
    messages: () => this.t,
    clock: () => this.env.clock,
    needsSession: true,
  });

  constructor() {
    super(accountConnectMessages);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#suppliersAbort?.abort();
    // An aborted load asks again when the element comes back.
    if (this.suppliersState === 'loading') this.suppliersState = 'idle';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('supplier')) this.supplierId = this.supplier ?? '';
    // The catalogue needs no session, but only the form shows it: ask once the user is there. Not from
    // the update the reset in disconnectedCallback asks for: off the page, nobody would see the answer.
    if (this.isConnected && this.env.session.status === 'authenticated' && this.suppliersState === 'idle') void this.loadSuppliers();
  }

  protected override render(): TemplateResult {
    return sessionGate(this, this.env, this.t, this.loginHref) ?? this.renderForm();
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    const loading = this.suppliersState === 'loading' || this.suppliersState === 'idle';
    return html`
      <form part="form" novalidate aria-labelledby=${id('title')} @submit=${this.onSubmit}>
        ${heading(headingLevel(this.headingLevel), { id: id('title'), text: t.title })}
        <p part="intro">${t.intro}</p>
        ${this.#submit.renderSummary()} ${this.#submit.renderFault()}
        ${this.suppliersState === 'ready' ? this.renderFields() : nothing}
        <p part="status" role="status" aria-busy=${loading ? 'true' : nothing}>${this.statusText(loading)}</p>
      </form>
    `;
  }

  private renderFields(): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    const { supplierId: supplierError, number: numberError } = this.#submit.fieldErrors;
    const chosen = this.chosenSupplier;
    const hintId = id('number-hint');
    return html`
      ${field({
        id: id('supplier'),
        label: t.supplier,
        error: supplierError,
        control: html`<select
          part="input input-supplier"
          id=${id('supplier')}
          name="supplierId"
          required
          aria-invalid=${invalid(supplierError)}
          aria-describedby=${describedBy(id('supplier'), supplierError) ?? nothing}
          @change=${this.onSupplierChange}
        >
          <option value="" .selected=${!chosen}>${t.noSupplier}</option>
          ${this.suppliers.map(
            (supplier) => html`<option value=${supplier.id} .selected=${supplier.id === chosen?.id}>${supplier.name}</option>`,
          )}
        </select>`,
      })}
      ${field({
        id: id('number'),
        label: t.account,
        error: numberError,
        control: html`<div part="input-row">
          <input
            part="input input-account"
            id=${id('number')}
            name="number"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            required
            aria-invalid=${invalid(numberError)}
            aria-describedby=${describedBy(id('number'), numberError, hintId) ?? nothing}
            .value=${live(this.number)}
            @input=${(event: InputEvent) => (this.number = (event.target as HTMLInputElement).value)}
          />
          <lk-hint part="hint" text-id=${hintId} label=${t.account} .text=${this.hintText(chosen)} locale=${this.localize.locale}></lk-hint>
        </div>`,
      })}
      <button part="button submit" type="submit" aria-disabled=${this.#submit.busy ? 'true' : 'false'}>${t.submit}</button>
    `;
  }

  private statusText(loading: boolean): string {
    if (loading) return this.t.loadingSuppliers;
    if (this.#submit.busy) return this.t.submitting;
    return this.connectedNumber ? this.t.connected(this.connectedNumber) : '';
  }

  /** The "?" text: the chosen supplier's rule and example, then its own note. */
  private hintText(supplier: Supplier | undefined): string {
    const t = this.t;
    if (!supplier) return t.hintChooseSupplier;
    const { accountRule: rule, accountExample: example, accountNote: note } = supplier;
    const text =
      rule.kind === 'sector'
        ? t.hintSector(rule.sectorLength, example, example.slice(0, rule.sectorLength), example.slice(rule.sectorLength))
        : t.hintDigits(rule.length, example);
    return note ? `${text} ${note}` : text;
  }

  private get chosenSupplier(): Supplier | undefined {
    return this.suppliers.find((supplier) => supplier.id === this.supplierId);
  }

  private readonly onSupplierChange = (event: Event): void => {
    this.supplierId = (event.target as HTMLSelectElement).value;
    // The old messages were about another supplier's rule: the next submit says what is wrong now.
    this.#submit.setFieldErrors({});
    this.connectedNumber = undefined;
  };

  private async loadSuppliers(): Promise<void> {
    this.suppliersState = 'loading';
    this.#submit.clearFault();
    const abort = (this.#suppliersAbort = new AbortController());
    try {
      this.suppliers = await fetchSuppliers(this.env.client, { signal: abort.signal });
      this.suppliersState = 'ready';
    } catch (error) {
      if (isAbortError(error) || abort.signal.aborted) return;
      this.suppliersState = 'failed';
      this.#submit.showFault(error, () => this.loadSuppliers());
    }
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    if (this.suppliersState !== 'ready') return event.preventDefault();
    const request = await this.#submit.begin(event, this.fields(), {
      start: () => (this.connectedNumber = undefined),
      holdOff: this.t.tooManyAttempts,
    });
    if (request) await this.send(request);
  };

  /** The fields, their rules and the words for their codes, the schema's or the backend's. */
  private fields() {
    const t = this.t;
    const supplier = this.chosenSupplier;
    const normalized = normalizeAccountNumber(this.number);
    return {
      supplierId: {
        value: () => this.supplierId,
        schema: v.pipe(
          v.string(),
          v.check(() => supplier !== undefined, 'supplier_required'),
        ),
        message: (code: string) => (code === 'supplier_required' ? t.supplierRequired : t.supplierUnknown),
      },
      number: {
        value: () => this.number,
        // No supplier yet: say only what no supplier's rule allows (letters, other characters, nothing at all).
        schema: accountNumberSchema(supplier?.accountRule ?? { kind: 'digits', length: normalized.length }),
        message: (code: string) => this.numberIssue(code, supplier, normalized),
      },
    } satisfies FieldTable<Field>;
  }

  /** The words for an account-number code, from the schema or the backend; `number` is the normalised number. */
  private numberIssue(code: string, supplier: Supplier | undefined, number: string): string {
    const t = this.t;
    const rule = supplier?.accountRule;
    switch (code) {
      case 'account_required':
        return t.accountRequired;
      case 'account_fullwidth':
        return t.accountFullwidth;
      case 'account_letters':
        return t.accountLetters;
      case 'account_chars':
        return t.accountChars;
      case 'account_length':
        return rule ? t.accountLength(accountNumberLength(rule), number.length) : t.checkField;
      case 'account_sector_unknown':
        return rule?.kind === 'sector' ? t.accountSectorUnknown(number.slice(0, rule.sectorLength), rule.sectorLength) : t.checkField;
      case 'account_not_found':
        return t.accountNotFound(number, supplier?.name ?? '');
      case 'account_already_connected':
        return t.accountAlreadyConnected;
      default:
        return t.checkField;
    }
  }

  private async send(request: ConnectAccountRequest): Promise<void> {
    this.#submit.setFieldErrors({});
    await this.#submit.run(
      'submit',
      async (signal) => {
        const account = await this.env.accounts.connect(request, { signal });
        this.number = '';
        this.connectedNumber = account.number;
        this.dispatchEvent(new LkAccountConnectedEvent(account));
      },
      (error) =>
        this.#submit.fail(error, {
          tooMany: this.t.tooManyAttempts,
          holdOff: true,
          // The backend's refusal of the number itself (unknown, already connected) is about its field too.
          fields: ({ code, fieldErrors }) =>
            code === 'account_not_found' || code === 'account_already_connected'
              ? { errors: { number: this.numberIssue(code, this.chosenSupplier, request.number) } }
              : this.#submit.refusal(fieldErrors),
          retry: () => this.send(request),
        }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-account-connect': LkAccountConnectElement;
  }
}

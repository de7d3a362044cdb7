import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PasswordVisibility } from '../../controllers/password-visibility.js';

/** One line of an error summary: the message, and the id of the field it is about. */
export interface SummaryItem {
  message: string;
  fieldId?: string;
}

/**
 * The error summary of a failed submit (GOV.UK pattern, docs/promises.md#28): a
 * heading and a link to each field. The form focuses it after rendering, so
 * screen readers read it out; a link moves the focus to its field.
 */
export function errorSummary(id: string, title: string, items: readonly SummaryItem[]): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`
    <div part="error-summary" id=${id} tabindex="-1" aria-labelledby="${id}-title">
      <p part="error-summary-title" id="${id}-title">${title}</p>
      <ul part="error-summary-list">
        ${items.map(
          ({ message, fieldId }) => html`<li part="error-summary-item">
            ${fieldId
              ? html`<a part="error-summary-link" href="#${fieldId}" @click=${focusField}>${message}</a>`
              : message}
          </li>`,
        )}
      </ul>
    </div>
  `;
}

function focusField(event: Event): void {
  // The summary's links must not change the page's address (a host may route on it).
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  const field = link.ownerDocument.getElementById(link.hash.slice(1));
  field?.focus();
}

/**
 * A fault (server error, timeout, network loss, malformed answer), announced
 * as an alert, with the button that tries the same request again.
 */
export function faultAlert(message: string | undefined, retryLabel: string, onRetry: () => void): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`
    <div part="fault" role="alert">
      <p part="fault-message">${message}</p>
      <button part="retry button" type="button" @click=${onRetry}>${retryLabel}</button>
    </div>
  `;
}

/** The parts of one labelled field: its label, its inline error, then the control. */
export interface FieldOptions {
  id: string;
  label: string;
  error: string | undefined;
  control: TemplateResult;
  /** The id of a hint below the label, also read with the field. */
  hintId?: string;
}

/** A label, the inline error (tied by `aria-describedby`), then the control. */
export function field({ id, label, error, control }: FieldOptions): TemplateResult {
  return html`
    <div part="field${error ? ' field-invalid' : ''}">
      <label part="label" for=${id}>${label}</label>
      ${error ? html`<p part="field-error" id="${id}-error">${error}</p>` : nothing}
      ${control}
    </div>
  `;
}

/** The `aria-describedby` of a field: its error (if any) and its hint (if any). */
export function describedBy(id: string, error: string | undefined, hintId?: string): string | undefined {
  const ids = [error ? `${id}-error` : '', hintId ?? ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** Attribute helper: `aria-invalid="true"` only when there is an error. */
export const invalid = (error: string | undefined) => ifDefined(error ? 'true' : undefined);

/** Something a form puts beside an input (a "?" hint, "Показать пароль"): in the input's row, below it, and its id for `aria-describedby`. */
export interface FieldAddon {
  inRow?: TemplateResult;
  below?: TemplateResult;
  describedBy?: string;
}

/** An input in its row, with what an addon puts in the row and below it. */
const inputRow = (input: TemplateResult, { inRow, below }: FieldAddon): TemplateResult =>
  html`<div part="input-row">${input}${inRow ?? nothing}</div>${below ?? nothing}`;

/** What the e-mail (login) field needs to know. */
export interface EmailFieldOptions {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  /** Called with the new value on every input. */
  onInput: (value: string) => void;
  /** What sits beside the input (a "?" hint, also read with the field); the input is then in a row. */
  addon?: FieldAddon;
  /** `username` where the address is the login password managers fill in; `email` where it is only an address. */
  autocomplete?: 'username' | 'email';
}

/**
 * The e-mail field: its label, its error, and a text `<input>` with the
 * e-mail keyboard (so browsers do not refuse or rewrite what the form itself
 * explains), no auto-capitals or spell check, its error and hint tied by
 * `aria-describedby`.
 */
export function emailField({ id, label, value, error, onInput, addon, autocomplete = 'username' }: EmailFieldOptions): TemplateResult {
  const input = html`<input
    part="input input-email"
    id=${id}
    name="email"
    type="text"
    inputmode="email"
    autocomplete=${autocomplete}
    autocapitalize="none"
    spellcheck="false"
    required
    aria-invalid=${invalid(error)}
    aria-describedby=${describedBy(id, error, addon?.describedBy) ?? nothing}
    .value=${value}
    @input=${(event: InputEvent) => onInput((event.target as HTMLInputElement).value)}
  />`;
  return field({ id, label, error, control: addon ? inputRow(input, addon) : input });
}

/** What a password field needs to know. */
export interface PasswordFieldOptions {
  id: string;
  label: string;
  /** Part names after `input` (`input-password`, `input-new-password`, …). */
  part: string;
  name: string;
  /** `current-password` to log in, `new-password` for a new one: password managers fill or offer accordingly. */
  autocomplete: 'current-password' | 'new-password';
  /** `password`, or `text` while "Показать пароль" is pressed. */
  type: 'password' | 'text';
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
  /** What sits beside the input; its `describedBy` comes right after the field's error. */
  addon?: FieldAddon;
  /** The ids that also describe the input (the password rules), after the addon's. */
  describedBy?: readonly string[];
}

/**
 * A password field: its label, its error, and in its row an `<input>` taken
 * exactly as typed (no auto-capitals, no spell check), marked
 * `data-password` so "Показать пароль" finds it and keeps its caret
 * (PasswordVisibility), described by its error, its addon and `describedBy`.
 */
export function passwordField(options: PasswordFieldOptions): TemplateResult {
  const { id, label, part, name, autocomplete, type, value, error, onInput, addon = {}, describedBy: also = [] } = options;
  const description = [describedBy(id, error), addon.describedBy, ...also].filter(Boolean).join(' ');
  const input = html`<input
    part="input ${part}"
    id=${id}
    name=${name}
    data-password
    type=${type}
    autocomplete=${autocomplete}
    autocapitalize="none"
    spellcheck="false"
    required
    aria-invalid=${invalid(error)}
    aria-describedby=${description || nothing}
    .value=${value}
    @input=${(event: InputEvent) => onInput((event.target as HTMLInputElement).value)}
  />`;
  return field({ id, label, error, control: inputRow(input, addon) });
}

/** "Показать пароль": one button that shows (and masks again) the password inputs it controls. */
export function passwordToggle(visibility: PasswordVisibility, label: string, controls: string): TemplateResult {
  return html`<button
    part="button toggle-password"
    type="button"
    aria-pressed=${visibility.shown ? 'true' : 'false'}
    aria-controls=${controls}
    @click=${() => visibility.toggle()}
  >
    ${label}
  </button>`;
}

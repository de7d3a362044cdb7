import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as v from 'valibot';
import { requestPasswordReset, resetPassword } from '../../api/recovery.js';
import { isApiError } from '../../api/errors.js';
import type { ApiError } from '../../api/errors.js';
import { LkPasswordChangedEvent } from '../../events/password-changed.js';
import { intlLocale } from '../../i18n/format.js';
import { LinkTokenSchema } from '../../schemas/registration.js';
import { DEFAULT_RESET_PARAM, takeFromAddress } from '../base/address.js';
import { LkElement } from '../base/lk-element.js';
import { emailField } from '../base/form-parts.js';
import { emailRule } from '../base/field-rules.js';
import { SubmitController } from '../base/submit.js';
import { navigationLink } from '../base/navigation.js';
import { NewPasswordFields, newPasswordStyles } from '../base/new-password.js';
import type { NewPasswordField } from '../base/new-password.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { passwordRecoveryMessages } from './password-recovery.messages.js';
import type { PasswordRecoveryMessages } from './password-recovery.messages.js';
import { passwordRecoveryStyles } from './password-recovery.styles.js';
import { hrefProperty } from '../base/safe-href.js';

export { DEFAULT_RESET_PARAM };

/**
 * Where the user is: asking for a link, told it was sent, setting the new
 * password with the link's token, done, or stopped by a token the backend
 * refused (expired, used, invalid).
 */
export type RecoveryStep = 'request' | 'sent' | 'reset' | 'changed' | 'expired' | 'used' | 'invalid';

type RefusedStep = Extract<RecoveryStep, 'expired' | 'used' | 'invalid'>;

/** The backend's refusals of a token, by code, and by status for a backend that sends no code. */
const REFUSED_BY_CODE: Readonly<Record<string, RefusedStep>> = { token_expired: 'expired', token_used: 'used', token_invalid: 'invalid' };
const REFUSED_BY_STATUS: Readonly<Record<number, RefusedStep>> = { 410: 'expired', 409: 'used', 400: 'invalid', 404: 'invalid' };

const refusedStep = (error: ApiError): RefusedStep | undefined =>
  error.code === undefined ? REFUSED_BY_STATUS[error.status] : REFUSED_BY_CODE[error.code];

/** "28.11.2026, 14:05": a reset link lives for hours, so the time matters as much as the date. */
const formatInstant = (instant: string, locale: Parameters<typeof intlLocale>[0]) =>
  new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));

/**
 * @summary "Забыли пароль?": asks for a link by e-mail, then sets a new password with the link's token.
 *
 * Without the token parameter in the page's address it asks for the
 * e-mail and answers with one neutral screen whether or not the address is
 * registered (docs/promises.md#12). The letter's link opens the page with
 * `?lk-reset=<token>`: the element reads the token, removes it from the
 * address bar (other parameters and the hash stay, docs/promises.md#11), and
 * asks for the new password twice, with the rules of the policy in force
 * shown as the user types. The backend then ends every session of the user
 * and sends a "password changed" letter. An expired, used or invalid link
 * says so and leads back to asking for a new one.
 *
 * @fires {LkPasswordChangedEvent} lk-password-changed - the new password is set; `detail` is `{}`.
 * @fires {LkNavigateEvent} lk-navigate - the links to the login page (`login`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user; `detail.error`.
 *
 * @csspart form - the `<form>` of asking for a link, and of the new password.
 * @csspart step - what the current step shows, its heading and its form or message; also `step-request`, `step-sent`, `step-reset`, `step-changed`, `step-expired`, `step-used` or `step-invalid`.
 * @csspart title - each step's heading; it takes the focus when the step changes.
 * @csspart intro - the sentence under the heading.
 * @csspart field - each label + error + input group (`field-invalid` when invalid).
 * @csspart username - the hidden username input of the new-password form, for password managers.
 * @csspart label - a field's label.
 * @csspart input - the e-mail and password inputs (`input-email`, `input-new-password`, `input-repeat-password`).
 * @csspart field-error - a field's inline error.
 * @csspart input-row - an input with what stands beside it ("Показать пароль").
 * @csspart password-rules - the password rules: `password-rules-title`, the `password-rule-list` of each `password-rule` (also `password-rule-` and the rule's name, and `password-rule-met` / `password-rule-unmet`), and `password-rules-live`, which announces the rules met as the user types (also `visually-hidden`).
 * @csspart toggle-password - "Показать пароль" (also `button`).
 * @csspart submit - "Выслать ссылку", "Сохранить пароль".
 * @csspart error-summary - the list of errors after a failed submit: `error-summary-title`, then the `error-summary-list` of each `error-summary-item`, a link to its field (`error-summary-link`).
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - progress, announced politely.
 * @csspart message - what a step without a form says (sent, changed, a refused link).
 * @csspart request-again - the button back to asking for a link.
 * @csspart links - the link to the login page (`link link-login`).
 * @csspart visually-hidden - words for screen readers only (each password rule's state).

 *
 * @cssprop [--lk-color-primary=#0b5cad] - buttons and links.
 * @cssprop [--lk-color-success=#1e6b34] - the mark of a met password rule.
 * @cssprop [--lk-color-danger=#b3261e] - errors.
 * @cssprop [--lk-radius=0.375rem] - corner radius of inputs and buttons.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 * @cssprop [--lk-space=1rem] - the gap between a step's blocks.
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring of a step's heading when it takes the focus.
 * @cssprop [--lk-form-max-width=26rem] - the form's widest.
 */
export class LkPasswordRecoveryElement extends LkElement<PasswordRecoveryMessages> {
  static override styles = [baseStyles, formStyles, newPasswordStyles, passwordRecoveryStyles];

  /** The query parameter that carries the token. Default `lk-reset`. */
  @property() param = DEFAULT_RESET_PARAM;

  /** The address of the login page, for a real link when no navigator handles it. */
  @property(hrefProperty('login-href')) loginHref?: string;

  /** The e-mail as typed; also the hidden username of the new-password form, for password managers. */
  @state() email = '';
  @state() private step: RecoveryStep = 'request';
  /** The address the last link was asked for, and until when that link works (ISO). */
  @state() private sent: { email: string; expiresAt: string } | undefined;

  /** The token, read once: it is gone from the address bar by then. */
  #token: string | undefined;
  #tokenRead = false;
  readonly #submit = new SubmitController<'email' | NewPasswordField, 'request' | 'reset'>(this, {
    ids: this.idFor,
    messages: () => this.t,
    clock: () => this.env.clock,
  });
  readonly #newPassword = new NewPasswordFields(this, { policy: () => this.env.settings.passwordPolicy, messages: () => this.t, id: this.idFor });

  constructor() {
    super(passwordRecoveryMessages);
  }

  /** The step shown now. */
  get state(): RecoveryStep {
    return this.step;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // On the first update rather than in connectedCallback: by then a
    // `param` set before the tag was defined has been applied.
    if (this.#tokenRead) return;
    this.#tokenRead = true;
    this.#token = takeFromAddress(this.param);
    if (this.#token === undefined) return;
    // A token that cannot be one (cut short by a mail client) is refused at once: no password typed in vain.
    this.step = v.is(LinkTokenSchema, this.#token) ? 'reset' : 'invalid';
  }

  protected override render(): TemplateResult {
    const t = this.t;
    switch (this.step) {
      case 'request':
        return this.renderRequest();
      case 'reset':
        return this.renderReset();
      case 'sent':
        return this.renderMessage(t.sentTitle, [this.sentMessage(), t.sentNoLetter], t.requestAgain);
      case 'changed':
        return this.renderMessage(t.changedTitle, [t.changed], undefined, t.logIn);
      default:
        return this.renderMessage(t[`${this.step}Title`], [t[this.step]], t.requestNew);
    }
  }

  /** The neutral answer: the same words whether or not the address is registered. */
  private sentMessage(): string {
    const { email, expiresAt } = this.sent!;
    return this.t.sent(email, formatInstant(expiresAt, this.localize.locale));
  }

  /** Step 1: the e-mail to send the link to. */
  private renderRequest(): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    const error = this.#submit.fieldErrors.email;
    return html`
      <form part="form" novalidate aria-labelledby=${id('title')} @submit=${this.onRequest}>
        ${this.renderHeader(t.title, t.intro)}
        ${emailField({ id: id('email'), label: t.email, value: this.email, error, onInput: (value) => (this.email = value) })}
        ${this.renderSubmit(t.request, this.#submit.busy === 'request' ? t.requesting : '')}
      </form>
    `;
  }

  /** Step 2: the new password, with the token of the letter's link. */
  private renderReset(): TemplateResult {
    const t = this.t;
    const { password, repeat } = this.#submit.fieldErrors;
    return html`
      <form part="form" novalidate aria-labelledby=${this.idFor('title')} @submit=${this.onReset}>
        ${this.renderHeader(t.resetTitle, t.resetIntro)}
        <input part="username" type="text" name="username" autocomplete="username" hidden readonly .value=${this.email} />
        ${this.#newPassword.render({ labels: { password: t.newPassword, repeat: t.repeat }, errors: { password, repeat } })}
        ${this.renderSubmit(t.reset, this.#submit.busy === 'reset' ? t.resetting : '')}
      </form>
    `;
  }

  private renderHeader(title: string, intro: string): TemplateResult {
    return html`
      <h2 part="title" id=${this.idFor('title')} tabindex="-1">${title}</h2>
      <p part="intro">${intro}</p>
      ${this.#submit.renderSummary()} ${this.#submit.renderFault()}
    `;
  }

  private renderSubmit(label: string, status: string): TemplateResult {
    return html`
      <button part="button submit" type="submit" aria-disabled=${this.#submit.busy ? 'true' : 'false'}>${label}</button>
      <p part="status" role="status">${status}</p>
      <p part="links">${navigationLink(this, this.env, 'login', this.t.login, this.loginHref)}</p>
    `;
  }

  /** A step without a form: its heading, what it says, the way back to asking for a link, and to the login page. */
  private renderMessage(title: string, paragraphs: string[], requestAgain: string | undefined, login = this.t.login): TemplateResult {
    return html`
      <div part="step step-${this.step}">
        <h2 part="title" id=${this.idFor('title')} tabindex="-1">${title}</h2>
        ${paragraphs.map((text) => html`<p part="message">${text}</p>`)}
        ${requestAgain
          ? html`<button part="button request-again" type="button" @click=${() => this.goTo('request')}>${requestAgain}</button>`
          : nothing}
        <p part="links">${navigationLink(this, this.env, 'login', login, this.loginHref)}</p>
      </div>
    `;
  }

  /** Shows `step` and puts the focus on its heading, so a screen reader reads where the user now is. */
  private async goTo(step: RecoveryStep): Promise<void> {
    this.step = step;
    this.#submit.reset();
    await this.updateComplete;
    this.querySelector<HTMLElement>('[part~="title"]')?.focus();
  }

  private readonly onRequest = async (event: SubmitEvent): Promise<void> => {
    const values = await this.#submit.begin(event, { email: emailRule(() => this.email, this.t) });
    if (values) await this.request(values.email);
  };

  private async request(email: string): Promise<void> {
    await this.#submit.run(
      'request',
      async (signal) => {
        const { expiresAt } = await requestPasswordReset(this.env.client, { email }, { signal });
        this.sent = { email, expiresAt };
        await this.goTo('sent');
      },
      (error) => this.#submit.fail(error, { tooMany: this.t.tooOften, retry: () => this.request(email) }),
    );
  }

  private readonly onReset = async (event: SubmitEvent): Promise<void> => {
    const values = await this.#submit.begin(event, this.#newPassword.fields(), { start: () => void this.#newPassword.mask() });
    if (values) await this.reset(this.#token!, values.password);
  };

  private async reset(token: string, password: string): Promise<void> {
    await this.#submit.run(
      'reset',
      async (signal) => {
        await resetPassword(this.env.client, { token, password }, { policy: this.#newPassword.policy, signal });
        this.#token = undefined;
        this.#newPassword.clear();
        this.dispatchEvent(new LkPasswordChangedEvent());
        await this.goTo('changed');
      },
      (error) => {
        const refused = isApiError(error) ? refusedStep(error) : undefined;
        if (refused) return void this.goTo(refused);
        this.#submit.fail(error, { retry: () => this.reset(token, password) });
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-password-recovery': LkPasswordRecoveryElement;
  }
}

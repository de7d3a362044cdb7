import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as v from 'valibot';
import { register } from '../../api/registration.js';
import { LkRegisteredEvent } from '../../events/registered.js';
import { formatDate } from '../../i18n/format.js';
import type { RegisterRequest, RegisterResponse } from '../../schemas/registration.js';
import { CaptchaCheck, captchaAnswer } from '../base/captcha-answer.js';
import { LkElement } from '../base/lk-element.js';
import { describedBy, emailField, invalid } from '../base/form-parts.js';
import { SubmitController } from '../base/submit.js';
import type { FieldTable } from '../base/submit.js';
import { emailRule } from '../base/field-rules.js';
import { navigationLink } from '../base/navigation.js';
import { NewPasswordFields, newPasswordStyles } from '../base/new-password.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { fieldHint } from './hints.js';
import { registerFormMessages } from './register-form.messages.js';
import type { RegisterFormMessages } from './register-form.messages.js';
import { registerFormStyles } from './register-form.styles.js';
import { hrefProperty } from '../base/safe-href.js';

type Field = 'email' | 'password' | 'repeat' | 'agreement';

/** What a submit sends, but for the anti-robot answer, which each attempt takes anew. */
type Registration = Omit<RegisterRequest, 'captcha'>;

/**
 * @summary Registers a new abonent: e-mail (the login), a new password twice, the anti-robot check and the user agreement.
 *
 * A real `<form>` in the page's DOM, so password managers offer and save a
 * new password. The rules of the password policy in force (the provider's
 * `password-policy`, the seed's 5–10 Latin letters and digits by default)
 * are listed beside the field with each one's state as the user types;
 * common passwords are refused. `<lk-captcha>` is loaded when the form
 * connects and usually has its answer before the user submits. On success
 * the seed's screen says where the confirmation link went and until when it
 * works; an address that is already registered gets the same screen (the
 * backend answers alike, and its holder gets a letter instead).
 *
 * `agreement-version` is required: without it the form logs a configuration
 * error for the developer and refuses to submit.
 *
 * @fires {LkRegisteredEvent} lk-registered - registration accepted; `detail.email`, `detail.confirmUntil`.
 * @fires {LkNavigateEvent} lk-navigate - "← вход в Личный кабинет" or "Возврат к странице Авторизации" (`login`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user; `detail.error`.
 *
 * @csspart form - the `<form>`.
 * @csspart title - the heading (also on the success screen, with `success-title`).
 * @csspart intro - the sentence under the heading.
 * @csspart field - each label + error + input group (`field-invalid` when invalid).
 * @csspart label - a field's label.
 * @csspart input - the e-mail and password inputs (`input-email`, `input-new-password`, `input-repeat-password`).
 * @csspart input-row - an input with its "?".
 * @csspart hint - each field's "?", an `<lk-hint>` (its own parts: `trigger`, `bubble`); the input is described by its text.
 * @csspart field-error - a field's inline error.
 * @csspart password-rules - the password rules: `password-rules-title`, the `password-rule-list` of each `password-rule` (also `password-rule-` and the rule's name, and `password-rule-met` / `password-rule-unmet`), and `password-rules-live`, which announces the rules met as the user types (also `visually-hidden`).
 * @csspart toggle-password - "Показать пароль" (also `button`).
 * @csspart captcha - the `<lk-captcha>`.
 * @csspart agreement - the agreement sentence with the agreement's link (`link link-agreement`), or with `agreement-checkbox` its field (also `field`): `field-error`, then `checkbox-row` of `checkbox` and `checkbox-label`.
 * @csspart link-agreement - "Пользовательского соглашения".
 * @csspart submit - "Зарегистрироваться".
 * @csspart error-summary - the list of errors after a failed submit: `error-summary-title`, then the `error-summary-list` of each `error-summary-item`, a link to its field (`error-summary-link`).
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - progress, announced politely.
 * @csspart links - the link to the login page (`link link-login`).
 * @csspart visually-hidden - words for screen readers only (that the agreement opens in a new tab; each password rule's state).

 * @csspart success - the success screen: `success-message`, `success-resend`, `success-expiry`.
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
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring of the success heading when it takes the focus.
 * @cssprop [--lk-space=1rem] - the gap between the success message's blocks.
 * @cssprop [--lk-form-max-width=26rem] - the form's widest.
 */
export class LkRegisterFormElement extends LkElement<RegisterFormMessages> {
  static override styles = [baseStyles, formStyles, newPasswordStyles, registerFormStyles];

  /** The address of the user agreement ("Пользовательского соглашения"); it opens in a new tab, so nothing typed is lost. */
  @property(hrefProperty('agreement-href')) agreementHref?: string;

  /** The version of the agreement this page shows, sent as `agreementVersion` and recorded with the registration. Required: without it the form logs a configuration error and refuses to submit. */
  @property({ attribute: 'agreement-version' }) agreementVersion?: string;

  /** An explicit checkbox, unchecked at first, instead of accepting by pressing "Зарегистрироваться". */
  @property({ type: Boolean, attribute: 'agreement-checkbox' }) agreementCheckbox = false;

  /** The address of the login page, for a real link when no navigator handles it. */
  @property(hrefProperty('login-href')) loginHref?: string;

  /** The e-mail as typed. */
  @state() email = '';
  /** Whether the agreement's checkbox is ticked (with `agreement-checkbox`). */
  @state() agreed = false;
  /** The backend's answer, once registered. */
  @state() private registered: RegisterResponse | undefined;

  /** Busy checking the fields, waiting for the anti-robot answer, or registering. */
  readonly #submit = new SubmitController<Field, 'checking' | 'captcha' | 'registering'>(this, {
    ids: this.idFor,
    messages: () => this.t,
    clock: () => this.env.clock,
  });
  readonly #captcha = new CaptchaCheck(this, { always: true });
  readonly #newPassword = new NewPasswordFields(this, { policy: () => this.env.settings.passwordPolicy, messages: () => this.t, id: this.idFor });

  constructor() {
    super(registerFormMessages);
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    if (!this.agreementVersion) {
      console.error(
        'lk-widgets: <lk-register-form> needs the agreement-version attribute (the version of the user agreement this page shows). ' +
          'The form refuses to submit without it.',
      );
    }
    if (!this.agreementHref) {
      console.warn('lk-widgets: <lk-register-form> has no agreement-href attribute, so "Пользовательского соглашения" is not a link.');
    }
  }

  protected override render(): TemplateResult {
    return this.registered ? this.renderSuccess(this.registered) : this.renderForm();
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    const errors = this.#submit.fieldErrors;
    const hint = (name: string, label: string, text: string) =>
      fieldHint({ textId: id(`${name}-hint`), label, text, locale: this.localize.locale });
    const status = this.#submit.busy === 'captcha' ? t.waitingForCaptcha : this.#submit.busy ? t.submitting : '';
    return html`
      <form part="form" novalidate aria-labelledby=${id('title')} @submit=${this.onSubmit}>
        <h2 part="title" id=${id('title')}>${t.title}</h2>
        <p part="intro">${t.intro}</p>
        ${this.#submit.renderSummary()} ${this.#submit.renderFault()}
        ${emailField({
          id: id('email'),
          label: t.email,
          value: this.email,
          error: errors.email,
          addon: hint('email', t.email, t.emailHint),
          onInput: (value) => (this.email = value),
        })}
        ${this.#newPassword.render({
          labels: { password: t.password, repeat: t.repeat },
          errors: { password: errors.password, repeat: errors.repeat },
          addons: {
            password: hint('password', t.password, t.policyHint(this.#newPassword.policy)),
            repeat: hint('repeat', t.repeat, t.repeatHint),
          },
        })}
        ${this.#captcha.render()}
        ${this.renderAgreement()}
        <button part="button submit" type="submit" aria-disabled=${this.#submit.busy ? 'true' : 'false'}>${t.submit}</button>
        <p part="status" role="status">${status}</p>
        <p part="links">${navigationLink(this, this.env, 'login', t.login, this.loginHref)}</p>
      </form>
    `;
  }

  /** The seed's sentence, or with `agreement-checkbox` a checkbox that must be ticked (docs/promises.md#7). */
  private renderAgreement(): TemplateResult {
    const t = this.t;
    const link = this.agreementHref
      ? html`<a part="link link-agreement" href=${this.agreementHref} target="_blank" rel="noopener"
          >${t.agreementLink}<span part="visually-hidden">${t.newTab}</span></a
        >`
      : t.agreementLink;
    if (!this.agreementCheckbox) return html`<p part="agreement">${t.agreementBefore}${link}</p>`;
    const fieldId = this.idFor('agreement');
    const error = this.#submit.fieldErrors.agreement;
    return html`
      <div part="field agreement${error ? ' field-invalid' : ''}">
        ${error ? html`<p part="field-error" id="${fieldId}-error">${error}</p>` : nothing}
        <div part="checkbox-row">
          <input
            part="checkbox"
            type="checkbox"
            id=${fieldId}
            name="agreement"
            required
            aria-invalid=${invalid(error)}
            aria-describedby=${describedBy(fieldId, error) ?? nothing}
            .checked=${this.agreed}
            @change=${(event: Event) => (this.agreed = (event.target as HTMLInputElement).checked)}
          />
          <label part="label checkbox-label" for=${fieldId}>${t.agreementCheckbox}${link}</label>
        </div>
      </div>
    `;
  }

  /** The seed's step 2: where the link went and until when it works. */
  private renderSuccess({ email, confirmUntil }: RegisterResponse): TemplateResult {
    const t = this.t;
    return html`
      <div part="success">
        <h2 part="title success-title" id=${this.idFor('success-title')} tabindex="-1">${t.successTitle}</h2>
        <p part="success-message">${t.successCreated(email)}</p>
        <p part="success-resend">${t.successResend}</p>
        <p part="success-expiry">${t.successExpiry(formatDate(confirmUntil, this.localize.locale))}</p>
        <p part="links">${navigationLink(this, this.env, 'login', t.backToLogin, this.loginHref)}</p>
      </div>
    `;
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    const t = this.t;
    const values = await this.#submit.begin(event, this.fields(), {
      start: () => void this.#newPassword.mask(),
      // Without a version the developer was told in the console; the user is told that it is not their mistake.
      notes: () => (this.agreementVersion ? [] : [t.notConfigured]),
    });
    if (values) await this.send({ email: values.email, password: values.password, agreementVersion: this.agreementVersion! });
  };

  /** The fields, their rules and the words for their codes, the schema's or the backend's. Nothing typed is changed. */
  private fields() {
    const t = this.t;
    return {
      email: emailRule(() => this.email, t),
      ...this.#newPassword.fields(),
      ...(this.agreementCheckbox
        ? {
            agreement: {
              value: () => this.agreed,
              schema: v.literal(true),
              message: () => t.agreementRequired,
              pointer: 'agreementVersion',
            },
          }
        : {}),
    } satisfies Partial<FieldTable<Field>>;
  }

  private async send(registration: Registration): Promise<void> {
    await this.#submit.run(
      'captcha',
      async (signal) => {
        const captcha = await captchaAnswer(this);
        this.#submit.busy = 'registering';
        const answer = await register(this.env.client, { ...registration, captcha }, { policy: this.#newPassword.policy, signal });
        this.registered = answer;
        this.#newPassword.clear();
        this.dispatchEvent(new LkRegisteredEvent(answer.email, answer.confirmUntil));
        await this.updateComplete;
        this.querySelector<HTMLElement>('[part~="success-title"]')?.focus();
      },
      (error) => this.showFailure(error, registration),
    );
  }

  private showFailure(error: unknown, registration: Registration): void {
    if (this.#captcha.demanded(error, this.#submit, this.t)) return;
    this.#submit.fail(error, {
      tooMany: this.t.tooManyAttempts,
      fields: ({ fieldErrors }) => {
        const refusal = this.#submit.refusal(fieldErrors);
        // Refused for the agreement with no checkbox to tick: the page's setting, not the user's mistake.
        if (refusal && fieldErrors.agreementVersion && !this.agreementCheckbox) refusal.notes = [this.t.notConfigured];
        return refusal;
      },
      retry: () => this.send(registration),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-register-form': LkRegisterFormElement;
  }
}

import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { changePassword } from '../../api/auth.js';
import type { LkNavigateEvent } from '../../events/navigate.js';
import { LkPasswordChangedEvent } from '../../events/password-changed.js';
import { LOGIN_PASSWORD_MAX_LENGTH, LoginPasswordSchema } from '../../schemas/password.js';
import type { User } from '../../schemas/user.js';
import { CaptchaCheck } from '../base/captcha-answer.js';
import { heading, headingLevel } from '../base/heading.js';
import { LkElement } from '../base/lk-element.js';
import { sessionPending } from '../base/session-gate.js';
import { faultMessage } from '../base/failure.js';
import { faultAlert, passwordField } from '../base/form-parts.js';
import { SubmitController } from '../base/submit.js';
import type { FieldTable } from '../base/submit.js';
import { navigationLink } from '../base/navigation.js';
import { NewPasswordFields, newPasswordStyles } from '../base/new-password.js';
import type { NewPasswordField } from '../base/new-password.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { settingsMessages } from './settings.messages.js';
import type { SettingsMessages } from './settings.messages.js';
import { settingsStyles } from './settings.styles.js';
import { hrefProperty } from '../base/safe-href.js';

/** The fields of "Смена пароля", in the order their errors are listed. */
type Field = 'current' | NewPasswordField;

/** What "Сменить пароль" sends. */
interface Change {
  currentPassword: string;
  newPassword: string;
}

/**
 * @summary "Настройки абонента": the login, "Смена пароля", and "Подключение ЛС" (the accounts).
 *
 * Shows the logged-in user's e-mail (the login), a real `<form>` to change
 * the password, and the accounts section: `<lk-accounts>` and
 * `<lk-account-connect>`, rendered as tags (its entry point registers them);
 * they get the element's `locale` and `api-base`.
 *
 * The password form is one that password managers recognise as a change of
 * password: a read-only username input holding the login (visually hidden,
 * labelled, out of the tab order), the current password
 * (`autocomplete="current-password"`) and the new one twice
 * (`new-password`), with the rules of the provider's `password-policy`
 * shown as the user types and one "Показать пароль" for all three. A wrong
 * current password is said at its field and counts as a failed login on
 * the backend; after repeated failures the backend asks for the
 * anti-robot check, which the form then shows (`<lk-captcha>`, loaded only
 * then) and sends with the next attempt, as `<lk-login-form>` does; too
 * many attempts say how long to wait, and the form sends nothing until then. On success the other devices' sessions end, this one
 * stays, the three fields are emptied and the status line says so.
 *
 * Logged out, it says the settings need a login and links to the login page.
 *
 * @fires {LkPasswordChangedEvent} lk-password-changed - the password was changed; `detail` is `{}`.
 * @fires {LkNavigateEvent} lk-navigate - "Забыли пароль?" (`recover`), or the login link when logged out (`login`); cancelable.
 *   The list's "Подключить ЛС" (`connect`) does not leave: it moves the focus to the connect form below.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user; `detail.error`. (The `<lk-accounts>` and `<lk-account-connect>` inside fire their own events too: `lk-account-selected`, `lk-account-connected`, …)
 *
 * @csspart title - the heading "Настройки абонента".
 * @csspart login - the "Логин:" line; `login-label` and `login-value` (the e-mail) are its parts.
 * @csspart form - the password-change `<form>` (also `password-change`).
 * @csspart section-title - the headings "Смена пароля" and "Подключение ЛС".
 * @csspart intro - the sentence under "Смена пароля".
 * @csspart username - the visually hidden username group for password managers (`username-label`, `username-input`; also `visually-hidden`).
 * @csspart field - each label + error + input group (`field-invalid` when invalid).
 * @csspart label - a field's label.
 * @csspart input - the password inputs (`input-current-password`, `input-new-password`, `input-repeat-password`).
 * @csspart input-row - the row of an input.
 * @csspart field-error - a field's inline error.
 * @csspart password-rules - the password rules: `password-rules-title`, the `password-rule-list` of each `password-rule` (also `password-rule-` and the rule's name, and `password-rule-met` / `password-rule-unmet`), and `password-rules-live`, which announces the rules met as the user types (also `visually-hidden`).
 * @csspart toggle-password - "Показать пароль" (also `button`).
 * @csspart captcha - the anti-robot check, once the backend asks for it.
 * @csspart links - the row of "Забыли пароль?" (`link link-recover`) or, logged out, of the login link (`link link-login`).
 * @csspart visually-hidden - words for screen readers only (each password rule's state).

 * @csspart submit - "Сменить пароль".
 * @csspart error-summary - the list of errors after a failed submit: `error-summary-title`, then the `error-summary-list` of each `error-summary-item`, a link to its field (`error-summary-link`).
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - progress and success, announced politely.
 * @csspart accounts-section - "Подключение ЛС"; `accounts` is its `<lk-accounts>`, `account-connect` its `<lk-account-connect>`.
 * @csspart logged-out - what it says to a visitor who is not logged in.
 *
 * @cssprop [--lk-color-primary=#0b5cad] - buttons and links.
 * @cssprop [--lk-color-success=#1e6b34] - the mark of a met password rule.
 * @cssprop [--lk-color-danger=#b3261e] - errors.
 * @cssprop [--lk-radius=0.375rem] - corner radius of inputs and buttons.
 * @cssprop [--lk-space=1rem] - the space between the parts.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 * @cssprop [--lk-form-max-width=26rem] - the form's widest.
 */
export class LkSettingsElement extends LkElement<SettingsMessages> {
  static override styles = [baseStyles, formStyles, newPasswordStyles, settingsStyles];

  /** The level of the element's heading, 2 to 6 (default 2): one deeper than the heading of the section it sits in. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The address of the password recovery page, for a real link when no navigator handles it. */
  @property(hrefProperty('recover-href')) recoverHref?: string;

  /** The address of the login page (shown when logged out), likewise. */
  @property(hrefProperty('login-href')) loginHref?: string;

  /** The current password as typed: never trimmed or shortened. */
  @state() currentPassword = '';
  /** The password was changed: the status line says so until the next submit. */
  @state() private changed = false;

  readonly #submit = new SubmitController<Field>(this, {
    ids: this.idFor,
    messages: () => this.t,
    clock: () => this.env.clock,
    needsSession: true,
  });
  /** Shown once the backend asks for it, after repeated failures of the current password. */
  readonly #captcha = new CaptchaCheck(this);
  /** The user the form was filled for: another user (or none) gets an empty form. */
  #userId: string | undefined;
  readonly #newPassword = new NewPasswordFields(this, { policy: () => this.env.settings.passwordPolicy, messages: () => this.t, id: this.idFor });

  constructor() {
    super(settingsMessages);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A logout (also an expired session, a 401 while sending) must not leave
    // a typed password behind for whoever logs in next on this page.
    const userId = this.env.session.user?.id;
    if (userId !== this.#userId) {
      this.#userId = userId;
      this.resetForm();
    }
  }

  protected override render(): TemplateResult {
    const { session } = this.env;
    const t = this.t;
    if (session.status === 'authenticated' && session.user) return this.renderSettings(session.user);
    const pending = sessionPending(this.env, t);
    if (pending) return pending;
    return html`
      ${heading(headingLevel(this.headingLevel), { text: t.title })}
      ${session.status === 'error'
        ? faultAlert(faultMessage(session.error, t), t.retry, () => void session.load())
        : html`<p part="logged-out">${t.loggedOut}</p>
            <p part="links">${navigationLink(this, this.env, 'login', t.logIn, this.loginHref)}</p>`}
    `;
  }

  private renderSettings(user: User): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    return html`
      ${heading(headingLevel(this.headingLevel), { text: t.title })}
      <p part="login"><span part="login-label">${t.login}</span> <span part="login-value">${user.email}</span></p>
      ${this.renderPasswordChange(user)}
      <section part="accounts-section" aria-labelledby=${id('accounts-title')} @lk-navigate=${this.onAccountsNavigate}>
        ${heading(headingLevel(this.headingLevel, 1), { id: id('accounts-title'), part: 'section-title', text: t.accountsTitle })}
        <lk-accounts
          part="accounts"
          heading-level=${headingLevel(this.headingLevel, 2)}
          locale=${ifDefined(this.locale)}
          api-base=${ifDefined(this.apiBase)}
        ></lk-accounts>
        <lk-account-connect
          part="account-connect"
          heading-level=${headingLevel(this.headingLevel, 2)}
          locale=${ifDefined(this.locale)}
          api-base=${ifDefined(this.apiBase)}
        ></lk-account-connect>
      </section>
    `;
  }

  private renderPasswordChange(user: User): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    const { current, password, repeat } = this.#submit.fieldErrors;
    return html`
      <form part="form password-change" novalidate aria-labelledby=${id('password-title')} @submit=${this.onSubmit}>
        ${heading(headingLevel(this.headingLevel, 1), { id: id('password-title'), part: 'section-title', text: t.passwordTitle })}
        <p part="intro">${t.passwordIntro(user.email)}</p>
        ${this.#submit.renderSummary()} ${this.#submit.renderFault()}
        ${this.renderUsername(user)}
        ${passwordField({
          id: id('current'),
          label: t.currentPassword,
          part: 'input-current-password',
          name: 'current-password',
          autocomplete: 'current-password',
          type: this.#newPassword.inputType,
          value: this.currentPassword,
          error: current,
          onInput: (value) => (this.currentPassword = value),
        })}
        ${this.#newPassword.render({
          labels: { password: t.newPassword, repeat: t.repeat },
          errors: { password, repeat },
          alsoControls: [id('current')],
        })}
        <p part="links">${navigationLink(this, this.env, 'recover', t.forgotPassword, this.recoverHref)}</p>
        ${this.#captcha.render()}
        <button part="button submit" type="submit" aria-disabled=${this.#submit.busy ? 'true' : 'false'}>${t.submit}</button>
        <p part="status" role="status">${this.#submit.busy ? t.submitting : this.changed ? t.changed : ''}</p>
      </form>
    `;
  }

  /**
   * The login, for password managers: a change-password form that names its
   * account lets them update the right saved entry
   * (https://www.chromium.org/developers/design-documents/create-amazing-password-forms/).
   * Visually hidden (the "Логин:" line shows it), yet labelled, read-only
   * and out of the tab order, so it is no trap and no stop for the keyboard.
   */
  private renderUsername(user: User): TemplateResult {
    const inputId = this.idFor('username');
    return html`<div part="username visually-hidden">
      <label part="username-label" for=${inputId}>${this.t.username}</label>
      <input
        part="username-input"
        id=${inputId}
        name="username"
        type="email"
        autocomplete="username"
        readonly
        tabindex="-1"
        value=${user.email}
      />
    </div>`;
  }

  /**
   * "Подключить ЛС" of the list: the connect form is right below it, so the
   * focus goes there instead of the page going elsewhere.
   */
  private readonly onAccountsNavigate = (event: LkNavigateEvent): void => {
    if (event.detail.to !== 'connect') return;
    event.preventDefault();
    event.stopPropagation();
    this.querySelector('lk-account-connect')?.querySelector<HTMLElement>('select, input')?.focus();
  };

  /** Empties the form: after a success, and when the user changes. */
  private resetForm(): void {
    this.currentPassword = '';
    this.#newPassword.clear();
    this.#submit.reset();
    this.changed = false;
    this.#captcha.hide();
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    const values = await this.#submit.begin(event, this.fields(), {
      start: () => {
        void this.#newPassword.mask();
        this.changed = false;
      },
      holdOff: this.t.tooManyAttempts,
    });
    if (values) await this.send({ currentPassword: values.current, newPassword: values.password });
  };

  /** The fields, their rules and the words for their codes, the schema's or the backend's. */
  private fields() {
    const t = this.t;
    return {
      current: {
        value: () => this.currentPassword,
        schema: LoginPasswordSchema,
        pointer: 'currentPassword',
        message: (code: string) =>
          code === 'current_password_wrong'
            ? t.currentWrong
            : code === 'password_required'
              ? t.currentRequired
              : code === 'password_too_long'
                ? t.currentTooLong(LOGIN_PASSWORD_MAX_LENGTH)
                : t.checkField,
      },
      ...this.#newPassword.fields('newPassword'),
    } satisfies FieldTable<Field>;
  }

  private async send(change: Change): Promise<void> {
    await this.#submit.run(
      'submit',
      async (signal) => {
        await changePassword(this.env.client, await this.#captcha.withAnswer(change), { policy: this.#newPassword.policy, signal });
        this.resetForm();
        this.changed = true;
        this.dispatchEvent(new LkPasswordChangedEvent());
      },
      (error) => this.showFailure(error, change),
    );
  }

  private showFailure(error: unknown, change: Change): void {
    const t = this.t;
    if (this.#captcha.demanded(error, this.#submit, t)) return;
    this.#submit.fail(error, { tooMany: t.tooManyAttempts, holdOff: true, retry: () => this.send(change) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-settings': LkSettingsElement;
  }
}

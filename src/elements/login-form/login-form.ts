import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { login } from '../../api/auth.js';
import { resendConfirmation } from '../../api/registration.js';
import { isApiError } from '../../api/errors.js';
import { PasswordVisibility } from '../../controllers/password-visibility.js';
import { LkLoginEvent } from '../../events/login.js';
import { LkLogoutEvent } from '../../events/logout.js';
import type { User } from '../../schemas/user.js';
import { formatDate } from '../../i18n/format.js';
import { LOGIN_PASSWORD_MAX_LENGTH, LoginPasswordSchema } from '../../schemas/password.js';
import { CaptchaCheck } from '../base/captcha-answer.js';
import { LkElement } from '../base/lk-element.js';
import { sessionPending } from '../base/session-gate.js';
import { emailField, passwordField, passwordToggle } from '../base/form-parts.js';
import { emailRule } from '../base/field-rules.js';
import { SubmitController } from '../base/submit.js';
import type { FieldTable } from '../base/submit.js';
import { navigationLink } from '../base/navigation.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { loginFormMessages } from './login-form.messages.js';
import type { LoginFormMessages } from './login-form.messages.js';
import { loginFormStyles } from './login-form.styles.js';
import { hrefProperty } from '../base/safe-href.js';

type Field = 'email' | 'password';

/**
 * @summary Logs the abonent in to the cabinet with e-mail (login) and password.
 *
 * A real `<form>` in the page's DOM, so password managers fill and save it.
 * It checks only that both fields are filled and the e-mail is well formed:
 * the registration password rule never applies here. A wrong e-mail and a
 * wrong password get one message; too many attempts say how long to wait.
 * Once logged in (also after a reload) it names the user and offers "Выйти".
 *
 * @fires {LkLoginEvent} lk-login - logged in; `detail.user`.
 * @fires {LkLogoutEvent} lk-logout - logged out with "Выйти"; `detail.reason` is `user`.
 * @fires {LkNavigateEvent} lk-navigate - "Забыли пароль?" (`recover`) or "Зарегистрироваться" (`register`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user; `detail.error`.
 *
 * @csspart form - the `<form>`.
 * @csspart title - the heading.
 * @csspart field - each label + error + input group (`field-invalid` when invalid).
 * @csspart label - a field's label.
 * @csspart input - the e-mail and password inputs (`input-email`, `input-password`).
 * @csspart input-row - an input with what stands beside it ("Показать пароль").
 * @csspart field-error - a field's inline error.
 * @csspart toggle-password - "Показать пароль" (also `button`).
 * @csspart submit - "Войти".
 * @csspart captcha - the anti-robot check (`<lk-captcha>`), after repeated failures for an address.
 * @csspart error-summary - the list of errors after a failed submit: `error-summary-title`, then the `error-summary-list` of each `error-summary-item`, a link to its field (`error-summary-link`).
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart status - progress and success, announced politely.
 * @csspart links - the recovery and registration links (`link`; `link-recover`, `link-register`).
 * @csspart signed-in - the logged-in state: `greeting`, `signed-in-as` (who is logged in) and the button `logout` (also `button`).
 * @csspart unconfirmed - a user who has not confirmed the e-mail: `unconfirmed-message`, `unconfirmed-expiry` (the date until which the link works) and "Выслать ссылку" (`resend`, also `button`).
 *
 * @cssprop [--lk-color-primary=#0b5cad] - buttons and links.
 * @cssprop [--lk-color-danger=#b3261e] - errors.
 * @cssprop [--lk-radius=0.375rem] - corner radius of inputs and buttons.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 * @cssprop [--lk-space=1rem] - the gap between the lines of the signed-in state.
 * @cssprop [--lk-form-max-width=26rem] - the form's widest.
 */
export class LkLoginFormElement extends LkElement<LoginFormMessages> {
  static override styles = [baseStyles, formStyles, loginFormStyles];

  /** The address of the registration page, for a real link when no navigator handles it. */
  @property(hrefProperty('register-href')) registerHref?: string;

  /** The address of the password recovery page, likewise. */
  @property(hrefProperty('recover-href')) recoverHref?: string;

  /** The e-mail as typed. */
  @state() email = '';
  /** The password as typed: never trimmed or shortened. */
  @state() password = '';
  /** What the status line says, by message key, so it follows a change of locale. */
  @state() private announcement: 'loggedIn' | 'loggedOut' | undefined;

  /** What the unconfirmed state's status line says after "Выслать ссылку". */
  @state() private linkSentUntil: string | undefined;

  readonly #visibility = new PasswordVisibility(this);
  /** Shown once the backend asks for it, after repeated failures for this e-mail. */
  readonly #captcha = new CaptchaCheck(this);
  readonly #submit = new SubmitController<Field, 'login' | 'logout' | 'resend'>(this, {
    fields: () => ['email', 'password'],
    ids: this.idFor,
    messages: () => this.t,
    clock: () => this.env.clock,
  });

  constructor() {
    super(loginFormMessages);
  }

  protected override render(): TemplateResult {
    const { session } = this.env;
    if (session.status === 'authenticated' && session.user) return this.renderSignedIn(session.user);
    return sessionPending(this.env, this.t) ?? this.renderForm();
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    const { email: emailError, password: passwordError } = this.#submit.fieldErrors;
    return html`
      <form part="form" novalidate aria-labelledby=${id('title')} @submit=${this.onSubmit}>
        <h2 part="title" id=${id('title')}>${t.title}</h2>
        ${this.#submit.renderSummary()} ${this.#submit.renderFault()}
        ${emailField({ id: id('email'), label: t.email, value: this.email, error: emailError, onInput: (value) => (this.email = value) })}
        ${passwordField({
          id: id('password'),
          label: t.password,
          part: 'input-password',
          name: 'password',
          autocomplete: 'current-password',
          type: this.#visibility.inputType,
          value: this.password,
          error: passwordError,
          addon: { inRow: passwordToggle(this.#visibility, t.showPassword, id('password')) },
          onInput: (value) => (this.password = value),
        })}
        ${this.#captcha.render()}
        <button part="button submit" type="submit" aria-disabled=${this.#submit.busy ? 'true' : 'false'}>${t.submit}</button>
        <p part="status" role="status">${this.#submit.busy === 'login' ? t.submitting : this.announcement && t[this.announcement]}</p>
        <p part="links">
          ${navigationLink(this, this.env, 'recover', t.forgotPassword, this.recoverHref)}
          ${navigationLink(this, this.env, 'register', t.register, this.registerHref)}
        </p>
      </form>
    `;
  }

  private renderSignedIn(user: User): TemplateResult {
    const t = this.t;
    return html`
      <div part="signed-in">
        <p part="greeting">${t.greeting}</p>
        <p part="signed-in-as">${t.signedInAs(user.email)}</p>
        ${user.emailConfirmed ? nothing : this.renderUnconfirmed(user)}
        ${this.#submit.renderSummary()} ${this.#submit.renderFault()}
        <button part="button logout" type="button" aria-disabled=${this.#submit.busy ? 'true' : 'false'} @click=${this.onLogout}>
          ${t.logout}
        </button>
        <p part="status" role="status">${this.signedInStatus()}</p>
      </div>
    `;
  }

  /** The seed's step 2: the e-mail is not confirmed yet; "Выслать ссылку" sends a new link. */
  private renderUnconfirmed(user: User): TemplateResult {
    const t = this.t;
    const until = user.confirmUntil ? formatDate(user.confirmUntil, this.localize.locale) : undefined;
    return html`
      <div part="unconfirmed">
        <p part="unconfirmed-message">${t.unconfirmed(user.email)}</p>
        ${until ? html`<p part="unconfirmed-expiry">${t.linkValidUntil(until)}</p>` : nothing}
        <button part="button resend" type="button" aria-disabled=${this.#submit.busy ? 'true' : 'false'} @click=${this.onResend}>
          ${t.resend}
        </button>
      </div>
    `;
  }

  private signedInStatus(): string {
    const t = this.t;
    if (this.#submit.busy === 'logout') return t.loggingOut;
    if (this.#submit.busy === 'resend') return t.resending;
    if (this.linkSentUntil) return t.linkSent(formatDate(this.linkSentUntil, this.localize.locale));
    return this.announcement ? t[this.announcement] : '';
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    const credentials = await this.#submit.begin(event, this.fields(), {
      start: () => {
        void this.#visibility.mask();
        this.announcement = undefined;
      },
      holdOff: this.t.tooManyAttempts,
    });
    if (credentials) await this.send(credentials);
  };

  /** The fields, their rules and the words for their codes, the schema's or the backend's. */
  private fields() {
    const t = this.t;
    return {
      email: emailRule(() => this.email, t),
      password: {
        value: () => this.password,
        schema: LoginPasswordSchema,
        message: (code: string) =>
          code === 'password_required' ? t.passwordRequired : code === 'password_too_long' ? t.passwordTooLong(LOGIN_PASSWORD_MAX_LENGTH) : t.checkField,
      },
    } satisfies FieldTable<Field>;
  }

  private async send(credentials: { email: string; password: string }): Promise<void> {
    const submit = this.#submit;
    submit.setFieldErrors({});
    await submit.run(
      'login',
      async (signal) => {
        const { user } = await login(this.env.client, await this.#captcha.withAnswer(credentials), { signal });
        this.password = '';
        this.announcement = 'loggedIn';
        this.env.session.signedIn(user);
        this.dispatchEvent(new LkLoginEvent(user));
      },
      (error) => this.showLoginFailure(error, credentials),
    );
  }

  private showLoginFailure(error: unknown, credentials: { email: string; password: string }): void {
    const t = this.t;
    if (this.#captcha.demanded(error, this.#submit, t)) return;
    if (isApiError(error) && error.status === 401) {
      void this.#submit.say(t.invalidCredentials, this.idFor('email'));
      return;
    }
    this.#submit.fail(error, { tooMany: t.tooManyAttempts, holdOff: true, retry: () => this.send(credentials) });
  }

  private readonly onResend = async (): Promise<void> => {
    const submit = this.#submit;
    if (submit.busy) return;
    submit.summary = [];
    this.linkSentUntil = undefined;
    // "Вход выполнен." is old news once the user asks for something else.
    this.announcement = undefined;
    await submit.run(
      'resend',
      async (signal) => {
        this.linkSentUntil = (await resendConfirmation(this.env.client, {}, { signal })).expiresAt;
      },
      (error) => submit.fail(error, { tooMany: this.t.resendTooOften, retry: this.onResend }),
    );
  };

  private readonly onLogout = async (): Promise<void> => {
    const submit = this.#submit;
    if (submit.busy) return;
    await submit.run(
      'logout',
      async () => {
        await this.env.session.logout();
        this.linkSentUntil = undefined;
        submit.summary = [];
        this.announcement = 'loggedOut';
        this.dispatchEvent(new LkLogoutEvent('user'));
      },
      (error) => submit.showFault(error, this.onLogout),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-login-form': LkLoginFormElement;
  }
}

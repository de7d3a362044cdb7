import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as v from 'valibot';
import { confirmEmail, resendConfirmation } from '../../api/registration.js';
import { isApiError } from '../../api/errors.js';
import { LkEmailConfirmedEvent } from '../../events/email-confirmed.js';
import { formatDate } from '../../i18n/format.js';
import { LinkTokenSchema } from '../../schemas/registration.js';
import { LkElement } from '../base/lk-element.js';
import { emailField } from '../base/form-parts.js';
import { emailRule } from '../base/field-rules.js';
import { SubmitController } from '../base/submit.js';
import { navigationLink } from '../base/navigation.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { DEFAULT_CONFIRM_PARAM, takeFromAddress } from '../base/address.js';
import { confirmEmailMessages } from './confirm-email.messages.js';
import type { ConfirmEmailMessages } from './confirm-email.messages.js';
import { confirmEmailStyles } from './confirm-email.styles.js';
import { hrefProperty } from '../base/safe-href.js';

/**
 * What came of the link: not read yet, being confirmed, one of the
 * backend's answers, no token in the address, or a fault (retry).
 * `already-confirmed`: the link was used before and its address is
 * confirmed (opened a second time, or first by a mail scanner that follows
 * links); `used`: used, and the address is not confirmed.
 */
export type ConfirmOutcome =
  | 'idle'
  | 'confirming'
  | 'confirmed'
  | 'already-confirmed'
  | 'expired'
  | 'used'
  | 'invalid'
  | 'missing'
  | 'failed';

/** The outcome of a refused token, by the backend's answer; `undefined` for a fault. */
function refusal(error: unknown): ConfirmOutcome | undefined {
  if (!isApiError(error)) return undefined;
  // Before the status: it shares 409 with `token_used`.
  if (error.code === 'already_confirmed') return 'already-confirmed';
  if (error.code === 'token_expired' || error.status === 410) return 'expired';
  if (error.code === 'token_used' || error.status === 409) return 'used';
  if (error.code === 'token_invalid' || error.status === 400 || error.status === 404) return 'invalid';
  return undefined;
}

/**
 * @summary Handles the link of the confirmation letter: confirms the e-mail with its token.
 *
 * Put it on the page the letter's link opens (`…?lk-confirm=<token>`). On
 * its first render it reads the token from the address, removes it from
 * the address bar (other parameters and the hash stay), and posts it:
 * opening the link consumes nothing, the post does (docs/promises.md#11). It
 * then says what came of it: confirmed, already confirmed (the link opened
 * again: no error, a way to log in), expired (with a form that sends a
 * new link), already used, invalid, or no token in the address; a fault
 * (server, timeout, network, unreadable answer) offers "Повторить", which
 * posts the token again from memory. The token is posted once per element.
 *
 * @fires {LkEmailConfirmedEvent} lk-email-confirmed - the address is confirmed; `detail.email`.
 * @fires {LkNavigateEvent} lk-navigate - "Войти в Личный кабинет" (`login`) or "Зарегистрироваться" (`register`); cancelable.
 * @fires {LkErrorEvent} lk-error - a fault was shown to the user; `detail.error`.
 *
 * @csspart confirm - the whole element's content.
 * @csspart title - the heading.
 * @csspart outcome - what came of the link, announced politely (also `status`, and `outcome-<outcome>`).
 * @csspart fault - a server, network or timeout failure (an alert, its text in `fault-message`), with `retry` (also `button`).
 * @csspart form - the "get a new link" form of an expired link; `subtitle` is its heading.
 * @csspart field - the e-mail's label + error + input group (`field-invalid` when invalid).
 * @csspart label - the e-mail's label.
 * @csspart input - the e-mail input (also `input-email`), in its `input-row`.
 * @csspart field-error - the e-mail's inline error.
 * @csspart error-summary - the list of errors after a failed submit: `error-summary-title`, then the `error-summary-list` of each `error-summary-item`, a link to its field (`error-summary-link`).
 * @csspart submit - "Выслать ссылку".
 * @csspart resend-status - sending and sent, announced politely (also `status`).
 * @csspart links - "Войти в Личный кабинет" (`link link-login`) and "Зарегистрироваться" (`link link-register`).
 *
 * @cssprop [--lk-color-primary=#0b5cad] - buttons and links.
 * @cssprop [--lk-color-success=#1e6b34] - the mark of a confirmed address.
 * @cssprop [--lk-color-danger=#b3261e] - errors.
 * @cssprop [--lk-radius=0.375rem] - corner radius of inputs and buttons.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 * @cssprop [--lk-color-text=#1d2733] - the outcome's status line.
 * @cssprop [--lk-form-max-width=26rem] - the form's widest.
 */
export class LkConfirmEmailElement extends LkElement<ConfirmEmailMessages> {
  static override styles = [baseStyles, formStyles, confirmEmailStyles];

  /** The query parameter that carries the token. Default `lk-confirm`. */
  @property() param = DEFAULT_CONFIRM_PARAM;

  /** The address of the login page, for a real link when no navigator handles it. */
  @property(hrefProperty('login-href')) loginHref?: string;

  /** The address of the registration page, likewise (offered when a link has expired). */
  @property(hrefProperty('register-href')) registerHref?: string;

  @state() private outcome: ConfirmOutcome = 'idle';
  /** The confirmed address, as the backend names it. */
  @state() private confirmedEmail = '';
  /** The e-mail typed into the "get a new link" form. */
  @state() private email = '';
  /** Until when the link "Выслать ссылку" sent is valid (ISO). */
  @state() private linkSentUntil: string | undefined;

  /**
   * The token, read once: it is gone from the address bar by then, and a
   * retry after a fault posts it from here.
   */
  #token: string | undefined;
  readonly #submit = new SubmitController<'email', 'resend'>(this, {
    ids: this.idFor,
    messages: () => this.t,
    clock: () => this.env.clock,
  });

  constructor() {
    super(confirmEmailMessages);
  }

  /** What came of the link so far. */
  get state(): ConfirmOutcome {
    return this.outcome;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // On the first update rather than in connectedCallback: by then `param`
    // set as a property before the tag was defined has been applied. The
    // post is not aborted when the element is disconnected (the backend may
    // already have used the token up), and never repeated by a re-render.
    if (this.hasUpdated) return;
    this.#token = takeFromAddress(this.param);
    if (this.#token === undefined) this.outcome = 'missing';
    else void this.confirm(this.#token);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    const outcome = this.outcome;
    return html`
      <div part="confirm">
        <h2 part="title" id=${id('title')}>${t.title}</h2>
        <p part="status outcome outcome-${outcome}" role="status">${this.outcomeMessage()}</p>
        ${outcome === 'expired' ? this.renderResendForm() : this.#submit.renderFault()}
        ${outcome === 'idle' || outcome === 'confirming' || outcome === 'failed'
          ? nothing
          : html`<p part="links">
              ${navigationLink(this, this.env, 'login', t.login, this.loginHref)}
              ${outcome === 'expired' ? navigationLink(this, this.env, 'register', t.register, this.registerHref) : nothing}
            </p>`}
      </div>
    `;
  }

  private outcomeMessage(): string {
    const t = this.t;
    if (this.outcome === 'idle') return '';
    if (this.outcome === 'confirmed') return t.confirmed(this.confirmedEmail);
    return this.outcome === 'already-confirmed' ? t.alreadyConfirmed : t[this.outcome];
  }

  /** The way to a new link when this one has expired (docs/promises.md#10). */
  private renderResendForm(): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    const error = this.#submit.fieldErrors.email;
    return html`
      <form part="form" novalidate aria-labelledby=${id('resend-title')} @submit=${this.onResend}>
        <h3 part="subtitle" id=${id('resend-title')}>${t.resendTitle}</h3>
        ${this.#submit.renderSummary()} ${this.#submit.renderFault()}
        ${emailField({ id: id('email'), label: t.email, value: this.email, error, autocomplete: 'email', onInput: (value) => (this.email = value) })}
        <button part="button submit" type="submit" aria-disabled=${this.#submit.busy ? 'true' : 'false'}>${t.resend}</button>
        <p part="status resend-status" role="status">
          ${this.#submit.busy ? t.resending : this.linkSentUntil ? t.linkSent(formatDate(this.linkSentUntil, this.localize.locale)) : ''}
        </p>
      </form>
    `;
  }

  /** Posts the token; a second call while one is on its way does nothing. */
  private async confirm(token: string): Promise<void> {
    if (this.outcome === 'confirming') return;
    this.#submit.clearFault();
    // A token that cannot be one (cut short, mangled by a mail client) is not sent.
    if (!v.is(LinkTokenSchema, token)) {
      this.outcome = 'invalid';
      return;
    }
    this.outcome = 'confirming';
    try {
      const { email } = await confirmEmail(this.env.client, { token });
      this.confirmedEmail = email;
      this.outcome = 'confirmed';
      this.dispatchEvent(new LkEmailConfirmedEvent(email));
      // A user logged in on this page sees the cabinet as confirmed at once.
      void this.env.session.refresh().catch(() => undefined);
    } catch (error) {
      const outcome = refusal(error);
      if (outcome) {
        this.outcome = outcome;
        return;
      }
      this.outcome = 'failed';
      this.#submit.showFault(error, () => this.confirm(token));
    }
  }

  private readonly onResend = async (event: SubmitEvent): Promise<void> => {
    const values = await this.#submit.begin(event, { email: emailRule(() => this.email, this.t) }, {
      start: () => (this.linkSentUntil = undefined),
    });
    if (values) await this.resend(values.email);
  };

  private async resend(email: string): Promise<void> {
    await this.#submit.run(
      'resend',
      async (signal) => {
        this.linkSentUntil = (await resendConfirmation(this.env.client, { email }, { signal })).expiresAt;
      },
      (error) => this.#submit.fail(error, { tooMany: this.t.resendTooOften, retry: () => this.resend(email) }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-confirm-email': LkConfirmEmailElement;
  }
}

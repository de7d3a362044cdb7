import { css, html } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { PasswordVisibility } from '../../controllers/password-visibility.js';
import { plural } from '../../i18n/format.js';
import { passwordIssueRu } from '../../i18n/password-issues.ru.js';
import { isCommonPassword, preloadCommonPasswords } from '../../schemas/common-passwords.js';
import * as v from 'valibot';
import { newPasswordSchema, passwordPolicy } from '../../schemas/password.js';
import type { PasswordIssueCode, PasswordPolicy } from '../../schemas/password.js';
import { passwordField, passwordToggle } from './form-parts.js';
import type { FieldAddon } from './form-parts.js';
import type { FieldRule } from './submit.js';

/** A rule of a new password whose state the user sees, and hears, as they type. */
export type NewPasswordRule = 'length' | 'chars' | 'match';

/** The two inputs of a new password. */
export type NewPasswordField = 'password' | 'repeat';

/** One rule and whether the values typed so far meet it. */
export interface RuleState {
  rule: NewPasswordRule;
  met: boolean;
}

const characters = (n: number) => `${n} ${plural(n, 'ru', { one: 'символ', few: 'символа', many: 'символов', other: 'символа' })}`;

/**
 * The words of the new-password fields, Russian. An element spreads them into
 * its catalogue; the English ones are `newPasswordEn`
 * (register-form/new-password.messages.en.ts), loaded with the element's
 * English strings.
 */
export const newPasswordRu = {
  /** How to fix a rule the password breaks (schema and backend codes). */
  passwordIssue: passwordIssueRu,
  repeatRequired: 'Введите пароль ещё раз в поле «Повторите пароль».',
  rulesTitle: 'Требования к паролю:',
  ruleLength: (policy: PasswordPolicy) => `От ${policy.minLength} до ${characters(policy.maxLength)}`,
  ruleChars: 'Только латинские буквы и цифры',
  ruleMatch: 'Пароли в обоих полях совпадают',
  ruleMet: 'выполнено',
  ruleUnmet: 'не выполнено',
  /** The rule of the policy in force, in the seed's words for the seed's policy. */
  policyHint: (policy: PasswordPolicy) =>
    policy.alphabet
      ? `Паролем может использоваться любая комбинация букв и цифр на английском языке, количество символов не менее ${policy.minLength}, не более ${policy.maxLength}.`
      : `Пароль может состоять из любых символов, от ${policy.minLength} до ${characters(policy.maxLength)}. Надёжнее всего фраза из нескольких слов.`,
};

export type NewPasswordMessages = typeof newPasswordRu;

export type { FieldAddon };

/** What {@link NewPasswordFields.render} needs from the element each time it renders. */
export interface NewPasswordRenderOptions {
  labels: Record<NewPasswordField, string>;
  /** The errors of the last submit (or of the backend), by field. */
  errors: Partial<Record<NewPasswordField, string>>;
  addons?: Partial<Record<NewPasswordField, FieldAddon>>;
  /**
   * The ids of the form's other password inputs that "Показать пароль" also
   * shows (the current password of a change form). They take their `type`
   * from {@link NewPasswordFields.inputType}.
   */
  alsoControls?: readonly string[];
}

interface Host extends ReactiveControllerHost, HTMLElement {}

interface NewPasswordOptions {
  /** The id of the policy in force (the provider's `password-policy`); an unknown one is the seed's. */
  policy: () => string | null | undefined;
  /** The element's strings in its locale. */
  messages: () => NewPasswordMessages & { showPassword: string };
  /** The element's id of a part, unique to the instance. */
  id: (name: string) => string;
}

/**
 * "New password" and "repeat it", shared by registration and password
 * reset: the values exactly as typed (nothing trims, truncates or
 * case-folds them, and paste is never blocked, docs/promises.md#3), the rules of
 * the policy in force listed beside the field with each one's state as the
 * user types, one "Показать пароль" for both inputs, and the checks of a
 * submit, the common-password list included (docs/promises.md#1–#4).
 *
 * A change of a rule's state is announced through a polite live region
 * that holds only the rules that changed: keystrokes that change no rule
 * leave its text, and so the screen reader, alone.
 *
 * Parts it renders: `field`, `label`, `input` (`input-new-password`,
 * `input-repeat-password`), `input-row`, `field-error`, `password-rules`
 * (`password-rules-title`, `password-rule-list`, each `password-rule` with
 * `password-rule-length` / `-chars` / `-match` and `password-rule-met` /
 * `password-rule-unmet`), `password-rules-live` and `toggle-password`.
 *
 * @example
 * ```ts
 * readonly #newPassword = new NewPasswordFields(this, { policy: () => this.env.settings.passwordPolicy, messages: () => this.t, id: this.idFor });
 * // render(): ${this.#newPassword.render({labels, errors})}
 * // its fields: { ...this.#newPassword.fields(), … } in the form's field table
 * ```
 */
export class NewPasswordFields {
  readonly #host: Host;
  readonly #options: NewPasswordOptions;
  readonly #visibility: PasswordVisibility;
  #password = '';
  #repeat = '';
  /** The rule states last announced; the live region speaks only of the ones that differ. */
  #announced = new Map<NewPasswordRule, boolean>();
  /** What the live region says: the rules whose state changed last. */
  #changes: RuleState[] = [];

  constructor(host: Host, options: NewPasswordOptions) {
    this.#host = host;
    this.#options = options;
    this.#visibility = new PasswordVisibility(host);
  }

  /** The password policy in force. */
  get policy(): PasswordPolicy {
    return passwordPolicy(this.#options.policy());
  }

  /** Whether the passwords are shown as text. */
  get shown(): boolean {
    return this.#visibility.shown;
  }

  /** The `type` of the form's password inputs now: `text` while "Показать пароль" is pressed. */
  get inputType(): 'text' | 'password' {
    return this.#visibility.inputType;
  }

  /** The rules of the policy in force and their states now. */
  rules(): RuleState[] {
    const policy = this.policy;
    const password = this.#password;
    const length = [...password].length;
    const rules: RuleState[] = [{ rule: 'length', met: length >= policy.minLength && length <= policy.maxLength }];
    if (policy.alphabet) rules.push({ rule: 'chars', met: length > 0 && policy.alphabet.test(password) });
    rules.push({ rule: 'match', met: length > 0 && this.#repeat === password });
    return rules;
  }

  /** Takes what the user typed into `name`. */
  set(name: NewPasswordField, value: string): void {
    // The list of common passwords is large: load it while the user types.
    if (this.#password === '' && this.#repeat === '') preloadCommonPasswords();
    if (name === 'password') this.#password = value;
    else this.#repeat = value;
    const now = this.rules();
    const changed = now.filter(({ rule, met }) => (this.#announced.get(rule) ?? false) !== met);
    if (changed.length > 0) {
      this.#changes = changed;
      this.#announced = new Map(now.map(({ rule, met }) => [rule, met]));
    }
    this.#host.requestUpdate();
  }

  /** Forgets both values (after a success). */
  clear(): void {
    this.#password = '';
    this.#repeat = '';
    this.#announced.clear();
    this.#changes = [];
    this.#host.requestUpdate();
  }

  /** Masks both inputs again (on submit). */
  mask(): Promise<void> {
    return this.#visibility.mask();
  }

  /**
   * The rows of the form's field table (`FieldTable`, base/submit.ts) for both inputs:
   * the password must meet the policy and not be a common one; the repeat
   * must be filled and equal to it. `pointer` is the password's name in the
   * request (and so in the backend's field errors).
   */
  fields(pointer = 'password'): { readonly [K in NewPasswordField]: FieldRule<string> } {
    const policy = this.policy;
    return {
      password: {
        value: () => this.#password,
        schema: v.pipeAsync(
          newPasswordSchema(policy),
          v.checkAsync(async (password) => !(await this.#isCommon(password)), 'password_common'),
        ),
        message: (code) => this.issue(code),
        pointer,
      },
      repeat: {
        value: () => this.#repeat,
        schema: v.pipe(
          v.string(),
          v.nonEmpty('repeat_required'),
          v.check((repeat) => repeat === this.#password, 'password_mismatch'),
        ),
        message: (code) => (code === 'repeat_required' ? this.#options.messages().repeatRequired : this.issue(code)),
      },
    };
  }

  /** Whether `password` is a common one; if the list cannot be loaded, the backend's own check (422) decides. */
  async #isCommon(password: string): Promise<boolean> {
    try {
      return await isCommonPassword(password);
    } catch {
      return false;
    }
  }

  /** The message for a backend code about the password (422), in the element's locale. */
  issue(code: string): string {
    return this.#options.messages().passwordIssue(code as PasswordIssueCode, this.policy);
  }

  /**
   * The password is too long right now: said at once, not at submit, since a
   * paste that runs over the limit is never shortened (docs/promises.md#3).
   */
  #liveError(): string | undefined {
    const policy = this.policy;
    return [...this.#password].length > policy.maxLength ? this.issue('password_too_long') : undefined;
  }

  /** Both fields, the rule list, the live region and "Показать пароль". */
  render({ labels, errors, addons = {}, alsoControls = [] }: NewPasswordRenderOptions): TemplateResult {
    const { id } = this.#options;
    const t = this.#options.messages();
    return html`
      ${this.#input('password', labels.password, errors.password ?? this.#liveError(), addons.password, id('rules'))}
      ${this.#renderRules()}
      ${this.#input('repeat', labels.repeat, errors.repeat, addons.repeat, id('rule-match'))}
      ${passwordToggle(this.#visibility, t.showPassword, [...alsoControls, id('password'), id('repeat')].join(' '))}
    `;
  }

  #input(name: NewPasswordField, label: string, error: string | undefined, addon: FieldAddon = {}, rulesId: string): TemplateResult {
    return passwordField({
      id: this.#options.id(name),
      label,
      part: name === 'password' ? 'input-new-password' : 'input-repeat-password',
      name: name === 'password' ? 'password' : 'password-repeat',
      autocomplete: 'new-password',
      type: this.#visibility.inputType,
      value: name === 'password' ? this.#password : this.#repeat,
      error,
      addon,
      describedBy: [rulesId],
      onInput: (value) => this.set(name, value),
    });
  }

  #renderRules(): TemplateResult {
    const { id } = this.#options;
    const t = this.#options.messages();
    const policy = this.policy;
    const label = (rule: NewPasswordRule) =>
      rule === 'length' ? t.ruleLength(policy) : rule === 'chars' ? t.ruleChars : t.ruleMatch;
    const stateText = (met: boolean) => (met ? t.ruleMet : t.ruleUnmet);
    return html`
      <div part="password-rules" id=${id('rules')}>
        <p part="password-rules-title" id=${id('rules-title')}>${t.rulesTitle}</p>
        <ul part="password-rule-list" aria-labelledby=${id('rules-title')}>
          ${this.rules().map(
            ({ rule, met }) => html`<li part="password-rule password-rule-${rule} password-rule-${met ? 'met' : 'unmet'}" id=${id(`rule-${rule}`)}>
              ${label(rule)}<span part="visually-hidden">: ${stateText(met)}</span>
            </li>`,
          )}
        </ul>
      </div>
      <p part="password-rules-live visually-hidden" aria-live="polite">
        ${this.#changes.map(({ rule, met }) => `${label(rule)}: ${stateText(met)}.`).join(' ')}
      </p>
    `;
  }
}

/** The look of the rule list (the visually hidden words screen readers get instead of the marks are styled by baseStyles). */
export const newPasswordStyles = css`
  :scope [part~='password-rules'] {
    display: grid;
    gap: 0.125rem;
    margin-block-start: calc(-0.5 * var(--lk-space, 1rem));
  }
  :scope [part~='password-rules-title'] {
    margin: 0;
    color: var(--lk-color-muted, #4a5561);
  }
  :scope [part~='password-rule-list'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :scope [part~='password-rule']::before {
    /* A mark for the eye only: the hidden words say it for screen readers. */
    content: '○' / '';
    display: inline-block;
    width: 1.5em;
    color: var(--lk-color-muted, #4a5561);
    font-weight: 700;
  }
  :scope [part~='password-rule-met']::before {
    content: '✓' / '';
    color: var(--lk-color-success, #1e6b34);
  }
  :scope [part~='toggle-password'] {
    justify-self: start;
  }
`;

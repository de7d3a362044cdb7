import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { LkRegisterFormElement } from '../src/entries/register-form.js';
import {
  DEMO_USER,
  elementMeta,
  findServerErrorAlert,
  inProvider,
  mockBackendEasyCaptcha as mockBackend,
  storyApiBase,
  storyDocs,
  submitForSummary as submitForAnySummary,
} from './support.js';

interface Args {
  /** `<lk-register-form locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-register-form agreement-href>`. */
  'agreement-href'?: string;
  /** `<lk-register-form agreement-version>`. */
  'agreement-version'?: string;
  /** `<lk-register-form agreement-checkbox>`. */
  'agreement-checkbox'?: boolean;
  /** `<lk-register-form login-href>`. */
  'login-href'?: string;
  /** `<lk-provider password-policy>`. */
  'password-policy'?: 'seed' | 'strong';
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-register-form');

// DEMO_USER (support.ts): registering that address again gets the same screen.
const NEW_EMAIL = 'new-abonent@example.ru';
const PASSWORD = 'gazPskov7';

// Every story's backend (mockBackend): an anti-robot check that passes at once, so the stories settle quickly.

// ----- Interaction helpers (the user's way: labels, roles, visible text) -----

async function findForm(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const form = await canvas.findByRole('form');
  return {
    form,
    email: canvas.getByLabelText(/^E-mail/, { selector: 'input' }) as HTMLInputElement,
    password: canvas.getByLabelText(/^(Укажите пароль|Choose a password)$/, { selector: 'input' }) as HTMLInputElement,
    repeat: canvas.getByLabelText(/^(Повторите пароль|Repeat the password)$/, { selector: 'input' }) as HTMLInputElement,
    submit: canvas.getByRole('button', { name: /^(Зарегистрироваться|Register)$/ }),
  };
}

async function fillIn(canvasElement: HTMLElement, email: string, password = PASSWORD, repeat = password) {
  const parts = await findForm(canvasElement);
  if (email) await userEvent.type(parts.email, email);
  if (password) await userEvent.type(parts.password, password);
  if (repeat) await userEvent.type(parts.repeat, repeat);
  return parts;
}

const submitForSummary = (canvasElement: HTMLElement, submit: HTMLElement, text: RegExp) =>
  submitForAnySummary(canvasElement, submit, text, { timeout: 5000 });

const ruleOf = (canvasElement: HTMLElement, rule: string) => canvasElement.querySelector(`[part~="password-rule-${rule}"]`);

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-register-form',
  component: 'lk-register-form',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-register-form': LkRegisterFormElement }),
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<lk-register-form
        locale=${ifDefined(args.locale)}
        agreement-href=${ifDefined(args['agreement-href'] || undefined)}
        agreement-version=${ifDefined(args['agreement-version'] || undefined)}
        ?agreement-checkbox=${args['agreement-checkbox']}
        login-href=${ifDefined(args['login-href'] || undefined)}
      ></lk-register-form>`,
      args['password-policy'],
    ),
  args: { locale: 'ru', 'agreement-href': '/agreement.html', 'agreement-version': '2026-11', 'agreement-checkbox': false },
  parameters: {
    actions: { handles: ['lk-registered', 'lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `Registers a new abonent with the seed’s fields and wording. A real \`<form>\` in the page’s DOM, inside
an \`<lk-provider>\`; “Защита от роботов” is an \`<lk-captcha>\` loaded on demand. The rules of the password policy are
listed beside the field with each one’s state as the user types. Every story talks to its own in-browser mock backend.`,
      },
    },
  },
};
export default meta;

export const Empty: Story = {
  args: { 'api-base': apiBase('empty') },
  parameters: { ...mockBackend(), ...storyDocs('The empty form; the anti-robot check passes by itself.') },
  play: async ({ canvasElement }) => {
    const { email, password, repeat } = await findForm(canvasElement);
    await expect(email).toHaveValue('');
    await expect(password).toHaveAttribute('autocomplete', 'new-password');
    await expect(repeat).toHaveAttribute('autocomplete', 'new-password');
    await within(canvasElement).findByText('Проверка пройдена', {}, { timeout: 5000 });
  },
};

export const Typing: Story = {
  name: 'Password rules as the user types',
  args: { 'api-base': apiBase('typing') },
  parameters: {
    ...mockBackend(),
    ...storyDocs('A password of the right length and alphabet, repeated: every rule is marked met, and each change was announced.'),
  },
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement, NEW_EMAIL);
    for (const rule of ['length', 'chars', 'match']) {
      await expect(ruleOf(canvasElement, rule)?.getAttribute('part')).toContain('password-rule-met');
    }
  },
};

export const HintOpen: Story = {
  name: 'Hint open',
  args: { 'api-base': apiBase('hint-open') },
  parameters: {
    ...mockBackend(),
    ...storyDocs(
      'The “?” of the password, an `<lk-hint>` (it opens on hover, keyboard focus or a click): the rule of the policy in force, ' +
        'in the seed’s words. The input is described by the same text. Escape closes it.',
    ),
  },
  play: async ({ canvasElement }) => {
    const { password } = await findForm(canvasElement);
    const toggle = within(canvasElement).getByRole('button', { name: 'Подсказка: Укажите пароль' });
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'true'));
    await expect(await within(canvasElement).findByRole('tooltip')).toHaveTextContent(/количество символов не менее 5, не более 10/);
    await expect(password).toHaveAccessibleDescription(/количество символов не менее 5, не более 10/);
  },
};

export const Invalid: Story = {
  args: { 'api-base': apiBase('invalid') },
  parameters: { ...mockBackend(), ...storyDocs('Sent empty: inline errors, and the error summary, which takes the focus.') },
  play: async ({ canvasElement }) => {
    const { email, submit } = await findForm(canvasElement);
    const summary = await submitForSummary(canvasElement, submit, /Введите адрес электронной почты/);
    await expect(summary).toHaveTextContent('Введите пароль ещё раз');
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(email).toHaveAttribute('aria-invalid', 'true');
  },
};

export const CommonPassword: Story = {
  name: 'Common password',
  args: { 'api-base': apiBase('common-password') },
  parameters: { ...mockBackend(), ...storyDocs('“qwerty1” meets the seed’s rule but is on the list of common passwords: refused, nothing sent.') },
  play: async ({ canvasElement }) => {
    const { submit } = await fillIn(canvasElement, NEW_EMAIL, 'qwerty1');
    await submitForSummary(canvasElement, submit, /слишком распространён/);
  },
};

export const AgreementCheckbox: Story = {
  name: 'Agreement checkbox',
  args: { 'api-base': apiBase('agreement-checkbox'), 'agreement-checkbox': true },
  parameters: {
    ...mockBackend(),
    ...storyDocs('`agreement-checkbox`: the agreement is a checkbox that starts unchecked; sending without it is refused.'),
  },
  play: async ({ canvasElement }) => {
    const { submit } = await fillIn(canvasElement, NEW_EMAIL);
    await expect(within(canvasElement).getByRole('checkbox')).not.toBeChecked();
    await submitForSummary(canvasElement, submit, /примите условия Пользовательского соглашения/);
  },
};

export const NotConfigured: Story = {
  name: 'Missing agreement version',
  args: { 'api-base': apiBase('not-configured'), 'agreement-version': '' },
  parameters: {
    ...mockBackend(),
    ...storyDocs('No `agreement-version`: the console names the missing attribute, and the form refuses to submit.'),
  },
  play: async ({ canvasElement }) => {
    const { submit } = await fillIn(canvasElement, NEW_EMAIL);
    await submitForSummary(canvasElement, submit, /Регистрация на этой странице сейчас недоступна/);
  },
};

export const Registered: Story = {
  args: { 'api-base': apiBase('registered') },
  parameters: {
    ...mockBackend(),
    ...storyDocs('Registered: the seed’s screen, with the date until which the confirmation link works; the focus moves to its heading.'),
  },
  play: async ({ canvasElement }) => {
    const { submit } = await fillIn(canvasElement, NEW_EMAIL);
    await userEvent.click(submit);
    const heading = await within(canvasElement).findByRole('heading', { name: 'Вы успешно зарегистрированы в Системе.' }, { timeout: 5000 });
    await waitFor(() => expect(heading).toHaveFocus());
    await within(canvasElement).findByText(/Внимание! Ссылка действительна до \d{2}\.\d{2}\.\d{4}\./);
  },
};

export const AlreadyRegistered: Story = {
  name: 'Already registered',
  args: { 'api-base': apiBase('already-registered') },
  parameters: {
    ...mockBackend(),
    ...storyDocs(`${DEMO_USER.email} is registered already: the same screen as for a new address (the holder gets a letter instead).`),
  },
  play: async ({ canvasElement }) => {
    const { submit } = await fillIn(canvasElement, DEMO_USER.email);
    await userEvent.click(submit);
    await within(canvasElement).findByRole('heading', { name: 'Вы успешно зарегистрированы в Системе.' }, { timeout: 5000 });
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { 'api-base': apiBase('server-error') },
  parameters: {
    ...mockBackend({ faults: { register: 'server-error' } }),
    ...storyDocs('The backend answers 500: an alert with “Повторить”, and nothing typed is lost. The play then clears the fault.'),
  },
  play: async ({ canvasElement, loaded }) => {
    const { submit, email } = await fillIn(canvasElement, NEW_EMAIL);
    await userEvent.click(submit);
    await findServerErrorAlert(canvasElement, { timeout: 5000 });
    await expect(email).toHaveValue(NEW_EMAIL);
    await storyMock(loaded).backend.faults.clear('register');
  },
};

export const StrongPolicy: Story = {
  name: 'Strong password policy',
  args: { 'api-base': apiBase('strong-policy'), 'password-policy': 'strong' },
  parameters: { ...mockBackend({ options: { passwordPolicy: 'strong' } }), ...storyDocs('`password-policy="strong"` on the provider: 15 to 128 characters of any kind.') },
  play: async ({ canvasElement }) => {
    await findForm(canvasElement);
    await expect(ruleOf(canvasElement, 'length')).toHaveTextContent('От 15 до 128 символов');
    await expect(ruleOf(canvasElement, 'chars')).toBeNull();
  },
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: { ...mockBackend(), ...storyDocs('`locale="en"`.') },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { name: 'Registration' });
    await findForm(canvasElement);
  },
};

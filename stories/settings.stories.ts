import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { LkAccountConnectElement } from '../src/entries/account-connect.js';
import { LkAccountsElement } from '../src/entries/accounts.js';
import { LkSettingsElement } from '../src/entries/settings.js';
import {
  DEMO_USER,
  elementMeta,
  expectLoggedOut,
  findServerErrorAlert,
  inProvider,
  loggedIn,
  mockBackend,
  storyApiBase,
  storyDocs,
  submitForSummary,
  withFaults,
} from './support.js';

interface Args {
  /** `<lk-settings locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-settings recover-href>`. */
  'recover-href'?: string;
  /** `<lk-settings login-href>`. */
  'login-href'?: string;
  /** `<lk-provider password-policy>`. */
  'password-policy'?: 'seed' | 'strong';
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-settings');

const NEW_PASSWORD = 'novyi2027';
const WRONG_PASSWORD = 'neverno1';

// ----- Interaction helpers (the user's way: labels, roles, visible text) -----

/** The password-change form, once the session check has answered. */
async function findPasswordForm(canvasElement: HTMLElement, name = 'Смена пароля') {
  const form = await within(canvasElement).findByRole('form', { name }, { timeout: 5000 });
  const inside = within(form);
  return {
    form,
    current: inside.getByLabelText(/^(Текущий пароль|Current password)$/, { selector: 'input' }) as HTMLInputElement,
    password: inside.getByLabelText(/^(Новый пароль|New password)$/, { selector: 'input' }) as HTMLInputElement,
    repeat: inside.getByLabelText(/^(Повторите пароль|Repeat the password)$/, { selector: 'input' }) as HTMLInputElement,
    submit: inside.getByRole('button', { name: /^(Сменить пароль|Change the password)$/ }),
  };
}

async function fillIn(canvasElement: HTMLElement, current: string, password = NEW_PASSWORD, repeat = password) {
  const parts = await findPasswordForm(canvasElement);
  if (current) await userEvent.type(parts.current, current);
  if (password) await userEvent.type(parts.password, password);
  if (repeat) await userEvent.type(parts.repeat, repeat);
  return parts;
}

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-settings',
  component: 'lk-settings',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-settings': LkSettingsElement, 'lk-accounts': LkAccountsElement, 'lk-account-connect': LkAccountConnectElement }),
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<lk-settings
        locale=${ifDefined(args.locale)}
        recover-href=${ifDefined(args['recover-href'] || undefined)}
        login-href=${ifDefined(args['login-href'] || undefined)}
      ></lk-settings>`,
      args['password-policy'],
    ),
  args: { locale: 'ru' },
  parameters: {
    ...mockBackend({}),
    actions: { handles: ['lk-password-changed', 'lk-navigate', 'lk-error', 'lk-account-connected', 'lk-account-selected'] },
    docs: {
      description: {
        component: `“Настройки абонента”: the login, “Смена пароля” (a real \`<form>\` password managers recognise as a
change of password, with a hidden username field holding the login), and “Подключение ЛС” with \`<lk-accounts>\` and
\`<lk-account-connect>\`. Every story has its own mock backend; the demo user (**${DEMO_USER.email}** /
**${DEMO_USER.password}**) logs in before the story renders, unless the story is about being logged out.`,
      },
    },
  },
};
export default meta;

export const NoAccounts: Story = {
  name: 'Logged in, no accounts',
  args: { 'api-base': apiBase('no-accounts') },
  parameters: storyDocs('The demo user is logged in and has no account connected yet: the empty password form and “Нет подключенных ЛС”.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const { current, password, repeat } = await findPasswordForm(canvasElement);
    await expect(canvas.getByText(DEMO_USER.email, { selector: '[part~="login-value"]' })).toBeVisible();
    await expect(current).toHaveAttribute('autocomplete', 'current-password');
    await expect(password).toHaveAttribute('autocomplete', 'new-password');
    await expect(repeat).toHaveAttribute('autocomplete', 'new-password');
    await canvas.findByText('Нет подключенных ЛС', {}, { timeout: 5000 });
  },
};

export const Invalid: Story = {
  args: { 'api-base': apiBase('invalid') },
  parameters: storyDocs(
    'A new password the rule refuses and a repeat that differs: inline errors, and the error summary, which takes the focus. Nothing is sent.',
  ),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const { password, repeat, submit } = await fillIn(canvasElement, DEMO_USER.password, 'ab1', 'ab2');
    const summary = await submitForSummary(canvasElement, submit, /Исправьте, пожалуйста, ошибки/);
    await expect(summary).toHaveTextContent('Пароль слишком короткий');
    await expect(summary).toHaveTextContent('Пароли не совпадают');
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(repeat).toHaveAttribute('aria-invalid', 'true');
  },
};

export const WrongCurrentPassword: Story = {
  name: 'Wrong current password',
  args: { 'api-base': apiBase('wrong-current-password') },
  parameters: storyDocs('The current password is wrong: said at its field. The backend counts it as a failed login.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const { current, submit } = await fillIn(canvasElement, WRONG_PASSWORD);
    await submitForSummary(canvasElement, submit, /Текущий пароль введён неверно/, { fresh: true });
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(current).toHaveValue(WRONG_PASSWORD);
  },
};

export const Changed: Story = {
  name: 'Password changed',
  args: { 'api-base': apiBase('changed') },
  parameters: storyDocs(
    'The password is changed: the fields are emptied and the status line says that other devices must log in again. This session stays.',
  ),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const { current, submit } = await fillIn(canvasElement, DEMO_USER.password);
    await userEvent.click(submit);
    await within(canvasElement).findByText('Пароль изменён. На других устройствах нужно войти заново.', {}, { timeout: 5000 });
    await expect(current).toHaveValue('');
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { 'api-base': apiBase('server-error') },
  parameters: withFaults(
    { changePassword: 'server-error' },
    'The backend answers the change with 500: an alert with “Повторить”, and nothing typed is lost. The play then clears the fault.',
  ),
  beforeEach: loggedIn,
  play: async ({ canvasElement, loaded, step }) => {
    await step('The change fails with 500', async () => {
      const { submit, current } = await fillIn(canvasElement, DEMO_USER.password);
      await userEvent.click(submit);
      await findServerErrorAlert(canvasElement, { retry: true });
      await expect(current).toHaveValue(DEMO_USER.password);
    });
    await step('The server recovers', async () => {
      await storyMock(loaded).backend.faults.clear('changePassword');
    });
  },
};

export const LoggedOut: Story = {
  name: 'Logged out',
  args: { 'api-base': apiBase('logged-out') },
  parameters: storyDocs('Nobody is logged in: the settings say so and link to the login page.'),
  play: ({ canvasElement }) => expectLoggedOut(canvasElement, 'Настройки доступны после входа в Личный кабинет.'),
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"`, logged in.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { name: 'Account settings' }, { timeout: 5000 });
    await findPasswordForm(canvasElement, 'Change the password');
  },
};

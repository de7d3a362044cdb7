import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { login } from '../src/api/auth.js';
import { LkAccountConnectElement } from '../src/entries/account-connect.js';
import { LkAccountsElement } from '../src/entries/accounts.js';
import { LkCabinetElement } from '../src/entries/cabinet.js';
import { LkConfirmEmailElement } from '../src/entries/confirm-email.js';
import { LkLoginFormElement } from '../src/entries/login-form.js';
import { LkPasswordRecoveryElement } from '../src/entries/password-recovery.js';
import { LkRegisterFormElement } from '../src/entries/register-form.js';
import { LkSettingsElement } from '../src/entries/settings.js';
import { SEED_USERS } from '../mocks/index.js';
import {
  DEMO_USER,
  elementMeta,
  findHeading,
  inProvider,
  loggedIn,
  mockBackend,
  storyApiBase,
  storyDocs,
  withTwoAccounts,
} from './support.js';

interface Args {
  /** `<lk-cabinet locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-cabinet support-email>`. */
  'support-email'?: string;
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

const apiBase = storyApiBase('elements-lk-cabinet');
const UNCONFIRMED_USER = SEED_USERS.find((user) => !user.emailConfirmed)!;
const MONTH = 31 * 24 * 60 * 60_000;

/** The navigation panel's link to a section, once logged in. */
const findSection = (canvasElement: HTMLElement, name: string) =>
  within(canvasElement).findByRole('button', { name }, { timeout: 5000 });

const meta: Meta<Args> = {
  title: 'Elements/lk-cabinet',
  component: 'lk-cabinet',
  tags: ['autodocs'],
  ...elementMeta({
    'lk-cabinet': LkCabinetElement,
    'lk-login-form': LkLoginFormElement,
    'lk-register-form': LkRegisterFormElement,
    'lk-password-recovery': LkPasswordRecoveryElement,
    'lk-confirm-email': LkConfirmEmailElement,
    'lk-accounts': LkAccountsElement,
    'lk-account-connect': LkAccountConnectElement,
    'lk-settings': LkSettingsElement,
  }),
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<lk-cabinet
        locale=${ifDefined(args.locale)}
        support-email=${ifDefined(args['support-email'] || undefined)}
        agreement-href="#agreement"
        agreement-version="2026-11"
      ></lk-cabinet>`,
    ),
  args: { locale: 'ru', 'support-email': 'support@example.ru' },
  parameters: {
    ...mockBackend({}),
    actions: {
      handles: ['lk-login', 'lk-logout', 'lk-navigate', 'lk-error', 'lk-account-connected', 'lk-account-selected', 'lk-password-changed'],
    },
    docs: {
      description: {
        component: `The whole cabinet in one tag. Logged out: login, registration, recovery, confirmation. Logged in: the
seed's welcome, the navigation panel (Лицевой счет, Подключить ЛС, Настройки), “Выйти”, and the help area with the
support address. The demo user is **${DEMO_USER.email}** / **${DEMO_USER.password}**; each story has its own mock backend.`,
      },
    },
  },
};
export default meta;

export const LoggedOut: Story = {
  name: 'Logged out',
  args: { 'api-base': apiBase('logged-out') },
  parameters: storyDocs('Nobody is logged in: the login form, with the ways to registration and recovery, and the help area.'),
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Вход в Личный кабинет');
    await expect(within(canvasElement).getByRole('link', { name: 'support@example.ru' })).toBeVisible();
    await expect(within(canvasElement).queryByRole('navigation')).toBeNull();
  },
};

export const Registration: Story = {
  args: { 'api-base': apiBase('registration') },
  parameters: storyDocs('“Зарегистрироваться” from the login form opens the registration form in the cabinet.'),
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Вход в Личный кабинет');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Зарегистрироваться' }));
    await findHeading(canvasElement, 'Регистрация');
  },
};

export const Welcome: Story = {
  name: 'Logged in, no accounts',
  args: { 'api-base': apiBase('welcome') },
  parameters: storyDocs('The seed’s welcome, the navigation panel and, with no account connected yet, the guidance to connect one.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.', {}, { timeout: 5000 });
    await canvas.findByText(/Для начала работы с Личным кабинетом Вам необходимо подключить/, {}, { timeout: 5000 });
    await expect(canvas.getByRole('navigation', { name: 'Разделы Личного кабинета' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Выйти' })).toBeVisible();
  },
};

export const WithAccounts: Story = {
  name: 'Two accounts',
  args: { 'api-base': apiBase('with-accounts') },
  parameters: storyDocs('Two accounts connected: the current one, and the list to choose another; the play chooses the second.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const details = await waitFor(() => {
      const node = canvasElement.querySelector<HTMLElement>('lk-account-summary [part~="facts"]');
      expect(node).not.toBeNull();
      return node!;
    });
    await expect(details).toHaveTextContent('5812345678');
    await userEvent.click(await canvas.findByRole('radio', { name: /6001234567/ }, { timeout: 5000 }));
    await waitFor(() => expect(details).toHaveTextContent('6001234567'));
  },
};

export const Connect: Story = {
  name: 'Подключить ЛС',
  args: { 'api-base': apiBase('connect') },
  parameters: storyDocs('The section “Подключить ЛС”: the connect form and the accounts list.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    await userEvent.click(await findSection(canvasElement, 'Подключить ЛС'));
    await findHeading(canvasElement, 'Подключение лицевых счетов');
    await findHeading(canvasElement, 'Текущие Лицевые счета');
  },
};

export const Pay: Story = {
  name: 'Оплата',
  args: { 'api-base': apiBase('pay') },
  parameters: storyDocs('The section “Оплата”, reached by the summary’s “оплатить онлайн”: `<lk-pay-now>` and `<lk-payment-history>`.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Inside the cabinet the summary's links are buttons: the cabinet's navigator moves between sections.
    await userEvent.click(await canvas.findByRole('button', { name: 'оплатить онлайн' }, { timeout: 5000 }));
    await waitFor(() => expect(canvasElement.querySelector('lk-pay-now')).not.toBeNull());
    await waitFor(() => expect(canvasElement.querySelector('lk-payment-history')).not.toBeNull());
  },
};

export const Readings: Story = {
  name: 'Показания',
  args: { 'api-base': apiBase('readings') },
  parameters: storyDocs('The section “Показания”: `<lk-readings-form>`.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    await userEvent.click(await findSection(canvasElement, 'Показания'));
    await waitFor(() => expect(canvasElement.querySelector('lk-readings-form')).not.toBeNull());
  },
};

export const Settings: Story = {
  name: 'Настройки',
  args: { 'api-base': apiBase('settings') },
  parameters: storyDocs('The section “Настройки”: `<lk-settings>`.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    await userEvent.click(await findSection(canvasElement, 'Настройки'));
    await findHeading(canvasElement, 'Настройки абонента');
  },
};

export const SessionExpired: Story = {
  name: 'Session expired',
  args: { 'api-base': apiBase('session-expired') },
  parameters: storyDocs(
    'The session ends on the backend while the abonent is in “Подключить ЛС”: back to login with a message; after login, back to the section.',
  ),
  beforeEach: loggedIn,
  play: async ({ canvasElement, loaded }) => {
    await userEvent.click(await findSection(canvasElement, 'Подключить ЛС'));
    await findHeading(canvasElement, 'Подключение лицевых счетов');
    await storyMock(loaded).backend.clock.advance(MONTH);
    // The next call that needs the session finds it gone.
    const cabinet = canvasElement.querySelector('lk-cabinet')!;
    await cabinet.querySelector('lk-provider')!.environment.accounts.reload();
    await within(canvasElement).findByText(/Сеанс работы с Личным кабинетом истёк/, {}, { timeout: 5000 });
    await findHeading(canvasElement, 'Вход в Личный кабинет');
  },
};

export const Unconfirmed: Story = {
  name: 'E-mail not confirmed',
  args: { 'api-base': apiBase('unconfirmed') },
  parameters: storyDocs('A user who has not confirmed the e-mail: the confirmation state with “Выслать ссылку”, no sections.'),
  beforeEach: async ({ loaded }) => {
    await login(storyMock(loaded).client, { email: UNCONFIRMED_USER.email, password: UNCONFIRMED_USER.password });
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('button', { name: 'Выслать ссылку' }, { timeout: 5000 });
    await expect(canvas.queryByRole('navigation')).toBeNull();
  },
};

export const English: Story = {
  args: { 'api-base': apiBase('english'), locale: 'en' },
  parameters: storyDocs('The cabinet in English.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('navigation', { name: 'Customer account sections' }, { timeout: 5000 });
    await expect(canvas.getByRole('button', { name: 'Log out' })).toBeVisible();
  },
};

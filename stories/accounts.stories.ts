import type { Meta, StoryObj } from '@storybook/web-components';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { LkAccountsElement } from '../src/entries/accounts.js';
import {
  DEMO_USER,
  elementMeta,
  expectLoggedOut,
  expectNoAccount,
  loadFailsThenRecovers,
  loggedIn,
  renderAccountBound,
  storyApiBase,
  storyDocs,
  withFaults,
  withTwoAccounts,
} from './support.js';
import type { AccountBoundArgs } from './support.js';

/** `<lk-accounts>` is not bound to one account: of those attributes, only the two links. */
type Args = Pick<AccountBoundArgs, 'locale' | 'connect-href' | 'login-href' | 'api-base'>;

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-accounts');

const findList = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('group', { name: /^(Лицевой счет, с которым Вы работаете|The personal account you are working with)$/ }, { timeout: 5000 });

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-accounts',
  component: 'lk-accounts',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-accounts': LkAccountsElement }),
  render: renderAccountBound('lk-accounts'),
  args: { locale: 'ru' },
  parameters: {
    actions: { handles: ['lk-account-selected', 'lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `“Текущие Лицевые счета”: the accounts connected to the cabinet, the current one chosen with radio
buttons, and “Отключить” with a question inside the element. The demo user (**${DEMO_USER.email}** /
**${DEMO_USER.password}**) is logged in before each story but “Logged out”.`,
      },
    },
  },
};
export default meta;

export const Empty: Story = {
  name: 'No accounts',
  args: { 'api-base': apiBase('empty') },
  parameters: storyDocs('Logged in, nothing connected yet: “Нет подключенных ЛС” and “Подключить ЛС”.'),
  beforeEach: loggedIn,
  play: ({ canvasElement }) => expectNoAccount(canvasElement),
};

export const TwoAccounts: Story = {
  name: 'Two accounts, one current',
  args: { 'api-base': apiBase('two-accounts') },
  parameters: storyDocs('Two accounts: Дагестан (connected first, so current) and Псков. The play makes Псков current.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    const [dagestan, pskov] = within(list).getAllByRole('radio');
    await expect(dagestan).toBeChecked();
    await userEvent.click(pskov!);
    await waitFor(() => expect(pskov).toBeChecked());
    await expect(within(list).getByText('Межрегионгаз Псков')).toBeVisible();
  },
};

export const ConfirmDisconnect: Story = {
  name: 'Confirm disconnect',
  args: { 'api-base': apiBase('confirm-disconnect') },
  parameters: storyDocs('“Отключить” on Псков: the question, inside the element, with the focus on its “Отключить”; “Отмена” or Escape goes back.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await findList(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Отключить лицевой счет 6001234567' }));
    const question = await canvas.findByRole('group', { name: /^Отключить лицевой счет 6001234567 от Личного кабинета\?/ });
    await waitFor(() => expect(within(question).getByRole('button', { name: 'Отключить' })).toHaveFocus());
    await expect(within(question).getByRole('button', { name: 'Отмена' })).toBeVisible();
  },
};

export const LoadingError: Story = {
  name: 'Loading error',
  args: { 'api-base': apiBase('loading-error') },
  parameters: withFaults(
    { accounts: 'server-error' },
    'The backend answers the list with 500: an alert with “Повторить”, never an endless “loading”. The play then clears the fault, so “Повторить” loads the list.',
  ),
  beforeEach: loggedIn,
  play: loadFailsThenRecovers('accounts', 'The list fails with 500'),
};

export const LoggedOut: Story = {
  name: 'Logged out',
  args: { 'api-base': apiBase('logged-out') },
  parameters: storyDocs('Nobody is logged in: a short message and a link to log in.'),
  play: ({ canvasElement }) => expectLoggedOut(canvasElement, 'Войдите в Личный кабинет, чтобы увидеть подключенные лицевые счета.'),
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"`, with two accounts.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { name: 'Current personal accounts' }, { timeout: 5000 });
    await findList(canvasElement);
  },
};

import type { Meta, StoryObj } from '@storybook/web-components';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { submitReadings } from '../src/api/readings.js';
import type { LkProviderElement } from '../src/elements/provider/provider.js';
import { LkAccountHistoryElement } from '../src/entries/account-history.js';
import {
  DEMO_USER,
  elementMeta,
  expectBusy,
  expectLoggedOut,
  expectNoAccount,
  findServerErrorAlert,
  loadFailsThenRecovers,
  loggedIn,
  renderAccountBound,
  storyApiBase,
  storyDocs,
  withFaults,
  withTwoAccounts,
} from './support.js';
import type { AccountBoundArgs } from './support.js';

type Story = StoryObj<AccountBoundArgs>;

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-account-history');

/** The Псков account's id on the mock, a debtor (1 234,56 ₽). */
const PSKOV_ID = 'mrg-pskov-6001234567';

const findTable = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('table', { name: /^(Начисления, оплаты и потребление|Charges, payments and consumption)/ }, { timeout: 8000 });
const findReadingsTable = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('table', { name: /показани|readings/i }, { timeout: 8000 });

// ----- The stories -----

const meta: Meta<AccountBoundArgs> = {
  title: 'Elements/lk-account-history',
  component: 'lk-account-history',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-account-history': LkAccountHistoryElement }),
  render: renderAccountBound('lk-account-history'),
  args: { locale: 'ru' },
  parameters: {
    actions: { handles: ['lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `“История изменений по услугам”: the account’s closed months, service by service (opening balance,
charged, paid, closing balance, consumption), newest first, and a chart of consumption and payments over the last
twelve months whose text alternative is the table. Under them, “Показания счетчиков”: the meters’ readings, newest
first, with what each counted (loaded on their own: a failure there leaves the history usable, and a new copy of the
account in the store, after a payment or readings sent, asks for them again). The demo user (**${DEMO_USER.email}** / **${DEMO_USER.password}**)
is logged in before each story but “Logged out”; most stories connect the Дагестан account (current) and the Псков one.`,
      },
    },
  },
};
export default meta;

export const Overpayment: Story = {
  name: 'Overpayment (5812345678)',
  args: { 'api-base': apiBase('overpayment') },
  parameters: storyDocs('The seed’s account, current: the last twelve months; the newest closes at −1 956,85 ₽, marked “переплата”.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement);
    await expect(canvas.getByRole('img', { name: 'Потребление газа и оплаты за последние 12 месяцев' })).toBeVisible();
    const newest = within(table).getAllByRole('row')[1]!;
    await expect(newest).toHaveTextContent(/1\s956,85\s₽\s*переплата/);
    await expect(canvas.getByRole('button', { name: 'Показать все месяцы' })).toHaveAttribute('aria-expanded', 'false');
  },
};

export const Debtor: Story = {
  name: 'Debtor (6001234567)',
  args: { 'api-base': apiBase('debtor'), 'account-id': PSKOV_ID },
  parameters: storyDocs('`account-id` names the Псков account, which owes 1 234,56 ₽: no “переплата” in its last month.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Лицевой счет 6001234567', {}, { timeout: 8000 });
    const table = await findTable(canvasElement);
    await expect(within(table).getAllByRole('row')[1]!).toHaveTextContent(/1\s234,56\s₽/);
  },
};

export const AllMonths: Story = {
  name: 'All months shown',
  args: { 'api-base': apiBase('all-months') },
  parameters: storyDocs('“Показать все месяцы” pressed: all 24 months; the button now offers the last twelve again.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement);
    const toggle = canvas.getByRole('button', { name: 'Показать все месяцы' });
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'true'));
    await expect(toggle).toHaveTextContent('Показать последние 12 месяцев');
    // The head's row and one row per month (one service each).
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBe(25));
  },
};

export const NoAccount: Story = {
  name: 'No account',
  args: { 'api-base': apiBase('no-account') },
  parameters: storyDocs('Logged in, nothing connected: “Нет подключенных ЛС” and “Подключить ЛС”.'),
  beforeEach: loggedIn,
  play: ({ canvasElement }) => expectNoAccount(canvasElement),
};

export const Loading: Story = {
  args: { 'api-base': apiBase('loading') },
  parameters: withFaults(
    { accountHistory: 'timeout' },
    'The backend does not answer: a busy status line, until the client gives up and shows a fault with “Повторить”.',
  ),
  beforeEach: withTwoAccounts,
  play: ({ canvasElement }) => expectBusy(canvasElement, 'Загружаем историю по лицевому счету…'),
};

export const LoadingError: Story = {
  name: 'Loading error',
  args: { 'api-base': apiBase('loading-error') },
  parameters: withFaults(
    { accountHistory: 'server-error' },
    'The backend answers the history with 500: an alert with “Повторить”. The play then clears the fault, so “Повторить” loads the history.',
  ),
  beforeEach: withTwoAccounts,
  play: loadFailsThenRecovers('accountHistory', 'The history fails with 500'),
};

export const LoggedOut: Story = {
  name: 'Logged out',
  args: { 'api-base': apiBase('logged-out') },
  parameters: storyDocs('Nobody is logged in: a short message and a link to log in.'),
  play: ({ canvasElement }) => expectLoggedOut(canvasElement, 'Войдите в Личный кабинет, чтобы увидеть историю по лицевому счету.'),
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"`, the seed’s account.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'History of charges by service' }, { timeout: 5000 });
    await findTable(canvasElement);
    await expect(canvas.getByRole('img', { name: 'Gas consumption and payments over the last 12 months' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Show all months' })).toBeVisible();
  },
};

export const AllReadings: Story = {
  name: 'All readings shown',
  args: { 'api-base': apiBase('all-readings') },
  parameters: storyDocs('“Показать все показания” pressed: all 24 month-end readings; the oldest has nothing to count from (“—”).'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await findReadingsTable(canvasElement);
    await expect(table).toHaveAccessibleName('Последние 12 показаний из 24');
    const toggle = canvas.getByRole('button', { name: 'Показать все показания' });
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'true'));
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBe(25));
    await expect(within(table).getAllByRole('row').at(-1)!).toHaveTextContent('нет данных');
  },
};

export const NewReading: Story = {
  name: 'A reading just sent',
  args: { 'api-base': apiBase('new-reading') },
  parameters: storyDocs(
    'A reading of 27950 is sent elsewhere on the page (here by the play, through the API) and the store gets the new account (`env.accounts.update`): it shows first, with its 23 m³, without a reload.',
  ),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement, loaded, step }) => {
    const table = await findReadingsTable(canvasElement);
    await step('Send 27950 for “Счетчик 1” and update the store', async () => {
      const store = canvasElement.querySelector<LkProviderElement>('lk-provider')!.environment.accounts;
      const account = store.current!;
      const answer = await submitReadings(storyMock(loaded).client, account.id, { readings: [{ meterId: account.meters[0]!.id, value: 27950 }] });
      store.update(answer.account);
    });
    await waitFor(() => expect(within(table).getAllByRole('row')[1]!).toHaveTextContent(/Счетчик 1\s*27950\s*23/), { timeout: 5000 });
  },
};

export const ReadingsLoading: Story = {
  name: 'Readings loading',
  args: { 'api-base': apiBase('readings-loading') },
  parameters: withFaults({ readings: 'timeout' }, 'The readings do not come: their own busy status line under the history, which is shown.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    await findTable(canvasElement);
    await expectBusy(canvasElement, 'Загружаем показания счетчиков…');
  },
};

export const ReadingsError: Story = {
  name: 'Readings error',
  args: { 'api-base': apiBase('readings-error') },
  parameters: withFaults(
    { readings: 'server-error' },
    'Only the readings fail (500): their own alert with “Повторить”, the chart and the charges still shown. The play then clears the fault and presses “Повторить”.',
  ),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement, loaded, step }) => {
    const canvas = within(canvasElement);
    await step('The readings fail with 500, the history does not', async () => {
      const alert = await findServerErrorAlert(canvasElement, { retry: true, timeout: 8000 });
      await expect(alert).toHaveTextContent('Показания счетчиков не загрузились.');
      await findTable(canvasElement);
    });
    await step('The server recovers, “Повторить”', async () => {
      await storyMock(loaded).backend.faults.clear('readings');
      await userEvent.click(canvas.getByRole('button', { name: 'Повторить' }));
      await findReadingsTable(canvasElement);
    });
  },
};

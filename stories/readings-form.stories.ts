import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { submitReadings } from '../src/api/readings.js';
import { LkAccountSummaryElement } from '../src/entries/account-summary.js';
import { LkReadingsFormElement } from '../src/entries/readings-form.js';
import {
  DEMO_USER,
  elementMeta,
  expectBusy,
  expectLoggedOut,
  expectNoAccount,
  findHeading,
  findServerErrorAlert,
  inProvider,
  loggedIn,
  renderAccountBound,
  storyApiBase,
  storyDocs,
  submitForSummary,
  withAccount,
  withFaults,
  withTwoAccounts,
} from './support.js';
import type { AccountBoundArgs } from './support.js';

type Args = Omit<AccountBoundArgs, 'account-id'>;

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-readings-form');

/** The seed's own account: "Счетчик 1" at 27927. */
const withSeedAccount = withAccount('mrg-pyatigorsk-dagestan', '5812345678');

/** The new-reading field of `meter`, once the form is shown. */
const findReading = (canvasElement: HTMLElement, meter = 'Счетчик 1', label = 'Новые показания') =>
  within(canvasElement).findByRole('textbox', { name: `${label} (${meter})` }, { timeout: 5000 });

const submitButton = (canvasElement: HTMLElement, name = 'Передать показания') => within(canvasElement).getByRole('button', { name });

/** The status line, once it says `text`. */
async function expectStatus(canvasElement: HTMLElement, text: string | RegExp): Promise<void> {
  await waitFor(() => expect(within(canvasElement).getByRole('status')).toHaveTextContent(text), { timeout: 5000 });
}

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-readings-form',
  component: 'lk-readings-form',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-readings-form': LkReadingsFormElement, 'lk-account-summary': LkAccountSummaryElement }),
  render: renderAccountBound('lk-readings-form'),
  args: { locale: 'ru' },
  parameters: {
    actions: { handles: ['lk-readings-submitted', 'lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `“Передача показаний”: for each meter of the current account its last reading and a field for the new
one, with the volume and the estimated charge at the tariff as the user types; a reading below the last needs
“Счетчик прошел через ноль”. The demo user (**${DEMO_USER.email}** / **${DEMO_USER.password}**) is logged in
before each story but “Logged out”.`,
      },
    },
  },
};
export default meta;

export const Empty: Story = {
  name: 'Empty (the seed’s account)',
  args: { 'api-base': apiBase('empty') },
  parameters: storyDocs('Account 5812345678: “Счетчик 1”, last reading 27927, and an empty field.'),
  beforeEach: withSeedAccount,
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Передача показаний');
    const input = await findReading(canvasElement);
    await expect(input).toHaveValue('');
    await expect(within(canvasElement).getByText(/^Последние показания: 27927/)).toBeVisible();
    await expect(submitButton(canvasElement)).toBeVisible();
  },
};

export const Filled: Story = {
  name: 'Filled, with the estimate',
  args: { 'api-base': apiBase('filled') },
  parameters: storyDocs('The play types 27950: 23 м³ since the last reading, and their estimated charge at the tariff.'),
  beforeEach: withSeedAccount,
  play: async ({ canvasElement }) => {
    await userEvent.type(await findReading(canvasElement), '27950');
    await within(canvasElement).findByText(/Объем с последних показаний: 23 м³, к начислению примерно/);
  },
};

export const Rollover: Story = {
  name: 'Rollover confirmed',
  args: { 'api-base': apiBase('rollover') },
  parameters: storyDocs('The play types 100, below the last reading: “Счетчик прошел через ноль” appears, and the play ticks it.'),
  beforeEach: withSeedAccount,
  play: async ({ canvasElement }) => {
    await userEvent.type(await findReading(canvasElement), '100');
    const box = await within(canvasElement).findByRole('checkbox', { name: 'Счетчик прошел через ноль' });
    await userEvent.click(box);
    await expect(box).toBeChecked();
    await within(canvasElement).findByText(/Объем с последних показаний: 72\s173 м³/);
  },
};

export const Invalid: Story = {
  args: { 'api-base': apiBase('invalid') },
  parameters: storyDocs('The play types 27000, below the last reading, and presses “Передать показания”: the error summary takes focus; nothing is sent.'),
  beforeEach: withSeedAccount,
  play: async ({ canvasElement }) => {
    const input = await findReading(canvasElement);
    await userEvent.type(input, '27000');
    const summary = await submitForSummary(canvasElement, submitButton(canvasElement), /Показания не могут быть меньше последних \(27927\)/);
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveValue('27000');
  },
};

export const Sending: Story = {
  args: { 'api-base': apiBase('sending') },
  parameters: withFaults(
    { readings: 'timeout' },
    'The backend does not answer: “Передаем показания…”, until the client gives up and shows a fault with “Повторить”.',
  ),
  beforeEach: withSeedAccount,
  play: async ({ canvasElement }) => {
    await userEvent.type(await findReading(canvasElement), '27950');
    await userEvent.click(submitButton(canvasElement));
    await expectStatus(canvasElement, 'Передаем показания…');
    await expect(submitButton(canvasElement)).toHaveAttribute('aria-disabled', 'true');
  },
};

export const Accepted: Story = {
  args: { 'api-base': apiBase('accepted') },
  parameters: storyDocs('The play sends 27950: “Показания приняты”, the new last reading shows and the field is empty.'),
  beforeEach: withSeedAccount,
  play: async ({ canvasElement }) => {
    const input = await findReading(canvasElement);
    await userEvent.type(input, '27950{Enter}');
    await expectStatus(canvasElement, 'Показания приняты: Счетчик 1 — 27950 (23 м³).');
    await expect(input).toHaveValue('');
    await expect(within(canvasElement).getByText(/^Последние показания: 27950/)).toBeVisible();
  },
};

export const WithSummary: Story = {
  name: 'Accepted, beside the account summary',
  args: { 'api-base': apiBase('with-summary') },
  parameters: storyDocs('`<lk-account-summary>` on the same page: after the play sends 27950, its table shows the new last reading too.'),
  beforeEach: withSeedAccount,
  render: (_args, { loaded }) =>
    inProvider(loaded, html`<lk-readings-form></lk-readings-form><lk-account-summary heading-level="2"></lk-account-summary>`),
  play: async ({ canvasElement }) => {
    const table = await within(canvasElement).findByRole('table', { name: 'Приборы учета' }, { timeout: 5000 });
    await expect(within(table).getByText('27927')).toBeVisible();
    await userEvent.type(await findReading(canvasElement), '27950{Enter}');
    await waitFor(() => expect(within(table).getByText('27950')).toBeVisible(), { timeout: 5000 });
  },
};

export const TwoMeters: Story = {
  name: 'Two meters',
  args: { 'api-base': apiBase('two-meters') },
  parameters: storyDocs('Account 6001234567 of Межрегионгаз Псков: two meters; the play fills only the second, which alone is sent.'),
  beforeEach: withAccount('mrg-pskov', '6001234567'),
  play: async ({ canvasElement }) => {
    await findReading(canvasElement, 'Счетчик 1 (кухня)');
    await userEvent.type(await findReading(canvasElement, 'Счетчик 2 (котёл)'), '18300');
    await userEvent.click(submitButton(canvasElement));
    await expectStatus(canvasElement, 'Показания приняты: Счетчик 2 (котёл) — 18300 (70 м³).');
  },
};

export const Refused: Story = {
  name: 'Refused by the backend',
  args: { 'api-base': apiBase('refused') },
  parameters: storyDocs(
    'Another session sends 28000 after the form has shown 27927; the play then sends 27950: the backend refuses it (422), the message goes to the field, and the newer last reading shows.',
  ),
  beforeEach: withSeedAccount,
  play: async ({ canvasElement, loaded }) => {
    const input = await findReading(canvasElement);
    const { client } = storyMock(loaded);
    const form = canvasElement.querySelector('lk-readings-form')!;
    const provider = form.closest('lk-provider')!;
    const account = provider.environment.accounts.current!;
    await submitReadings(client, account.id, { readings: [{ meterId: account.meters[0]!.id, value: 28000 }] });
    await userEvent.type(input, '27950');
    await submitForSummary(canvasElement, submitButton(canvasElement), /Показания меньше последних принятых/);
    await expect(input).toHaveValue('27950');
    await within(canvasElement).findByText(/^Последние показания: 28000/, {}, { timeout: 5000 });
  },
};

export const Fault: Story = {
  name: 'Server error, then “Повторить”',
  args: { 'api-base': apiBase('fault') },
  parameters: withFaults(
    { readings: 'server-error' },
    'The backend answers 500: an alert with “Повторить”, the value kept. The play then clears the fault and presses “Повторить”: the same reading is accepted.',
  ),
  beforeEach: withSeedAccount,
  play: async ({ canvasElement, loaded, step }) => {
    const input = await findReading(canvasElement);
    await step('The readings fail with 500', async () => {
      await userEvent.type(input, '27950');
      await userEvent.click(submitButton(canvasElement));
      await findServerErrorAlert(canvasElement, { retry: true, timeout: 5000 });
      await expect(input).toHaveValue('27950');
    });
    await step('The server recovers; “Повторить” sends the same reading', async () => {
      await storyMock(loaded).backend.faults.clear('readings');
      await userEvent.click(within(canvasElement).getByRole('button', { name: 'Повторить' }));
      await expectStatus(canvasElement, /^Показания приняты: Счетчик 1 — 27950/);
    });
  },
};

export const Loading: Story = {
  name: 'Loading the account',
  args: { 'api-base': apiBase('loading') },
  parameters: withFaults(
    { accounts: 'timeout' },
    'The backend does not answer the list of accounts: a busy status line, until the client gives up and shows a fault with “Повторить”.',
  ),
  beforeEach: withSeedAccount,
  play: ({ canvasElement }) => expectBusy(canvasElement, 'Загружаем сведения по лицевому счету…'),
};

export const NoAccount: Story = {
  name: 'No account',
  args: { 'api-base': apiBase('no-account') },
  parameters: storyDocs('Logged in, nothing connected yet: “Нет подключенных ЛС” and “Подключить ЛС”.'),
  beforeEach: loggedIn,
  play: ({ canvasElement }) => expectNoAccount(canvasElement),
};

export const LoggedOut: Story = {
  name: 'Logged out',
  args: { 'api-base': apiBase('logged-out') },
  parameters: storyDocs('Nobody is logged in: a short message and a link to log in.'),
  play: ({ canvasElement }) => expectLoggedOut(canvasElement, 'Войдите в Личный кабинет, чтобы передать показания.'),
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"`, with the Дагестан and Псков accounts (Дагестан current); the play types a reading below the last one and sends it.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Meter readings');
    const input = await findReading(canvasElement, 'Счетчик 1', 'New reading');
    await userEvent.type(input, '27000');
    await submitForSummary(canvasElement, submitButton(canvasElement, 'Send the readings'), /cannot be below the last one \(27927\)/);
  },
};

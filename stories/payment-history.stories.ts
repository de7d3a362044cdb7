import type { Meta, StoryObj } from '@storybook/web-components';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { newIdempotencyKey, pay } from '../src/api/payments.js';
import type { LkProviderElement } from '../src/elements/provider/provider.js';
import { LkPaymentHistoryElement } from '../src/entries/payment-history.js';
import {
  DEMO_USER,
  elementMeta,
  expectBusy,
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
import type { AccountBoundArgs, LoadedContext } from './support.js';

type Story = StoryObj<AccountBoundArgs>;

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-payment-history');

/** The seed's account on the mock: the current one once both are connected. */
const DAGESTAN_ID = 'mrg-pyatigorsk-dagestan-5812345678';

/** Pays `amount` kopecks on the Дагестан account through the story's own client, as `<lk-pay-now>` would. */
const payOnDagestan = ({ loaded }: LoadedContext, amount: number) =>
  pay(storyMock(loaded).client, DAGESTAN_ID, { amount }, { idempotencyKey: newIdempotencyKey() });

/** Both accounts, then 500,00 ₽ paid, a card declined for 700,00 ₽, and 1 234,56 ₽ paid. */
async function withPayments(context: LoadedContext): Promise<void> {
  await withTwoAccounts(context);
  const { backend } = storyMock(context.loaded);
  await payOnDagestan(context, 50000);
  await backend.payments.setOutcome('declined');
  await payOnDagestan(context, 70000).catch(() => undefined);
  await backend.payments.setOutcome('success');
  await payOnDagestan(context, 123456);
}

const findTable = (canvasElement: HTMLElement, name = 'История платежей') =>
  within(canvasElement).findByRole('table', { name }, { timeout: 8000 });

// ----- The stories -----

const meta: Meta<AccountBoundArgs> = {
  title: 'Elements/lk-payment-history',
  component: 'lk-payment-history',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-payment-history': LkPaymentHistoryElement }),
  render: renderAccountBound('lk-payment-history'),
  args: { locale: 'ru' },
  parameters: {
    actions: { handles: ['lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `“История платежей”: the payments of the account, newest first — date, amount, status in words
(“Проведён” / “Отклонён”) and the receipt, which opens (a disclosure button) to show its number, date, amount,
personal account and supplier. A new copy of the account in the store (after a payment elsewhere on the page) asks for
the payments again. The demo user (**${DEMO_USER.email}** / **${DEMO_USER.password}**) is logged in before each story
but “Logged out”; most stories connect the Дагестан account (current) and the Псков one.`,
      },
    },
  },
};
export default meta;

export const Payments: Story = {
  name: 'Payments, a receipt open',
  args: { 'api-base': apiBase('payments') },
  parameters: storyDocs('Three payments, newest first: 1 234,56 ₽ paid, 700,00 ₽ declined (no receipt), 500,00 ₽ paid. The play opens the newest receipt.'),
  beforeEach: withPayments,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement);
    const rows = within(table).getAllByRole('row');
    await expect(rows[1]!).toHaveTextContent(/1\s234,56\s₽\s*Проведён/);
    await expect(table).toHaveTextContent(/700,00\s₽\s*Отклонён/);
    const [newest] = canvas.getAllByRole('button', { name: /^Чек / });
    await userEvent.click(newest!);
    await waitFor(() => expect(newest).toHaveAttribute('aria-expanded', 'true'));
    await expect(canvas.getByText('Поставщик')).toBeVisible();
    await expect(canvas.getByText('Межрегионгаз Пятигорск (Республика Дагестан)')).toBeVisible();
  },
};

export const Declined: Story = {
  name: 'A declined card',
  args: { 'api-base': apiBase('declined') },
  parameters: storyDocs('One payment, declined by the mock provider: “Отклонён”, and no receipt to open.'),
  beforeEach: async (context) => {
    await withTwoAccounts(context);
    await storyMock(context.loaded).backend.payments.setOutcome('declined');
    await payOnDagestan(context, 70000).catch(() => undefined);
    await storyMock(context.loaded).backend.payments.setOutcome('success');
  },
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    await expect(table).toHaveTextContent(/700,00\s₽\s*Отклонён/);
    await expect(within(table).queryByRole('button')).toBeNull();
  },
};

export const NewPayment: Story = {
  name: 'A payment made elsewhere',
  args: { 'api-base': apiBase('new-payment') },
  parameters: storyDocs(
    'No payment at first; then 500,00 ₽ is paid elsewhere on the page (here by the play, through the API) and the store gets the new account (`env.accounts.update`): the payment shows without a reload.',
  ),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement, loaded, step }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Платежей пока нет', {}, { timeout: 8000 });
    await step('Pay 500,00 ₽ and update the store', async () => {
      const answer = await payOnDagestan({ loaded }, 50000);
      canvasElement.querySelector<LkProviderElement>('lk-provider')!.environment.accounts.update(answer.account);
    });
    const table = await findTable(canvasElement);
    await expect(within(table).getAllByRole('row')[1]!).toHaveTextContent(/500,00\s₽\s*Проведён/);
  },
};

export const Empty: Story = {
  name: 'No payments yet',
  args: { 'api-base': apiBase('empty') },
  parameters: storyDocs('The account has no payment: “Платежей пока нет”.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Платежей пока нет', {}, { timeout: 8000 });
  },
};

export const NoAccount: Story = {
  name: 'No account',
  args: { 'api-base': apiBase('no-account') },
  parameters: storyDocs('Logged in, nothing connected: “Нет подключенных ЛС” and “Подключить ЛС”.'),
  beforeEach: loggedIn,
  play: ({ canvasElement }) => expectNoAccount(canvasElement),
};

export const NotConnected: Story = {
  name: 'Account not connected',
  args: { 'api-base': apiBase('not-connected'), 'account-id': 'mrg-samara-6312345678' },
  parameters: storyDocs('`account-id` names an account this cabinet does not have: it says so, with “Подключить ЛС” and no retry.'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Этот лицевой счет не подключен к Вашему Личному кабинету.', {}, { timeout: 8000 });
    await expect(canvas.queryByRole('button', { name: 'Повторить' })).toBeNull();
  },
};

export const Loading: Story = {
  args: { 'api-base': apiBase('loading') },
  parameters: withFaults(
    { payments: 'timeout' },
    'The backend does not answer: a busy status line, until the client gives up and shows a fault with “Повторить”.',
  ),
  beforeEach: withTwoAccounts,
  play: ({ canvasElement }) => expectBusy(canvasElement, 'Загружаем историю платежей…'),
};

export const LoadingError: Story = {
  name: 'Loading error',
  args: { 'api-base': apiBase('loading-error') },
  parameters: withFaults(
    { payments: 'server-error' },
    'The backend answers the payments with 500: an alert with “Повторить”. The play then clears the fault and presses it.',
  ),
  beforeEach: withTwoAccounts,
  play: loadFailsThenRecovers('payments', 'The payments fail with 500', {
    afterRetry: (canvasElement) => within(canvasElement).findByText('Платежей пока нет', {}, { timeout: 5000 }),
  }),
};

export const LoggedOut: Story = {
  name: 'Logged out',
  args: { 'api-base': apiBase('logged-out') },
  parameters: storyDocs('Nobody is logged in: a short message and a link to log in.'),
  play: ({ canvasElement }) => expectLoggedOut(canvasElement, 'Войдите в Личный кабинет, чтобы увидеть историю платежей.'),
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"`, with the three payments; the play opens the newest receipt.'),
  beforeEach: withPayments,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement, 'Payment history');
    await expect(table).toHaveTextContent('Declined');
    const [newest] = canvas.getAllByRole('button', { name: /^Receipt / });
    await userEvent.click(newest!);
    await waitFor(() => expect(newest).toHaveAttribute('aria-expanded', 'true'));
    await expect(canvas.getByText('Supplier')).toBeVisible();
  },
};

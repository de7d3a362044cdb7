import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { newIdempotencyKey, pay } from '../src/api/payments.js';
import type { LkProviderElement } from '../src/elements/provider/provider.js';
import { LkPaymentHistoryElement } from '../src/entries/payment-history.js';
import {
  apiBaseArgType,
  DEMO_USER,
  elementMeta,
  findServerErrorAlert,
  inProvider,
  localeArgType,
  loggedIn,
  mockBackend,
  storyApiBase,
  storyDocs,
  withTwoAccounts,
} from './support.js';

interface Args {
  /** `<lk-payment-history locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-payment-history account-id>`. */
  'account-id'?: string;
  /** `<lk-payment-history heading-level>`. */
  'heading-level'?: number;
  /** `<lk-payment-history connect-href>`. */
  'connect-href'?: string;
  /** `<lk-payment-history login-href>`. */
  'login-href'?: string;
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;
type Loaded = { loaded: Record<string, unknown> };

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-payment-history');

/** The seed's account on the mock: the current one once both are connected. */
const DAGESTAN_ID = 'mrg-pyatigorsk-dagestan-5812345678';

/** Pays `amount` kopecks on the Дагестан account through the story's own client, as `<lk-pay-now>` would. */
const payOnDagestan = ({ loaded }: Loaded, amount: number) =>
  pay(storyMock(loaded).client, DAGESTAN_ID, { amount }, { idempotencyKey: newIdempotencyKey() });

/** Both accounts, then 500,00 ₽ paid, a card declined for 700,00 ₽, and 1 234,56 ₽ paid. */
async function withPayments(context: Loaded): Promise<void> {
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

const meta: Meta<Args> = {
  title: 'Elements/lk-payment-history',
  component: 'lk-payment-history',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-payment-history': LkPaymentHistoryElement }),
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<lk-payment-history
        locale=${ifDefined(args.locale)}
        account-id=${ifDefined(args['account-id'] || undefined)}
        heading-level=${ifDefined(args['heading-level'])}
        connect-href=${ifDefined(args['connect-href'] || undefined)}
        login-href=${ifDefined(args['login-href'] || undefined)}
      ></lk-payment-history>`,
    ),
  args: { locale: 'ru' },
  argTypes: {
    locale: localeArgType('lk-payment-history'),
    'account-id': {
      description: 'The account to show, by its id; without it, the session’s current account (the one `<lk-accounts>` chooses).',
      control: 'text',
      table: { category: 'lk-payment-history', type: { summary: 'string' } },
    },
    'heading-level': {
      description: 'The level of the heading, 2 to 6 (default 2).',
      control: { type: 'number', min: 2, max: 6 },
      table: { category: 'lk-payment-history', type: { summary: 'number' } },
    },
    'connect-href': {
      description: 'The account connection page’s address. With it, “Подключить ЛС” is a real link; without it, a button that only fires `lk-navigate`.',
      control: 'text',
      table: { category: 'lk-payment-history', type: { summary: 'string' } },
    },
    'login-href': {
      description: 'The login page’s address, likewise for the link shown when nobody is logged in.',
      control: 'text',
      table: { category: 'lk-payment-history', type: { summary: 'string' } },
    },
    'api-base': apiBaseArgType('each story has its own backend and session'),
  },
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Нет подключенных ЛС', {}, { timeout: 5000 });
    await expect(canvas.getByRole('button', { name: 'Подключить ЛС' })).toBeVisible();
  },
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
  parameters: {
    ...mockBackend({ faults: { payments: 'timeout' } }),
    ...storyDocs('The backend does not answer: a busy status line, until the client gives up and shows a fault with “Повторить”.'),
  },
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByText('Загружаем историю платежей…', {}, { timeout: 5000 });
    await expect(status).toHaveAttribute('aria-busy', 'true');
  },
};

export const LoadingError: Story = {
  name: 'Loading error',
  args: { 'api-base': apiBase('loading-error') },
  parameters: {
    ...mockBackend({ faults: { payments: 'server-error' } }),
    ...storyDocs('The backend answers the payments with 500: an alert with “Повторить”. The play then clears the fault and presses it.'),
  },
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement, loaded, step }) => {
    const canvas = within(canvasElement);
    await step('The payments fail with 500', async () => {
      await findServerErrorAlert(canvasElement, { retry: true, timeout: 8000 });
    });
    await step('The server recovers, “Повторить”', async () => {
      await storyMock(loaded).backend.faults.clear('payments');
      await userEvent.click(canvas.getByRole('button', { name: 'Повторить' }));
      await canvas.findByText('Платежей пока нет', {}, { timeout: 5000 });
    });
  },
};

export const LoggedOut: Story = {
  name: 'Logged out',
  args: { 'api-base': apiBase('logged-out') },
  parameters: storyDocs('Nobody is logged in: a short message and a link to log in.'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Войдите в Личный кабинет, чтобы увидеть историю платежей.', {}, { timeout: 5000 });
    await expect(canvas.getByRole('button', { name: 'Войти в Личный кабинет' })).toBeVisible();
  },
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

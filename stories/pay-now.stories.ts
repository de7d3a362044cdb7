import type { Meta, StoryObj } from '@storybook/web-components';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import type { PaymentOutcome } from '../mocks/index.js';
import { LkPayNowElement } from '../src/entries/pay-now.js';
import { newIdempotencyKey, pay as makePayment } from '../src/api/payments.js';
import {
  DEMO_USER,
  elementMeta,
  expectLoggedOut,
  expectNoAccount,
  findHeading,
  findServerErrorAlert,
  loggedIn,
  mockBackend,
  renderAccountBound,
  storyApiBase,
  storyDocs,
  submitForSummary,
  withAccount,
  withFaults,
} from './support.js';
import type { AccountBoundArgs, LoadedContext } from './support.js';

type Args = Omit<AccountBoundArgs, 'account-id'>;

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-pay-now');

/** The seed's account: an overpayment of 1 956,85 ₽, "Счетчик 1" at 27927; the mock provider's `outcome`, if set. */
const dagestan =
  (outcome?: PaymentOutcome) =>
  async (context: LoadedContext): Promise<void> => {
    await withAccount('mrg-pyatigorsk-dagestan', '5812345678')(context);
    if (outcome) await storyMock(context.loaded).backend.payments.setOutcome(outcome);
  };
/** A debt of 1 234,56 ₽ and two meters. */
const pskov = withAccount('mrg-pskov', '6001234567');

// ----- Play helpers (the user's way: labels, roles, visible text) -----

const findContinue = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('button', { name: /^(Продолжить|Continue)$/ }, { timeout: 5000 });

/** The seed's journey on 5812345678: 500,00 ₽ with a reading of 27950, up to the confirmation. */
async function chooseWithReading(canvasElement: HTMLElement): Promise<void> {
  const canvas = within(canvasElement);
  const submit = await findContinue(canvasElement);
  await userEvent.type(canvas.getByLabelText('Сумма авансового платежа, ₽'), '500,00');
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Передать показания при оплате' }));
  await userEvent.type(await canvas.findByLabelText(/^Новые показания/), '27950');
  await userEvent.click(submit);
  await findHeading(canvasElement, 'Проверьте данные платежа');
}

const pay = (canvasElement: HTMLElement) => userEvent.click(within(canvasElement).getByRole('button', { name: 'Оплатить' }));

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-pay-now',
  component: 'lk-pay-now',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-pay-now': LkPayNowElement }),
  render: renderAccountBound('lk-pay-now'),
  args: { locale: 'ru' },
  parameters: {
    actions: { handles: ['lk-payment', 'lk-readings-submitted', 'lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `“Оплатить онлайн”: the seed’s three choices (the current debt, an own amount, readings with the
payment), a confirmation, the mock payment service, and the receipt. The demo user
(**${DEMO_USER.email}** / **${DEMO_USER.password}**) is logged in before each story but “Logged out”.
The mock provider’s outcome is set per story (\`backend.payments.setOutcome\`).`,
      },
    },
  },
};
export default meta;

export const Debt: Story = {
  name: 'Choosing: a debt',
  args: { 'api-base': apiBase('debt') },
  parameters: storyDocs('Account 6001234567 (Псков) owes 1 234,56 ₽: the debt is chosen; the play picks an own amount and opens the readings.'),
  beforeEach: pskov,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await findContinue(canvasElement);
    const debt = canvas.getByRole('radio', { name: /^По текущему долгу: 1\s234,56\s₽$/ });
    await expect(debt).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: 'По самостоятельно внесенной сумме' }));
    await expect(canvas.getByLabelText('Сумма оплаты, ₽')).toBeVisible();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Передать показания при оплате' }));
    await expect(canvas.getAllByLabelText(/^Новые показания/)).toHaveLength(2);
  },
};

export const Overpayment: Story = {
  name: 'Choosing: an overpayment (advance)',
  args: { 'api-base': apiBase('overpayment') },
  parameters: storyDocs('The seed’s account 5812345678: “Задолженности нет, переплата 1 956,85 ₽” and an advance payment.'),
  beforeEach: dagestan(),
  play: async ({ canvasElement }) => {
    await findContinue(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/^Задолженности нет, переплата 1\s956,85\s₽\./)).toBeVisible();
    await expect(canvas.getByLabelText('Сумма авансового платежа, ₽')).toBeVisible();
  },
};

export const Invalid: Story = {
  args: { 'api-base': apiBase('invalid') },
  parameters: storyDocs('The play types “1,234” (three digits of kopecks) and a reading below the last: the summary takes the focus, the fields keep what was typed.'),
  beforeEach: dagestan(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const submit = await findContinue(canvasElement);
    await userEvent.type(canvas.getByLabelText('Сумма авансового платежа, ₽'), '1,234');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Передать показания при оплате' }));
    await userEvent.type(await canvas.findByLabelText(/^Новые показания/), '100');
    const summary = await submitForSummary(canvasElement, submit, /не больше двух цифр копеек/);
    await expect(summary).toHaveFocus();
    await expect(summary).toHaveTextContent('Счетчик 1:');
    await expect(canvas.getByLabelText('Сумма авансового платежа, ₽')).toHaveValue('1,234');
  },
};

export const Confirm: Story = {
  name: 'Confirmation',
  args: { 'api-base': apiBase('confirm') },
  parameters: storyDocs('500,00 ₽ with a reading of 27950: the confirmation, with “Оплатить” and “Изменить”.'),
  beforeEach: dagestan(),
  play: async ({ canvasElement }) => {
    await chooseWithReading(canvasElement);
    const details = within(canvasElement.querySelector<HTMLElement>('[part~="details"]')!);
    await expect(details.getByText(/^500,00\s₽$/)).toBeVisible();
    await expect(details.getByText('5812345678')).toBeVisible();
    await expect(details.getByText('Счетчик 1: 27950')).toBeVisible();
  },
};

export const Processing: Story = {
  name: 'Payment service processing',
  args: { 'api-base': apiBase('processing') },
  parameters: {
    // The mock provider holds its answer; the client waits ten minutes, so the story stays here.
    ...mockBackend({ timeout: 600_000 }),
    ...storyDocs('The mock provider takes the payment and holds the answer: “Платеж обрабатывается платежным сервисом”.'),
  },
  beforeEach: dagestan('timeout'),
  play: async ({ canvasElement }) => {
    await chooseWithReading(canvasElement);
    await pay(canvasElement);
    const status = canvasElement.querySelector<HTMLElement>('[part~="pay-now"] > [part~="status"]')!;
    await waitFor(() => expect(status).toHaveTextContent('Платеж обрабатывается платежным сервисом'));
  },
};

export const Success: Story = {
  name: 'Paid: the receipt',
  args: { 'api-base': apiBase('success') },
  parameters: storyDocs('The seed’s journey: 500,00 ₽ with a reading of 27950, “Оплата прошла” and the receipt with “Распечатать чек”.'),
  beforeEach: dagestan('success'),
  play: async ({ canvasElement }) => {
    await chooseWithReading(canvasElement);
    await pay(canvasElement);
    await findHeading(canvasElement, 'Оплата прошла');
    const receipt = within(canvasElement).getByRole('region', { name: /^Чек № / });
    await expect(within(receipt).getByText('Счетчик 1: 27950 (23 м³)')).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: 'Распечатать чек' })).toBeVisible();
  },
};

export const Declined: Story = {
  name: 'Card declined',
  args: { 'api-base': apiBase('declined') },
  parameters: storyDocs('The mock provider declines the card: nothing was charged; “Оплатить” again makes a new confirmation.'),
  beforeEach: dagestan('declined'),
  play: async ({ canvasElement }) => {
    await chooseWithReading(canvasElement);
    await pay(canvasElement);
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent('деньги не списаны');
    await expect(within(canvasElement).getByRole('button', { name: 'Оплатить' })).toBeVisible();
  },
};

export const SameAmount: Story = {
  name: 'The same amount a moment ago',
  args: { 'api-base': apiBase('same-amount') },
  parameters: storyDocs(
    'A payment of 500,00 ₽ was made a moment ago: the confirmation says so, and “Оплатить еще раз” asks again before a second payment.',
  ),
  beforeEach: async (context) => {
    await dagestan('success')(context);
    const { client } = storyMock(context.loaded);
    await makePayment(client, 'mrg-pyatigorsk-dagestan-5812345678', { amount: 50_000 }, { idempotencyKey: newIdempotencyKey() });
  },
  play: async ({ canvasElement }) => {
    await chooseWithReading(canvasElement);
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent('уже проведен');
    await expect(canvas.getByRole('button', { name: 'Оплатить еще раз' })).toBeVisible();
  },
};

export const Timeout: Story = {
  name: 'Timeout, then the retry',
  args: { 'api-base': apiBase('timeout') },
  parameters: {
    ...mockBackend({ timeout: 3000 }),
    ...storyDocs('The mock provider takes the payment but never answers; after 3 s the client gives up. “Повторить” sends the same key and gets the receipt: paid once.'),
  },
  beforeEach: dagestan('timeout'),
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('The payment times out', async () => {
      await chooseWithReading(canvasElement);
      await pay(canvasElement);
      const alert = await canvas.findByRole('alert', {}, { timeout: 8000 });
      await expect(alert).toHaveTextContent('Оплата могла пройти');
    });
    await step('“Повторить” with the same key gets the receipt', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Повторить' }));
      await findHeading(canvasElement, 'Оплата прошла');
    });
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { 'api-base': apiBase('server-error') },
  parameters: withFaults(
    { payments: 'server-error' },
    'The backend answers the payment with 500: the payment may have gone through, so the only way on is “Повторить” with the same key. The play then clears the fault.',
  ),
  beforeEach: dagestan(),
  play: async ({ canvasElement, loaded, step }) => {
    await step('The payment fails with 500', async () => {
      await chooseWithReading(canvasElement);
      await pay(canvasElement);
      await findServerErrorAlert(canvasElement, { retry: true, timeout: 5000 });
    });
    await step('The server recovers', async () => {
      await storyMock(loaded).backend.faults.clear('payments');
    });
  },
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
  play: ({ canvasElement }) => expectLoggedOut(canvasElement, 'Войдите в Личный кабинет, чтобы оплатить онлайн.'),
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"` on the Псков account: the debt, paid, and the receipt in English.'),
  beforeEach: pskov,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await findContinue(canvasElement));
    await findHeading(canvasElement, 'Check the payment');
    await userEvent.click(canvas.getByRole('button', { name: 'Pay' }));
    await findHeading(canvasElement, 'Payment made');
    await expect(canvas.getByRole('button', { name: 'Print the receipt' })).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('region', { name: /^Receipt No\. / })).toBeVisible());
  },
};

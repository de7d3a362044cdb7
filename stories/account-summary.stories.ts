import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { LkAccountSummaryElement } from '../src/entries/account-summary.js';
import {
  DEMO_USER,
  elementMeta,
  expectLoggedOut,
  expectNoAccount,
  findHeading,
  inProvider,
  loadFailsThenRecovers,
  loggedIn,
  storyApiBase,
  storyDocs,
  withAccount,
  withFaults,
  withTwoAccounts,
} from './support.js';
import type { AccountBoundArgs } from './support.js';

type Args = Pick<AccountBoundArgs, 'locale' | 'heading-level' | 'api-base'> & {
  /** `<lk-account-summary pay-href>`. */
  'pay-href'?: string;
};

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-account-summary');

/** The figure of "Сумма долга за период" (or its English), once the account is shown. */
async function findDebt(canvasElement: HTMLElement): Promise<HTMLElement> {
  await waitFor(() => expect(canvasElement.querySelector('[part~="fact-debt"] [part~="fact-value"]')).not.toBeNull(), { timeout: 5000 });
  return canvasElement.querySelector<HTMLElement>('[part~="fact-debt"] [part~="fact-value"]')!;
}

/** The period select, once the closed months are listed. */
async function findPeriods(canvasElement: HTMLElement, name: RegExp = /^(Период|Period)$/): Promise<HTMLSelectElement> {
  const select = await within(canvasElement).findByRole('combobox', { name }, { timeout: 5000 });
  await waitFor(() => expect((select as HTMLSelectElement).options.length).toBeGreaterThan(1), { timeout: 5000 });
  return select as HTMLSelectElement;
}

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-account-summary',
  component: 'lk-account-summary',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-account-summary': LkAccountSummaryElement }),
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<lk-account-summary
        locale=${ifDefined(args.locale)}
        pay-href=${ifDefined(args['pay-href'] || undefined)}
        heading-level=${ifDefined(args['heading-level'])}
      ></lk-account-summary>`,
    ),
  args: { locale: 'ru' },
  parameters: {
    actions: { handles: ['lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `“Лицевой счет”: the period in words, the debt (an overpayment says so), the meters with their last
readings, “оплатить онлайн”, and earlier periods through the select “Период”. The demo user
(**${DEMO_USER.email}** / **${DEMO_USER.password}**) is logged in before each story but “Logged out”.`,
      },
    },
  },
};
export default meta;

export const Overpayment: Story = {
  name: 'Overpayment (the seed’s account)',
  args: { 'api-base': apiBase('overpayment') },
  parameters: storyDocs('Account 5812345678 of Межрегионгаз Пятигорск (Дагестан): −1 956,85 ₽, an overpayment, and “Счетчик 1” at 27927.'),
  beforeEach: withAccount('mrg-pyatigorsk-dagestan', '5812345678'),
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Лицевой счет');
    const debt = await findDebt(canvasElement);
    await expect(debt).toHaveTextContent(/1\s956,85\s₽/);
    await expect(debt).toHaveTextContent('(переплата)');
    const table = within(canvasElement).getByRole('table', { name: 'Приборы учета' });
    await expect(within(table).getByRole('rowheader', { name: 'Счетчик 1' })).toBeVisible();
    await expect(within(table).getByText('27927')).toBeVisible();
  },
};

export const Debt: Story = {
  args: { 'api-base': apiBase('debt') },
  parameters: storyDocs('Account 6001234567 of Межрегионгаз Псков: a debt of 1 234,56 ₽ and two meters.'),
  beforeEach: withAccount('mrg-pskov', '6001234567'),
  play: async ({ canvasElement }) => {
    const debt = await findDebt(canvasElement);
    await expect(debt).toHaveTextContent(/1\s234,56\s₽/);
    await expect(debt).not.toHaveTextContent('переплата');
  },
};

export const NoDebt: Story = {
  name: 'No debt',
  args: { 'api-base': apiBase('no-debt') },
  parameters: storyDocs('Account 6312345678 of Межрегионгаз Самара: nothing owed, and it says so.'),
  beforeEach: withAccount('mrg-samara', '6312345678'),
  play: async ({ canvasElement }) => {
    await expect(await findDebt(canvasElement)).toHaveTextContent('(долга нет)');
  },
};

export const EarlierPeriod: Story = {
  name: 'Earlier period chosen',
  args: { 'api-base': apiBase('earlier-period') },
  parameters: storyDocs('The play chooses the last closed month in “Период”: its closing balance, “Начислено”, “Оплачено” and “Потребление, м³”.'),
  beforeEach: withAccount('mrg-pyatigorsk-dagestan', '5812345678'),
  play: async ({ canvasElement }) => {
    const select = await findPeriods(canvasElement);
    await userEvent.selectOptions(select, select.options[1]!);
    const figures = within(canvasElement.querySelector<HTMLElement>('[part~="figures"]')!);
    await waitFor(() => expect(figures.getByText('Сумма долга на конец периода')).toBeVisible());
    await expect(figures.getByText('Начислено')).toBeVisible();
    await expect(figures.getByText('Потребление, м³')).toBeVisible();
  },
};

export const HistoryError: Story = {
  name: 'Earlier periods failed',
  args: { 'api-base': apiBase('history-error') },
  parameters: withFaults(
    { accountHistory: 'server-error' },
    'The backend answers the history with 500: the open period stays, with an alert and “Повторить”. The play then clears the fault, so “Повторить” lists the closed months.',
  ),
  beforeEach: withAccount('mrg-pyatigorsk-dagestan', '5812345678'),
  play: loadFailsThenRecovers('accountHistory', 'The history fails with 500'),
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
  play: ({ canvasElement }) => expectLoggedOut(canvasElement, 'Войдите в Личный кабинет, чтобы увидеть сведения по лицевому счету.'),
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"`, with the Дагестан and Псков accounts (Дагестан current).'),
  beforeEach: withTwoAccounts,
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Personal account');
    await expect(await findDebt(canvasElement)).toHaveTextContent('(overpayment)');
    await findPeriods(canvasElement, /^Period$/);
    await expect(within(canvasElement).getByRole('button', { name: 'Pay online' })).toBeVisible();
  },
};

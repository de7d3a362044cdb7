import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { LkAccountConnectElement } from '../src/entries/account-connect.js';
import { LkHintElement } from '../src/entries/hint.js';
import {
  DEMO_USER,
  elementMeta,
  expectLoggedOut,
  findServerErrorAlert,
  inProvider,
  loggedIn,
  storyApiBase,
  storyDocs,
  submitForSummary,
  withFaults,
} from './support.js';

interface Args {
  /** `<lk-account-connect locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-account-connect supplier>`: the supplier to preselect. */
  supplier?: string;
  /** `<lk-account-connect login-href>`. */
  'login-href'?: string;
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-account-connect');

const DAGESTAN = 'mrg-pyatigorsk-dagestan';
const PSKOV = 'mrg-pskov';

// ----- Interaction helpers (the user's way: labels, roles, visible text) -----

/** The form, once the session and the supplier list have answered. */
async function findForm(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const form = await canvas.findByRole('form', {}, { timeout: 5000 });
  const supplier = (await canvas.findByLabelText(/^(Поставщик|Supplier)$/, { selector: 'select' }, { timeout: 5000 })) as HTMLSelectElement;
  return {
    form,
    supplier,
    number: canvas.getByLabelText(/^(Лицевой счет|Personal account)$/, { selector: 'input' }) as HTMLInputElement,
    hint: canvas.getByRole('button', { name: /^(Подсказка: Лицевой счет|Hint: Personal account)$/ }),
    submit: canvas.getByRole('button', { name: /^(Подключить ЛС|Connect account)$/ }),
  };
}

async function fillIn(canvasElement: HTMLElement, number: string) {
  const parts = await findForm(canvasElement);
  await userEvent.type(parts.number, number);
  return parts;
}

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-account-connect',
  component: 'lk-account-connect',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-account-connect': LkAccountConnectElement, 'lk-hint': LkHintElement }),
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<lk-account-connect
        locale=${ifDefined(args.locale)}
        supplier=${ifDefined(args.supplier || undefined)}
        login-href=${ifDefined(args['login-href'] || undefined)}
      ></lk-account-connect>`,
    ),
  args: { locale: 'ru' },
  parameters: {
    actions: { handles: ['lk-account-connected', 'lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `“Подключение лицевых счетов”: the supplier from the backend's catalogue, then the account number
from the receipt, with a “?” that explains the chosen supplier's numbering. Spaces, commas and dashes copied from a
receipt are dropped from what is sent. The demo user (**${DEMO_USER.email}** / **${DEMO_USER.password}**) is logged in
before each story but “Logged out”; the register holds 5812345678 (Дагестан), 6001234567 (Псков), 6312345678 (Самара).`,
      },
    },
  },
};
export default meta;

export const Empty: Story = {
  args: { 'api-base': apiBase('empty') },
  parameters: storyDocs('Logged in, nothing chosen yet: “< не выбрана >”, and the “?” says to choose the supplier first.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const { supplier, number } = await findForm(canvasElement);
    await expect(supplier).toHaveValue('');
    await expect(number).toHaveValue('');
    await expect(number).toHaveAttribute('inputmode', 'numeric');
  },
};

export const SupplierChosen: Story = {
  name: 'Supplier chosen, hint open',
  args: { supplier: DAGESTAN, 'api-base': apiBase('supplier-chosen') },
  parameters: storyDocs('Дагестан is chosen and its “?” is open: the seed’s own hint, a sector code and a number.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const { supplier, hint } = await findForm(canvasElement);
    await expect(supplier).toHaveValue(DAGESTAN);
    await userEvent.click(hint);
    const tooltip = await within(canvasElement).findByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveTextContent('Пример: 5812345678, где 58 – код абонентского пункта/сектора');
  },
};

export const Invalid: Story = {
  args: { supplier: PSKOV, 'api-base': apiBase('invalid') },
  parameters: storyDocs('A number with a letter typed for a digit: an inline error and the error summary, which takes the focus. Nothing is sent; the number stays as typed.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const { number, submit } = await fillIn(canvasElement, '60012345б7');
    const summary = await submitForSummary(canvasElement, submit, /есть буквы/);
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveValue('60012345б7');
  },
};

export const NotFound: Story = {
  name: 'Not found',
  args: { supplier: PSKOV, 'api-base': apiBase('not-found') },
  parameters: storyDocs('A well-formed number the supplier’s register does not have: the backend’s 404, said at the number.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const { number, submit } = await fillIn(canvasElement, '6001234568');
    await submitForSummary(canvasElement, submit, /Лицевой счет 6001234568 не найден у поставщика «Межрегионгаз Псков»/, { timeout: 5000 });
    await expect(number).toHaveAttribute('aria-invalid', 'true');
  },
};

export const Connected: Story = {
  args: { supplier: DAGESTAN, 'api-base': apiBase('connected') },
  parameters: storyDocs(
    'The seed’s account typed as a receipt prints it, “58 123-456,78”: sent as 5812345678 and connected. The field is emptied for the next account; the supplier stays.',
  ),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    const { number, submit } = await fillIn(canvasElement, '58 123-456,78');
    await userEvent.click(submit);
    await within(canvasElement).findByText('Лицевой счет 5812345678 подключен.', {}, { timeout: 5000 });
    await expect(number).toHaveValue('');
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { supplier: PSKOV, 'api-base': apiBase('server-error') },
  parameters: withFaults(
    { accounts: 'server-error' },
    'The backend answers the connection with 500: an alert with “Повторить”; the number stays. The play then clears the fault, so “Повторить” connects.',
  ),
  beforeEach: loggedIn,
  play: async ({ canvasElement, loaded, step }) => {
    await step('The connection fails with 500', async () => {
      const { number, submit } = await fillIn(canvasElement, '6001234567');
      await userEvent.click(submit);
      await findServerErrorAlert(canvasElement, { retry: true, timeout: 5000 });
      await expect(number).toHaveValue('6001234567');
    });
    await step('The server recovers', async () => {
      await storyMock(loaded).backend.faults.clear('accounts');
    });
  },
};

export const LoggedOut: Story = {
  name: 'Logged out',
  args: { 'api-base': apiBase('logged-out') },
  parameters: storyDocs('Nobody is logged in: a short message and a link to log in, instead of the form.'),
  play: ({ canvasElement }) => expectLoggedOut(canvasElement, 'Чтобы подключить лицевой счет, войдите в Личный кабинет.'),
};

export const English: Story = {
  args: { locale: 'en', supplier: PSKOV, 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"`, logged in, Псков chosen.'),
  beforeEach: loggedIn,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { name: 'Connect personal accounts' }, { timeout: 5000 });
    await findForm(canvasElement);
  },
};

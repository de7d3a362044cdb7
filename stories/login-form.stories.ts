import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { DEFAULT_THROTTLE } from '../mocks/index.js';
import { LkLoginFormElement } from '../src/entries/login-form.js';
import {
  DEMO_USER,
  elementMeta,
  findServerErrorAlert,
  inProvider,
  mockBackend,
  storyApiBase,
  storyDocs,
  submitForSummary as submitForAnySummary,
} from './support.js';

interface Args {
  /** `<lk-login-form locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-login-form register-href>`. */
  'register-href'?: string;
  /** `<lk-login-form recover-href>`. */
  'recover-href'?: string;
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-login-form');

const WRONG_PASSWORD = 'neverno1';

// ----- Interaction helpers (the user's way: labels, roles, visible text) -----

/** The form, once the session check has answered (it shows "Загрузка…" until then). */
async function findForm(canvasElement: HTMLElement, timeout = 3000) {
  const canvas = within(canvasElement);
  const form = await canvas.findByRole('form', {}, { timeout });
  return {
    form,
    email: canvas.getByLabelText(/^E-mail/, { selector: 'input' }) as HTMLInputElement,
    password: canvas.getByLabelText(/^(Пароль|Password)$/, { selector: 'input' }) as HTMLInputElement,
    submit: canvas.getByRole('button', { name: /^(Войти|Log in)$/ }),
  };
}

async function fillIn(canvasElement: HTMLElement, email: string, password: string, timeout?: number) {
  const parts = await findForm(canvasElement, timeout);
  await userEvent.type(parts.email, email);
  await userEvent.type(parts.password, password);
  return parts;
}

/** Submits and waits for the answer's error summary: a new one, since each submit first clears the last. */
const submitForSummary = (canvasElement: HTMLElement, submit: HTMLElement, text: RegExp) =>
  submitForAnySummary(canvasElement, submit, text, { fresh: true });

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-login-form',
  component: 'lk-login-form',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-login-form': LkLoginFormElement }),
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<lk-login-form
        locale=${ifDefined(args.locale)}
        register-href=${ifDefined(args['register-href'] || undefined)}
        recover-href=${ifDefined(args['recover-href'] || undefined)}
      ></lk-login-form>`,
    ),
  args: { locale: 'ru' },
  parameters: {
    actions: { handles: ['lk-login', 'lk-logout', 'lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `Logs the abonent in with e-mail (login) and password. A real \`<form>\` in the page's DOM, inside an
\`<lk-provider>\`. Every story talks to its own in-browser mock backend on its own API base, so stories shown
together never share data or a session. Demo user: **${DEMO_USER.email}** / **${DEMO_USER.password}**.`,
      },
    },
  },
};
export default meta;

export const Empty: Story = {
  args: { 'api-base': apiBase('empty') },
  parameters: storyDocs('Nobody is logged in: the empty form.'),
  play: async ({ canvasElement }) => {
    const { email, password } = await findForm(canvasElement);
    await expect(email).toHaveValue('');
    await expect(password).toHaveValue('');
  },
};

export const Filled: Story = {
  args: { 'api-base': apiBase('filled') },
  parameters: storyDocs('The demo user’s e-mail and password typed in, not sent yet.'),
  play: async ({ canvasElement }) => {
    const { email, password } = await fillIn(canvasElement, DEMO_USER.email, DEMO_USER.password);
    await expect(email).toHaveValue(DEMO_USER.email);
    await expect(password).toHaveValue(DEMO_USER.password);
    await expect(password).toHaveAttribute('type', 'password');
  },
};

export const Invalid: Story = {
  args: { 'api-base': apiBase('invalid') },
  parameters: storyDocs('Sent empty: inline errors, and the error summary, which takes the focus.'),
  play: async ({ canvasElement }) => {
    const { email, password, submit } = await findForm(canvasElement);
    const summary = await submitForSummary(canvasElement, submit, /Исправьте, пожалуйста, ошибки/);
    await expect(summary).toHaveTextContent('Введите адрес электронной почты.');
    await expect(summary).toHaveTextContent('Введите пароль.');
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
  },
};

export const WrongPassword: Story = {
  name: 'Wrong password',
  args: { 'api-base': apiBase('wrong-password') },
  parameters: storyDocs('A wrong password: one message for a wrong e-mail and a wrong password alike.'),
  play: async ({ canvasElement }) => {
    const { submit } = await fillIn(canvasElement, DEMO_USER.email, WRONG_PASSWORD);
    await submitForSummary(canvasElement, submit, /Неверный e-mail или пароль/);
  },
};

const THROTTLED_ATTEMPTS = 3;

export const Throttled: Story = {
  args: { 'api-base': apiBase('throttled') },
  parameters: {
    ...mockBackend({ options: { throttle: { maxAttempts: THROTTLED_ATTEMPTS } } }),
    ...storyDocs(
      `This backend allows ${THROTTLED_ATTEMPTS} login attempts per ${DEFAULT_THROTTLE.window / 60_000} minutes ` +
        `(the default is ${DEFAULT_THROTTLE.maxAttempts}). After ${THROTTLED_ATTEMPTS} wrong passwords, the next attempt ` +
        'gets 429 with Retry-After, and the form says how long to wait.',
    ),
  },
  play: async ({ canvasElement, step }) => {
    const { submit } = await fillIn(canvasElement, DEMO_USER.email, WRONG_PASSWORD);
    for (let attempt = 1; attempt <= THROTTLED_ATTEMPTS; attempt += 1) {
      await step(`Wrong password, attempt ${attempt}`, async () => {
        await submitForSummary(canvasElement, submit, /Неверный e-mail или пароль/);
      });
    }
    await step('One attempt too many', async () => {
      await submitForSummary(canvasElement, submit, /Слишком много попыток входа\. Повторите попытку через 15 минут\./);
    });
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { 'api-base': apiBase('server-error') },
  parameters: {
    ...mockBackend({ faults: { login: 'server-error' } }),
    ...storyDocs(
      'The backend answers the login with 500: the form says so in an alert with “Повторить”. The play then clears ' +
        'the fault, so “Повторить” logs in.',
    ),
  },
  play: async ({ canvasElement, loaded, step }) => {
    await step('The login fails with 500', async () => {
      const { submit } = await fillIn(canvasElement, DEMO_USER.email, DEMO_USER.password);
      await userEvent.click(submit);
      await findServerErrorAlert(canvasElement, { retry: true });
    });
    await step('The server recovers', async () => {
      await storyMock(loaded).backend.faults.clear('login');
    });
  },
};

const SLOW_LATENCY = 3000;

export const SlowNetwork: Story = {
  name: 'Slow network',
  args: { 'api-base': apiBase('slow-network') },
  parameters: {
    ...mockBackend({ options: { latency: SLOW_LATENCY } }),
    ...storyDocs(
      `Every answer takes ${SLOW_LATENCY / 1000} s: “Загрузка…” while the session is checked, then, after the submit, ` +
        '“Выполняется вход…” with the button marked busy, until the user is logged in.',
    ),
  },
  play: async ({ canvasElement }) => {
    const { submit } = await fillIn(canvasElement, DEMO_USER.email, DEMO_USER.password, SLOW_LATENCY + 3000);
    await userEvent.click(submit);
    await within(canvasElement).findByText('Выполняется вход…');
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
  },
};

export const LoggedIn: Story = {
  name: 'Logged in',
  args: { 'api-base': apiBase('logged-in') },
  parameters: storyDocs('The demo user logs in: the form gives way to the greeting and “Выйти”.'),
  play: async ({ canvasElement }) => {
    const { submit } = await fillIn(canvasElement, DEMO_USER.email, DEMO_USER.password);
    await userEvent.click(submit);
    const canvas = within(canvasElement);
    await canvas.findByText(`Вы вошли как ${DEMO_USER.email}.`);
    await expect(canvas.getByRole('button', { name: 'Выйти' })).toBeVisible();
  },
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"`.'),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { name: 'Log in to your account' });
    await findForm(canvasElement);
  },
};

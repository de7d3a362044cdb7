import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { mockBackendLoader, serveMockBackend, storyMock } from '../.storybook/mock-backend.js';
import type { MockBackendParameters } from '../.storybook/mock-backend.js';
import { DEFAULT_THROTTLE, SEED_USERS } from '../mocks/index.js';
import { LkProviderElement } from '../src/entries/provider.js';
import { LkLoginFormElement } from '../src/entries/login-form.js';

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

/** The story id prefix Storybook derives from the title. */
const ID_PREFIX = 'elements-lk-login-form';
/** Each story's own API base: its own backend, its own session (`/story-api/<story id>/`). */
const apiBase = (story: string) => `/story-api/${ID_PREFIX}--${story}/`;

/** The README's demo user, confirmed: abonent@example.ru / gaz2015. */
const DEMO_USER = SEED_USERS.find((user) => user.email === 'abonent@example.ru')!;
const WRONG_PASSWORD = 'neverno1';

const mockBackend = (parameters: MockBackendParameters) => ({ mockBackend: parameters });
const storyDocs = (story: string) => ({ docs: { description: { story } } });

/**
 * Importing the entries registers the tags. In the static build that holds
 * only thanks to main.ts (package.json's "sideEffects" names only dist/), so
 * this loader checks that the tags really are the entries' classes.
 */
async function elementsDefined(): Promise<void> {
  const elements = { 'lk-provider': LkProviderElement, 'lk-login-form': LkLoginFormElement };
  for (const [tag, element] of Object.entries(elements)) {
    if (customElements.get(tag) !== element) throw new Error(`<${tag}> is not defined by src/entries/${tag.slice(3)}.ts`);
  }
}

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

const errorSummary = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[part~="error-summary"]');

/** Submits and waits for the answer's error summary: a new one, since each submit first clears the last. */
async function submitForSummary(canvasElement: HTMLElement, submit: HTMLElement, text: RegExp): Promise<HTMLElement> {
  const previous = errorSummary(canvasElement);
  await userEvent.click(submit);
  await waitFor(() => {
    const summary = errorSummary(canvasElement);
    expect(summary).not.toBeNull();
    expect(summary).not.toBe(previous);
    expect(summary).toHaveTextContent(text);
  });
  return errorSummary(canvasElement)!;
}

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-login-form',
  component: 'lk-login-form',
  tags: ['autodocs'],
  decorators: [withActions],
  loaders: [elementsDefined, mockBackendLoader],
  beforeEach: serveMockBackend,
  render: (args, { loaded }) => {
    const { apiBase: served, client, backend } = storyMock(loaded);
    return html`
      <lk-provider api-base=${served} .client=${client} .clock=${backend.clock}>
        <lk-login-form
          locale=${ifDefined(args.locale)}
          register-href=${ifDefined(args['register-href'] || undefined)}
          recover-href=${ifDefined(args['recover-href'] || undefined)}
        ></lk-login-form>
      </lk-provider>
    `;
  },
  args: { locale: 'ru' },
  argTypes: {
    locale: {
      description: 'The interface language; without it, the provider’s (Russian by default).',
      control: 'select',
      options: ['ru', 'en'],
      table: { category: 'lk-login-form', type: { summary: "'ru' | 'en'" } },
    },
    'register-href': {
      description: 'The registration page’s address. With it, “Зарегистрироваться” is a real link; without it, a button that only fires `lk-navigate`.',
      control: 'text',
      table: { category: 'lk-login-form', type: { summary: 'string' } },
    },
    'recover-href': {
      description: 'The password recovery page’s address, likewise for “Забыли пароль?”.',
      control: 'text',
      table: { category: 'lk-login-form', type: { summary: 'string' } },
    },
    'api-base': {
      description: 'The API base of this story’s own mock backend (read-only: each story has its own backend and session).',
      control: false,
      table: { category: 'lk-provider', type: { summary: 'string' } },
    },
  },
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
      const alert = await within(canvasElement).findByRole('alert');
      await expect(alert).toHaveTextContent('На сервере произошла ошибка');
      await expect(within(alert).getByRole('button', { name: 'Повторить' })).toBeVisible();
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

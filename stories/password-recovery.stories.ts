import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import type { StoryMock } from '../.storybook/mock-backend.js';
import { requestPasswordReset, resetPassword } from '../src/api/recovery.js';
import { LkPasswordRecoveryElement } from '../src/entries/password-recovery.js';
import {
  DEMO_USER,
  elementMeta,
  findHeading,
  findServerErrorAlert,
  inProvider,
  mockBackend,
  storyApiBase,
  storyDocs,
} from './support.js';

interface Args {
  /** `<lk-password-recovery locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-password-recovery login-href>`. */
  'login-href'?: string;
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-password-recovery');

const NEW_PASSWORD = 'Pskov2026';
const RESET_PARAM = 'lk-reset';

/** Puts `token` into the story frame's address, as the letter's link would; the element takes it out again. */
function openLinkWith(token: string): void {
  const url = new URL(location.href);
  url.searchParams.set(RESET_PARAM, token);
  history.replaceState(history.state, '', url);
}

/** The token of a fresh reset letter to the demo user, from the story's backend. */
async function resetToken(mock: StoryMock): Promise<string> {
  await requestPasswordReset(mock.client, { email: DEMO_USER.email });
  const letter = (await mock.backend.outbox.list()).find((item) => item.kind === 'reset')!;
  return new URL(letter.link!).searchParams.get(RESET_PARAM)!;
}

/**
 * A story `beforeEach` (after the meta's, which serves the backend): opens a
 * reset link, after `prepare` has done what the story needs to the token.
 */
const withResetLink =
  (prepare: (mock: StoryMock, token: string) => Promise<void> = async () => {}) =>
  async ({ loaded }: { loaded: Record<string, unknown> }) => {
    const mock = storyMock(loaded);
    const token = await resetToken(mock);
    await prepare(mock, token);
    openLinkWith(token);
  };

// ----- Interaction helpers (the user's way: labels, roles, visible text) -----

async function askForLink(canvasElement: HTMLElement, email: string): Promise<void> {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText(/^E-mail/, { selector: 'input' }), email);
  await userEvent.click(canvas.getByRole('button', { name: 'Выслать ссылку' }));
}

async function setNewPassword(canvasElement: HTMLElement, password = NEW_PASSWORD, repeat = password): Promise<void> {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('Новый пароль', { selector: 'input' }), password);
  await userEvent.type(canvas.getByLabelText('Повторите пароль', { selector: 'input' }), repeat);
  await userEvent.click(canvas.getByRole('button', { name: 'Сохранить пароль' }));
}

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-password-recovery',
  component: 'lk-password-recovery',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-password-recovery': LkPasswordRecoveryElement }),
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<lk-password-recovery
        locale=${ifDefined(args.locale)}
        login-href=${ifDefined(args['login-href'] || undefined)}
      ></lk-password-recovery>`,
    ),
  args: { locale: 'ru' },
  parameters: {
    actions: { handles: ['lk-password-changed', 'lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `“Забыли пароль?”: asks for a link by e-mail (the same answer whether or not the address is registered),
then, on the page the letter’s link opens (\`?lk-reset=<token>\`), sets the new password with the rules of the policy shown
as the user types. The stories with a link ask their own mock backend for a real letter first. Demo user:
**${DEMO_USER.email}**.`,
      },
    },
  },
};
export default meta;

export const RequestLink: Story = {
  name: 'Ask for a link',
  args: { 'api-base': apiBase('request-link') },
  parameters: storyDocs('No token in the address: the e-mail to send the link to.'),
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Восстановление пароля');
    await expect(within(canvasElement).getByLabelText(/^E-mail/, { selector: 'input' })).toHaveAttribute('autocomplete', 'username');
  },
};

export const InvalidEmail: Story = {
  name: 'Invalid e-mail',
  args: { 'api-base': apiBase('invalid-email') },
  parameters: storyDocs('An address with a Cyrillic “а” among Latin letters: refused with a message that says so; nothing sent.'),
  play: async ({ canvasElement }) => {
    await askForLink(canvasElement, 'аbonent@example.ru');
    await within(canvasElement).findAllByText(/смешаны латинские и русские буквы/);
  },
};

export const LinkSent: Story = {
  name: 'Link sent',
  args: { 'api-base': apiBase('link-sent') },
  parameters: storyDocs('The neutral answer: if the address is registered, a letter went to it; until when its link works.'),
  play: async ({ canvasElement }) => {
    await askForLink(canvasElement, DEMO_USER.email);
    const heading = await findHeading(canvasElement, 'Проверьте почту');
    await waitFor(() => expect(heading).toHaveFocus());
    await within(canvasElement).findByText(/Ссылка действительна до/);
  },
};

export const TooOften: Story = {
  name: 'Too often',
  args: { 'api-base': apiBase('too-often') },
  parameters: storyDocs('A link was asked for a moment ago: the backend answers 429, and the form says how long to wait.'),
  play: async ({ canvasElement, loaded }) => {
    await requestPasswordReset(storyMock(loaded).client, { email: DEMO_USER.email });
    await askForLink(canvasElement, DEMO_USER.email);
    await within(canvasElement).findByText(/не чаще раза в минуту/, {}, { timeout: 5000 });
  },
};

export const NewPassword: Story = {
  name: 'New password',
  args: { 'api-base': apiBase('new-password') },
  parameters: storyDocs('The letter’s link opened: the token is gone from the address, and the new password is asked for twice.'),
  beforeEach: withResetLink(),
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Смена пароля');
    await expect(new URL(location.href).searchParams.has(RESET_PARAM)).toBe(false);
    await userEvent.type(within(canvasElement).getByLabelText('Новый пароль', { selector: 'input' }), 'gaz20');
    await expect(canvasElement.querySelector('[part~="password-rule-length"]')?.getAttribute('part')).toContain('password-rule-met');
  },
};

export const PasswordChanged: Story = {
  name: 'Password changed',
  args: { 'api-base': apiBase('password-changed') },
  parameters: storyDocs('The new password is saved: the user’s sessions have ended, and the login page is one link away.'),
  beforeEach: withResetLink(),
  play: async ({ canvasElement }) => {
    await setNewPassword(canvasElement);
    const heading = await findHeading(canvasElement, 'Пароль изменён');
    await waitFor(() => expect(heading).toHaveFocus());
  },
};

export const Expired: Story = {
  name: 'Link expired',
  args: { 'api-base': apiBase('link-expired') },
  parameters: storyDocs('The link is older than an hour (the mock clock moved on): it says so, and leads back to asking for a new one.'),
  beforeEach: withResetLink((mock) => mock.backend.clock.advance(61 * 60_000)),
  play: async ({ canvasElement }) => {
    await setNewPassword(canvasElement);
    await findHeading(canvasElement, 'Срок действия ссылки истёк');
    await expect(within(canvasElement).getByRole('button', { name: 'Запросить новую ссылку' })).toBeVisible();
  },
};

export const Used: Story = {
  name: 'Link used',
  args: { 'api-base': apiBase('link-used') },
  parameters: storyDocs('The link has set a password once already: it does not work twice.'),
  beforeEach: withResetLink(async (mock, token) => resetPassword(mock.client, { token, password: 'Other2026' })),
  play: async ({ canvasElement }) => {
    await setNewPassword(canvasElement);
    await findHeading(canvasElement, 'Ссылка уже использована');
  },
};

export const Invalid: Story = {
  name: 'Link invalid',
  args: { 'api-base': apiBase('link-invalid') },
  parameters: storyDocs('A link cut short by a mail program: refused at once, before any password is typed.'),
  beforeEach: () => openLinkWith('cut-short'),
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Ссылка недействительна');
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { 'api-base': apiBase('server-error') },
  parameters: {
    ...mockBackend({ faults: { recover: 'server-error' } }),
    ...storyDocs('The backend answers 500: an alert with “Повторить”; the e-mail stays. The play then clears the fault.'),
  },
  play: async ({ canvasElement, loaded }) => {
    await askForLink(canvasElement, DEMO_USER.email);
    await findServerErrorAlert(canvasElement, { timeout: 5000 });
    await storyMock(loaded).backend.faults.clear('recover');
  },
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: storyDocs('`locale="en"`.'),
  play: async ({ canvasElement }) => {
    await findHeading(canvasElement, 'Password recovery');
  },
};

import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import type { StoryMock } from '../.storybook/mock-backend.js';
import { LINK_PARAMS } from '../mocks/index.js';
import { fetchCaptchaChallenge } from '../src/api/captcha.js';
import { confirmEmail, register } from '../src/api/registration.js';
import { solveChallenge } from '../src/captcha/solve.js';
import { LkConfirmEmailElement } from '../src/entries/confirm-email.js';
import {
  elementMeta,
  errorSummary,
  findServerErrorAlert,
  inProvider,
  mockBackendEasyCaptcha as mockBackend,
  storyApiBase,
  storyDocs,
} from './support.js';

interface Args {
  /** `<lk-confirm-email locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-confirm-email param>`: each story reads its own, so stories shown together never take each other's token. */
  param: string;
  /** `<lk-confirm-email login-href>`. */
  'login-href'?: string;
  /** `<lk-confirm-email register-href>`. */
  'register-href'?: string;
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

const apiBase = storyApiBase('elements-lk-confirm-email');
/** Each story's own API base and query parameter. */
const storyArgs = (story: string) => ({ 'api-base': apiBase(story), param: `${LINK_PARAMS.confirm}-${story}` });

const DAY = 24 * 60 * 60_000;

// ----- Links, made the way an abonent gets them: register, read the letter -----

/** Registers a fresh address on the story's backend; the token of its confirmation letter. */
async function registeredToken({ backend, client }: StoryMock): Promise<{ email: string; token: string }> {
  const email = `story-${crypto.randomUUID().slice(0, 8)}@example.ru`;
  const captcha = await solveChallenge(await fetchCaptchaChallenge(client));
  await register(client, { email, password: 'gazPskov7', agreementVersion: 'story', captcha });
  const letter = (await backend.outbox.list()).find((each) => each.to === email && each.kind === 'confirm');
  const token = letter?.link && new URL(letter.link).searchParams.get(LINK_PARAMS.confirm);
  if (!token) throw new Error(`No confirmation letter for ${email}`);
  return { email, token };
}

/** Puts the token into the page's address under `param`, as following the letter's link does. */
function openLink(param: string, token: string): () => void {
  const url = new URL(location.href);
  url.searchParams.set(param, token);
  history.replaceState(history.state, '', url.href);
  // Storybook keeps the page when switching stories: a token the element did not take must not stay behind.
  return () => {
    const now = new URL(location.href);
    now.searchParams.delete(param);
    history.replaceState(history.state, '', now.href);
  };
}

interface SetupContext {
  args: Args;
  loaded: Record<string, unknown>;
}

/** A story `beforeEach` (after the meta's, which serves the backend): prepares the link and opens it. */
const withLink =
  (prepare: (mock: StoryMock) => Promise<string | undefined>) =>
  async ({ args, loaded }: SetupContext) => {
    const token = await prepare(storyMock(loaded));
    return token === undefined ? undefined : openLink(args.param, token);
  };

const freshLink = withLink(async (mock) => (await registeredToken(mock)).token);

const usedLink = withLink(async (mock) => {
  const { token } = await registeredToken(mock);
  await confirmEmail(mock.client, { token });
  return token;
});

/** The seed's rule: past its date the unconfirmed cabinet is deleted and the link answers "expired". */
const expiredLink = withLink(async (mock) => {
  const { token } = await registeredToken(mock);
  await mock.backend.clock.advance(8 * DAY);
  return token;
});

const outcome = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[part~="outcome"]');
const outcomeSays = (canvasElement: HTMLElement, text: string | RegExp) =>
  waitFor(() => expect(outcome(canvasElement)).toHaveTextContent(text), { timeout: 5000 });

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-confirm-email',
  component: 'lk-confirm-email',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-confirm-email': LkConfirmEmailElement }),
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<lk-confirm-email
        param=${args.param}
        locale=${ifDefined(args.locale)}
        login-href=${ifDefined(args['login-href'] || undefined)}
        register-href=${ifDefined(args['register-href'] || undefined)}
      ></lk-confirm-email>`,
    ),
  args: { locale: 'ru' },
  parameters: {
    ...mockBackend({}),
    actions: { handles: ['lk-email-confirmed', 'lk-navigate', 'lk-error'] },
    docs: {
      description: {
        component: `Put on the page the confirmation letter’s link opens (\`…?lk-confirm=<token>\`). It takes the token
out of the address bar, posts it, and says what came of it. Each story registers an address on its own mock backend,
reads the token from the backend’s outbox and puts it into the address before the element renders.`,
      },
    },
  },
};
export default meta;

export const Confirmed: Story = {
  args: storyArgs('confirmed'),
  parameters: storyDocs('A fresh link: the address is confirmed, and the abonent is offered to log in.'),
  beforeEach: freshLink,
  play: async ({ canvasElement }) => {
    await outcomeSays(canvasElement, /^Адрес электронной почты подтверждён\./);
    await expect(within(canvasElement).getByRole('button', { name: 'Войти в Личный кабинет' })).toBeVisible();
  },
};

const SLOW_LATENCY = 3000;

export const Confirming: Story = {
  args: storyArgs('confirming'),
  parameters: storyDocs(`The backend takes ${SLOW_LATENCY / 1000} s to answer: “Подтверждаем адрес электронной почты…”.`),
  beforeEach: withLink(async (mock) => {
    const { token } = await registeredToken(mock);
    await mock.backend.latency.set(SLOW_LATENCY);
    return token;
  }),
  play: async ({ canvasElement }) => {
    await outcomeSays(canvasElement, 'Подтверждаем адрес электронной почты…');
  },
};

export const Expired: Story = {
  args: storyArgs('expired'),
  parameters: storyDocs(
    'Eight days after registering (on the mock clock) the unconfirmed cabinet is gone and the link has expired: the ' +
      'element says so and offers a new link, or a new registration.',
  ),
  beforeEach: expiredLink,
  play: async ({ canvasElement }) => {
    await outcomeSays(canvasElement, /Срок действия ссылки истёк/);
    await expect(within(canvasElement).getByRole('button', { name: 'Выслать ссылку' })).toBeVisible();
  },
};

export const NewLinkRequested: Story = {
  name: 'New link requested',
  args: storyArgs('new-link-requested'),
  parameters: storyDocs(
    'From the expired state, the abonent types the address and presses “Выслать ссылку”. The answer is the same for ' +
      'any address (no one learns which addresses are registered).',
  ),
  beforeEach: expiredLink,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await outcomeSays(canvasElement, /Срок действия ссылки истёк/);
    await userEvent.type(canvas.getByLabelText('E-mail (логин)'), 'abonent@example.ru');
    await userEvent.click(canvas.getByRole('button', { name: 'Выслать ссылку' }));
    await canvas.findByText(/отправлена новая ссылка/, {}, { timeout: 5000 });
  },
};

export const InvalidEmail: Story = {
  name: 'New link: invalid e-mail',
  args: storyArgs('invalid-email'),
  parameters: storyDocs('“Выслать ссылку” with a mistyped address: the inline error and the summary, which takes the focus.'),
  beforeEach: expiredLink,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await outcomeSays(canvasElement, /Срок действия ссылки истёк/);
    await userEvent.type(canvas.getByLabelText('E-mail (логин)'), 'abonent@example');
    await userEvent.click(canvas.getByRole('button', { name: 'Выслать ссылку' }));
    const summary = await waitFor(() => {
      const found = errorSummary(canvasElement);
      expect(found).not.toBeNull();
      return found!;
    });
    await expect(summary).toHaveTextContent('name@example.ru');
    await waitFor(() => expect(summary).toHaveFocus());
  },
};

export const AlreadyConfirmed: Story = {
  name: 'Already confirmed',
  args: storyArgs('already-confirmed'),
  parameters: storyDocs(
    'The link was followed before (by the abonent, or first by a mail scanner): “Адрес уже подтверждён.”, no error, and the way to log in.',
  ),
  beforeEach: usedLink,
  play: async ({ canvasElement }) => {
    await outcomeSays(canvasElement, /Адрес уже подтверждён\./);
  },
};

export const Invalid: Story = {
  args: storyArgs('invalid'),
  parameters: storyDocs('A token the backend does not know (a link copied in part, or replaced by a newer letter).'),
  beforeEach: withLink(async () => 'A'.repeat(43)),
  play: async ({ canvasElement }) => {
    await outcomeSays(canvasElement, /Ссылка недействительна/);
  },
};

export const NoToken: Story = {
  name: 'No token',
  args: storyArgs('no-token'),
  parameters: storyDocs('The page was opened without a token in its address.'),
  play: async ({ canvasElement }) => {
    await outcomeSays(canvasElement, /нет ссылки подтверждения/);
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: storyArgs('server-error'),
  parameters: {
    ...mockBackend({ faults: { confirm: 'server-error' } }),
    ...storyDocs(
      'The backend answers the confirmation with 500: an alert with “Повторить”, which posts the token again from ' +
        'memory (it is gone from the address). The play then clears the fault, so “Повторить” confirms.',
    ),
  },
  beforeEach: freshLink,
  play: async ({ canvasElement, loaded, step }) => {
    await step('The confirmation fails with 500', async () => {
      await findServerErrorAlert(canvasElement, { timeout: 5000, retry: true });
    });
    await step('The server recovers', async () => {
      await storyMock(loaded).backend.faults.clear('confirm');
    });
  },
};

export const English: Story = {
  args: { ...storyArgs('english'), locale: 'en' },
  parameters: storyDocs('`locale="en"`, an expired link.'),
  beforeEach: expiredLink,
  play: async ({ canvasElement }) => {
    await outcomeSays(canvasElement, /The link has expired/);
    await expect(within(canvasElement).getByRole('button', { name: 'Send the link' })).toBeVisible();
  },
};

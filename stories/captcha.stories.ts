import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { mockBackendLoader, serveMockBackend, storyMock } from '../.storybook/mock-backend.js';
import type { MockBackendParameters } from '../.storybook/mock-backend.js';
import { LkProviderElement } from '../src/entries/provider.js';
import { LkCaptchaElement } from '../src/entries/captcha.js';

interface Args {
  /** `<lk-captcha locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

/** The story id prefix Storybook derives from the title. */
const ID_PREFIX = 'elements-lk-captcha';
/** Each story's own API base: its own backend (`/story-api/<story id>/`). */
const apiBase = (story: string) => `/story-api/${ID_PREFIX}--${story}/`;

/** Quick to solve, so the stories settle at once. */
const EASY = 4;
/** About a million digests: the search runs long enough to watch the progress bar. */
const HARD = 20;

const mockBackend = (parameters: MockBackendParameters) => ({ mockBackend: parameters });
const storyDocs = (story: string) => ({ docs: { description: { story } } });

/** The tags really are the entries' classes (see login-form.stories.ts). */
async function elementsDefined(): Promise<void> {
  const elements = { 'lk-provider': LkProviderElement, 'lk-captcha': LkCaptchaElement };
  for (const [tag, element] of Object.entries(elements)) {
    if (customElements.get(tag) !== element) throw new Error(`<${tag}> is not defined by src/entries/${tag.slice(3)}.ts`);
  }
}

const statusOf = (canvasElement: HTMLElement) => within(canvasElement).findByRole('status');

const meta: Meta<Args> = {
  title: 'Elements/lk-captcha',
  component: 'lk-captcha',
  tags: ['autodocs'],
  decorators: [withActions],
  loaders: [elementsDefined, mockBackendLoader],
  beforeEach: serveMockBackend,
  render: (args, { loaded }) => {
    const { apiBase: served, client, backend } = storyMock(loaded);
    return html`
      <lk-provider api-base=${served} .client=${client} .clock=${backend.clock}>
        <lk-captcha locale=${ifDefined(args.locale)}></lk-captcha>
      </lk-provider>
    `;
  },
  args: { locale: 'ru' },
  argTypes: {
    locale: {
      description: 'The interface language; without it, the provider’s (Russian by default).',
      control: 'select',
      options: ['ru', 'en'],
      table: { category: 'lk-captcha', type: { summary: "'ru' | 'en'" } },
    },
    'api-base': {
      description: 'The API base of this story’s own mock backend (read-only: each story has its own backend).',
      control: false,
      table: { category: 'lk-provider', type: { summary: 'string' } },
    },
  },
  parameters: {
    actions: { handles: ['lk-captcha-solved', 'lk-error'] },
    docs: {
      description: {
        component: `“Защита от роботов”: a proof of work the browser solves by itself, with no puzzle for the user. It
starts when connected; forms call \`await captcha.solve()\` and send \`captcha.consume()\` with their request. Every
story talks to its own in-browser mock backend, which sets the challenge’s difficulty.`,
      },
    },
  },
};
export default meta;

export const Solved: Story = {
  args: { 'api-base': apiBase('solved') },
  parameters: { ...mockBackend({ options: { captchaDifficulty: EASY } }), ...storyDocs('The usual case: the check has passed before the user looks.') },
  play: async ({ canvasElement }) => {
    await waitFor(async () => expect(await statusOf(canvasElement)).toHaveTextContent('Проверка пройдена'), { timeout: 5000 });
  },
};

export const Solving: Story = {
  args: { 'api-base': apiBase('solving') },
  parameters: {
    ...mockBackend({ options: { captchaDifficulty: HARD } }),
    ...storyDocs(
      `A hard challenge (${HARD} zero bits, about a million SHA-256 digests): “Проверяем, что вы не робот…” with a progress ` +
        'bar, which shows the chance the search is done by now. The page stays responsive meanwhile.',
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(await statusOf(canvasElement)).toHaveTextContent('Проверяем, что вы не робот…');
    await expect(canvasElement.querySelector('progress')).not.toBeNull();
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { 'api-base': apiBase('server-error') },
  parameters: {
    ...mockBackend({ faults: { captcha: 'server-error' }, options: { captchaDifficulty: EASY } }),
    ...storyDocs(
      'The challenge cannot be fetched (500): the check says so, with “Повторить”. The play then clears the fault, so ' +
        '“Повторить” passes the check.',
    ),
  },
  play: async ({ canvasElement, loaded, step }) => {
    const canvas = within(canvasElement);
    await step('The challenge fails with 500', async () => {
      const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
      await expect(alert).toHaveTextContent('На сервере произошла ошибка');
      await expect(within(alert).getByRole('button', { name: 'Повторить' })).toBeVisible();
    });
    await step('The server recovers', async () => {
      await storyMock(loaded).backend.faults.clear('captcha');
    });
  },
};

export const Retried: Story = {
  args: { 'api-base': apiBase('retried') },
  parameters: {
    ...mockBackend({ faults: { captcha: 'network-error' }, options: { captchaDifficulty: EASY } }),
    ...storyDocs('No network at first; once it is back, “Повторить” passes the check.'),
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent('Нет связи с сервером');
    await storyMock(loaded).backend.faults.clear('captcha');
    await userEvent.click(within(alert).getByRole('button', { name: 'Повторить' }));
    await waitFor(async () => expect(await statusOf(canvasElement)).toHaveTextContent('Проверка пройдена'), { timeout: 5000 });
  },
};

export const English: Story = {
  args: { locale: 'en', 'api-base': apiBase('english') },
  parameters: { ...mockBackend({ options: { captchaDifficulty: EASY } }), ...storyDocs('`locale="en"`.') },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Anti-robot check');
    await waitFor(async () => expect(await statusOf(canvasElement)).toHaveTextContent('Check passed'), { timeout: 5000 });
  },
};

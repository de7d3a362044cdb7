import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMock } from '../.storybook/mock-backend.js';
import { LkCaptchaElement } from '../src/entries/captcha.js';
import { elementMeta, findServerErrorAlert, inProvider, mockBackend, storyApiBase, storyDocs } from './support.js';

interface Args {
  /** `<lk-captcha locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-captcha');

/** Quick to solve, so the stories settle at once. */
const EASY = 4;
/** About a million digests: the search runs long enough to watch the progress bar. */
const HARD = 20;

const statusOf = (canvasElement: HTMLElement) => within(canvasElement).findByRole('status');

const meta: Meta<Args> = {
  title: 'Elements/lk-captcha',
  component: 'lk-captcha',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-captcha': LkCaptchaElement }),
  render: (args, { loaded }) => inProvider(loaded, html`<lk-captcha locale=${ifDefined(args.locale)}></lk-captcha>`),
  args: { locale: 'ru' },
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
    await step('The challenge fails with 500', async () => {
      await findServerErrorAlert(canvasElement, { timeout: 5000, retry: true });
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
